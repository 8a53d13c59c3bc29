// A tuning read back from the project (issue 9: the studio's tuning view and resume draw on it):
// its record, objective and direction, every trial with its parameters, state, fold scores and
// run, in trial order; only its own runs; deleted runs left out; unknown tunings refused; a
// damaged trial record read without a crash.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <set>

#include "../ml/MlTestSupport.h"
#include "engine/core/Error.h"
#include "engine/store/Project.h"
#include "engine/store/RunRepository.h"
#include "engine/store/TuningRepository.h"
#include "engine/tune/TuneJob.h"
#include "engine/tune/TuningHistory.h"

using namespace lathe;
using namespace lathe::tune;

namespace {

TuningRequest treeRequest(std::size_t trials, const std::string& objective = {}) {
  TuningRequest request;
  request.table = std::make_shared<const data::Table>(mltest::loadTable("credit-g.arff"));
  request.source = "credit-g.arff";
  request.target = "class";
  request.algorithm = "tree";
  request.space = SearchSpace::defaultFor("tree");
  request.strategy = "random";
  request.objective = objective;
  request.trials = trials;
  request.seed = 5;
  return request;
}

}  // namespace

class tst_TuningHistory : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::shared_ptr<store::Project> project_;

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    project_ = store::Project::create(dir_.filePath("credit.lathe").toStdString(), store::ProjectInfo{"Credit", {}, {}, {}, {}, {}, {}});
  }

  void aTuningReadsBackAsItRan() {
    mltest::QuietContext quiet;
    TuneJob job(project_, treeRequest(6));
    job.run(quiet.context);
    TuneJob other(project_, treeRequest(3, "log_loss"));  // another tuning in the same project
    other.run(quiet.context);

    store::Database db = project_->connect();
    const TuningHistory history = TuningHistory::load(db, job.tuningId());
    QCOMPARE(history.record.id, job.tuningId());
    QCOMPARE(history.record.algorithm, std::string("tree"));
    QCOMPARE(history.objective, std::string("roc_auc"));  // asked for the default: the trials name it
    QVERIFY(history.maximize);
    QCOMPARE(history.trials.size(), job.trials().size());
    QCOMPARE(history.runs.size(), history.trials.size());
    for (std::size_t i = 0; i < history.trials.size(); ++i) {
      const Trial& read = history.trials[i].trial;
      const Trial& ran = job.trials()[i];
      QCOMPARE(read.number, ran.number);
      QCOMPARE(read.state, ran.state);
      QCOMPARE(read.runId, ran.runId);
      QCOMPARE(read.parameters, ran.parameters);
      QCOMPARE(read.foldScores.size(), ran.foldScores.size());
      if (std::isfinite(ran.score)) QCOMPARE(read.score, ran.score);
      QCOMPARE(history.trials[i].algorithm, std::string("tree"));
      QCOMPARE(history.runs[i].id, ran.runId);
    }
    QCOMPARE(history.best()->trial.runId, job.best()->runId);

    // The other tuning minimises log loss, and holds only its own three trials.
    const TuningHistory second = TuningHistory::load(db, other.tuningId());
    QCOMPARE(second.objective, std::string("log_loss"));
    QVERIFY(!second.maximize);
    QCOMPARE(second.trials.size(), std::size_t(3));
    QCOMPARE(second.best()->trial.runId, other.best()->runId);

    // A trial deleted from the Experiments dock leaves the history.
    store::RunRepository(db).setDeleted(history.trials.front().trial.runId, true);
    QCOMPARE(TuningHistory::load(db, job.tuningId()).trials.size(), job.trials().size() - 1);
    store::RunRepository(db).setDeleted(history.trials.front().trial.runId, false);
  }

  void taggedRunsCarryTheirMetricsButNoCurves() {
    store::Database db = project_->connect();
    const auto tunings = store::TuningRepository(db).list();
    QVERIFY(!tunings.empty());
    const auto runs = store::RunRepository(db).tagged(store::TuningRepository::trialTag(tunings.back().id));
    QVERIFY(!runs.empty());
    for (const auto& run : runs) {
      QVERIFY(!run.metrics.empty());
      QVERIFY(run.curves.empty());
      QVERIFY(std::find(run.tags.begin(), run.tags.end(), store::TuningRepository::trialTag(tunings.back().id)) != run.tags.end());
      const auto whole = store::RunRepository(db).get(run.id);
      QCOMPARE(run.parametersJson, whole->parametersJson);
      QCOMPARE(run.validationJson, whole->validationJson);
      QCOMPARE(run.metrics.size(), whole->metrics.size());
      QCOMPARE(run.tags, whole->tags);
    }
    QVERIFY(store::RunRepository(db).tagged("no such tag").empty());
  }

  void anUnknownTuningIsRefused() {
    store::Database db = project_->connect();
    QVERIFY_THROWS_EXCEPTION(Error, TuningHistory::load(db, 9999));
  }

  void aRunThatIsNotATrialIsSkipped() {
    store::ExperimentRun run;
    run.name = "not a trial";
    run.algorithm = "tree";
    run.validationJson = R"({"scheme": "cv", "tuning": "not an object"})";
    QVERIFY(!TuningHistory::trialOf(run));
    run.validationJson = R"({"tuning": {"trial": "seven", "state": 3, "fold_scores": [0.5, null, "x"], "objective": 1}})";
    const auto odd = TuningHistory::trialOf(run);  // damaged fields read as missing, never a crash
    QVERIFY(odd);
    QCOMPARE(odd->trial.number, 0);
    QCOMPARE(odd->trial.state, Trial::State::Failed);
    QCOMPARE(odd->trial.foldScores.size(), std::size_t(3));
    QVERIFY(std::isnan(odd->trial.score));
  }
};

QTEST_GUILESS_MAIN(tst_TuningHistory)
#include "tst_TuningHistory.moc"
