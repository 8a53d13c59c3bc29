// Canary releases (issue 10, item 5): a canary's share steps up by hand or on a schedule, it is
// promoted at the end, and it rolls back when its error rate, p99 latency or a chosen metric
// crosses a limit; the other variants' weights are rescaled to sum to exactly 1.
#include <QtTest>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "engine/core/Error.h"
#include "engine/deploy/CanaryPolicy.h"

using lathe::deploy::CanaryAction;
using lathe::deploy::CanaryMetricRule;
using lathe::deploy::CanaryPolicy;
using lathe::deploy::CanarySettings;
using lathe::deploy::CanaryState;
using nlohmann::json;
using Kind = CanaryAction::Kind;

namespace {

CanarySettings scheduled() {
  CanarySettings s;
  s.step = 0.1;
  s.intervalSeconds = 600;
  s.maxErrorRate = 0.05;
  s.maxP99LatencyMs = 250;
  s.minRequests = 50;
  return s;
}

// A canary at `weight`, last stepped at t = 1000, healthy: 200 requests, 2 errors, p99 120 ms.
CanaryState healthy(double weight) {
  CanaryState state;
  state.weight = weight;
  state.lastStepTime = 1000;
  state.canary.requests = 200;
  state.canary.errors = 2;
  state.canary.p99LatencyMs = 120;
  state.baseline.requests = 1800;
  state.baseline.errors = 9;
  state.baseline.p99LatencyMs = 110;
  return state;
}

bool near(double a, double b) { return std::abs(a - b) < 1e-12; }

// The error's message, or empty when nothing was thrown.
template <typename F>
std::string errorOf(F&& f) {
  try {
    f();
  } catch (const lathe::Error& e) {
    return e.message();
  }
  return {};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

class tst_CanaryPolicy : public QObject {
  Q_OBJECT
 private slots:
  void stepsOnSchedule() {
    const CanaryPolicy policy(scheduled());
    const CanaryAction a = policy.decide(healthy(0.1), 1000 + 600);
    QCOMPARE(a.kind, Kind::StepUp);
    QVERIFY(near(a.weight, 0.2));
    QVERIFY2(a.reason == "healthy at 10% (error rate 1%, p99 latency 120 ms): stepped up to 20%", a.reason.c_str());
    QCOMPARE(CanaryAction::name(a.kind), std::string_view("step_up"));
  }

  void holdsBeforeTheInterval() {
    const CanaryPolicy policy(scheduled());
    const CanaryAction a = policy.decide(healthy(0.1), 1000 + 570);
    QCOMPARE(a.kind, Kind::Hold);
    QCOMPARE(a.weight, 0.1);
    QVERIFY2(a.reason == "next step in 30 s (error rate 1%, p99 latency 120 ms)", a.reason.c_str());
    QVERIFY(contains(policy.decide(healthy(0.1), 500).reason, "next step in 10 min"));  // the clock went back
  }

  void holdsBelowTheMinimumRequests() {
    const CanaryPolicy policy(scheduled());
    CanaryState state = healthy(0.1);
    state.canary.requests = 12;
    state.canary.errors = 12;  // all failed, but 12 requests are too few to judge
    const CanaryAction a = policy.decide(state, 1000 + 6000);
    QCOMPARE(a.kind, Kind::Hold);
    QVERIFY2(a.reason == "only 12 of the 50 requests needed before the canary is judged", a.reason.c_str());
  }

  void rollsBackOnEachThreshold() {
    CanarySettings settings = scheduled();
    settings.metricRule = CanaryMetricRule{"positive_rate", 0.4, CanaryMetricRule::Direction::Above};
    const CanaryPolicy policy(settings);

    CanaryState errors = healthy(0.3);
    errors.canary.errors = 15;  // 7.5%
    errors.canary.metrics["positive_rate"] = 0.3;
    CanaryAction a = policy.decide(errors, 1001);  // before the interval: rollbacks do not wait
    QCOMPARE(a.kind, Kind::Rollback);
    QCOMPARE(a.weight, 0.0);
    QVERIFY2(a.reason == "error rate 7.5% over the 5% limit (baseline 0.5%)", a.reason.c_str());
    QCOMPARE(CanaryAction::name(a.kind), std::string_view("rollback"));

    CanaryState slow = healthy(0.3);
    slow.canary.p99LatencyMs = 340;
    slow.canary.metrics["positive_rate"] = 0.3;
    a = policy.decide(slow, 5000);
    QCOMPARE(a.kind, Kind::Rollback);
    QVERIFY2(a.reason == "p99 latency 340 ms over the 250 ms limit (baseline 110 ms)", a.reason.c_str());

    CanaryState drift = healthy(0.3);
    drift.canary.metrics["positive_rate"] = 0.47;
    drift.baseline.metrics["positive_rate"] = 0.31;
    a = policy.decide(drift, 5000);
    QCOMPARE(a.kind, Kind::Rollback);
    QVERIFY2(a.reason == "positive_rate 0.47 over the 0.4 limit (baseline 0.31)", a.reason.c_str());

    // Every limit crossed is named.
    slow.canary.errors = 15;
    slow.canary.metrics["positive_rate"] = 0.5;
    a = policy.decide(slow, 5000);
    QVERIFY2(a.reason == "error rate 7.5% over the 5% limit (baseline 0.5%); p99 latency 340 ms over the 250 ms "
                         "limit (baseline 110 ms); positive_rate 0.5 over the 0.4 limit",
             a.reason.c_str());

    // A metric that must stay above its threshold.
    CanarySettings below = scheduled();
    below.metricRule = CanaryMetricRule{"accuracy", 0.8, CanaryMetricRule::Direction::Below};
    CanaryState weak = healthy(0.3);
    weak.canary.metrics["accuracy"] = 0.72;
    a = CanaryPolicy(below).decide(weak, 5000);
    QCOMPARE(a.kind, Kind::Rollback);
    QVERIFY2(a.reason == "accuracy 0.72 under the 0.8 limit", a.reason.c_str());
    weak.canary.metrics["accuracy"] = 0.85;
    QCOMPARE(CanaryPolicy(below).decide(weak, 5000).kind, Kind::StepUp);

    // A chosen metric with no value yet: nothing to judge it on, so no step either.
    CanaryState unknown = healthy(0.3);
    a = policy.decide(unknown, 5000);
    QCOMPARE(a.kind, Kind::Hold);
    QVERIFY2(contains(a.reason, "no value yet for positive_rate"), a.reason.c_str());

    // Limits left empty are not checked; an unknown latency is not over any limit.
    CanarySettings none = scheduled();
    none.maxErrorRate.reset();
    none.maxP99LatencyMs.reset();
    CanaryState bad = healthy(0.3);
    bad.canary.errors = 150;
    bad.canary.p99LatencyMs = std::numeric_limits<double>::quiet_NaN();
    QCOMPARE(CanaryPolicy(none).decide(bad, 5000).kind, Kind::StepUp);
  }

  void promotesAtTheEnd() {
    const CanaryPolicy policy(scheduled());
    // Ten scheduled steps of 0.1 from 0: nine steps up, then promotion (0.1 * 9 is not exactly 0.9).
    CanaryState state = healthy(0.0);
    double now = 1000;
    int steps = 0;
    CanaryAction a;
    for (; steps < 20; ++steps) {
      now += 600;
      a = policy.decide(state, now);
      if (a.kind != Kind::StepUp) break;
      state.weight = a.weight;
      state.lastStepTime = now;
    }
    QCOMPARE(steps, 9);
    QCOMPARE(a.kind, Kind::Promote);
    QCOMPARE(a.weight, 1.0);
    QVERIFY2(a.reason == "healthy at 90% (error rate 1%, p99 latency 120 ms): promoted to all traffic", a.reason.c_str());

    // A maximum share below 1: the canary stops there and waits for the user.
    CanarySettings half = scheduled();
    half.maxShare = 0.5;
    const CanaryPolicy capped(half);
    a = capped.decide(healthy(0.45), 5000);
    QCOMPARE(a.kind, Kind::StepUp);
    QVERIFY(near(a.weight, 0.5));
    a = capped.decide(healthy(0.5), 9000);
    QCOMPARE(a.kind, Kind::Hold);
    QVERIFY2(contains(a.reason, "at its maximum share of 50%"), a.reason.c_str());
  }

  void stepsByHand() {
    CanarySettings settings = scheduled();
    settings.intervalSeconds = 0;
    const CanaryPolicy policy(settings);
    CanaryAction a = policy.decide(healthy(0.1), 1e9);
    QCOMPARE(a.kind, Kind::Hold);
    QVERIFY2(contains(a.reason, "steps by hand only"), a.reason.c_str());

    a = policy.stepByHand(healthy(0.1));
    QCOMPARE(a.kind, Kind::StepUp);
    QVERIFY(near(a.weight, 0.2));
    CanaryState fresh = healthy(0.0);
    fresh.canary.requests = 0;
    fresh.canary.errors = 0;
    QCOMPARE(policy.stepByHand(fresh).kind, Kind::StepUp);  // the user need not wait for requests
    QCOMPARE(policy.stepByHand(healthy(0.95)).kind, Kind::Promote);

    CanaryState failing = healthy(0.1);
    failing.canary.errors = 40;
    a = policy.stepByHand(failing);
    QCOMPARE(a.kind, Kind::Rollback);
    QVERIFY2(a.reason == "error rate 20% over the 5% limit (baseline 0.5%)", a.reason.c_str());
  }

  void invalidStateIsAnError() {
    const CanaryPolicy policy(scheduled());
    CanaryState state = healthy(1.5);
    QVERIFY(contains(errorOf([&] { policy.decide(state, 0); }), "weight"));
    state = healthy(0.1);
    state.canary.errors = 500;
    QVERIFY(contains(errorOf([&] { policy.decide(state, 0); }), "errors"));
    state = healthy(std::numeric_limits<double>::quiet_NaN());
    QVERIFY(!errorOf([&] { policy.stepByHand(state); }).empty());
    state = healthy(0.1);
    QVERIFY(!errorOf([&] { policy.decide(state, std::numeric_limits<double>::infinity()); }).empty());
  }

  void rescalesWeightsToSumOne() {
    std::vector<double> w = CanaryPolicy::rescaleWeights(std::vector<double>{0.7, 0.3}, 1, 0.4);
    QVERIFY(near(w[0], 0.6) && w[1] == 0.4);
    w = CanaryPolicy::rescaleWeights(std::vector<double>{0.5, 0.3, 0.2}, 2, 0.5);
    QVERIFY(near(w[0], 0.3125) && near(w[1], 0.1875) && w[2] == 0.5);
    w = CanaryPolicy::rescaleWeights(std::vector<double>{0.0, 0.0, 1.0}, 2, 0.4);  // others all 0: equal shares
    QVERIFY(near(w[0], 0.3) && near(w[1], 0.3));
    w = CanaryPolicy::rescaleWeights(std::vector<double>{0.6, 0.4}, 1, 0.0);  // rollback
    QCOMPARE(w, (std::vector<double>{1.0, 0.0}));
    w = CanaryPolicy::rescaleWeights(std::vector<double>{0.6, 0.4}, 1, 1.0);  // promotion
    QCOMPARE(w, (std::vector<double>{0.0, 1.0}));
    QCOMPARE(CanaryPolicy::rescaleWeights(std::vector<double>{0.3}, 0, 1.0), std::vector<double>{1.0});

    std::mt19937_64 random(9);
    std::uniform_real_distribution<double> weight(0.0, 10.0), share(0.0, 1.0);
    for (int round = 0; round < 2000; ++round) {
      std::vector<double> in(2 + static_cast<std::size_t>(round % 7));
      for (double& x : in) x = weight(random);
      const std::size_t canary = static_cast<std::size_t>(round) % in.size();
      const double target = round % 10 == 0 ? 0.1 * (round % 11) : share(random);
      const std::vector<double> out = CanaryPolicy::rescaleWeights(in, canary, target);
      QCOMPARE(std::accumulate(out.begin(), out.end(), 0.0), 1.0);  // exactly
      QCOMPARE(out[canary], target);
      for (std::size_t i = 0; i < out.size(); ++i) QVERIFY(out[i] >= 0.0);
      // Proportions kept (to rounding) among the others.
      const std::size_t a = canary == 0 ? 1 : 0;
      for (std::size_t i = 0; i < out.size(); ++i)
        if (i != canary && out[a] > 1e-9) QVERIFY(std::abs(out[i] / out[a] - in[i] / in[a]) < 1e-6 * (1 + in[i] / in[a]));
    }

    const double nan = std::numeric_limits<double>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(lathe::Error, CanaryPolicy::rescaleWeights(std::vector<double>{}, 0, 0.5));
    QVERIFY_THROWS_EXCEPTION(lathe::Error, CanaryPolicy::rescaleWeights(std::vector<double>{0.5, 0.5}, 2, 0.5));
    QVERIFY_THROWS_EXCEPTION(lathe::Error, CanaryPolicy::rescaleWeights(std::vector<double>{0.5, nan}, 0, 0.5));
    QVERIFY_THROWS_EXCEPTION(lathe::Error, CanaryPolicy::rescaleWeights(std::vector<double>{0.5, -0.1}, 0, 0.5));
    QVERIFY_THROWS_EXCEPTION(lathe::Error,
                             CanaryPolicy::rescaleWeights(std::vector<double>{0.5, std::numeric_limits<double>::infinity()}, 0, 0.5));
    QVERIFY_THROWS_EXCEPTION(lathe::Error, CanaryPolicy::rescaleWeights(std::vector<double>{0.5, 0.5}, 0, 1.2));
    QVERIFY_THROWS_EXCEPTION(lathe::Error, CanaryPolicy::rescaleWeights(std::vector<double>{0.5, 0.5}, 0, nan));
    QVERIFY_THROWS_EXCEPTION(lathe::Error, CanaryPolicy::rescaleWeights(std::vector<double>{1.0}, 0, 0.5));
  }

  void settingsRoundTripThroughJson() {
    CanarySettings s = scheduled();
    s.metricRule = CanaryMetricRule{"positive_rate", 0.4, CanaryMetricRule::Direction::Below};
    const json j = s.toJson();
    QCOMPARE(j.at("interval_seconds").get<double>(), 600.0);
    QCOMPARE(j.at("metric").at("direction").get<std::string>(), std::string("below"));
    const CanarySettings back = CanarySettings::fromJson(j);
    QCOMPARE(back.toJson(), j);
    QVERIFY(back.metricRule && back.metricRule->direction == CanaryMetricRule::Direction::Below);

    const CanarySettings defaults = CanarySettings::fromJson(json::object());
    QCOMPARE(defaults.step, 0.1);
    QCOMPARE(defaults.maxErrorRate.value_or(-1), 0.05);
    QCOMPARE(defaults.minRequests, std::uint64_t(50));
    QVERIFY(!defaults.maxP99LatencyMs && !defaults.metricRule);
    QVERIFY(!CanarySettings::fromJson(json{{"max_error_rate", nullptr}}).maxErrorRate);  // null: no limit
    QCOMPARE(CanarySettings().toJson().at("max_p99_latency_ms"), json(nullptr));
  }

  // Every validation error names its field.
  void invalidSettingsNameTheField() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const auto fromJson = [](const json& j) { return errorOf([&] { CanarySettings::fromJson(j); }); };
    QVERIFY(contains(fromJson({{"step", -0.1}}), "'step'"));
    QVERIFY(contains(fromJson({{"step", 0}}), "'step'"));
    QVERIFY(contains(fromJson({{"step", "big"}}), "'step'"));
    QVERIFY(contains(fromJson({{"max_share", 1.5}}), "'max_share'"));
    QVERIFY(contains(fromJson({{"interval_seconds", -5}}), "'interval_seconds'"));
    QVERIFY(contains(fromJson({{"max_error_rate", 2}}), "'max_error_rate'"));
    QVERIFY(contains(fromJson({{"max_p99_latency_ms", 0}}), "'max_p99_latency_ms'"));
    QVERIFY(contains(fromJson({{"min_requests", -5}}), "'min_requests'"));
    QVERIFY(contains(fromJson({{"min_requests", 2.5}}), "'min_requests'"));
    QVERIFY(contains(fromJson({{"metric", {{"name", "x"}, {"threshold", nan}}}}), "'metric.threshold'"));
    QVERIFY(contains(fromJson({{"metric", {{"name", "x"}}}}), "'metric.threshold'"));
    QVERIFY(contains(fromJson({{"metric", {{"name", ""}, {"threshold", 1}}}}), "'metric.name'"));
    QVERIFY(contains(fromJson({{"metric", {{"name", "x"}, {"threshold", 1}, {"direction", "sideways"}}}}),
                     "'metric.direction'"));
    QVERIFY(contains(fromJson({{"setp", 0.2}}), "'setp'"));
    QVERIFY(contains(fromJson(json::array()), "object"));

    CanarySettings s;
    s.maxP99LatencyMs = nan;
    QVERIFY(contains(errorOf([&] { const CanaryPolicy policy{s}; (void)policy; }), "'max_p99_latency_ms'"));
    s = CanarySettings();
    s.metricRule = CanaryMetricRule{"positive_rate", nan, CanaryMetricRule::Direction::Above};
    QVERIFY(contains(errorOf([&] { s.validate(); }), "'metric.threshold'"));
    s = CanarySettings();
    s.step = nan;
    QVERIFY(contains(errorOf([&] { s.validate(); }), "'step'"));
  }
};

QTEST_MAIN(tst_CanaryPolicy)
#include "tst_CanaryPolicy.moc"
