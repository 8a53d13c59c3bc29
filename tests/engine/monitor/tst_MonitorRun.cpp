// Monitoring runs end to end on real data (issue 11, items 1, 2 and 5): German credit, a logistic
// model registered as "credit". A baseline is made from the dataset with the model; then batches
// are compared: a seeded random half of the same data (the control: no feature drifts, the
// attributions keep their order), a copy with credit_amount tripled (that feature drifts and no
// other), labels that arrive in a separate file joined by a key, the endpoint's request log over a
// time window, and the retraining loop (a candidate judged against the live model on the same
// holdout, promoted or kept, recorded).
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <numeric>
#include <random>

#include "../RegisteredModel.h"
#include "engine/core/Error.h"
#include "engine/data/ColumnGather.h"
#include "engine/data/CsvWriter.h"
#include "engine/deploy/EndpointRegistry.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/monitor/CreateBaselineJob.h"
#include "engine/monitor/MonitorRepository.h"
#include "engine/monitor/MonitorRunJob.h"
#include "engine/monitor/RetrainJob.h"
#include "engine/serve/PredictionJson.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Statement.h"
#include "engine/store/Timestamp.h"

using namespace lathe;

namespace {

const monitor::FeatureDrift& featureNamed(const monitor::MonitorRunRecord& run, const std::string& name) {
  for (const auto& f : run.data.features)
    if (f.name == name) return f;
  qFatal("no feature %s", name.c_str());
}

std::vector<std::string> drifted(const monitor::MonitorRunRecord& run) {
  std::vector<std::string> out;
  for (const auto& f : run.data.features)
    if (f.drift) out.push_back(f.name);
  return out;
}

// `rows` of `table` with an "id" column (1001, 1002, ...) first.
data::Table withIds(const data::Table& table, const std::vector<std::size_t>& rows) {
  std::vector<std::int64_t> ids(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) ids[i] = static_cast<std::int64_t>(1001 + rows[i]);
  std::vector<std::shared_ptr<const data::Column>> columns{data::Column::int64("id", ids)};
  const data::Table picked = data::gatherTable(table, rows);
  for (const auto& c : picked.columns()) columns.push_back(c);
  return data::Table(columns);
}

void write(const data::Table& table, const QString& path) {
  data::CsvWriteOptions options;
  options.escapeFormulas = false;
  mltest::QuietContext quiet;
  data::writeCsv(table, path.toStdString(), options, quiet.context);
}

data::Table without(const data::Table& table, const std::string& name) {
  std::vector<std::size_t> keep;
  for (std::size_t c = 0; c < table.columnCount(); ++c)
    if (table.column(c).name() != name) keep.push_back(c);
  return table.select(keep);
}

template <typename Job>
void runJob(Job& job) {
  mltest::QuietContext quiet;
  job.run(quiet.context);
}

}  // namespace

