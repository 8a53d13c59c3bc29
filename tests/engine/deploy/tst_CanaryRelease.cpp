// Canary releases as the project stores them (issue 10, item 5), on a real project: credit-g,
// logistic regression trained and registered as versions 1 to 3. By hand: stepUp moves the
// canary by the step and rescales the others in proportion to sum exactly 1, rollBack sends it
// to 0, promote makes it an ordinary variant with all the traffic and its version production
// (the old one archived). The schedule: check() judges the canary on request_log rows written
// by hand since its share last changed: below min_requests it holds; errors (status 500 and up,
// not 4xx) over max_error_rate or a p99 latency over its limit roll it back with a reason naming
// the figure; past interval_seconds it steps, and at 100% it is promoted. Every action is an
// endpoint event with its reason.
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cmath>
#include <functional>
#include <numeric>
#include <optional>
#include <thread>

#include "../RegisteredModel.h"
#include "../ml/MlTestSupport.h"
#include "engine/core/Error.h"
#include "engine/deploy/CanaryRelease.h"
#include "engine/deploy/EndpointRegistry.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/deploy/RequestLog.h"
#include "engine/deploy/RequestLogSummary.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/store/Statement.h"

using namespace lathe;
using deploy::CanaryAction;
using deploy::CanaryRelease;
using deploy::EndpointRegistry;
using deploy::EndpointVariant;
using nlohmann::json;

namespace {

std::optional<Error> errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

#define QVERIFY_ERROR(statement, errorCode, needle)                                                   \
  do {                                                                                                \
    const auto error_ = errorOf([&] { statement; });                                                  \
    QVERIFY2(error_.has_value(), "no error from: " #statement);                                       \
    QVERIFY2(error_->code() == (errorCode), error_->what());                                          \
    QVERIFY2(std::string(error_->what()).find(needle) != std::string::npos, error_->what());          \
  } while (0)

#define QVERIFY_CONTAINS(text, needle) \
  QVERIFY2(std::string(text).find(needle) != std::string::npos, (std::string(text) + " lacks: " + (needle)).c_str())

std::vector<std::string> kinds(const std::vector<deploy::EndpointEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(e.kind);
  return out;
}

double weightOf(const deploy::EndpointInfo& info, const std::string& variant) {
  for (const auto& v : info.variants)
    if (v.name == variant) return v.weight;
  return -1.0;
}

std::string roleOf(const deploy::EndpointInfo& info, const std::string& variant) {
  for (const auto& v : info.variants)
    if (v.name == variant) return v.role;
  return {};
}

double sumOf(const deploy::EndpointInfo& info) {
  double sum = 0.0;
  for (const auto& v : info.variants) sum += v.weight;
  return sum;
}

// The event timestamps have milliseconds; a pause keeps "since the last step" unambiguous.
void tick() { std::this_thread::sleep_for(std::chrono::milliseconds(5)); }

}  // namespace

class tst_CanaryRelease : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::shared_ptr<store::Project> project_;
  std::vector<deploy::ModelVersionInfo> versions_;

  EndpointVariant variant(std::size_t i, double weight, const std::string& role = "variant") const {
    return {versions_[i].reference(), versions_[i].id, weight, role};
  }
  deploy::EndpointInfo info(const std::string& endpoint) { return EndpointRegistry(project_->db()).get(endpoint); }
  std::vector<deploy::EndpointEvent> events(const std::string& endpoint) {
    return EndpointRegistry(project_->db()).events(endpoint);
  }

