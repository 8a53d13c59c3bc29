#include "engine/deploy/CanaryPolicy.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <utility>

#include "engine/core/Error.h"

namespace lathe::deploy {
namespace {

// Weights within this of 1 count as the whole traffic: 0.1 stepped nine times is not exactly 1.
constexpr double kWhole = 1e-9;

[[noreturn]] void invalid(const std::string& message) {
  throw Error(ErrorCode::InvalidArgument, "canary: " + message);
}

// At most `decimals` decimals, trailing zeros dropped: 7.5, 5, 0.25.
std::string trimmed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string out = buffer;
  if (out.find('.') != std::string::npos) {
    out.erase(out.find_last_not_of('0') + 1);
    if (out.back() == '.') out.pop_back();
  }
  return out == "-0" ? "0" : out;
}

std::string percent(double share) { return trimmed(share * 100.0, 2) + "%"; }
std::string milliseconds(double ms) { return trimmed(ms, 1) + " ms"; }
std::string statistic(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

std::string duration(double seconds) {
  if (seconds < 120.0) return trimmed(std::ceil(seconds), 0) + " s";
  if (seconds < 7200.0) return trimmed(std::ceil(seconds / 60.0), 0) + " min";
  return trimmed(seconds / 3600.0, 1) + " h";
}

double errorRate(const CanaryStats& s) {
  return s.requests == 0 ? 0.0 : static_cast<double>(s.errors) / static_cast<double>(s.requests);
}

void check(const CanaryStats& s, const char* who) {
  if (s.errors > s.requests)
    invalid(std::string(who) + " has " + std::to_string(s.errors) + " errors in " + std::to_string(s.requests) +
            " requests");
  if (s.p99LatencyMs < 0.0 || std::isinf(s.p99LatencyMs))
    invalid(std::string(who) + "'s p99 latency is " + std::to_string(s.p99LatencyMs) + " ms");
}

void check(const CanaryState& state) {
  if (!(state.weight >= 0.0 && state.weight <= 1.0))
    invalid("the canary's weight must be between 0 and 1, not " + std::to_string(state.weight));
  if (!std::isfinite(state.lastStepTime)) invalid("the time of the last step is not a finite number");
  check(state.canary, "the canary");
  check(state.baseline, "the baseline");
}

// "(baseline 0.4%)" when the baseline has something to compare with.
std::string baselineNote(bool known, const std::string& value) { return known ? " (baseline " + value + ")" : ""; }

std::string healthOf(const CanaryStats& s) {
  std::string out = "error rate " + percent(errorRate(s));
  if (!std::isnan(s.p99LatencyMs)) out += ", p99 latency " + milliseconds(s.p99LatencyMs);
  return out;
}

}  // namespace

CanaryPolicy::CanaryPolicy(CanarySettings settings) : settings_(std::move(settings)) { settings_.validate(); }

std::string CanaryPolicy::crossedLimits(const CanaryState& state) const {
  const CanaryStats& c = state.canary;
  const CanaryStats& b = state.baseline;
  std::string out;
  const auto add = [&](const std::string& sentence) { out += (out.empty() ? "" : "; ") + sentence; };
  if (settings_.maxErrorRate && errorRate(c) > *settings_.maxErrorRate)
    add("error rate " + percent(errorRate(c)) + " over the " + percent(*settings_.maxErrorRate) + " limit" +
        baselineNote(b.requests > 0, percent(errorRate(b))));
  if (settings_.maxP99LatencyMs && c.p99LatencyMs > *settings_.maxP99LatencyMs)  // NaN (unknown) is not over
    add("p99 latency " + milliseconds(c.p99LatencyMs) + " over the " + milliseconds(*settings_.maxP99LatencyMs) +
        " limit" + baselineNote(!std::isnan(b.p99LatencyMs), milliseconds(b.p99LatencyMs)));
  if (const auto& rule = settings_.metricRule) {
    const auto value = c.metrics.find(rule->name);
    if (value != c.metrics.end() && !std::isnan(value->second)) {
      const bool above = rule->direction == CanaryMetricRule::Direction::Above;
      if (above ? value->second > rule->threshold : value->second < rule->threshold) {
        const auto base = b.metrics.find(rule->name);
        add(rule->name + " " + statistic(value->second) + (above ? " over" : " under") + " the " +
            statistic(rule->threshold) + " limit" +
            baselineNote(base != b.metrics.end() && !std::isnan(base->second),
                         base != b.metrics.end() ? statistic(base->second) : std::string()));
      }
    }
  }
  return out;
}

CanaryAction CanaryPolicy::step(const CanaryState& state) const {
  const double max = settings_.maxShare;
  if (state.weight >= max - kWhole) {
    if (max >= 1.0 - kWhole)
      return {CanaryAction::Kind::Promote, 1.0,
              "already serves all traffic (" + healthOf(state.canary) + "): promoted"};
    return {CanaryAction::Kind::Hold, state.weight,
            "at its maximum share of " + percent(max) + " (" + healthOf(state.canary) + "); promote it by hand"};
  }
  const double next = std::min(state.weight + settings_.step, max);
  if (next >= 1.0 - kWhole)
    return {CanaryAction::Kind::Promote, 1.0,
            "healthy at " + percent(state.weight) + " (" + healthOf(state.canary) + "): promoted to all traffic"};
  return {CanaryAction::Kind::StepUp, next,
          "healthy at " + percent(state.weight) + " (" + healthOf(state.canary) + "): stepped up to " + percent(next)};
}

CanaryAction CanaryPolicy::decide(const CanaryState& state, double now) const {
  check(state);
  if (!std::isfinite(now)) invalid("the time now is not a finite number");
  const CanaryStats& c = state.canary;
  if (c.requests < settings_.minRequests)
    return {CanaryAction::Kind::Hold, state.weight,
            "only " + std::to_string(c.requests) + " of the " + std::to_string(settings_.minRequests) +
                " requests needed before the canary is judged"};
  if (std::string crossed = crossedLimits(state); !crossed.empty())
    return {CanaryAction::Kind::Rollback, 0.0, crossed};
  if (const auto& rule = settings_.metricRule) {
    const auto value = c.metrics.find(rule->name);
    if (value == c.metrics.end() || std::isnan(value->second))
      return {CanaryAction::Kind::Hold, state.weight,
              "no value yet for " + rule->name + ", which the canary is judged on"};
  }
  // At its maximum share the schedule no longer matters: step() promotes or holds it there.
  const bool belowMax = state.weight < settings_.maxShare - kWhole;
  if (settings_.intervalSeconds == 0.0 && belowMax)
    return {CanaryAction::Kind::Hold, state.weight, "steps by hand only (" + healthOf(c) + ")"};
  const double waited = now - state.lastStepTime;  // negative if the clock went back: wait again
  if (settings_.intervalSeconds > 0.0 && waited < settings_.intervalSeconds && belowMax)
    return {CanaryAction::Kind::Hold, state.weight,
            "next step in " + duration(settings_.intervalSeconds - std::max(waited, 0.0)) + " (" + healthOf(c) + ")"};
  return step(state);
}

CanaryAction CanaryPolicy::stepByHand(const CanaryState& state) const {
  check(state);
  if (state.canary.requests >= settings_.minRequests)
    if (std::string crossed = crossedLimits(state); !crossed.empty())
      return {CanaryAction::Kind::Rollback, 0.0, crossed};
  return step(state);
}

std::vector<double> CanaryPolicy::rescaleWeights(std::span<const double> weights, std::size_t canary,
                                                 double canaryWeight) {
  if (weights.empty()) invalid("an endpoint without variants has no weights to rescale");
  if (canary >= weights.size())
    invalid("variant " + std::to_string(canary) + " is not among the endpoint's " + std::to_string(weights.size()));
  for (std::size_t i = 0; i < weights.size(); ++i)
    if (!(weights[i] >= 0.0 && std::isfinite(weights[i])))
      invalid("variant " + std::to_string(i) + "'s weight is " + std::to_string(weights[i]) +
              "; weights are finite and not negative");
  if (!(canaryWeight >= 0.0 && canaryWeight <= 1.0))
    invalid("the canary's weight must be between 0 and 1, not " + std::to_string(canaryWeight));
  std::vector<double> out(weights.begin(), weights.end());
  out[canary] = canaryWeight;
  if (weights.size() == 1) {
    if (canaryWeight < 1.0) invalid("the canary is the endpoint's only variant, so its weight must be 1");
    return out;
  }
  const double rest = 1.0 - canaryWeight;
  double others = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i)
    if (i != canary) others += weights[i];
  for (std::size_t i = 0; i < weights.size(); ++i)
    if (i != canary)
      out[i] = others > 0.0 ? weights[i] / others * rest : rest / static_cast<double>(weights.size() - 1);
  // Rounding leaves the sum a few ulps from 1; the largest other weight absorbs it, so that the
  // router's cumulative weights end at exactly 1.
  std::size_t largest = canary == 0 ? 1 : 0;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (i != canary && out[i] > out[largest]) largest = i;
  for (int round = 0; round < 8; ++round) {
    const double sum = std::accumulate(out.begin(), out.end(), 0.0);
    if (sum == 1.0) break;
    out[largest] = std::max(0.0, out[largest] + (1.0 - sum));
  }
  return out;
}

}  // namespace lathe::deploy
