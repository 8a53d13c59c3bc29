// The model registry (issue 10, item 1) on a real project: credit-g.arff stored as a dataset
// version, logistic regression trained on it by TrainModelJob, then registered by
// RegisterModelJob as numbered versions holding the run's task, algorithm, target, features,
// data hash, metrics and the decision threshold (0.5, or the best expected value under the
// project's cost matrix). Versions cannot be changed, even by raw SQL; references resolve by
// number and alias; every alias move is recorded in order with its reason; bad names, aliases,
// runs and a read-only project are refused with a clear error and change nothing.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <functional>
#include <optional>

#include "../RegisteredModel.h"
#include "../ml/MlTestSupport.h"
#include "engine/core/Error.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/experiments/BusinessValueCurve.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectInfoRepository.h"
#include "engine/store/RunRepository.h"

using namespace lathe;

namespace {

std::optional<Error> errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

// The statement throws lathe::Error with `code`, its message holding `needle`.
#define QVERIFY_ERROR(statement, errorCode, needle)                                                   \
  do {                                                                                                \
    const auto error_ = errorOf([&] { statement; });                                                  \
    QVERIFY2(error_.has_value(), "no error from: " #statement);                                       \
    QVERIFY2(error_->code() == (errorCode), error_->what());                                          \
    QVERIFY2(std::string(error_->what()).find(needle) != std::string::npos, error_->what());          \
  } while (0)

std::vector<std::string> names(const std::vector<deploy::ModelVersionInfo>& versions) {
  std::vector<std::string> out;
  for (const auto& v : versions) out.push_back(v.reference() + (v.alias.empty() ? "" : "=" + v.alias));
  return out;
}

}  // namespace

class tst_ModelRegistry : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path_;
  std::shared_ptr<store::Project> project_;
  std::int64_t versionId_ = 0;
  std::int64_t runId_ = 0;

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    path_ = dir_.filePath("credit.lathe").toStdString();
    project_ = store::Project::create(path_, store::ProjectInfo{"Credit", {}, {}, {}, {}, {}, {}});
    store::DatasetOrigin origin;
    origin.sourcePath = mltest::datasetPath("credit-g.arff");
    versionId_ = store::DatasetRepository(project_->db()).addDataset("credit-g", mltest::loadTable("credit-g.arff"), origin);
    runId_ = enginetest::trainRun(project_, versionId_, "class", "logistic");
    QVERIFY(runId_ > 0);
  }

  void aRunRegistersAsNumberedVersionsWithItsFields() {
    const auto first = enginetest::registerRun(project_, runId_, "credit risk");
    const auto second = enginetest::registerRun(project_, runId_, "credit risk");
    QCOMPARE(first.version, 1);
    QCOMPARE(second.version, 2);
    QCOMPARE(first.reference(), std::string("credit risk:1"));
    QVERIFY(first.id != second.id);

    deploy::ModelRegistry registry(project_->db());
    QCOMPARE(registry.models(), std::vector<std::string>{"credit risk"});
    QCOMPARE(names(registry.versions("credit risk")), (std::vector<std::string>{"credit risk:1", "credit risk:2"}));
    const auto info = *registry.version(first.id);
    QCOMPARE(info.model, std::string("credit risk"));
    QCOMPARE(info.runId, std::optional<std::int64_t>(runId_));
    QCOMPARE(info.task, std::string("binary"));
    QCOMPARE(info.algorithm, std::string("logistic"));
    QCOMPARE(info.target, std::string("class"));
    QCOMPARE(info.alias, std::string());
    QVERIFY(!info.createdAt.empty());

    // The schema: the stored version's columns but the target, in order and with their types.
    store::DatasetRepository datasets(project_->db());
    const auto columns = datasets.columns(versionId_);
    QCOMPARE(columns.size(), std::size_t{21});
    QCOMPARE(info.inputSchema.size(), std::size_t{20});
    std::size_t i = 0;
    for (const auto& column : columns) {
      if (column.name == "class") continue;
      QCOMPARE(info.inputSchema[i].name, column.name);
      QCOMPARE(info.inputSchema[i].type, column.type);
      ++i;
    }
    QCOMPARE(info.trainingDataHash, datasets.version(versionId_)->contentHash);
    QCOMPARE(info.trainingDataHash.size(), std::size_t{64});

    // The run's metrics, every one of them, by split.
    const auto run = *store::RunRepository(project_->db()).get(runId_);
    std::size_t finite = 0;
    for (const auto& metric : run.metrics) {
      if (!std::isfinite(metric.value)) continue;
      ++finite;
      QVERIFY2(info.metrics.contains(metric.split) && info.metrics[metric.split].contains(metric.name), metric.name.c_str());
      QCOMPARE(info.metrics[metric.split][metric.name].get<double>(), metric.value);
    }
    QVERIFY(finite >= 8);
    QVERIFY(info.metrics["cv"]["roc_auc"].get<double>() > 0.75);  // sklearn: 0.792 (datasets README)

    // No cost matrix: the usual 0.5.
    QCOMPARE(info.threshold, std::optional<double>(0.5));

    // The stored model is the run's, and scores as it does.
    const auto artifact = *store::RunRepository(project_->db()).model(runId_);
    QCOMPARE(registry.modelBytes(first.id), std::string(artifact.bytes.begin(), artifact.bytes.end()));
    QVERIFY(registry.recipes(first.id).is_array() && registry.recipes(first.id).empty());
    const auto trained = experiments::TrainedModel::deserialize(registry.modelBytes(first.id));
    const auto table = mltest::loadTable("credit-g.arff");
    const auto expected = trained.estimator->predictProba(trained.encoder.encode(table));
    const auto scored = registry.load(first.id)->score(table);
    QCOMPARE(scored.probabilities.values, expected.values);
    QCOMPARE(scored.classes, (std::vector<std::string>{"bad", "good"}));
    QCOMPARE(scored.decision.size(), std::size_t{1000});
    for (std::size_t row = 0; row < 1000; ++row)
      QCOMPARE(scored.decision[row], std::uint8_t(expected.at(row, 1) >= 0.5 ? 1 : 0));
  }

  void theThresholdComesFromTheCostMatrix() {
    // German credit's classic costs: granting credit to a bad payer (a false "good") costs 5,
    // refusing a good one 1.
    store::ProjectInfoRepository infos(project_->db());
    auto info = infos.load();
    info.costs.falsePositive = -5.0;
    info.costs.falseNegative = -1.0;
    infos.save(info);
    const auto costed = enginetest::registerRun(project_, runId_, "costed");
    info.costs = {};
    infos.save(info);

    const auto run = *store::RunRepository(project_->db()).get(runId_);
    store::CostMatrix costs;
    costs.falsePositive = -5.0;
    costs.falseNegative = -1.0;
    const auto curve = experiments::BusinessValueCurve::of(run, costs, {});
    QVERIFY(curve);
    QVERIFY(costed.threshold);
    QCOMPARE(*costed.threshold, curve->bestPoint().threshold);
    QVERIFY2(*costed.threshold > 0.6, std::to_string(*costed.threshold).c_str());  // costly mistakes: flag fewer
    QVERIFY(*costed.threshold < 1.0);

    // Decisions follow it: "good" only from that probability up, so fewer than at 0.5.
    deploy::ModelRegistry registry(project_->db());
    const auto scored = registry.load(costed.id)->score(mltest::loadTable("credit-g.arff"));
    QCOMPARE(scored.threshold, costed.threshold);
    std::size_t granted = 0, likely = 0;
    for (std::size_t row = 0; row < scored.size(); ++row) {
      QCOMPARE(scored.decision[row], std::uint8_t(scored.probabilities.at(row, 1) >= *costed.threshold ? 1 : 0));
      granted += scored.decision[row];
      likely += scored.predicted[row] == 1.0 ? 1 : 0;
    }
    QVERIFY2(granted < likely, qPrintable(QString("%1 granted, %2 likely good").arg(granted).arg(likely)));
    QVERIFY(granted > 0);
  }

  void aVersionCannotBeChanged() {
    // On a version of its own, so that a write getting through spoils no other test.
    const auto frozen = enginetest::registerRun(project_, runId_, "frozen");
    deploy::ModelRegistry registry(project_->db());
    const std::string bytes = registry.modelBytes(frozen.id);
    const std::string where = " WHERE id = " + std::to_string(frozen.id);
    std::string accepted;
    for (const char* change : {"target = 'x'", "threshold = 0.1", "model = x'00'", "version = 7", "metrics = '{}'"}) {
      const auto error = errorOf([&] { project_->db().execute("UPDATE model_version SET " + std::string(change) + where); });
      if (!error) accepted += std::string(accepted.empty() ? "" : ", ") + change;
      else QVERIFY2(std::string(error->what()).find("not authorized") != std::string::npos, error->what());
    }
    // Triggers are off in Lathe's connections (a planted trigger must do nothing), so the
    // connection's authorizer is what refuses these; a DELETE is refused the same way.
    QVERIFY2(accepted.empty(), ("UPDATE accepted: " + accepted).c_str());
    QVERIFY(errorOf([&] { project_->db().execute("DELETE FROM model_version" + where); }));
    const auto after = *registry.version(frozen.id);
    QCOMPARE(after.target, std::string("class"));
    QCOMPARE(after.threshold, std::optional<double>(0.5));
    QCOMPARE(after.version, 1);
    QCOMPARE(registry.modelBytes(frozen.id), bytes);
  }

  void referencesResolveByNumberAndAlias() {
    deploy::ModelRegistry registry(project_->db());
    QCOMPARE(registry.resolve("credit risk").version, 2);  // no production yet: the newest
    QCOMPARE(registry.resolve("credit risk:1").version, 1);
    QCOMPARE(registry.resolve("credit risk:2").version, 2);
    QCOMPARE(registry.resolve("costed").model, std::string("costed"));
    QVERIFY(!registry.production("credit risk"));
    QVERIFY_ERROR(registry.resolve("credit risk:production"), ErrorCode::InvalidArgument, "production");
    QVERIFY_ERROR(registry.resolve("nope"), ErrorCode::InvalidArgument, "nope");
    QVERIFY_ERROR(registry.resolve("nope:1"), ErrorCode::InvalidArgument, "nope");
    QVERIFY_ERROR(registry.resolve("credit risk:3"), ErrorCode::InvalidArgument, "3");
    QVERIFY_ERROR(registry.resolve("credit risk:0"), ErrorCode::InvalidArgument, "0");
    QVERIFY_ERROR(registry.resolve("credit risk:staging"), ErrorCode::InvalidArgument, "staging");
    QVERIFY_ERROR(registry.resolve(""), ErrorCode::InvalidArgument, "no registered model");
    QVERIFY_ERROR(registry.load(987654), ErrorCode::InvalidArgument, "987654");
  }

  void aliasMovesAreRecordedInOrder() {
    deploy::ModelRegistry registry(project_->db());
    const auto v1 = registry.resolve("credit risk:1");
    const auto v2 = registry.resolve("credit risk:2");
    registry.setAlias(v1.id, "production", "first release");
    QCOMPARE(registry.resolve("credit risk").version, 1);  // production wins over the newest
    QCOMPARE(registry.resolve("credit risk:production").version, 1);
    registry.setAlias(v2.id, "candidate", "better AUC on the holdout");
    QCOMPARE(registry.resolve("credit risk:candidate").version, 2);
    registry.setAlias(v2.id, "production", "promoted after review");
    registry.setAlias(v2.id, "production", "again");  // already there: nothing moves, nothing recorded

    QCOMPARE(names(registry.versions("credit risk")),
             (std::vector<std::string>{"credit risk:1=archived", "credit risk:2=production"}));
    QCOMPARE(registry.production("credit risk")->version, 2);
    QCOMPARE(registry.resolve("credit risk").version, 2);
    QCOMPARE(registry.resolve("credit risk:archived").version, 1);
    QCOMPARE(project_->db().queryInt("SELECT COUNT(*) FROM model_alias WHERE alias = 'production'"), std::int64_t{1});

    registry.setAlias(v1.id, "", "retired");
    QCOMPARE(registry.version(v1.id)->alias, std::string());

    const auto events = registry.history("credit risk");
    struct Move {
      int version;
      const char *from, *to, *reason;
    };
    const Move expected[] = {{1, "", "production", "first release"},
                             {2, "", "candidate", "better AUC on the holdout"},
                             {1, "production", "archived", "replaced by version 2"},
                             {2, "candidate", "production", "promoted after review"},
                             {1, "archived", "", "retired"}};
    QCOMPARE(events.size(), std::size(expected));
    for (std::size_t i = 0; i < events.size(); ++i) {
      QCOMPARE(events[i].model, std::string("credit risk"));
      QCOMPARE(events[i].version, expected[i].version);
      QCOMPARE(events[i].versionId, expected[i].version == 1 ? v1.id : v2.id);
      QCOMPARE(events[i].fromAlias, std::string(expected[i].from));
      QCOMPARE(events[i].toAlias, std::string(expected[i].to));
      QCOMPARE(events[i].reason, std::string(expected[i].reason));
      QCOMPARE(events[i].at.size(), std::string("2026-01-01T00:00:00.000Z").size());
      if (i > 0) QVERIFY(events[i - 1].at <= events[i].at);
    }
    QVERIFY(registry.history("costed").empty());
    QVERIFY(registry.history("nope").empty());

    // Refused: an alias that is not one, a version that is not there. Nothing recorded.
    QVERIFY_ERROR(registry.setAlias(v2.id, "staging", "no"), ErrorCode::InvalidArgument, "staging");
    QVERIFY_ERROR(registry.setAlias(v2.id, "Production", "no"), ErrorCode::InvalidArgument, "Production");
    QVERIFY_ERROR(registry.setAlias(424242, "candidate", "no"), ErrorCode::InvalidArgument, "424242");
    QCOMPARE(registry.history("credit risk").size(), std::size(expected));
    QCOMPARE(registry.version(v2.id)->alias, std::string("production"));
  }

  void badNamesAreRefused() {
    deploy::ModelRegistry registry(project_->db());
    auto content = registry.content(registry.resolve("credit risk:1").id);
    const auto before = registry.allVersions().size();
    content.info.model = "";
    QVERIFY_ERROR(registry.add(content), ErrorCode::InvalidArgument, "name");
    content.info.model = "a:b";
    QVERIFY_ERROR(registry.add(content), ErrorCode::InvalidArgument, ":");
    content.info.model = std::string(201, 'x');
    QVERIFY_ERROR(registry.add(content), ErrorCode::InvalidArgument, "200");
    content.info.model = "empty";
    content.modelBytes.clear();
    QVERIFY_ERROR(registry.add(content), ErrorCode::InvalidArgument, "no model");
    QVERIFY_ERROR(enginetest::registerRun(project_, runId_, "with:colon"), ErrorCode::InvalidArgument, ":");
    QCOMPARE(registry.allVersions().size(), before);
  }

  void runsThatCannotBeRegisteredAreRefused() {
    deploy::ModelRegistry registry(project_->db());
    const auto before = registry.allVersions().size();
    QVERIFY_ERROR(enginetest::registerRun(project_, 9999, "ghost"), ErrorCode::InvalidArgument, "no run 9999");

    // A run stored without its model (as a tuning trial is) and a failed run.
    store::RunRepository runs(project_->db());
    auto run = *runs.get(runId_);
    run.id = 0;
    run.name = "no model";
    const auto withoutModel = runs.add(run);
    QVERIFY_ERROR(enginetest::registerRun(project_, withoutModel, "ghost"), ErrorCode::InvalidArgument, "kept no model");
    run.name = "failed";
    run.status = store::RunStatus::Failed;
    const auto artifact = *runs.model(runId_);
    const auto failed = runs.add(run, &artifact);
    QVERIFY_ERROR(enginetest::registerRun(project_, failed, "ghost"), ErrorCode::InvalidArgument, "did not finish");
    // A model in a format deployment cannot read.
    run.status = store::RunStatus::Finished;
    const store::ModelArtifact foreign{"xgboost-ubj", {1, 2, 3}};
    const auto odd = runs.add(run, &foreign);
    QVERIFY_ERROR(enginetest::registerRun(project_, odd, "ghost"), ErrorCode::InvalidArgument, "xgboost-ubj");

    QCOMPARE(registry.allVersions().size(), before);
    QVERIFY(registry.versions("ghost").empty());
  }

  void aReadOnlyProjectIsNotChanged() {
    store::ProjectOpenOptions options;
    options.readOnly = true;
    std::shared_ptr<store::Project> readOnly = store::Project::open(path_, options);
    QVERIFY(readOnly->readOnly());
    deploy::ModelRegistry registry(readOnly->db());
    const auto before = registry.allVersions();
    QCOMPARE(before.size(), std::size_t{4});
    QCOMPARE(registry.resolve("credit risk").version, 2);  // reading works

    const auto refused = errorOf([&] { enginetest::registerRun(readOnly, runId_, "credit risk"); });
    QVERIFY(refused);
    QVERIFY2(std::string(refused->what()).find("read-only") != std::string::npos, refused->what());
    QVERIFY_ERROR(registry.setAlias(before.front().id, "candidate", "no"), ErrorCode::Io, "read-only");
    QVERIFY_ERROR(registry.add(registry.content(before.front().id)), ErrorCode::Io, "read-only");
    QCOMPARE(deploy::ModelRegistry(project_->db()).allVersions().size(), std::size_t{4});
    QCOMPARE(deploy::ModelRegistry(project_->db()).history("credit risk").size(), std::size_t{5});
  }
};

QTEST_GUILESS_MAIN(tst_ModelRegistry)
#include "tst_ModelRegistry.moc"