  // `count` answered requests of `variant`, as the server's log writes them, dated now.
  void logRequests(const std::string& endpoint, const std::string& variant, int count, int status, double latencyMs = 3.0) {
    const auto id = info(endpoint).id;
    store::Statement insert = project_->db().prepare(
        "INSERT INTO request_log (endpoint_id, variant, at, status, latency_ms, rows) VALUES (?1, ?2, ?3, ?4, ?5, 1)");
    for (int i = 0; i < count; ++i) {
      insert.bind(1, id).bind(2, variant).bind(3, deploy::RequestLog::formatTime(std::chrono::system_clock::now()))
          .bind(4, status).bind(5, latencyMs).run();
      insert.reset();
    }
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    project_ = store::Project::create(dir_.filePath("canary.lathe").toStdString(),
                                      store::ProjectInfo{"Canary", {}, {}, {}, {}, {}, {}});
    const auto dataset =
        store::DatasetRepository(project_->db()).addDataset("credit-g", mltest::loadTable("credit-g.arff"), {});
    const auto run = enginetest::trainRun(project_, dataset, "class", "logistic");
    for (int i = 0; i < 3; ++i) versions_.push_back(enginetest::registerRun(project_, run, "credit"));
    QCOMPARE(versions_[2].version, 3);
    deploy::ModelRegistry(project_->db()).setAlias(versions_[0].id, "production", "the first release");
  }

  void stepUpMovesTheCanaryAndRescalesTheOthers() {
    EndpointRegistry(project_->db())
        .create("steps", {variant(0, 0.6), variant(1, 0.3), variant(2, 0.1, "canary")}, {{"canary", {{"step", 0.2}}}});
    CanaryRelease release(project_->db(), "steps");
    QCOMPARE(release.settings().step, 0.2);
    QCOMPARE(release.canary()->name, std::string("credit:3"));

    tick();
    QCOMPARE(release.stepUp("looks fine"), 0.1 + 0.2);
    auto now = info("steps");
    QCOMPARE(weightOf(now, "credit:3"), 0.1 + 0.2);
    // The others keep their proportion (2:1) and all sum to exactly 1.
    QVERIFY(std::abs(weightOf(now, "credit:1") - 0.7 * 2.0 / 3.0) < 1e-12);
    QVERIFY(std::abs(weightOf(now, "credit:2") - 0.7 / 3.0) < 1e-12);
    QCOMPARE(sumOf(now), 1.0);
    QCOMPARE(roleOf(now, "credit:3"), std::string("canary"));
    auto history = events("steps");
    QCOMPARE(history.back().kind, std::string("canary_step"));
    QCOMPARE(history.back().reason, std::string("looks fine"));
    QCOMPARE(history.back().detail["from"][2]["weight"].get<double>(), 0.1);
    QCOMPARE(history.back().detail["to"][2]["weight"].get<double>(), 0.1 + 0.2);

    tick();
    QVERIFY(std::abs(release.stepUp("again") - 0.5) < 1e-12);
    now = info("steps");
    QVERIFY(std::abs(weightOf(now, "credit:1") - 0.5 * 2.0 / 3.0) < 1e-12);
    QCOMPARE(sumOf(now), 1.0);

    // Stepped by hand past its errors? No: a canary that crossed a limit is rolled back instead.
    logRequests("steps", "credit:3", 60, 500);
    tick();
    QCOMPARE(release.stepUp("one more"), 0.0);
    now = info("steps");
    QCOMPARE(weightOf(now, "credit:3"), 0.0);
    QCOMPARE(sumOf(now), 1.0);
    history = events("steps");
    QCOMPARE(history.back().kind, std::string("rollback"));
    QVERIFY_CONTAINS(history.back().reason, "error rate 100% over the 5% limit");
    QCOMPARE(kinds(history), (std::vector<std::string>{"created", "canary_step", "canary_step", "rollback"}));

    // Its errors were before the rollback: stepped up again by hand, it is judged afresh.
    tick();
    QVERIFY(std::abs(release.stepUp("fixed the feature store") - 0.2) < 1e-12);
    QCOMPARE(events("steps").back().kind, std::string("canary_step"));
    logRequests("steps", "credit:3", 49, 500);  // under the default min_requests of 50: not judged yet
    tick();
    QVERIFY(std::abs(release.stepUp("and again") - 0.4) < 1e-12);
    QCOMPARE(kinds(events("steps")),
             (std::vector<std::string>{"created", "canary_step", "canary_step", "rollback", "canary_step", "canary_step"}));
  }

