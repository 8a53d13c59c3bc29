// Tuning as a job (issue 9, item 1) on credit-g: trials two at a time, each a stored run tagged
// with its tuning, the best with its model; the same seed gives the same trials; a cancelled
// tuning resumes from the project; the median rule stops poor trials; bad requests are refused.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <memory>
#include <set>

#include "../ml/MlTestSupport.h"
#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/eval/CrossValidation.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/FeatureEncoder.h"
#include "engine/store/Project.h"
#include "engine/store/RunRepository.h"
#include "engine/store/TuningRepository.h"
#include "engine/tune/TuneJob.h"

using namespace lathe;
using namespace lathe::tune;

namespace {

std::shared_ptr<const data::Table> creditG() {
  static const auto table = std::make_shared<const data::Table>(mltest::loadTable("credit-g.arff"));
  return table;
}

TuningRequest logisticRequest(std::size_t trials, const std::string& strategy = "random") {
  TuningRequest request;
  request.table = creditG();
  request.source = "credit-g.arff";
  request.target = "class";
  request.algorithm = "logistic";
  request.space = SearchSpace::defaultFor("logistic");
  request.strategy = strategy;
  request.trials = trials;
  request.seed = 3;
  request.parallel = 2;
  return request;
}

std::vector<std::int64_t> runsTagged(store::Database& db, const std::string& tag) {
  std::vector<std::int64_t> ids;
  for (const auto& run : store::RunRepository(db).list())
    if (std::find(run.tags.begin(), run.tags.end(), tag) != run.tags.end()) ids.push_back(run.id);
  return ids;
}

}  // namespace

