#include <QtTest>
#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "MetricFixtures.h"
#include "engine/eval/Metric.h"

using lathe::ErrorCode;
using lathe::eval::Metric;
using lathe::eval::Predictions;
using lathe::ml::Task;

class MetricTest : public QObject {
  Q_OBJECT

 private slots:
  // Every metric name the fixture has a value for, through Metric::compute, as the CLI scores.
  void namesAgreeWithSklearn_data() {
    QTest::addColumn<QString>("fixture");
    QTest::newRow("breast_cancer, binary") << "binary_breast_cancer";
    QTest::newRow("ties and 0/1 probabilities") << "binary_ties";
    QTest::newRow("wine, multiclass") << "multiclass_wine";
    QTest::newRow("diabetes, regression") << "regression_diabetes";
  }
  void namesAgreeWithSklearn() {
    QFETCH(QString, fixture);
    const auto f = fixtures::load(fixture.toStdString());
    const Task task = f["task"] == "regression" ? Task::Regression : fixtures::taskOf(f["classCount"]);
    const Predictions p = fixtures::predictions(f, task);
    std::size_t checked = 0;
    for (const auto& [name, value] : f["metrics"].items()) {
      QVERIFY2(std::ranges::count(Metric::names(), name) == 1, name.c_str());
      QVERIFY_AGREES(Metric::compute(name, p), value.get<double>());
      ++checked;
    }
    QCOMPARE(checked, task == Task::Regression ? std::size_t(4) : std::size_t(14));
  }

  void edgeCasesAgreeWithSklearn() {
    const auto f = fixtures::load("classification_edge_cases");
    for (const auto& c : f["cases"]) {
      qInfo("%s", c["name"].get<std::string>().c_str());
      const Predictions p = fixtures::predictions(c, fixtures::taskOf(c["classCount"]));
      for (const auto& [name, value] : c["metrics"].items()) QVERIFY_AGREES(Metric::compute(name, p), value.get<double>());
    }
  }

  void namesAreTheCliContract() {
    const auto names = Metric::names();
    for (const char* name : {"accuracy", "balanced_accuracy", "precision", "recall", "f1", "f1_macro", "roc_auc",
                             "pr_auc", "log_loss", "mse", "rmse", "mae", "r2", "f1_weighted", "precision_macro",
                             "recall_macro"})
      QVERIFY2(std::ranges::count(names, name) == 1, name);
    QVERIFY(Metric::higherIsBetter("roc_auc"));
    QVERIFY(Metric::higherIsBetter("r2"));
    QVERIFY(!Metric::higherIsBetter("log_loss"));
    QVERIFY(!Metric::higherIsBetter("rmse"));
  }

  void defaultsPutTheHeadlineFirst() {
    QCOMPARE(Metric::defaultsFor(Task::Binary).front(), std::string("roc_auc"));
    QCOMPARE(Metric::defaultsFor(Task::Multiclass).front(), std::string("accuracy"));
    QCOMPARE(Metric::defaultsFor(Task::Regression).front(), std::string("r2"));
    QVERIFY(Metric::defaultsFor(Task::Clustering).empty());
    // Every default is a known name that scores its task's fixture.
    const auto binary = fixtures::predictions(fixtures::load("binary_breast_cancer"), Task::Binary);
    for (const auto& name : Metric::defaultsFor(Task::Binary)) QVERIFY(std::isfinite(Metric::compute(name, binary)));
    const auto wine = fixtures::predictions(fixtures::load("multiclass_wine"), Task::Multiclass);
    for (const auto& name : Metric::defaultsFor(Task::Multiclass)) QVERIFY(std::isfinite(Metric::compute(name, wine)));
    const auto diabetes = fixtures::predictions(fixtures::load("regression_diabetes"), Task::Regression);
    for (const auto& name : Metric::defaultsFor(Task::Regression)) QVERIFY(std::isfinite(Metric::compute(name, diabetes)));
  }