  void rollBackSendsTheCanaryToZero() {
    EndpointRegistry(project_->db()).create("rollback", {variant(0, 0.5), variant(1, 0.25), variant(2, 0.25, "canary")});
    CanaryRelease release(project_->db(), "rollback");
    tick();
    QCOMPARE(release.rollBack("customers complained"), 0.0);
    const auto now = info("rollback");
    QCOMPARE(weightOf(now, "credit:3"), 0.0);
    QCOMPARE(roleOf(now, "credit:3"), std::string("canary"));  // still the canary, to step up again later
    QVERIFY(std::abs(weightOf(now, "credit:1") - 2.0 / 3.0) < 1e-12);
    QVERIFY(std::abs(weightOf(now, "credit:2") - 1.0 / 3.0) < 1e-12);
    QCOMPARE(sumOf(now), 1.0);
    const auto history = events("rollback");
    QCOMPARE(kinds(history), (std::vector<std::string>{"created", "rollback"}));
    QCOMPARE(history.back().reason, std::string("customers complained"));
    // From 0 it steps up again by its step (the default 0.1).
    tick();
    QVERIFY(std::abs(release.stepUp("second try") - 0.1) < 1e-12);
    QCOMPARE(sumOf(info("rollback")), 1.0);

    // A canary that is the only variant has nothing to roll back to.
    EndpointRegistry(project_->db()).create("lonely", {variant(2, 1.0, "canary")});
    QVERIFY_ERROR(CanaryRelease(project_->db(), "lonely").rollBack("no"), ErrorCode::InvalidArgument, "nothing to roll back to");
    QCOMPARE(weightOf(info("lonely"), "credit:3"), 1.0);
    QCOMPARE(kinds(events("lonely")), std::vector<std::string>{"created"});
  }

  void promoteMakesTheCanaryProduction() {
    EndpointRegistry(project_->db()).create("promote", {variant(0, 0.8), variant(1, 0.2, "canary")});
    CanaryRelease release(project_->db(), "promote");
    tick();
    QCOMPARE(release.promote("a week without trouble"), 1.0);
    const auto now = info("promote");
    QCOMPARE(roleOf(now, "credit:2"), std::string("variant"));
    QCOMPARE(weightOf(now, "credit:2"), 1.0);
    QCOMPARE(weightOf(now, "credit:1"), 0.0);
    QVERIFY(!release.canary().has_value());
    const auto history = events("promote");
    QCOMPARE(kinds(history), (std::vector<std::string>{"created", "promote"}));
    QCOMPARE(history.back().reason, std::string("a week without trouble"));

    deploy::ModelRegistry registry(project_->db());
    QCOMPARE(registry.production("credit")->id, versions_[1].id);
    QCOMPARE(registry.version(versions_[0].id)->alias, std::string("archived"));
    QCOMPARE(registry.version(versions_[2].id)->alias, std::string());
    const auto moves = registry.history("credit");
    QCOMPARE(moves.back().versionId, versions_[1].id);
    QCOMPARE(moves.back().toAlias, std::string("production"));
    QVERIFY_CONTAINS(moves.back().reason, "canary release of endpoint promote");
    QCOMPARE(moves[moves.size() - 2].versionId, versions_[0].id);
    QCOMPARE(moves[moves.size() - 2].toAlias, std::string("archived"));

    // Without a canary there is nothing to step, roll back or promote, and nothing changes.
    QVERIFY_ERROR(release.stepUp("x"), ErrorCode::InvalidArgument, "has no canary");
    QVERIFY_ERROR(release.rollBack("x"), ErrorCode::InvalidArgument, "has no canary");
    QVERIFY_ERROR(release.promote("x"), ErrorCode::InvalidArgument, "has no canary");
    QCOMPARE(release.check(1e6, 0.0).kind, CanaryAction::Kind::Hold);
    QCOMPARE(events("promote").size(), history.size());
    QVERIFY_ERROR(CanaryRelease(project_->db(), "nope").stepUp("x"), ErrorCode::InvalidArgument, "\"nope\"");
  }

