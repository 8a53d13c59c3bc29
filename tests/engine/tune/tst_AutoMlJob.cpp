// AutoML (issue 9, item 2): every algorithm that can learn the target, tried with its defaults
// and then tuned within a time budget, a leaderboard best first, every trial a stored run and the
// winner's run with its model; then, unless switched off, an ensemble of the best trials judged
// on the same folds, on the board as the family "ensemble".
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <set>
#include <stop_token>

#include "../ml/MlTestSupport.h"
#include "TimeBounds.h"
#include "engine/core/Error.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/store/Project.h"
#include "engine/store/RunRepository.h"
#include "engine/store/TuningRepository.h"
#include "engine/tune/AutoMlJob.h"

using namespace lathe;
using namespace lathe::tune;

namespace {

// Requests a stop when the job says it starts the ensemble, and notes when.
class StopAtEnsemble final : public jobs::ProgressSink {
 public:
  explicit StopAtEnsemble(std::stop_source& stop) : stop_(stop) {}
  void report(double, std::string_view message) override {
    if (message.starts_with("Cross-validating an ensemble") && !stopped.isValid()) {
      stopped.start();
      stop_.request_stop();
    }
  }
  QElapsedTimer stopped;

 private:
  std::stop_source& stop_;
};

template <typename Run>  // a stored run or its summary
bool tagged(const Run& run, const std::string& tag) {
  return std::find(run.tags.begin(), run.tags.end(), tag) != run.tags.end();
}

}  // namespace

class tst_AutoMlJob : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  void creditGLeaderboardWithinTheBudget() {
    auto project = std::shared_ptr<store::Project>(
        store::Project::create(dir_.filePath("automl.lathe").toStdString(), store::ProjectInfo{"AutoML", {}, {}, {}, {}, {}, {}}));
    AutoMlRequest request;
    request.table = std::make_shared<const data::Table>(mltest::loadTable("credit-g.arff"));
    request.target = "class";
    request.budgetSeconds = 20;
    request.seed = 1;
    request.ensemble = false;  // the search alone (the ensemble: creditGEnsembleJoinsTheBoard)
    AutoMlJob job(project, request);
    mltest::QuietContext quiet;
    QElapsedTimer clock;
    clock.start();
    job.run(quiet.context);
    // No batch starts after the budget; the one running finishes (a few seconds at most).
    QVERIFY2(clock.elapsed() < 1000 * (20 + 30 * kTimeBoundScale), qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(job.objective(), std::string("roc_auc"));

    const auto board = job.leaderboard();
    std::set<std::string> families;
    for (const auto& e : board) families.insert(e.algorithm);
    // Binary: every supervised family but linear regression, each tried at least with its defaults.
    QCOMPARE(families, (std::set<std::string>{"logistic", "tree", "forest", "xgboost", "knn", "naive_bayes", "mlp"}));
    for (std::size_t i = 1; i < board.size(); ++i)
      if (std::isfinite(board[i].best.score)) QVERIFY(board[i - 1].best.score >= board[i].best.score);
    // scikit-learn's best default on credit-g is 0.794 (5-fold ROC AUC); the winner is near it.
    QVERIFY2(board.front().best.score > 0.77, qPrintable(QString::number(board.front().best.score)));
    QVERIFY(job.trials().size() > families.size());  // the leaders were tuned beyond their defaults

    store::Database db = project->connect();
    store::RunRepository runs(db);
    std::size_t tagged = 0;
    for (const auto& run : runs.list())
      if (std::find(run.tags.begin(), run.tags.end(), "automl") != run.tags.end()) ++tagged;
    QCOMPARE(tagged, job.trials().size());
    const auto artifact = runs.model(board.front().best.runId);
    QVERIFY(artifact);
    const auto model = experiments::TrainedModel::deserialize(
        std::string_view(reinterpret_cast<const char*>(artifact->bytes.data()), artifact->bytes.size()));
    QCOMPARE(model.estimator->algorithm(), board.front().algorithm);
    const auto record = store::TuningRepository(db).get(job.tuningId());
    QCOMPARE(record->algorithm, std::string("automl"));
    QCOMPARE(record->status, store::RunStatus::Finished);
    QCOMPARE(record->bestRunId.value_or(0), board.front().best.runId);
  }

  void regressionUsesTheRegressionFamilies() {
    AutoMlRequest request;
    request.table = std::make_shared<const data::Table>(mltest::loadTable("diabetes_progression.csv"));
    request.target = "progression";
    request.budgetSeconds = 6;
    request.algorithms = {"linear", "logistic", "tree"};  // logistic cannot learn a number
    request.ensemble = false;
    AutoMlJob job(nullptr, request);
    mltest::QuietContext quiet;
    job.run(quiet.context);
    QCOMPARE(job.objective(), std::string("r2"));
    std::set<std::string> families;
    for (const auto& e : job.leaderboard()) families.insert(e.algorithm);
    QCOMPARE(families, (std::set<std::string>{"linear", "tree"}));
    QVERIFY(job.leaderboard().front().best.score > 0.3);  // linear models reach ~0.48 here
  }

