// The business-value curve of a stored run: logistic regression cross-validated on credit-g.arff
// (the run stored as TrainModelJob stores it, through RunRecord), under the German-credit cost
// matrix. Computed from the stored ROC curve and confusion matrix alone, it must agree with
// ThresholdAnalysis on the raw out-of-fold predictions; runs it cannot judge give nullopt, and
// damaged stored curves and matrices neither crash nor give a wrong curve.
#include <QtTest>

#include <cmath>
#include <limits>

#include "../ml/MlTestSupport.h"
#include "engine/core/Error.h"
#include "engine/eval/CrossValidation.h"
#include "engine/eval/Metric.h"
#include "engine/eval/ThresholdAnalysis.h"
#include "engine/experiments/BusinessValueCurve.h"
#include "engine/experiments/RunComparison.h"
#include "engine/experiments/RunRecord.h"
#include "engine/experiments/TrainModelJob.h"
#include "engine/ml/EstimatorRegistry.h"

using namespace lathe;
using experiments::BusinessValueCurve;

namespace {

// credit-g's classes are [bad, good]; class 1, "good", is the positive class the run's ROC curve
// is of. The dataset's documented cost matrix: calling a bad customer good costs 5 (a false
// positive here), calling a good customer bad costs 1 (a false negative).
store::CostMatrix germanCredit() {
  store::CostMatrix costs;
  costs.falsePositive = -5.0;
  costs.falseNegative = -1.0;
  return costs;
}

// The decisions "score >= threshold" on raw predictions, as a Predictions the metrics score.
eval::Predictions decided(const eval::Predictions& raw, double threshold) {
  eval::Predictions out = raw;
  for (std::size_t r = 0; r < out.yPred.size(); ++r) out.yPred[r] = raw.probabilities.at(r, 1) >= threshold ? 1.0 : 0.0;
  return out;
}

const eval::ThresholdPoint* pointAt(const eval::ThresholdAnalysisResult& analysis, double threshold) {
  for (const auto& p : analysis.points)
    if (p.threshold == threshold) return &p;
  return nullptr;
}

}  // namespace

