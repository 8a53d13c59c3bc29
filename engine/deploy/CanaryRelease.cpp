#include "engine/deploy/CanaryRelease.h"

#include <algorithm>
#include <vector>

#include "engine/core/Error.h"
#include "engine/deploy/CanaryPolicy.h"
#include "engine/deploy/EndpointRegistry.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/deploy/RequestLogSummary.h"
#include "engine/store/Database.h"
#include "engine/store/Transaction.h"

namespace lathe::deploy {
namespace {

CanaryStats statsOf(const RequestLogSummary& summary) {
  CanaryStats stats;
  stats.requests = static_cast<std::uint64_t>(summary.requests);
  stats.errors = static_cast<std::uint64_t>(summary.errors);
  stats.p99LatencyMs = summary.p99Milliseconds;
  stats.metrics["error_rate"] = summary.requests ? double(summary.errors) / double(summary.requests) : 0.0;
  stats.metrics["p50_latency_ms"] = summary.p50Milliseconds;
  return stats;
}

}  // namespace

CanaryRelease::CanaryRelease(store::Database& db, std::string endpoint) : db_(db), endpoint_(std::move(endpoint)) {}

CanarySettings CanaryRelease::settings() {
  const auto info = EndpointRegistry(db_).get(endpoint_);
  return info.settings.contains("canary") ? CanarySettings::fromJson(info.settings["canary"]) : CanarySettings{};
}

std::optional<EndpointVariant> CanaryRelease::canary() {
  for (const auto& v : EndpointRegistry(db_).get(endpoint_).variants)
    if (v.role == "canary") return v;
  return std::nullopt;
}

double CanaryRelease::stepUp(const std::string& reason) {
  if (!canary()) throw Error(ErrorCode::InvalidArgument, "endpoint \"" + endpoint_ + "\" has no canary", {}, endpoint_);
  CanaryAction action = CanaryPolicy(settings()).stepByHand(state(0.0));
  if (action.kind != CanaryAction::Kind::Rollback) action.reason = reason;
  return apply(action).weight;
}

double CanaryRelease::rollBack(const std::string& reason) {
  return apply({CanaryAction::Kind::Rollback, 0.0, reason}).weight;
}

double CanaryRelease::promote(const std::string& reason) {
  return apply({CanaryAction::Kind::Promote, 1.0, reason}).weight;
}

CanaryState CanaryRelease::state(double lastStep) {
  EndpointRegistry endpoints(db_);
  const auto info = endpoints.get(endpoint_);
  // The canary is judged on what it served since its share last changed.
  std::string since;
  for (const auto& event : endpoints.events(endpoint_))
    if (event.kind == "created" || event.kind == "weights" || event.kind == "canary_step" || event.kind == "rollback" ||
        event.kind == "promote")
      since = event.at;
  CanaryState state;
  state.lastStepTime = lastStep;
  for (const auto& v : info.variants)
    if (v.role == "canary") state.weight = v.weight;
  const auto variant = canary();
  // The baseline is every other variant together (the worst p99 of them stands for their latency).
  RequestLogSummary baseline;
  for (const auto& summary : RequestLogSummary::of(db_, info.id, since)) {
    if (variant && summary.variant == variant->name) {
      state.canary = statsOf(summary);
      continue;
    }
    baseline.requests += summary.requests;
    baseline.rows += summary.rows;
    baseline.errors += summary.errors;
    baseline.p50Milliseconds = std::max(baseline.p50Milliseconds, summary.p50Milliseconds);
    baseline.p99Milliseconds = std::max(baseline.p99Milliseconds, summary.p99Milliseconds);
  }
  state.baseline = statsOf(baseline);
  return state;
}

CanaryAction CanaryRelease::check(double now, double lastStep) {
  if (!canary()) return {CanaryAction::Kind::Hold, 0.0, "no canary"};
  const CanaryAction action = CanaryPolicy(settings()).decide(state(lastStep), now);
  return action.kind == CanaryAction::Kind::Hold ? action : apply(action);
}

CanaryAction CanaryRelease::apply(const CanaryAction& action) {
  EndpointRegistry endpoints(db_);
  const auto info = endpoints.get(endpoint_);
  auto variants = info.variants;
  const auto at = std::find_if(variants.begin(), variants.end(), [](const auto& v) { return v.role == "canary"; });
  if (at == variants.end()) throw Error(ErrorCode::InvalidArgument, "endpoint \"" + endpoint_ + "\" has no canary", {}, endpoint_);
  if (action.kind == CanaryAction::Kind::Hold) return action;
  const auto index = static_cast<std::size_t>(at - variants.begin());
  if (action.kind == CanaryAction::Kind::Rollback && variants.size() == 1)
    throw Error(ErrorCode::InvalidArgument, "the canary is the endpoint's only variant; there is nothing to roll back to");
  std::vector<double> weights;
  for (const auto& v : variants) weights.push_back(v.weight);
  weights = CanaryPolicy::rescaleWeights(weights, index, action.weight);
  for (std::size_t i = 0; i < variants.size(); ++i) variants[i].weight = weights[i];
  const std::int64_t versionId = variants[index].modelVersionId;
  if (action.kind == CanaryAction::Kind::Promote) variants[index].role = "variant";
  const char* kind = action.kind == CanaryAction::Kind::Rollback  ? "rollback"
                     : action.kind == CanaryAction::Kind::Promote ? "promote"
                                                                  : "canary_step";
  // A promotion's weights and its production alias commit together: no reader sees the
  // canary gone and the old version still production.
  store::Transaction transaction(db_);
  endpoints.setVariants(endpoint_, variants, kind, action.reason);
  if (action.kind == CanaryAction::Kind::Promote)
    ModelRegistry(db_).setAlias(versionId, "production", "promoted by the canary release of endpoint " + endpoint_);
  transaction.commit();
  return action;
}

}  // namespace lathe::deploy
