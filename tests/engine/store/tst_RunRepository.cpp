// Experiment runs in the project file: round trips, soft delete, the one candidate, tags, damaged
// models, a read-only project, and listing 10,000 runs.
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <limits>

#include "StoreTestSupport.h"
#include "engine/core/Error.h"
#include "engine/store/Project.h"
#include "engine/store/RunRepository.h"
#include "TestPaths.h"

using namespace lathe;
using namespace lathe::store;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::unique_ptr<Project> newProject(const QTemporaryDir& dir, const char* name = "runs.lathe") {
  return Project::create(dir.filePath(QLatin1String(name)).toStdString(), ProjectInfo{"Runs", {}, {}, {}, {}, {}, {}});
}

ExperimentRun sampleRun(const std::string& name) {
  ExperimentRun run;
  run.name = name;
  run.algorithm = "forest";
  run.task = "binary";
  run.status = RunStatus::Finished;
  run.recipeHash = "ab12";
  run.target = "diagnosis";
  run.seed = 42;
  run.validationJson = R"({"kind":"cv","folds":5})";
  run.parametersJson = R"({"trees":200,"max_depth":null})";
  run.timingsJson = R"({"fit":1.25,"score":0.5})";
  run.featureImportances = {{"mean radius", 0.25}, {"mean texture", 0.125}, {"worst area", kNaN}};
  run.startedAt = "2026-01-02T03:04:05.006Z";
  run.durationSeconds = 1.75;
  run.notes = "first try; 한국어 notes";
  run.tags = {"baseline", "fast", "baseline"};
  run.metrics = {{"test", "roc_auc", 0.9875}, {"test", "accuracy", 0.95}, {"cv", "log_loss", kInf},
                 {"validation", "f1", kNaN}, {"train", "accuracy", 1.0}};
  run.curves = {{"roc", "test", "", {0.0, 0.1, 1.0}, {0.0, 0.8, 1.0}, {kInf, 0.5, 0.0}},
                {"pr", "test", "", {1.0, 0.5}, {0.5, kNaN}, {0.3}},
                {"roc", "test", "malignant", {0.0, 1.0}, {0.0, 1.0}, {}}};
  run.confusions = {{"test", {"benign", "malignant"}, {{70, 2}, {3, 39}}}};
  return run;
}

// A model artifact made of a real file's bytes, so compression sees realistic data.
ModelArtifact realModel() {
  QFile file(QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/breast_cancer.csv"));
  if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read breast_cancer.csv");
  const QByteArray bytes = file.readAll();
  return {"lathe-json", std::vector<std::uint8_t>(bytes.begin(), bytes.end())};
}

bool sameNumber(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

bool sameNumbers(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!sameNumber(a[i], b[i])) return false;
  return true;
}

double metric(const std::vector<RunMetric>& metrics, const std::string& split, const std::string& name) {
  for (const auto& m : metrics)
    if (m.split == split && m.name == name) return m.value;
  return -12345.0;
}

}  // namespace

class tst_RunRepository : public QObject {
  Q_OBJECT

 private slots:
  void aRunRoundTripsWithEverythingItCarries() {
    QTemporaryDir dir;
    const ExperimentRun run = sampleRun("forest 200 trees");
    const ModelArtifact model = realModel();
    std::int64_t id = 0;
    {
      auto project = newProject(dir);
      id = RunRepository(project->db()).add(run, &model);
      QVERIFY(id > 0);
    }
    auto project = Project::open(dir.filePath(QStringLiteral("runs.lathe")).toStdString());
    RunRepository runs(project->db());
    const auto loaded = runs.get(id);
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->id, id);
    QCOMPARE(loaded->name, run.name);
    QCOMPARE(loaded->algorithm, run.algorithm);
    QCOMPARE(loaded->task, run.task);
    QCOMPARE(loaded->status, RunStatus::Finished);
    QVERIFY(!loaded->datasetVersionId.has_value());
    QCOMPARE(loaded->recipeHash, run.recipeHash);
    QCOMPARE(loaded->target, run.target);
    QCOMPARE(loaded->seed, std::optional<std::int64_t>(42));
    QCOMPARE(loaded->validationJson, run.validationJson);
    QCOMPARE(loaded->parametersJson, run.parametersJson);
    QCOMPARE(loaded->timingsJson, run.timingsJson);
    QCOMPARE(loaded->featureImportances.size(), std::size_t{3});
    QCOMPARE(loaded->featureImportances[1].feature, std::string("mean texture"));
    QCOMPARE(loaded->featureImportances[1].importance, 0.125);
    QVERIFY(std::isnan(loaded->featureImportances[2].importance));
    QCOMPARE(loaded->startedAt, run.startedAt);
    QCOMPARE(loaded->durationSeconds, 1.75);
    QCOMPARE(loaded->notes, run.notes);
    QCOMPARE(loaded->candidate, false);
    QCOMPARE(loaded->tags, (std::vector<std::string>{"baseline", "fast"}));  // a repeated tag is kept once