  void checkRollsBackOnTheErrorRate() {
    const json settings = {{"canary", {{"max_error_rate", 0.1}, {"min_requests", 20}}}};
    EndpointRegistry(project_->db()).create("guarded", {variant(0, 0.9), variant(1, 0.1, "canary")}, settings);
    CanaryRelease release(project_->db(), "guarded");
    tick();
    logRequests("guarded", "credit:1", 200, 200);
    // Refused rows (the client's fault) are not the canary's errors.
    logRequests("guarded", "credit:2", 30, 422);
    auto action = release.check(100.0, 0.0);
    QCOMPARE(action.kind, CanaryAction::Kind::Hold);
    QVERIFY_CONTAINS(action.reason, "by hand only");

    // Judged only from min_requests on: 5 errors in 35 requests (14%) over the 10% limit.
    logRequests("guarded", "credit:2", 5, 500);
    action = release.check(100.0, 0.0);
    QCOMPARE(action.kind, CanaryAction::Kind::Rollback);
    QCOMPARE(action.weight, 0.0);
    QVERIFY_CONTAINS(action.reason, "error rate 14.29% over the 10% limit (baseline 0%)");
    auto now = info("guarded");
    QCOMPARE(weightOf(now, "credit:2"), 0.0);
    QCOMPARE(weightOf(now, "credit:1"), 1.0);
    const auto history = events("guarded");
    QCOMPARE(kinds(history), (std::vector<std::string>{"created", "rollback"}));
    QCOMPARE(history.back().reason, action.reason);

    // The summary behind it, from the same rows.
    const auto summary = deploy::RequestLogSummary::of(project_->db(), now.id);
    QCOMPARE(summary.size(), std::size_t{2});
    QCOMPARE(summary[1].variant, std::string("credit:2"));
    QCOMPARE(summary[1].requests, std::int64_t{35});
    QCOMPARE(summary[1].errors, std::int64_t{5});
    QCOMPARE(summary[0].errors, std::int64_t{0});
  }

  void onlyWhatTheCanaryServedSinceItsLastChangeCounts() {
    const json settings = {{"canary", {{"max_error_rate", 0.1}, {"min_requests", 10}}}};
    EndpointRegistry endpoints(project_->db());
    endpoints.create("fresh", {variant(0, 0.9), variant(1, 0.1, "canary")}, settings);
    CanaryRelease release(project_->db(), "fresh");
    tick();
    logRequests("fresh", "credit:2", 20, 500);  // a bad start ...
    tick();
    endpoints.setVariants("fresh", {variant(0, 0.8), variant(1, 0.2, "canary")}, "weights", "fixed, try again");
    tick();
    logRequests("fresh", "credit:2", 5, 200);  // ... forgotten once its share changed
    QCOMPARE(release.check(10.0, 0.0).kind, CanaryAction::Kind::Hold);
    QVERIFY_CONTAINS(release.check(10.0, 0.0).reason, "only 5 of the 10 requests");
    logRequests("fresh", "credit:2", 10, 200);
    QCOMPARE(release.check(10.0, 0.0).kind, CanaryAction::Kind::Hold);
    QCOMPARE(weightOf(info("fresh"), "credit:2"), 0.2);
    QCOMPARE(kinds(events("fresh")), (std::vector<std::string>{"created", "weights"}));
  }

  void checkRollsBackOnTheP99Latency() {
    const json settings = {{"canary", {{"max_error_rate", nullptr}, {"max_p99_latency_ms", 250}, {"min_requests", 10}}}};
    EndpointRegistry(project_->db()).create("slow", {variant(0, 0.7), variant(1, 0.3, "canary")}, settings);
    CanaryRelease release(project_->db(), "slow");
    tick();
    logRequests("slow", "credit:1", 50, 200, 4.0);
    logRequests("slow", "credit:2", 50, 500, 20.0);  // errors are not judged here
    QCOMPARE(release.check(10.0, 0.0).kind, CanaryAction::Kind::Hold);
    logRequests("slow", "credit:2", 5, 200, 900.0);
    const auto action = release.check(10.0, 0.0);
    QCOMPARE(action.kind, CanaryAction::Kind::Rollback);
    QVERIFY_CONTAINS(action.reason, "p99 latency 900 ms over the 250 ms limit (baseline 4 ms)");
    QCOMPARE(events("slow").back().kind, std::string("rollback"));
  }