class tst_BusinessValueCurve : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    const auto table = mltest::loadTable("credit-g.arff");
    const auto data = ml::FeatureEncoder::fit(table, "class").encodeTraining(table);
    QCOMPARE(data.classes, (std::vector<std::string>{"bad", "good"}));
    mltest::QuietContext quiet;
    const auto cv = eval::CrossValidation::run(*ml::EstimatorRegistry::create("logistic"), data, {}, quiet.context);
    predictions_ = cv.outOfFold;
    run_.task = "binary";
    experiments::RunRecord::addMetrics(run_, cv.metrics, "cv");
    experiments::RunRecord::addCharts(run_, predictions_, data.classes, "cv");
  }

  void bestAgreesWithThresholdAnalysis() {
    const auto curve = BusinessValueCurve::of(run_, germanCredit(), {});
    QVERIFY(curve);
    QCOMPARE(curve->split, std::string("cv"));
    QCOMPARE(curve->positives, 700.0);  // credit-g: 700 good, 300 bad
    QCOMPARE(curve->negatives, 300.0);
    const auto analysis = eval::ThresholdAnalysis::analyse(predictions_, germanCredit());
    const auto& best = curve->bestPoint();
    QVERIFY(std::abs(best.expectedValue - analysis.bestPoint().expectedValue) < 1e-9);
    QVERIFY(std::abs(best.totalValue - analysis.bestPoint().totalValue) < 1e-9);
    QCOMPARE(best.threshold, analysis.bestPoint().threshold);
    // Flagging no one costs every good customer (-0.7 per row); the model does better.
    QVERIFY(best.expectedValue > -0.7);
    QVERIFY(best.threshold > 0.5 && best.threshold < 1.0);  // 5:1 costs ask for a strict threshold

    // Every point is the raw predictions' decision at the same threshold, to the last bit.
    for (std::size_t i = 0; i + 1 < curve->points.size(); ++i) {
      const auto* raw = pointAt(analysis, curve->points[i].threshold);
      QVERIFY2(raw, qPrintable(QString::number(curve->points[i].threshold)));
      QCOMPARE(curve->points[i].expectedValue, raw->expectedValue);
    }
  }

  void anotherMatrixMovesTheBest() {
    // A good loan earns 0.35, a bad one loses 1 (a cost matrix with a gain).
    store::CostMatrix costs;
    costs.truePositive = 0.35;
    costs.falsePositive = -1.0;
    const auto curve = BusinessValueCurve::of(run_, costs, {});
    const auto analysis = eval::ThresholdAnalysis::analyse(predictions_, costs);
    QVERIFY(curve);
    QVERIFY(std::abs(curve->bestPoint().expectedValue - analysis.bestPoint().expectedValue) < 1e-9);
    QCOMPARE(curve->bestPoint().threshold, analysis.bestPoint().threshold);
    QVERIFY(curve->bestPoint().threshold != BusinessValueCurve::of(run_, germanCredit(), {})->bestPoint().threshold);
  }

  void pointsAscendFromFlagEveryoneToFlagNoOne() {
    const auto curve = *BusinessValueCurve::of(run_, germanCredit(), {});
    const auto* roc = experiments::RunComparison::curveOf(run_, "roc");
    QCOMPARE(curve.points.size(), roc->thresholds.size());
    for (std::size_t i = 1; i < curve.points.size(); ++i) QVERIFY(curve.points[i - 1].threshold < curve.points[i].threshold);
    // The ROC's last point flags everyone: 300 bad customers called good, 5 each.
    QCOMPARE(curve.points.front().expectedValue, -1.5);
    QCOMPARE(curve.points.front().totalValue, -1500.0);
    // Its first, at the highest score + 1, flags no one: 700 good customers refused, 1 each.
    QCOMPARE(curve.points.back().threshold, roc->thresholds.front());
    QVERIFY(curve.points.back().threshold > 1.0);
    QCOMPARE(curve.points.back().expectedValue, -0.7);

    // The default decision: the lowest kept threshold at or above 0.5.
    QVERIFY(curve.points[curve.atDefault].threshold >= 0.5);
    QVERIFY(curve.atDefault == 0 || curve.points[curve.atDefault - 1].threshold < 0.5);
    const auto analysis = eval::ThresholdAnalysis::analyse(predictions_, germanCredit());
    QCOMPARE(curve.points[curve.atDefault].expectedValue,
             pointAt(analysis, curve.points[curve.atDefault].threshold)->expectedValue);
    QVERIFY(curve.points[curve.atDefault].expectedValue < curve.bestPoint().expectedValue);
  }

  void kpiFollowsTheThreshold() {
    for (const std::string metric : {"f1", "accuracy", "balanced_accuracy", "precision", "recall", "f1_macro"}) {
      const auto curve = *BusinessValueCurve::of(run_, germanCredit(), {metric, true, 0.7});
      QVERIFY(curve.kpiDependsOnThreshold);
      // The metric scored by the engine on the decisions at each threshold (sklearn's f1_score
      // and friends, to 1e-9); every 7th point keeps the test quick.
      for (std::size_t i = 0; i < curve.points.size(); i += 7) {
        const double expected = eval::Metric::compute(metric, decided(predictions_, curve.points[i].threshold));
        QVERIFY2(std::abs(curve.points[i].kpiValue - expected) < 1e-12,
                 qPrintable(QString::fromStdString(metric) + " at " + QString::number(curve.points[i].threshold)));
      }
    }
    // Flagging no one: f1 0 (sklearn's zero_division=0), accuracy the share of bad customers.
    const auto f1 = *BusinessValueCurve::of(run_, germanCredit(), {"f1", true, 0.7});
    QCOMPARE(f1.points.back().kpiValue, 0.0);
    QCOMPARE(BusinessValueCurve::of(run_, germanCredit(), {"accuracy", true, {}})->points.back().kpiValue, 0.3);

    for (const std::string metric : {"roc_auc", "pr_auc", "log_loss", ""}) {
      const auto curve = *BusinessValueCurve::of(run_, germanCredit(), {metric, true, 0.7});
      QVERIFY(!curve.kpiDependsOnThreshold);
      for (const auto& p : curve.points) QVERIFY(std::isnan(p.kpiValue));
    }
  }

  void unsetMatrixIsWorthNothing() {
    const auto curve = BusinessValueCurve::of(run_, {}, {});
    QVERIFY(curve);
    for (const auto& p : curve->points) {
      QCOMPARE(p.expectedValue, 0.0);
      QCOMPARE(p.totalValue, 0.0);
    }
    QCOMPARE(curve->best, curve->points.size() - 1);  // ties: the highest threshold
  }

  void runsItCannotJudge() {
    // Multiclass: one-vs-rest ROC curves and a 3x3 matrix.
    eval::Predictions three;
    three.task = ml::Task::Multiclass;
    three.classCount = 3;
    three.yTrue = {0, 1, 2, 0, 1, 2};
    three.yPred = {0, 1, 2, 1, 1, 2};
    three.probabilities = {6, 3, {0.7, 0.2, 0.1, 0.2, 0.6, 0.2, 0.1, 0.1, 0.8, 0.3, 0.5, 0.2, 0.2, 0.7, 0.1, 0.1, 0.2, 0.7}};
    store::ExperimentRun multiclass;
    multiclass.task = "multiclass";
    multiclass.metrics.push_back({"test", "accuracy", 5.0 / 6.0});
    experiments::RunRecord::addCharts(multiclass, three, {"a", "b", "c"}, "test");
    QVERIFY(experiments::RunComparison::curveOf(multiclass, "roc"));
    QVERIFY(!BusinessValueCurve::of(multiclass, germanCredit(), {}));
    multiclass.task = "binary";  // a file that says binary but stores three classes
    QVERIFY(!BusinessValueCurve::of(multiclass, germanCredit(), {}));

    eval::Predictions values;
    values.task = ml::Task::Regression;
    values.yTrue = {1.0, 2.0, 3.5};
    values.yPred = {1.1, 2.2, 3.0};
    store::ExperimentRun regression;
    regression.task = "regression";
    regression.metrics.push_back({"test", "r2", 0.9});
    experiments::RunRecord::addCharts(regression, values, {}, "test");
    QVERIFY(!BusinessValueCurve::of(regression, germanCredit(), {}));

    auto noThresholds = run_;
    for (auto& c : noThresholds.curves) c.thresholds.clear();
    QVERIFY(!BusinessValueCurve::of(noThresholds, germanCredit(), {}));
    auto noConfusion = run_;
    noConfusion.confusions.clear();
    QVERIFY(!BusinessValueCurve::of(noConfusion, germanCredit(), {}));
    auto otherSplit = run_;
    otherSplit.confusions.front().split = "test";
    QVERIFY(!BusinessValueCurve::of(otherSplit, germanCredit(), {}));
    auto noRoc = run_;
    std::erase_if(noRoc.curves, [](const store::RunCurve& c) { return c.kind == "roc"; });
    QVERIFY(!BusinessValueCurve::of(noRoc, germanCredit(), {}));
  }

  // BAD_INPUTS: a project file's stored curve or matrix may be damaged or inconsistent.
  void damagedStoredRunsNeitherCrashNorLie() {
    // The ROC over other rows than the matrix: rates times P are not whole counts.
    auto otherRows = run_;
    otherRows.confusions.front().counts = {{150, 150}, {200, 501}};
    QVERIFY(!BusinessValueCurve::of(otherRows, germanCredit(), {}));
    // Negative or absurd counts, a ragged matrix, a class missing from the rows.
    auto negative = run_;
    negative.confusions.front().counts[0][0] = -1;
    QVERIFY(!BusinessValueCurve::of(negative, germanCredit(), {}));
    auto huge = run_;
    huge.confusions.front().counts[1][1] = std::numeric_limits<std::int64_t>::max();
    QVERIFY(!BusinessValueCurve::of(huge, germanCredit(), {}));
    auto ragged = run_;
    ragged.confusions.front().counts[1].pop_back();
    QVERIFY(!BusinessValueCurve::of(ragged, germanCredit(), {}));
    auto noBad = run_;
    noBad.confusions.front().counts[0] = {0, 0};
    QVERIFY(!BusinessValueCurve::of(noBad, germanCredit(), {}));
    auto unknownLabel = run_;
    unknownLabel.confusions.front().labels = {"no", "yes"};
    QVERIFY(!BusinessValueCurve::of(unknownLabel, germanCredit(), {}));

    // NaN, infinite and out-of-range points are skipped; lengths that differ are cut; the best
    // is still the best of the points left.
    auto holes = run_;
    auto& roc = *std::find_if(holes.curves.begin(), holes.curves.end(), [](const auto& c) { return c.kind == "roc"; });
    const std::size_t size = roc.x.size();
    roc.x[1] = std::nan("");
    roc.y[2] = std::numeric_limits<double>::infinity();
    roc.thresholds[3] = std::nan("");
    roc.x[4] = 1.5;
    roc.y.pop_back();
    const auto patched = BusinessValueCurve::of(holes, germanCredit(), {});
    QVERIFY(patched);
    QCOMPARE(patched->points.size(), size - 5);
    const auto whole = *BusinessValueCurve::of(run_, germanCredit(), {});
    QCOMPARE(patched->bestPoint().expectedValue, whole.bestPoint().expectedValue);

    // Stored in any order: still ascending, the same best.
    auto reversed = run_;
    for (auto& c : reversed.curves) {
      std::reverse(c.x.begin(), c.x.end());
      std::reverse(c.y.begin(), c.y.end());
      std::reverse(c.thresholds.begin(), c.thresholds.end());
    }
    const auto sorted = *BusinessValueCurve::of(reversed, germanCredit(), {});
    QCOMPARE(sorted.points.size(), whole.points.size());
    QCOMPARE(sorted.bestPoint().threshold, whole.bestPoint().threshold);

    // Every point damaged: nothing to draw.
    auto allNaN = run_;
    for (auto& c : allNaN.curves) std::fill(c.x.begin(), c.x.end(), std::nan(""));
    QVERIFY(!BusinessValueCurve::of(allNaN, germanCredit(), {}));

    // A value in the matrix that is not a number is an error, as ThresholdAnalysis says it.
    store::CostMatrix broken = germanCredit();
    broken.truePositive = std::numeric_limits<double>::infinity();
    QVERIFY_THROWS_EXCEPTION(Error, BusinessValueCurve::of(run_, broken, {}));
  }

  // A run as TrainModelJob builds it (holdout): judged on its test part.
  void holdoutRunFromTheTrainingJob() {
    experiments::TrainingRequest request;
    request.table = std::make_shared<const data::Table>(mltest::loadTable("credit-g.arff"));
    request.target = "class";
    request.algorithm = "logistic";
    request.runName = "logistic holdout";
    request.learningCurve = false;
    request.validation.kind = experiments::ValidationScheme::Kind::Holdout;
    request.validation.testFraction = 0.3;
    experiments::TrainModelJob job(nullptr, request);
    mltest::QuietContext quiet;
    job.run(quiet.context);
    const auto curve = BusinessValueCurve::of(job.result(), germanCredit(), {"f1", true, 0.8});
    QVERIFY(curve);
    QCOMPARE(curve->split, std::string("test"));
    QCOMPARE(curve->positives + curve->negatives, 300.0);
    QVERIFY(curve->bestPoint().expectedValue >= curve->points.back().expectedValue);
    QVERIFY(curve->bestPoint().expectedValue >= curve->points.front().expectedValue);
    QVERIFY(std::isfinite(curve->bestPoint().kpiValue));
  }

 private:
  eval::Predictions predictions_;
  store::ExperimentRun run_;
};

QTEST_APPLESS_MAIN(tst_BusinessValueCurve)
#include "tst_BusinessValueCurve.moc"