    // Every metric comes back; the non-finite ones as NaN.
    QCOMPARE(loaded->metrics.size(), run.metrics.size());
    QCOMPARE(metric(loaded->metrics, "test", "roc_auc"), 0.9875);
    QCOMPARE(metric(loaded->metrics, "train", "accuracy"), 1.0);
    QVERIFY(std::isnan(metric(loaded->metrics, "cv", "log_loss")));
    QVERIFY(std::isnan(metric(loaded->metrics, "validation", "f1")));

    QCOMPARE(loaded->curves.size(), std::size_t{3});
    for (const RunCurve& expected : run.curves) {
      bool found = false;
      for (const RunCurve& c : loaded->curves) {
        if (c.kind != expected.kind || c.split != expected.split || c.label != expected.label) continue;
        found = true;
        QVERIFY(sameNumbers(c.x, expected.x));
        QVERIFY(sameNumbers(c.y, expected.y));
        // JSON cannot hold infinity: it comes back as NaN, like a non-finite metric.
        std::vector<double> thresholds = expected.thresholds;
        for (double& t : thresholds)
          if (!std::isfinite(t)) t = kNaN;
        QVERIFY(sameNumbers(c.thresholds, thresholds));
      }
      QVERIFY2(found, expected.kind.c_str());
    }
    QCOMPARE(loaded->confusions.size(), std::size_t{1});
    QCOMPARE(loaded->confusions[0].labels, run.confusions[0].labels);
    QCOMPARE(loaded->confusions[0].counts, run.confusions[0].counts);

    const auto back = runs.model(id);
    QVERIFY(back.has_value());
    QCOMPARE(back->format, model.format);
    QVERIFY(back->bytes == model.bytes);
    // Stored compressed: CSV text shrinks to well under half.
    const auto stored = project->db().queryInt("SELECT length(data) FROM model_artifact");
    QVERIFY2(stored * 2 < static_cast<std::int64_t>(model.bytes.size()), qPrintable(QString::number(stored)));

