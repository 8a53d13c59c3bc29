// Runs side by side (RunComparison): the best of each metric by its direction, the parameters
// that differ first, the KPI check and the curves' areas, on runs built as the store holds them.
#include <QtTest>

#include <cmath>

#include "engine/eval/Curves.h"
#include "engine/experiments/RunComparison.h"

using namespace lathe;
using experiments::RunComparison;

namespace {

store::ExperimentRun run(const std::string& name, double auc, double logLoss, const std::string& parameters) {
  store::ExperimentRun r;
  r.id = static_cast<std::int64_t>(name.size());
  r.name = name;
  r.algorithm = name;
  r.validationJson = R"({"scheme":"cv","folds":5,"seed":0})";
  r.parametersJson = parameters;
  r.metrics = {{"cv", "roc_auc", auc}, {"cv", "log_loss", logLoss}, {"train", "roc_auc", 1.0}};
  return r;
}

}  // namespace

class tst_RunComparison : public QObject {
  Q_OBJECT
 private slots:
  void bestFollowsEachMetricsDirection() {
    const auto comparison = RunComparison::of(
        {run("logistic", 0.78, 0.51, R"({"C":1.0})"), run("forest", 0.79, 0.50, R"({"n_estimators":100})")}, {});
    QCOMPARE(comparison.metrics.size(), std::size_t{2});  // the cv split only, not train
    QCOMPARE(comparison.metrics[0].name, std::string("roc_auc"));
    QCOMPARE(comparison.metrics[0].best, 1);
    QCOMPARE(comparison.metrics[1].name, std::string("log_loss"));
    QVERIFY(!comparison.metrics[1].higherIsBetter);
    QCOMPARE(comparison.metrics[1].best, 1);  // 0.50 < 0.51
    QCOMPARE(comparison.metrics[0].split, std::string("cv"));
  }

  void parametersThatDifferComeFirst() {
    const auto comparison = RunComparison::of(
        {run("a", 0.7, 0.5, R"({"C":1.0,"max_iter":100})"), run("b", 0.7, 0.5, R"({"C":2.0,"max_iter":100})")}, {});
    std::vector<std::string> names;
    for (const auto& row : comparison.parameters) names.push_back(row.name);
    // The context rows, then C (differs), then max_iter (same).
    QCOMPARE(names, (std::vector<std::string>{"algorithm", "dataset version", "validation", "seed", "C", "max_iter"}));
    QVERIFY(comparison.parameters[4].differs);
    QVERIFY(!comparison.parameters[5].differs);
    QCOMPARE(comparison.parameters[2].values[0], std::string("5-fold CV"));
  }

  void kpiIsCheckedOnTheHeadlineSplit() {
    store::Kpi kpi{"roc_auc", true, 0.785};
    const auto comparison = RunComparison::of({run("low", 0.78, 0.5, "{}"), run("high", 0.79, 0.5, "{}")}, kpi);
    QCOMPARE(comparison.meetsKpi[0], std::optional<bool>(false));
    QCOMPARE(comparison.meetsKpi[1], std::optional<bool>(true));
    store::Kpi loss{"log_loss", false, 0.505};
    QCOMPARE(RunComparison::meetsKpiOf(run("x", 0.7, 0.50, "{}").metrics, loss), std::optional<bool>(true));
    QCOMPARE(RunComparison::meetsKpiOf(run("x", 0.7, 0.51, "{}").metrics, loss), std::optional<bool>(false));
    QCOMPARE(RunComparison::meetsKpiOf(run("x", 0.7, 0.51, "{}").metrics, store::Kpi{"f1", true, 0.5}), std::nullopt);
    QCOMPARE(RunComparison::meetsKpiOf(run("x", 0.7, 0.51, "{}").metrics, store::Kpi{"roc_auc", true, {}}), std::nullopt);
  }

  // The legend's area is the stored curve's own: the engine's trapezoids and average precision.
  void areasComeFromTheStoredCurves() {
    const std::vector<double> truth{0, 0, 1, 1, 0, 1, 1, 0}, scores{0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.6, 0.7};
    const auto roc = eval::RocCurve::of(truth, scores);
    const auto pr = eval::PrecisionRecallCurve::of(truth, scores);
    auto r = run("a", 0.0, 0.0, "{}");
    r.curves.push_back({"roc", "cv", "1", roc.fpr, roc.tpr, roc.thresholds});
    r.curves.push_back({"pr", "cv", "1", pr.recall, pr.precision, pr.thresholds});
    const auto comparison = RunComparison::of({r, run("b", 0, 0, "{}")}, {});
    QCOMPARE(comparison.rocAreas[0], roc.area());
    QCOMPARE(comparison.prAreas[0], pr.averagePrecision());
    QVERIFY(std::isnan(comparison.rocAreas[1]));
    QCOMPARE(roc.area(), 0.8125);  // sklearn.metrics.roc_auc_score(truth, scores)
  }
};

QTEST_APPLESS_MAIN(tst_RunComparison)
#include "tst_RunComparison.moc"
