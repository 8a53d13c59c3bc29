// The request log keeps an endpoint's requests for its retention only (issue 10, item 6: a log
// that grows without end makes the project slow to open): trimOlderThan removes what is older
// than the cutoff in short batches, for one endpoint only, and keeps the rest.
#include <QTemporaryDir>
#include <QtTest>

#include "../RegisteredModel.h"
#include "engine/deploy/EndpointRegistry.h"
#include "engine/deploy/RequestLog.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Statement.h"
#include "engine/store/Timestamp.h"

using namespace lathe;

class tst_RequestLogRetention : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  static std::int64_t count(store::Database& db, std::int64_t endpoint) {
    store::Statement rows = db.prepare("SELECT count(*) FROM request_log WHERE endpoint_id = ?1");
    rows.bind(1, endpoint);
    rows.step();
    return rows.int64(0);
  }

 private slots:
  void oldRequestsGoInBatchesAndOnlyTheEndpointsOwn() {
    std::shared_ptr<store::Project> project = store::Project::create(dir_.filePath("log.lathe").toStdString(), store::ProjectInfo{"Log", {}, {}, {}, {}, {}, {}});
    const auto version = store::DatasetRepository(project->db()).addDataset("iris", mltest::loadTable("iris.arff"), {});
    const auto model = enginetest::registerRun(project, enginetest::trainRun(project, version, "class", "logistic"), "iris");
    deploy::EndpointRegistry endpoints(project->db());
    const auto a = endpoints.create("a", {{"v", model.id, 1.0, "variant"}});
    const auto b = endpoints.create("b", {{"v", model.id, 1.0, "variant"}});
    const auto now = std::chrono::system_clock::now();
    store::Statement insert = project->db().prepare(
        "INSERT INTO request_log (endpoint_id, variant, at, status, latency_ms) VALUES (?1, 'v', ?2, 200, 1.0)");
    for (int i = 0; i < 250; ++i)
      for (const auto endpoint : {a.id, b.id}) {
        // 150 requests 40 to 55 days old, 100 within the last 10 days.
        const auto age = i < 150 ? std::chrono::hours(24 * 40 + i * 2) : std::chrono::hours(i - 150);
        insert.bind(1, endpoint).bind(2, store::formatTimestamp(now - age)).run();
        insert.reset();
      }
    const auto cutoff = now - std::chrono::hours(24 * 30);
    QCOMPARE(deploy::RequestLog::trimOlderThan(project->db(), a.id, cutoff, 100), std::size_t{100});
    QCOMPARE(deploy::RequestLog::trimOlderThan(project->db(), a.id, cutoff, 100), std::size_t{50});
    QCOMPARE(deploy::RequestLog::trimOlderThan(project->db(), a.id, cutoff, 100), std::size_t{0});
    QCOMPARE(count(project->db(), a.id), std::int64_t{100});
    QCOMPARE(count(project->db(), b.id), std::int64_t{250});  // another endpoint's log is its own
    store::Statement oldest = project->db().prepare("SELECT min(at) FROM request_log WHERE endpoint_id = ?1");
    oldest.bind(1, a.id);
    QVERIFY(oldest.step());
    QVERIFY(oldest.text(0) >= store::formatTimestamp(cutoff));
  }
};

QTEST_GUILESS_MAIN(tst_RequestLogRetention)
#include "tst_RequestLogRetention.moc"