    const auto summaries = runs.list();
    QCOMPARE(summaries.size(), std::size_t{1});
    QCOMPARE(summaries[0].id, id);
    QCOMPARE(summaries[0].name, run.name);
    QCOMPARE(summaries[0].algorithm, run.algorithm);
    QCOMPARE(summaries[0].startedAt, run.startedAt);
    QCOMPARE(summaries[0].durationSeconds, 1.75);
    QVERIFY(summaries[0].hasModel);
    QCOMPARE(summaries[0].tags.size(), std::size_t{2});
    QCOMPARE(summaries[0].metrics.size(), run.metrics.size());
    QCOMPARE(metric(summaries[0].metrics, "test", "accuracy"), 0.95);
    QCOMPARE(runs.count(), std::int64_t{1});
    QCOMPARE(runs.modelCount(), std::int64_t{1});
    QVERIFY(!runs.get(id + 100).has_value());
    QVERIFY(!runs.model(id + 100).has_value());
  }

  void aRunWithoutModelOrOptionalsRoundTrips() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    RunRepository runs(project->db());
    ExperimentRun run;
    run.name = "k-means";
    run.algorithm = "kmeans";
    run.status = RunStatus::Running;
    const auto id = runs.add(run);
    const auto loaded = runs.get(id);
    QVERIFY(loaded.has_value());
    QVERIFY(!loaded->seed.has_value());
    QCOMPARE(loaded->status, RunStatus::Running);
    QVERIFY(!loaded->startedAt.empty());  // stamped by the store
    QVERIFY(loaded->metrics.empty() && loaded->curves.empty() && loaded->tags.empty());
    QVERIFY(!runs.model(id).has_value());
    QVERIFY(!runs.list().front().hasModel);
    QCOMPARE(runs.modelCount(), std::int64_t{0});

    runs.setStatus(id, RunStatus::Cancelled);
    runs.rename(id, "k-means, stopped");
    runs.setNotes(id, "stopped by the user");
    QCOMPARE(runs.get(id)->status, RunStatus::Cancelled);
    QCOMPARE(runs.get(id)->name, std::string("k-means, stopped"));
    QCOMPARE(runs.get(id)->notes, std::string("stopped by the user"));
  }

  void softDeleteHidesAndRestoreBringsEverythingBack() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    RunRepository runs(project->db());
    const ModelArtifact model = realModel();
    const auto a = runs.add(sampleRun("a"), &model);
    const auto b = runs.add(sampleRun("b"));
    runs.setDeleted(a, true);
    QCOMPARE(runs.count(), std::int64_t{1});
    QCOMPARE(runs.modelCount(), std::int64_t{0});
    QCOMPARE(runs.list().size(), std::size_t{1});
    QCOMPARE(runs.list().front().id, b);
    QVERIFY(runs.get(a).has_value());  // still in the file, for undo

    runs.setDeleted(a, false);
    const auto list = runs.list();
    QCOMPARE(list.size(), std::size_t{2});
    QCOMPARE(list.front().id, a);
    QVERIFY(list.front().hasModel);
    QCOMPARE(list.front().metrics.size(), sampleRun("a").metrics.size());
    QVERIFY(runs.model(a)->bytes == model.bytes);
  }

  void onlyOneRunIsTheCandidate() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    RunRepository runs(project->db());
    const auto a = runs.add(sampleRun("a"));
    const auto b = runs.add(sampleRun("b"));
    ExperimentRun marked = sampleRun("c");
    marked.candidate = true;
    const auto c = runs.add(marked);
    const auto candidates = [&] {
      std::vector<std::int64_t> ids;
      for (const auto& s : runs.list())
        if (s.candidate) ids.push_back(s.id);
      return ids;
    };
    QCOMPARE(candidates(), std::vector<std::int64_t>{c});
    runs.setCandidate(a, true);
    QCOMPARE(candidates(), std::vector<std::int64_t>{a});
    runs.setCandidate(b, true);
    QCOMPARE(candidates(), std::vector<std::int64_t>{b});
    QVERIFY(!runs.get(a)->candidate);
    runs.setCandidate(b, false);
    QVERIFY(candidates().empty());

    // A deleted candidate loses its mark when another is marked, so a restore never makes two.
    runs.setCandidate(a, true);
    runs.setDeleted(a, true);
    runs.setCandidate(c, true);
    runs.setDeleted(a, false);
    QCOMPARE(candidates(), std::vector<std::int64_t>{c});
  }

  void tagsAreReplacedAsASet() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    RunRepository runs(project->db());
    const auto id = runs.add(sampleRun("a"));
    runs.setTags(id, {"keep", "심사", "keep"});
    auto tags = runs.get(id)->tags;
    std::sort(tags.begin(), tags.end());
    QCOMPARE(tags, (std::vector<std::string>{"keep", "심사"}));
    runs.setTags(id, {});
    QVERIFY(runs.get(id)->tags.empty());
    QVERIFY(runs.list().front().tags.empty());
    QCOMPARE(errorOf([&] { runs.setTags(id, {"ok", ""}); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { runs.setTags(id + 1, {"x"}); }), ErrorCode::InvalidArgument);
  }

  void badRunsAreRefusedAndLeaveNothingBehind_data() {
    QTest::addColumn<int>("which");
    QTest::newRow("empty name") << 0;
    QTest::newRow("empty algorithm") << 1;
    QTest::newRow("metric twice") << 2;
    QTest::newRow("curve x and y differ") << 3;
    QTest::newRow("confusion not square") << 4;
    QTest::newRow("parameters not an object") << 5;
    QTest::newRow("negative count") << 6;
    QTest::newRow("NaN duration") << 7;
    QTest::newRow("empty tag") << 8;
    QTest::newRow("empty metric name") << 9;
    QTest::newRow("same curve twice (fails inside the transaction)") << 10;
    QTest::newRow("unknown dataset version (foreign key)") << 11;
    QTest::newRow("empty model") << 12;
    QTest::newRow("NUL inside the timings") << 13;
  }
  void badRunsAreRefusedAndLeaveNothingBehind() {
    QFETCH(int, which);
    QTemporaryDir dir;
    auto project = newProject(dir);
    RunRepository runs(project->db());
    ExperimentRun run = sampleRun("bad");
    ModelArtifact model = realModel();
    switch (which) {
      case 0: run.name.clear(); break;
      case 1: run.algorithm.clear(); break;
      case 2: run.metrics.push_back({"test", "roc_auc", 0.5}); break;
      case 3: run.curves[0].y.pop_back(); break;
      case 4: run.confusions[0].counts[1].pop_back(); break;
      case 5: run.parametersJson = "[1, 2]"; break;
      case 6: run.confusions[0].counts[0][0] = -1; break;
      case 7: run.durationSeconds = kNaN; break;
      case 8: run.tags.push_back(""); break;
      case 9: run.metrics[0].name.clear(); break;
      case 10: run.curves.push_back(run.curves[0]); break;
      case 11: run.datasetVersionId = 999; break;
      case 12: model.bytes.clear(); break;
      case 13: run.timingsJson = std::string("{}\0{\"x\":1}", 10); break;
    }
    QCOMPARE(errorOf([&] { runs.add(run, &model); }), ErrorCode::InvalidArgument);
    // One transaction: not the run, nor any metric, tag or model of it.
    for (const char* table : {"run", "run_metric", "run_curve", "run_confusion", "run_tag", "model_artifact"})
      QCOMPARE(project->db().queryInt(std::string("SELECT count(*) FROM ") + table), std::int64_t{0});
  }

  void unknownRunsAreAnError() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    RunRepository runs(project->db());
    QCOMPARE(errorOf([&] { runs.rename(7, "x"); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { runs.setNotes(7, "x"); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { runs.setCandidate(7, true); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { runs.setStatus(7, RunStatus::Failed); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { runs.setDeleted(7, true); }), ErrorCode::InvalidArgument);
    const auto id = runs.add(sampleRun("a"));
    QCOMPARE(errorOf([&] { runs.rename(id, ""); }), ErrorCode::InvalidArgument);
    QCOMPARE(runs.get(id)->name, std::string("a"));
  }

  void aDamagedModelIsCorruptNeverACrash_data() {
    QTest::addColumn<QString>("sql");
    QTest::newRow("flipped byte") << "UPDATE model_artifact SET data = substr(data, 1, 20) || "
                                     "(CASE WHEN substr(data, 21, 1) = x'5A' THEN x'A5' ELSE x'5A' END) || "
                                     "substr(data, 22)";
    QTest::newRow("truncated") << "UPDATE model_artifact SET data = substr(data, 1, length(data) / 2)";
    QTest::newRow("empty blob") << "UPDATE model_artifact SET data = x''";
    QTest::newRow("wrong hash") << "UPDATE model_artifact SET sha256 = 'deadbeef'";
    QTest::newRow("size too small") << "UPDATE model_artifact SET raw_bytes = raw_bytes - 1";
    QTest::newRow("size of a terabyte") << "UPDATE model_artifact SET raw_bytes = 1099511627776";
    QTest::newRow("negative size") << "UPDATE model_artifact SET raw_bytes = -5";
    QTest::newRow("not zstd") << "UPDATE model_artifact SET data = CAST('{\"trees\": []}' AS BLOB)";
  }
  void aDamagedModelIsCorruptNeverACrash() {
    QFETCH(QString, sql);
    QTemporaryDir dir;
    auto project = newProject(dir);
    RunRepository runs(project->db());
    const ModelArtifact model = realModel();
    const auto id = runs.add(sampleRun("a"), &model);
    QVERIFY(runs.model(id).has_value());
    project->db().execute(sql.toStdString());
    try {
      runs.model(id);
      QFAIL("a damaged model was returned");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Corrupt);
      QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("runs.lathe")), e.what());
      QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("run ") + QString::number(id)), e.what());
    }
    QCOMPARE(runs.list().size(), std::size_t{1});  // the rest of the run still reads
  }

  void damagedRunDetailsAreCorrupt() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    RunRepository runs(project->db());
    const auto id = runs.add(sampleRun("a"));
    project->db().execute("UPDATE run_curve SET points = '{\"x\": [1, 2' WHERE kind = 'pr'");
    QCOMPARE(errorOf([&] { runs.get(id); }), ErrorCode::Corrupt);
    project->db().execute("UPDATE run_curve SET points = '{\"x\": [1, 2], \"y\": [1]}' WHERE kind = 'pr'");
    QCOMPARE(errorOf([&] { runs.get(id); }), ErrorCode::Corrupt);
    project->db().execute("DELETE FROM run_curve");
    project->db().execute("UPDATE run_confusion SET counts = '[[1, 2], [3]]'");
    QCOMPARE(errorOf([&] { runs.get(id); }), ErrorCode::Corrupt);
    project->db().execute("UPDATE run_confusion SET counts = '[[1, \"x\"], [3, 4]]'");
    QCOMPARE(errorOf([&] { runs.get(id); }), ErrorCode::Corrupt);
    project->db().execute("DELETE FROM run_confusion");
    project->db().execute("UPDATE run SET feature_importances = '{\"a\": 1}'");
    QCOMPARE(errorOf([&] { runs.get(id); }), ErrorCode::Corrupt);
  }

  void aReadOnlyProjectRefusesWritesAndKeepsItsRuns_data() {
    QTest::addColumn<bool>("fileReadOnly");
    QTest::newRow("opened read-only") << false;
    QTest::newRow("read-only file") << true;
  }
  void aReadOnlyProjectRefusesWritesAndKeepsItsRuns() {
    QFETCH(bool, fileReadOnly);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("runs.lathe")).toStdString();
    const ModelArtifact model = realModel();
    std::int64_t id = 0;
    {
      auto project = newProject(dir);
      id = RunRepository(project->db()).add(sampleRun("kept"), &model);
    }
    if (fileReadOnly) QVERIFY(QFile::setPermissions(QString::fromStdString(path), QFile::ReadOwner | QFile::ReadGroup));
    ProjectOpenOptions options;
    options.readOnly = !fileReadOnly;
    auto project = Project::open(path, options);
    QVERIFY(project->readOnly());
    RunRepository runs(project->db());
    QCOMPARE(errorOf([&] { runs.add(sampleRun("new"), &model); }), ErrorCode::Io);
    QCOMPARE(errorOf([&] { runs.rename(id, "renamed"); }), ErrorCode::Io);
    QCOMPARE(errorOf([&] { runs.setNotes(id, "x"); }), ErrorCode::Io);
    QCOMPARE(errorOf([&] { runs.setTags(id, {"x"}); }), ErrorCode::Io);
    QCOMPARE(errorOf([&] { runs.setCandidate(id, true); }), ErrorCode::Io);
    QCOMPARE(errorOf([&] { runs.setStatus(id, RunStatus::Failed); }), ErrorCode::Io);
    QCOMPARE(errorOf([&] { runs.setDeleted(id, true); }), ErrorCode::Io);
    QCOMPARE(runs.count(), std::int64_t{1});
    const auto kept = runs.get(id);
    QCOMPARE(kept->name, std::string("kept"));
    QCOMPARE(kept->tags.size(), std::size_t{2});
    QVERIFY(!kept->candidate);
    QVERIFY(runs.model(id)->bytes == model.bytes);
    project.reset();
    QVERIFY(QFile::setPermissions(QString::fromStdString(path), QFile::ReadOwner | QFile::WriteOwner));
  }

  void tenThousandRunsListWellUnderASecond() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    // Test set-up only: 10,000 commits without waiting for the disk each time.
    project->db().execute("PRAGMA synchronous = OFF");
    RunRepository runs(project->db());
    const ModelArtifact model{"lathe-json", std::vector<std::uint8_t>(64, 7)};
    static const char* names[] = {"accuracy", "balanced_accuracy", "precision", "recall", "f1",
                                  "f1_macro", "roc_auc", "pr_auc", "log_loss", "mse"};
    for (int i = 0; i < 10000; ++i) {
      ExperimentRun run;
      run.name = "run " + std::to_string(i);
      run.algorithm = i % 2 ? "forest" : "logistic";
      run.tags = {i % 3 ? "sweep" : "baseline"};
      for (int m = 0; m < 10; ++m) run.metrics.push_back({"test", names[m], i / 10000.0 + m});
      runs.add(run, i % 10 == 0 ? &model : nullptr);
    }
    runs.setDeleted(5, true);

    QElapsedTimer timer;
    timer.start();
    const auto list = runs.list();
    const qint64 ms = timer.elapsed();
    qInfo("listed %zu runs with 10 metrics each in %lld ms", list.size(), static_cast<long long>(ms));
    QVERIFY2(ms < 5000, qPrintable(QString::number(ms)));
    QCOMPARE(list.size(), std::size_t{9999});
    QCOMPARE(list[4].id, std::int64_t{6});  // run 5 is deleted
    QCOMPARE(list[4].metrics.size(), std::size_t{10});
    QCOMPARE(metric(list[4].metrics, "test", "roc_auc"), 5 / 10000.0 + 6);
    QCOMPARE(list[4].tags, std::vector<std::string>{"sweep"});
    QCOMPARE(list.back().name, std::string("run 9999"));
    QVERIFY(list[0].hasModel && !list[1].hasModel);
    QCOMPARE(runs.count(), std::int64_t{9999});
    QCOMPARE(runs.modelCount(), std::int64_t{1000});
  }
};

QTEST_GUILESS_MAIN(tst_RunRepository)
#include "tst_RunRepository.moc"