class tst_TuneJob : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::shared_ptr<store::Project> project_;

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    project_ = store::Project::create(dir_.filePath("credit.lathe").toStdString(), store::ProjectInfo{"Credit", {}, {}, {}, {}, {}, {}});
  }

  void everyTrialIsARunAndTheBestKeepsItsModel() {
    TuneJob job(project_, logisticRequest(6));
    mltest::QuietContext quiet;
    job.run(quiet.context);
    QCOMPARE(job.objective(), std::string("roc_auc"));
    QVERIFY(job.maximize());
    QCOMPARE(job.trials().size(), std::size_t(6));
    QVERIFY(job.tuningId() > 0);

    store::Database db = project_->connect();
    const auto ids = runsTagged(db, store::TuningRepository::trialTag(job.tuningId()));
    QCOMPARE(ids.size(), std::size_t(6));
    const Trial* best = job.best();
    QVERIFY(best);
    for (const auto& t : job.trials()) {
      QVERIFY(t.runId > 0);
      if (t.state == Trial::State::Complete) QVERIFY(t.score <= best->score);
    }
    // Logistic regression on credit-g: scikit-learn's 5-fold ROC AUC is about 0.78.
    QVERIFY2(best->score > 0.74 && best->score < 0.82, qPrintable(QString::number(best->score)));

    // The stored trial carries the same score, and the best run has the model, refitted.
    store::RunRepository runs(db);
    const auto run = runs.get(best->runId);
    QVERIFY(run);
    double stored = std::nan("");
    for (const auto& m : run->metrics)
      if (m.split == "cv" && m.name == "roc_auc") stored = m.value;
    QCOMPARE(stored, best->score);
    QVERIFY(std::find(run->tags.begin(), run->tags.end(), "best") != run->tags.end());
    const auto artifact = runs.model(best->runId);
    QVERIFY(artifact);
    const auto model = experiments::TrainedModel::deserialize(
        std::string_view(reinterpret_cast<const char*>(artifact->bytes.data()), artifact->bytes.size()));
    QCOMPARE(model.estimator->parameters()["C"], best->parameters["C"]);
    const auto record = store::TuningRepository(db).get(job.tuningId());
    QVERIFY(record);
    QCOMPARE(record->status, store::RunStatus::Finished);
    QCOMPARE(record->bestRunId.value_or(0), best->runId);

    // The trial's score is exactly what cross-validation gives for its parameters and seed.
    const auto encoder = ml::FeatureEncoder::fit(*creditG(), "class", {}, ml::EstimatorRegistry::categoriesFor("logistic"));
    const auto data = encoder.encodeTraining(*creditG());
    eval::CrossValidationOptions options;
    options.split = {5, true, 3};
    options.metrics = {"roc_auc"};
    const auto cv = eval::CrossValidation::run(*ml::EstimatorRegistry::create("logistic", best->parameters), data,
                                               options, quiet.context);
    QCOMPARE(cv.metric("roc_auc")->mean, best->score);
  }

  void theSameSeedGivesTheSameTrials() {
    mltest::QuietContext quiet;
    TuneJob a(nullptr, logisticRequest(6, "bayes"));
    a.run(quiet.context);
    TuneJob b(nullptr, logisticRequest(6, "bayes"));
    b.run(quiet.context);
    QCOMPARE(a.trials().size(), b.trials().size());
    for (std::size_t i = 0; i < a.trials().size(); ++i) {
      QCOMPARE(a.trials()[i].parameters, b.trials()[i].parameters);
      QCOMPARE(a.trials()[i].score, b.trials()[i].score);
    }
  }

  void aCancelledTuningResumesFromTheProject() {
    auto request = logisticRequest(8);
    request.name = "resumable";
    TuneJob first(project_, request);
    std::stop_source stop;
    StoppingSink sink(stop, 0.3);  // after the first batches
    jobs::JobContext context(stop.get_token(), sink);
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, first.run(context));
    const std::size_t done = first.trials().size();
    QVERIFY2(done >= 2 && done < 8, qPrintable(QString::number(done)));
    store::Database db = project_->connect();
    QCOMPARE(store::TuningRepository(db).get(first.tuningId())->status, store::RunStatus::Cancelled);

    auto resumed = TuneJob::resume(project_, first.tuningId(), creditG());
    QCOMPARE(resumed->trials().size(), done);
    mltest::QuietContext quiet;
    resumed->run(quiet.context);
    QCOMPARE(resumed->trials().size(), std::size_t(8));
    std::set<int> numbers;
    for (const auto& t : resumed->trials()) numbers.insert(t.number);
    QCOMPARE(numbers, (std::set<int>{1, 2, 3, 4, 5, 6, 7, 8}));
    QCOMPARE(runsTagged(db, store::TuningRepository::trialTag(first.tuningId())).size(), std::size_t(8));
    QCOMPARE(store::TuningRepository(db).get(first.tuningId())->status, store::RunStatus::Finished);
    // What random search gives trial n does not depend on the interruption.
    TuneJob straight(nullptr, request);
    straight.run(quiet.context);
    for (std::size_t i = 0; i < 8; ++i) QCOMPARE(resumed->trials()[i].parameters, straight.trials()[i].parameters);
  }

  void poorTrialsAreStoppedEarly() {
    // A space where half the points are hopeless (1 neighbour, heavy noise): the median rule
    // stops some of them before their fifth fold.
    auto request = logisticRequest(16);
    request.algorithm = "knn";
    request.space = SearchSpace::fromJson(nlohmann::json::parse(R"({"n_neighbors": [1, 2, 40, 60]})"));
    mltest::QuietContext quiet;
    TuneJob job(nullptr, request);
    job.run(quiet.context);
    int pruned = 0;
    for (const auto& t : job.trials())
      if (t.state == Trial::State::Pruned) {
        ++pruned;
        QVERIFY(t.foldScores.size() < 5);
        QVERIFY(t.parameters["n_neighbors"].get<int>() <= 2);
      }
    QVERIFY2(pruned > 0, "no trial was stopped early");
    QVERIFY(job.best()->parameters["n_neighbors"].get<int>() >= 40);
  }

  void badRequestsAreRefusedClearly() {
    mltest::QuietContext quiet;
    auto noTarget = logisticRequest(2);
    noTarget.target = "no such column";
    QVERIFY_THROWS_EXCEPTION(Error, TuneJob(nullptr, noTarget).run(quiet.context));
    auto badMetric = logisticRequest(2);
    badMetric.objective = "happiness";
    QVERIFY_THROWS_EXCEPTION(Error, TuneJob(nullptr, badMetric).run(quiet.context));
    auto regression = logisticRequest(2);
    regression.target = "duration";  // logistic cannot learn a number
    QVERIFY_THROWS_EXCEPTION(Error, TuneJob(nullptr, regression).run(quiet.context));
    // A space whose every point the algorithm refuses: every trial fails, and says why.
    auto refused = logisticRequest(2);
    refused.space = SearchSpace::fromJson(nlohmann::json::parse(R"({"C": [-1, -2]})"));
    try {
      TuneJob(nullptr, refused).run(quiet.context);
      QFAIL("a tuning whose every trial failed succeeded");
    } catch (const Error& e) {
      QVERIFY2(QString::fromStdString(e.message()).contains(QStringLiteral("C")), e.what());
    }
  }

  void cleanupTestCase() { project_.reset(); }
};

QTEST_MAIN(tst_TuneJob)
#include "tst_TuneJob.moc"
