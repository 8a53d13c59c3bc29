// One training from the studio, end to end in the engine: credit-g.arff, the run stored in a
// real project with its metrics, curves, confusion matrix, importances and model; cancel and bad
// requests store nothing.
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include "../ml/MlTestSupport.h"
#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/eval/CrossValidation.h"
#include "engine/eval/Curves.h"
#include "engine/experiments/TrainModelJob.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/store/Project.h"
#include "engine/store/RunRepository.h"

using namespace lathe;
using namespace lathe::experiments;

namespace {

std::shared_ptr<const data::Table> creditG() {
  static const auto table = std::make_shared<const data::Table>(mltest::loadTable("credit-g.arff"));
  return table;
}

double metric(const store::ExperimentRun& run, const std::string& split, const std::string& name) {
  for (const auto& m : run.metrics)
    if (m.split == split && m.name == name) return m.value;
  return std::nan("");
}

const store::RunCurve* curve(const store::ExperimentRun& run, const std::string& kind, const std::string& split) {
  for (const auto& c : run.curves)
    if (c.kind == kind && c.split == split) return &c;
  return nullptr;
}

TrainingRequest logisticOnCreditG() {
  TrainingRequest request;
  request.table = creditG();
  request.target = "class";
  request.algorithm = "logistic";
  request.runName = "logistic 1";
  request.learningCurve = false;
  return request;
}

}  // namespace