  void unknownNameListsTheNames() {
    const auto p = fixtures::predictions(fixtures::load("binary_breast_cancer"), Task::Binary);
    QVERIFY_THROWS_ERROR(Metric::compute("auc", p), ErrorCode::InvalidArgument, "Unknown metric 'auc'");
    QVERIFY_THROWS_ERROR(Metric::compute("", p), ErrorCode::InvalidArgument, "accuracy, balanced_accuracy");
    QVERIFY_THROWS_ERROR(Metric::compute("F1", p), ErrorCode::InvalidArgument, "roc_auc, pr_auc, log_loss, mse");
    QVERIFY_THROWS_ERROR(Metric::higherIsBetter("loss"), ErrorCode::InvalidArgument, "Unknown metric");
  }

  void metricsThatDoNotFitTheTaskAreErrors() {
    const auto binary = fixtures::predictions(fixtures::load("binary_breast_cancer"), Task::Binary);
    QVERIFY_THROWS_ERROR(Metric::compute("r2", binary), ErrorCode::InvalidArgument, "cannot score a binary task");
    const auto diabetes = fixtures::predictions(fixtures::load("regression_diabetes"), Task::Regression);
    QVERIFY_THROWS_ERROR(Metric::compute("accuracy", diabetes), ErrorCode::InvalidArgument, "classification metric");
    Predictions clusters = diabetes;
    clusters.task = Task::Clustering;
    QVERIFY_THROWS_ERROR(Metric::compute("mse", clusters), ErrorCode::InvalidArgument, "silhouette");

    Predictions noProbabilities = binary;
    noProbabilities.probabilities = {};
    QVERIFY_THROWS_ERROR(Metric::compute("roc_auc", noProbabilities), ErrorCode::InvalidArgument, "no");
    QCOMPARE(Metric::compute("accuracy", noProbabilities), Metric::compute("accuracy", binary));

    Predictions wrongClasses = binary;
    wrongClasses.classCount = 3;
    QVERIFY_THROWS_ERROR(Metric::compute("accuracy", wrongClasses), ErrorCode::InvalidArgument, "2 classes");
    auto wine = fixtures::predictions(fixtures::load("multiclass_wine"), Task::Multiclass);
    wine.classCount = 4;  // probabilities have 3 columns
    QVERIFY_THROWS_ERROR(Metric::compute("log_loss", wine), ErrorCode::InvalidArgument, "probabilities of 3 classes");
  }

  void oneClassOnlyAndBadPredictionsAreErrors() {
    Predictions p;
    p.task = Task::Binary;
    p.classCount = 2;
    QVERIFY_THROWS_ERROR(Metric::compute("accuracy", p), ErrorCode::InvalidArgument, "empty");
    QVERIFY_THROWS_ERROR(Metric::compute("roc_auc", p), ErrorCode::InvalidArgument, "no");
    p.yTrue = {1, 1, 1};
    p.yPred = {1, 0, 1};
    p.probabilities = {3, 2, {0.2, 0.8, 0.6, 0.4, 0.1, 0.9}};
    QVERIFY_THROWS_ERROR(Metric::compute("roc_auc", p), ErrorCode::InvalidArgument, "class 0 has no row");
    p.yPred[1] = std::numeric_limits<double>::quiet_NaN();
    QVERIFY_THROWS_ERROR(Metric::compute("f1", p), ErrorCode::InvalidArgument, "yPred at row 2 is NaN");
    Predictions r;
    r.yTrue = {1.0, 2.0};
    r.yPred = {1.0, std::numeric_limits<double>::quiet_NaN()};
    QVERIFY_THROWS_ERROR(Metric::compute("rmse", r), ErrorCode::InvalidArgument, "yPred at row 2");
  }
};

QTEST_APPLESS_MAIN(MetricTest)
#include "tst_Metric.moc"