  void creditGEnsembleJoinsTheBoard() {
    auto project = std::shared_ptr<store::Project>(store::Project::create(
        dir_.filePath("ensemble.lathe").toStdString(), store::ProjectInfo{"AutoML", {}, {}, {}, {}, {}, {}}));
    AutoMlRequest request;
    const auto table = std::make_shared<const data::Table>(mltest::loadTable("credit-g.arff"));
    request.table = table;
    request.target = "class";
    request.budgetSeconds = 20;
    request.seed = 1;
    AutoMlJob job(project, request);
    mltest::QuietContext quiet;
    QElapsedTimer clock;
    clock.start();
    job.run(quiet.context);
    // The ensemble runs in the share of the budget the search leaves it, and may overrun it by
    // a few seconds, as the last batch of trials may.
    QVERIFY2(clock.elapsed() < 1000 * (20 + 40 * kTimeBoundScale), qPrintable(QString::number(clock.elapsed())));

    const auto board = job.leaderboard();
    std::set<std::string> families;
    for (const auto& e : board) families.insert(e.algorithm);
    QCOMPARE(families, (std::set<std::string>{"logistic", "tree", "forest", "xgboost", "knn", "naive_bayes", "mlp",
                                              "ensemble"}));
    const auto ensemble = std::find_if(board.begin(), board.end(), [](const auto& e) { return e.algorithm == "ensemble"; });
    QCOMPARE(ensemble->trials, std::size_t{1});
    QVERIFY2(ensemble->best.score > 0.77, qPrintable(QString::number(ensemble->best.score)));
    const auto& members = ensemble->best.parameters["members"];
    QVERIFY(members.size() >= 2);
    for (const auto& m : members) {
      QVERIFY(families.count(m["algorithm"].get<std::string>()) && m["algorithm"] != "ensemble");
      QVERIFY(m["weight"].is_number_integer() && m["weight"].get<int>() >= 1);
    }
    // It wins only by beating the best single model.
    const auto single = std::find_if(board.begin(), board.end(), [](const auto& e) { return e.algorithm != "ensemble"; });
    QCOMPARE(board.front().algorithm == "ensemble", ensemble->best.score > single->best.score);

    // Stored as a run like any trial, and the winner's model (whichever it is) loads and predicts.
    store::Database db = project->connect();
    store::RunRepository runs(db);
    std::size_t automl = 0;
    for (const auto& run : runs.list()) automl += tagged(run, "automl");
    QCOMPARE(automl, job.trials().size());
    const auto run = runs.get(ensemble->best.runId);
    QVERIFY(run);
    QCOMPARE(run->algorithm, std::string("ensemble"));
    QVERIFY(tagged(*run, store::TuningRepository::trialTag(job.tuningId())));
    QCOMPARE(nlohmann::json::parse(run->parametersJson)["members"], members);
    const auto artifact = runs.model(board.front().best.runId);
    QVERIFY(artifact);
    const auto model = experiments::TrainedModel::deserialize(
        std::string_view(reinterpret_cast<const char*>(artifact->bytes.data()), artifact->bytes.size()));
    QCOMPARE(model.estimator->algorithm(), board.front().algorithm);
    const auto p = model.estimator->predictProba(model.encoder.encodeTraining(*table).x);
    QCOMPARE(p.rows, table->rowCount());
    for (std::size_t r = 0; r < p.rows; ++r) QVERIFY(std::abs(p.at(r, 0) + p.at(r, 1) - 1.0) < 1e-9);
    QCOMPARE(store::TuningRepository(db).get(job.tuningId())->bestRunId.value_or(0), board.front().best.runId);
  }

  void regressionEnsembleHoldsRegressors() {
    AutoMlRequest request;
    request.table = std::make_shared<const data::Table>(mltest::loadTable("diabetes_progression.csv"));
    request.target = "progression";
    request.budgetSeconds = 6;
    request.algorithms = {"linear", "forest", "knn"};
    AutoMlJob job(nullptr, request);
    mltest::QuietContext quiet;
    job.run(quiet.context);
    std::set<std::string> families;
    for (const auto& e : job.leaderboard()) families.insert(e.algorithm);
    families.erase("ensemble");
    QCOMPARE(families, (std::set<std::string>{"linear", "forest", "knn"}));
    // Whether a blend beats one model here depends on the trials (linear models lead on this
    // data, ~0.49); when the selection makes one, it is judged by r2 like the others.
    for (const auto& e : job.leaderboard()) {
      if (e.algorithm != "ensemble") continue;
      QVERIFY2(e.best.score > 0.3, qPrintable(QString::number(e.best.score)));
      for (const auto& m : e.best.parameters["members"]) QVERIFY(families.count(m["algorithm"].get<std::string>()));
    }
  }

  void cancelDuringTheEnsemble() {
    AutoMlRequest request;
    request.table = std::make_shared<const data::Table>(mltest::loadTable("credit-g.arff"));
    request.target = "class";
    request.budgetSeconds = 6;
    request.algorithms = {"logistic", "naive_bayes", "tree", "forest"};
    AutoMlJob job(nullptr, request);
    std::stop_source stop;
    StopAtEnsemble sink(stop);
    jobs::JobContext context(stop.get_token(), sink);
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, job.run(context));
    QVERIFY(sink.stopped.isValid());
    // Honoured inside the ensemble's first fold, well before its cross-validation would end.
    QVERIFY2(sink.stopped.elapsed() < 3000 * kTimeBoundScale, qPrintable(QString::number(sink.stopped.elapsed())));
  }

  void badRequestsAreRefused() {
    mltest::QuietContext quiet;
    AutoMlRequest request;
    request.table = std::make_shared<const data::Table>(mltest::loadTable("credit-g.arff"));
    request.target = "nope";
    QVERIFY_THROWS_EXCEPTION(Error, AutoMlJob(nullptr, request).run(quiet.context));
    request.target = "class";
    request.budgetSeconds = 0;
    QVERIFY_THROWS_EXCEPTION(Error, AutoMlJob(nullptr, request).run(quiet.context));
    request.budgetSeconds = 5;
    request.algorithms = {"linear"};  // cannot learn classes
    QVERIFY_THROWS_EXCEPTION(Error, AutoMlJob(nullptr, request).run(quiet.context));
  }
};

QTEST_MAIN(tst_AutoMlJob)
#include "tst_AutoMlJob.moc"