  void theScheduleStepsAfterItsIntervalAndPromotesAtTheEnd() {
    const json settings = {{"canary", {{"step", 0.3}, {"interval_seconds", 60}, {"min_requests", 5}}}};
    EndpointRegistry(project_->db()).create("scheduled", {variant(0, 0.9), variant(2, 0.1, "canary")}, settings);
    CanaryRelease release(project_->db(), "scheduled");
    tick();
    logRequests("scheduled", "credit:3", 10, 200);
    auto action = release.check(1030.0, 1000.0);
    QCOMPARE(action.kind, CanaryAction::Kind::Hold);
    QVERIFY_CONTAINS(action.reason, "next step in 30 s");
    QCOMPARE(kinds(events("scheduled")), std::vector<std::string>{"created"});

    std::vector<double> shares;
    double lastStep = 1000.0, clock = 1000.0;
    for (int round = 0; round < 6 && release.canary(); ++round) {
      clock += 61.0;
      tick();
      logRequests("scheduled", "credit:3", 10, 200);
      action = release.check(clock, lastStep);
      QVERIFY2(action.kind == CanaryAction::Kind::StepUp || action.kind == CanaryAction::Kind::Promote, action.reason.c_str());
      lastStep = clock;
      shares.push_back(action.weight);
      const auto now = info("scheduled");
      QCOMPARE(sumOf(now), 1.0);
      if (action.kind == CanaryAction::Kind::StepUp) {
        QVERIFY(std::abs(weightOf(now, "credit:3") - action.weight) < 1e-12);
        QVERIFY_CONTAINS(action.reason, "stepped up to");
        QCOMPARE(events("scheduled").back().kind, std::string("canary_step"));
        QCOMPARE(events("scheduled").back().reason, action.reason);
        // Right after a step, the canary has served nothing at its new share yet: it waits.
        QCOMPARE(release.check(clock + 1000.0, lastStep).kind, CanaryAction::Kind::Hold);
      }
    }
    // 0.1 -> 0.4 -> 0.7 -> 1.0, which is the whole traffic: promoted.
    QCOMPARE(shares.size(), std::size_t{3});
    QVERIFY(std::abs(shares[0] - 0.4) < 1e-12);
    QVERIFY(std::abs(shares[1] - 0.7) < 1e-12);
    QCOMPARE(shares[2], 1.0);
    QCOMPARE(action.kind, CanaryAction::Kind::Promote);
    const auto now = info("scheduled");
    QCOMPARE(roleOf(now, "credit:3"), std::string("variant"));
    QCOMPARE(weightOf(now, "credit:3"), 1.0);
    QCOMPARE(weightOf(now, "credit:1"), 0.0);
    QCOMPARE(deploy::ModelRegistry(project_->db()).production("credit")->id, versions_[2].id);
    QCOMPARE(kinds(events("scheduled")),
             (std::vector<std::string>{"created", "canary_step", "canary_step", "promote"}));
  }

  void aShareCappedBelowOneHoldsThere() {
    const json settings = {{"canary", {{"step", 0.25}, {"interval_seconds", 1}, {"max_share", 0.5}, {"min_requests", 1}}}};
    EndpointRegistry(project_->db()).create("capped", {variant(0, 0.9), variant(1, 0.1, "canary")}, settings);
    CanaryRelease release(project_->db(), "capped");
    double clock = 0.0;
    std::vector<CanaryAction::Kind> seen;
    for (int round = 0; round < 4; ++round) {
      tick();
      logRequests("capped", "credit:2", 3, 200);
      clock += 10.0;
      seen.push_back(release.check(clock, clock - 10.0).kind);
    }
    using K = CanaryAction::Kind;
    QCOMPARE(seen, (std::vector<K>{K::StepUp, K::StepUp, K::Hold, K::Hold}));
    QCOMPARE(weightOf(info("capped"), "credit:2"), 0.5);
    QVERIFY_CONTAINS(release.check(clock + 10.0, clock).reason, "maximum share of 50%");
    QCOMPARE(kinds(events("capped")), (std::vector<std::string>{"created", "canary_step", "canary_step"}));
  }
};

QTEST_GUILESS_MAIN(tst_CanaryRelease)
#include "tst_CanaryRelease.moc"