class tst_TrainModelJob : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    project_ = store::Project::create(dir_.filePath("credit.lathe").toStdString(), store::ProjectInfo{"Credit", {}, {}, {}, {}, {}, {}});
  }

  // The stored run carries what the engine computed: the same 5-fold scores as CrossValidation,
  // ROC/PR curves whose area is the pooled out-of-fold AUC, a confusion matrix over every row.
  void crossValidatedRunIsStoredWithEverything() {
    auto request = logisticOnCreditG();
    request.learningCurve = true;
    TrainModelJob job(project_, request);
    mltest::QuietContext quiet;
    job.run(quiet.context);
    const auto& run = job.result();
    QVERIFY(run.id > 0);

    store::RunRepository runs(project_->db());
    const auto stored = runs.get(run.id);
    QVERIFY(stored);
    QCOMPARE(stored->name, std::string("logistic 1"));
    QCOMPARE(stored->task, std::string("binary"));
    QCOMPARE(stored->target, std::string("class"));

    // The same folds through the engine directly give the same mean AUC.
    const auto encoder = ml::FeatureEncoder::fit(*creditG(), "class");
    const auto data = encoder.encodeTraining(*creditG());
    const auto cv = eval::CrossValidation::run(*ml::EstimatorRegistry::create("logistic"), data, {}, quiet.context);
    QCOMPARE(metric(*stored, "cv", "roc_auc"), cv.metric("roc_auc")->mean);
    QVERIFY(metric(*stored, "cv", "roc_auc") > 0.75);  // sklearn: 0.787 (docs/ml.md)

    const auto* roc = curve(*stored, "roc", "cv");
    QVERIFY(roc);
    QCOMPARE(roc->label, std::string("good"));
    eval::RocCurve pooled{roc->x, roc->y, roc->thresholds};
    QVERIFY(std::abs(pooled.area() - metric(*stored, "out_of_fold", "roc_auc")) < 1e-12);
    QVERIFY(curve(*stored, "pr", "cv"));
    QVERIFY(curve(*stored, "learning", "validation"));
    QVERIFY(nlohmann::json::parse(stored->validationJson).contains("learning_curve"));

    QCOMPARE(stored->confusions.size(), std::size_t{1});
    const auto& confusion = stored->confusions.front();
    QCOMPARE(confusion.labels, (std::vector<std::string>{"bad", "good"}));
    QCOMPARE(confusion.counts[0][0] + confusion.counts[0][1], std::int64_t{300});  // 300 bad, 700 good
    QCOMPARE(confusion.counts[1][0] + confusion.counts[1][1], std::int64_t{700});

    // The model comes back and predicts the table it was trained on.
    const auto artifact = runs.model(run.id);
    QVERIFY(artifact);
    QCOMPARE(artifact->format, std::string(TrainedModel::kFormat));
    const auto model = TrainedModel::deserialize(std::string(artifact->bytes.begin(), artifact->bytes.end()));
    const auto predicted = model.estimator->predict(model.encoder.encode(*creditG()));
    QCOMPARE(predicted.size(), std::size_t{1000});
  }

  void forestHoldoutKeepsImportances() {
    auto request = logisticOnCreditG();
    request.algorithm = "forest";
    request.parameters = {{"n_estimators", 30}};
    request.validation.kind = ValidationScheme::Kind::Holdout;
    request.validation.testFraction = 0.3;
    TrainModelJob job(project_, request);
    mltest::QuietContext quiet;
    job.run(quiet.context);
    const auto& run = job.result();
    QVERIFY(metric(run, "test", "roc_auc") > 0.7);
    QCOMPARE(run.featureImportances.size(), std::size_t{20});  // codes: one per column
    const auto& cm = run.confusions.front();
    QCOMPARE(cm.counts[0][0] + cm.counts[0][1] + cm.counts[1][0] + cm.counts[1][1], std::int64_t{300});
    QCOMPARE(nlohmann::json::parse(run.parametersJson).value("n_estimators", 0), 30);
  }

  void cancelStoresNothing() {
    store::RunRepository runs(project_->db());
    const auto before = runs.count();
    auto request = logisticOnCreditG();
    request.algorithm = "mlp";
    TrainModelJob job(project_, request);
    std::stop_source stop;
    StoppingSink sink(stop, 0.3);
    jobs::JobContext context(stop.get_token(), sink);
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, job.run(context));
    QCOMPARE(runs.count(), before);
  }

  void badRequestsAreClearErrors() {
    mltest::QuietContext quiet;
    const auto fails = [&](TrainingRequest request, const char* fragment) {
      try {
        TrainModelJob(project_, std::move(request)).run(quiet.context);
        QFAIL("no error");
      } catch (const Error& e) {
        QVERIFY2(std::string(e.what()).find(fragment) != std::string::npos, e.what());
      }
    };
    auto noTarget = logisticOnCreditG();
    noTarget.target = "nope";
    fails(noTarget, "'nope'");
    auto regressionOfClasses = logisticOnCreditG();
    regressionOfClasses.targetKind = ml::FeatureEncoder::TargetKind::Values;
    fails(regressionOfClasses, "categories");
    auto classifierOnValues = logisticOnCreditG();
    classifierOnValues.target = "credit_amount";
    classifierOnValues.targetKind = ml::FeatureEncoder::TargetKind::Values;
    fails(classifierOnValues, "cannot learn a regression");
    auto badParameter = logisticOnCreditG();
    badParameter.parameters = {{"C", -1}};
    fails(badParameter, "'C'");
  }

  void hostileModelBytesAreRefused() {
    auto request = logisticOnCreditG();
    TrainModelJob job(nullptr, request);
    mltest::QuietContext quiet;
    job.run(quiet.context);
    QCOMPARE(job.result().id, std::int64_t{0});  // no project: built, not stored
    TrainedModel model{ml::FeatureEncoder::fit(*creditG(), "class"), ml::EstimatorRegistry::create("naive_bayes")};
    model.estimator->fit(model.encoder.encodeTraining(*creditG()), quiet.context);
    const std::string bytes = model.serialize();
    for (std::size_t size = 0; size < bytes.size(); size += 1 + size / 3)
      QVERIFY_THROWS_EXCEPTION(Error, TrainedModel::deserialize(bytes.substr(0, size)));
    QVERIFY_THROWS_EXCEPTION(Error, TrainedModel::deserialize(bytes + "x"));
  }

 private:
  QTemporaryDir dir_;
  std::shared_ptr<store::Project> project_;
};

QTEST_APPLESS_MAIN(tst_TrainModelJob)
#include "tst_TrainModelJob.moc"