class tst_MonitorRun : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::shared_ptr<store::Project> project_;
  data::Table credit_;
  std::int64_t baselineId_ = 0;
  std::vector<std::size_t> half_;

  QString file(const QString& name) const { return dir_.filePath(name); }

  monitor::MonitorSchedule fileSchedule(const std::string& name, const QString& path) {
    monitor::MonitorSchedule s;
    s.name = name;
    s.baselineId = baselineId_;
    s.source = monitor::BatchSource::File;
    s.sourceRef = path.toStdString();
    s.sensitiveAttribute = "foreign_worker";
    return s;
  }

  monitor::MonitorRunRecord runSchedule(const monitor::MonitorSchedule& schedule) {
    monitor::MonitorRepository repository(project_->db());
    const std::int64_t id = repository.addSchedule(schedule);
    auto job = monitor::MonitorRunJob::forSchedule(project_, id);
    runJob(*job);
    return job->result();
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    project_ = store::Project::create(file("monitor.lathe").toStdString(), store::ProjectInfo{"Monitor", {}, {}, {}, {}, {}, {}});
    credit_ = mltest::loadTable("credit-g.arff");
    const auto version = store::DatasetRepository(project_->db()).addDataset("credit-g", credit_, {});
    const auto run = enginetest::trainRun(project_, version, "class", "logistic");
    const auto info = enginetest::registerRun(project_, run, "credit");
    deploy::ModelRegistry(project_->db()).setAlias(info.id, "production", "first model");

    monitor::BaselineRequest request;
    request.name = "credit at training";
    request.dataset = "credit-g";
    request.model = "credit:production";
    request.sensitiveAttribute = "foreign_worker";
    monitor::CreateBaselineJob job(project_, request);
    runJob(job);
    baselineId_ = job.baselineId();

    half_.resize(credit_.rowCount());
    std::iota(half_.begin(), half_.end(), std::size_t{0});
    std::mt19937_64 random(7);
    std::shuffle(half_.begin(), half_.end(), random);
    half_.resize(credit_.rowCount() / 2);
    std::sort(half_.begin(), half_.end());
  }

  void theBaselineHoldsTheModelsPicture() {
    monitor::MonitorRepository repository(project_->db());
    const auto baseline = repository.baseline(baselineId_);
    QCOMPARE(baseline.rows, std::uint64_t{1000});
    QCOMPARE(baseline.features.size(), std::size_t{20});  // the model's inputs: every column but the class
    QVERIFY(!baseline.feature("class"));
    const auto model = repository.modelBaseline(baselineId_);
    QCOMPARE(model.model, std::string("credit:1"));
    QCOMPARE(model.importances.size(), std::size_t{20});
    QVERIFY(model.metrics.count("roc_auc"));
    QVERIFY(model.bias && model.bias->groups.size() == 2);
  }

  void aSampleOfTheBaselineItselfFlagsNothing() {
    write(withIds(credit_, half_), file("half.csv"));
    const auto run = runSchedule(fileSchedule("control", file("half.csv")));
    QCOMPARE(run.data.rows, std::uint64_t{500});
    QCOMPARE(drifted(run), std::vector<std::string>{});
    QVERIFY(run.prediction);
    QCOMPARE(run.prediction->test, std::string("ks"));  // a binary model: its probability of "good"
    QVERIFY(!run.prediction->drift);
    QVERIFY(run.quality);  // the batch has the class column: its own labels
    QCOMPARE(run.quality->labelledRows, std::uint64_t{500});
    QVERIFY(run.quality->metrics.at("roc_auc") > 0.75);
    QVERIFY(run.quality->baselineKpi);
    QVERIFY(run.attribution);
    QVERIFY2(run.attribution->ndcg > 0.9, std::to_string(run.attribution->ndcg).c_str());
    QVERIFY(run.bias);
    QCOMPARE(run.bias->attribute, std::string("foreign_worker"));
    QVERIFY(run.bias->groups.size() == 2);
    for (const auto& alert : run.alerts)
      QVERIFY2(alert.kind == monitor::MonitorAlert::Kind::Bias, monitor::monitorAlertKindName(alert.kind));
  }

  void aShiftedFeatureDriftsAndNoOther() {
    const data::Table sample = withIds(credit_, half_);
    auto columns = sample.columns();
    const auto amount = *sample.indexOf("credit_amount");
    std::vector<double> tripled;
    for (std::size_t r = 0; r < sample.rowCount(); ++r) tripled.push_back(sample.column(amount).numericAt(r) * 3);
    columns[amount] = data::Column::float64("credit_amount", tripled);
    write(data::Table(columns), file("shifted.csv"));
    const auto run = runSchedule(fileSchedule("shifted", file("shifted.csv")));
    QCOMPARE(drifted(run), std::vector<std::string>{"credit_amount"});
    const auto& f = featureNamed(run, "credit_amount");
    QCOMPARE(f.test, std::string("ks"));
    QVERIFY(*f.psi > 0.2);
    QVERIFY(*f.pValue < 1e-6);
    bool alerted = false, outOfRange = false;
    for (const auto& a : run.alerts) alerted |= a.kind == monitor::MonitorAlert::Kind::FeatureDrift && a.subject == "credit_amount";
    for (const auto& v : run.data.violations) outOfRange |= v.kind == monitor::Violation::Kind::OutOfRange && v.feature == "credit_amount";
    QVERIFY(alerted);
    QVERIFY(outOfRange);
  }

  void labelsArrivingLaterAreJoinedByKey() {
    const data::Table sample = withIds(credit_, half_);
    write(without(sample, "class"), file("unlabelled.csv"));
    write(sample.select(std::vector<std::size_t>{0, *sample.indexOf("class")}), file("labels.csv"));
    auto schedule = fileSchedule("labels later", file("unlabelled.csv"));
    schedule.labelsPath = file("labels.csv").toStdString();
    schedule.keyColumn = "id";
    const auto run = runSchedule(schedule);
    QVERIFY(run.quality);
    QCOMPARE(run.quality->labelledRows, std::uint64_t{500});
    QVERIFY(run.bias && run.bias->opportunityGap);  // recall per group needs the labels
    // The same labels in the batch itself give the same metrics.
    const auto control = monitor::MonitorRepository(project_->db()).runs(
        monitor::MonitorRepository(project_->db()).findSchedule("control")->id);
    QCOMPARE(control.size(), std::size_t{1});
    QCOMPARE(run.quality->metrics.at("roc_auc"), control.front().quality->metrics.at("roc_auc"));
  }

  void runsAreStoredAndSchedulesComeDue() {
    monitor::MonitorRepository repository(project_->db());
    const auto schedule = *repository.findSchedule("control");
    QVERIFY(!schedule.lastRunAt.empty());
    QVERIFY(!schedule.isDue(store::timestampNow()));
    const auto later = store::formatTimestamp(*store::parseTimestamp(schedule.lastRunAt) + std::chrono::hours(25));
    QVERIFY(schedule.isDue(later));
    const auto runs = repository.runs(schedule.id);
    QCOMPARE(runs.size(), std::size_t{1});
    QCOMPARE(runs.front().data.features.size(), std::size_t{20});
    QVERIFY(runs.front().attribution);
  }

  void editedConstraintsAreKeptAndApplied() {
    monitor::MonitorRepository repository(project_->db());
    auto constraints = repository.baseline(baselineId_).constraints;
    auto amount = std::find_if(constraints.begin(), constraints.end(), [](const auto& c) { return c.name == "credit_amount"; });
    QVERIFY(amount != constraints.end());
    amount->min = *amount->max + 1.0;  // above the maximum
    QVERIFY_THROWS_EXCEPTION(Error, repository.setConstraints(baselineId_, constraints));
    amount->min = 250.0;
    amount->max = 5000.0;  // the user lowers the ceiling: the larger loans now break it
    repository.setConstraints(baselineId_, constraints);
    const auto stored = *repository.baseline(baselineId_).constraint("credit_amount");
    QCOMPARE(*stored.max, 5000.0);
    const auto run = runSchedule(fileSchedule("lower ceiling", file("half.csv")));
    std::uint64_t above = 0;
    for (const auto& v : run.data.violations)
      if (v.feature == "credit_amount" && v.kind == monitor::Violation::Kind::OutOfRange) above = v.count;
    std::uint64_t expected = 0;
    const auto& column = credit_.column(*credit_.indexOf("credit_amount"));
    for (const auto row : half_) expected += column.numericAt(row) > 5000.0 || column.numericAt(row) < 250.0;
    QVERIFY(expected > 0);
    QCOMPARE(above, expected);
  }

  void theRequestLogIsABatch() {
    deploy::EndpointRegistry endpoints(project_->db());
    const auto version = deploy::ModelRegistry(project_->db()).resolve("credit:production");
    const auto endpoint = endpoints.create("credit-api", {{"a", version.id, 1.0, "variant"}});
    // 30 logged requests of 10 rows each within the window, and 5 from two days ago outside it.
    const data::Table features = without(credit_, "class");
    store::Statement insert = project_->db().prepare(
        "INSERT INTO request_log (endpoint_id, variant, at, status, latency_ms, rows, input) VALUES (?1, 'a', ?2, 200, 1.0, 10, ?3)");
    const auto now = std::chrono::system_clock::now();
    for (int r = 0; r < 35; ++r) {
      std::vector<std::size_t> rows(10);
      std::iota(rows.begin(), rows.end(), std::size_t(r * 10));
      const auto at = r < 30 ? now - std::chrono::minutes(30 + r) : now - std::chrono::hours(48);
      insert.bind(1, endpoint.id).bind(2, store::formatTimestamp(at)).bind(3, serve::PredictionJson::rowsJson(features, rows)).run();
      insert.reset();
    }
    monitor::MonitorSchedule schedule;
    schedule.name = "live traffic";
    schedule.baselineId = baselineId_;
    schedule.source = monitor::BatchSource::RequestLog;
    schedule.sourceRef = "credit-api";
    schedule.windowHours = 24;
    const auto run = runSchedule(schedule);
    QCOMPARE(run.data.rows, std::uint64_t{300});
    QCOMPARE(run.source, std::string("endpoint credit-api"));
    QVERIFY(!run.batchStart.empty() && run.batchStart < run.batchEnd);
    QVERIFY(run.prediction);
    QVERIFY(!run.quality);  // no labels yet
  }

  void retrainingComparesOnOneHoldoutAndRecordsTheDecision() {
    write(credit_, file("new-credit.csv"));
    monitor::RetrainRequest request;
    request.liveModel = "credit:production";
    request.source = monitor::BatchSource::File;
    request.sourceRef = file("new-credit.csv").toStdString();
    request.append = true;
    monitor::RetrainJob job(project_, request);
    runJob(job);
    const auto& c = job.result();
    QCOMPARE(c.liveVersion, std::string("credit:1"));
    QCOMPARE(c.candidateVersion, std::string("credit:2"));
    QCOMPARE(c.holdoutRows, std::uint64_t{200});
    QCOMPARE(c.trainingRows, std::uint64_t{1800});  // the old 1,000 and 800 new
    QVERIFY(c.live.count("roc_auc") && c.candidate.count("roc_auc"));
    QCOMPARE(c.kpiMetric, std::string("roc_auc"));
    deploy::ModelRegistry registry(project_->db());
    QCOMPARE(registry.resolve("credit:2").alias, std::string("candidate"));

    monitor::RetrainJob::decide(project_->db(), c.id, true);
    QCOMPARE(registry.resolve("credit:production").version, 2);
    QCOMPARE(registry.resolve("credit:1").alias, std::string("archived"));
    const auto recorded = monitor::MonitorRepository(project_->db()).retrainings();
    QCOMPARE(recorded.size(), std::size_t{1});
    QCOMPARE(recorded.front().decision, std::string("promoted"));
    QVERIFY_THROWS_EXCEPTION(Error, monitor::RetrainJob::decide(project_->db(), c.id, false));
  }

  void replacingTrainsOnTheNewRowsAlone() {
    write(withIds(credit_, half_), file("replace.csv"));
    monitor::RetrainRequest request;
    request.liveModel = "credit:production";
    request.sourceRef = file("replace.csv").toStdString();
    request.append = false;
    monitor::RetrainJob job(project_, request);
    runJob(job);
    QCOMPARE(job.result().trainingRows, std::uint64_t{400});
    QCOMPARE(job.result().holdoutRows, std::uint64_t{100});
    monitor::RetrainJob::decide(project_->db(), job.result().id, false);
    deploy::ModelRegistry registry(project_->db());
    QCOMPARE(registry.resolve("credit:production").version, 2);
    QCOMPARE(registry.resolve(job.result().candidateVersion).alias, std::string("archived"));
  }
};

QTEST_GUILESS_MAIN(tst_MonitorRun)
#include "tst_MonitorRun.moc"
