// The feature-importance bars on a real model: a depth-4 decision tree trained by the engine on
// breast_cancer.csv (30 features), its importances drawn as the top 20, largest on top. Also
// long and hostile names, negative (permutation) importances, the note and the empty states.
#include <QToolTip>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "ChartTestSupport.h"
#include "engine/ml/DecisionTree.h"
#include "engine/ml/TrainingData.h"
#include "widgets/charts/FeatureImportanceChart.h"
#include "TestPaths.h"

using lathe::store::FeatureImportance;
using lathe::widgets::FeatureImportanceChart;

namespace {

lathe::ml::TrainingData breastCancer() {
  QFile file(QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/breast_cancer.csv"));
  if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read breast_cancer.csv");
  QStringList header = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
  header.removeLast();  // diagnosis
  std::vector<std::vector<double>> columns(std::size_t(header.size()));
  std::vector<double> y;
  while (!file.atEnd()) {
    const QStringList cells = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
    if (cells.size() != header.size() + 1) continue;
    for (qsizetype c = 0; c < header.size(); ++c) columns[std::size_t(c)].push_back(cells[c].toDouble());
    y.push_back(cells.back() == QStringLiteral("malignant") ? 1.0 : 0.0);
  }
  std::vector<std::string> names;
  for (const QString& name : header) names.push_back(name.toStdString());
  lathe::ml::FeatureMatrix x(y.size(), names);
  for (std::size_t c = 0; c < columns.size(); ++c) std::copy(columns[c].begin(), columns[c].end(), x.column(c).begin());
  return {std::move(x), std::move(y), lathe::ml::Task::Binary, {"benign", "malignant"}, "diagnosis"};
}

// The importances as a run stores them: one per feature, in the data's order.
std::vector<FeatureImportance> treeImportances() {
  const lathe::ml::TrainingData data = breastCancer();
  lathe::ml::TreeParameters parameters;
  parameters.maxDepth = 4;
  lathe::ml::DecisionTree tree(parameters);
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  tree.fit(data, lathe::jobs::JobContext(stop.get_token(), sink));
  const std::vector<double> importances = tree.featureImportances();
  if (importances.size() != data.x.cols()) qFatal("one importance per feature expected");
  std::vector<FeatureImportance> stored;
  for (std::size_t i = 0; i < importances.size(); ++i) stored.push_back({data.x.names()[i], importances[i]});
  return stored;
}

}  // namespace

class tst_FeatureImportanceChart : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    importances_ = treeImportances();
    QCOMPARE(importances_.size(), std::size_t(30));
    double total = 0;
    for (const auto& importance : importances_) total += importance.importance;
    QVERIFY(std::abs(total - 1.0) < 1e-9);  // a tree's importances sum to one
  }

  void topTwentyLargestFirst() {
    std::vector<FeatureImportance> expected = importances_;
    std::stable_sort(expected.begin(), expected.end(),
                     [](const FeatureImportance& a, const FeatureImportance& b) { return a.importance > b.importance; });
    FeatureImportanceChart chart;
    chart.resize(520, 480);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setImportances(importances_);
    QCOMPARE(chart.objectName(), QStringLiteral("featureImportanceChart"));
    QVERIFY(chart.emptyStateText().isEmpty());
    QCOMPARE(chart.topCount(), 20);
    QCOMPARE(chart.barCount(), 20);
    for (int i = 0; i < 20; ++i) {
      QCOMPARE(chart.barLabel(i), QString::fromStdString(expected[std::size_t(i)].feature));
      QCOMPARE(chart.barValue(i), expected[std::size_t(i)].importance);
      if (i > 0) QVERIFY(chart.barValue(i) <= chart.barValue(i - 1));
    }
    QVERIFY(chart.barValue(0) > 0.3);  // one feature carries much of a shallow tree
    QCOMPARE(chart.noteText(), QStringLiteral("Top 20 of 30 features"));

    // The bars drawn: keys down the left axis, largest at key 0 on top.
    QCOMPARE(chart.plottableCount(), 1);
    auto* bars = qobject_cast<QCPBars*>(chart.plottable(0));
    QVERIFY(bars);
    QCOMPARE(bars->keyAxis(), chart.yAxis);
    QCOMPARE(bars->dataCount(), 20);
    for (int i = 0; i < 20; ++i) {
      QCOMPARE(bars->data()->at(i)->key, double(i));
      QCOMPARE(bars->data()->at(i)->value, chart.barValue(i));
    }
    QVERIFY(chart.yAxis->rangeReversed());
    const auto ticker = chart.yAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().value(0), chart.barLabel(0));
    QCOMPARE(chart.xAxis->label(), QStringLiteral("Importance"));
    QVERIFY(chart.xAxis->range().lower == 0 && chart.xAxis->range().upper >= chart.barValue(0));

    chart.replot();
    const QPoint top(qRound(chart.xAxis->coordToPixel(chart.barValue(0) / 2)), qRound(chart.yAxis->coordToPixel(0)));
    const QString tip = chart.toolTipAt(top);
    QCOMPARE(tip, chart.barLabel(0) + QStringLiteral("\nImportance: ") + QLocale().toString(chart.barValue(0), 'g', 6));
    QHelpEvent help(QEvent::ToolTip, top, chart.mapToGlobal(top));
    QApplication::sendEvent(&chart, &help);
    QTRY_COMPARE(QToolTip::text(), tip);
    QVERIFY(chart.toolTipAt(QPoint(2, 2)).isEmpty());
    if (qEnvironmentVariableIsSet("LATHE_SAVE_CHART")) chart.grab().save(QStringLiteral("/tmp/feature-importance.png"));

    // Fewer asked for, fewer drawn; all of them, no note.
    chart.setTopCount(5);
    QCOMPARE(chart.barCount(), 5);
    QCOMPARE(chart.noteText(), QStringLiteral("Top 5 of 30 features"));
    chart.setTopCount(50);
    QCOMPARE(chart.barCount(), 30);
    QVERIFY(chart.noteText().isEmpty());
  }

  void namesAreElidedAndNegativesDrawn() {
    // Permutation importances: a shuffled noise feature can score better than the original.
    const QString longName = QStringLiteral("worst concave points after a recipe step with a very long name");
    std::vector<FeatureImportance> importances = {{"mean radius", 0.12},
                                                  {longName.toStdString(), 0.31},
                                                  {"line\nbreak", 0.05},
                                                  {"noise", -0.02},
                                                  {"not computed", std::nan("")}};
    FeatureImportanceChart chart;
    chart.resize(420, 300);
    chart.setImportances(importances);
    QCOMPARE(chart.barCount(), 4);  // NaN left out
    QCOMPARE(chart.barLabel(0), longName);
    QCOMPARE(chart.barLabel(3), QStringLiteral("noise"));
    QCOMPARE(chart.barValue(3), -0.02);
    QVERIFY(chart.xAxis->range().lower < -0.02);
    const auto ticker = chart.yAxis->ticker().dynamicCast<QCPAxisTickerText>();
    const QFontMetrics metrics(chart.yAxis->tickLabelFont());
    QVERIFY(ticker->ticks().value(0).endsWith(QStringLiteral("…")));
    for (const QString& label : ticker->ticks())
      QVERIFY2(metrics.horizontalAdvance(label) <= FeatureImportanceChart::kLabelWidth + 2, qPrintable(label));
    QCOMPARE(ticker->ticks().value(2), QStringLiteral("line break"));
    QVERIFY(chart.noteText().isEmpty());
  }

  void emptyStates() {
    FeatureImportanceChart chart;
    QCOMPARE(chart.emptyStateText(), QStringLiteral("Select a run to see which features its model relies on most."));
    chart.setImportances({});
    QCOMPARE(chart.emptyStateText(), QStringLiteral("The run has no feature importances."));
    QCOMPARE(chart.barCount(), 0);
    chart.setImportances(importances_);
    QVERIFY(chart.emptyStateText().isEmpty());
    chart.clear();
    QCOMPARE(chart.barCount(), 0);
    QCOMPARE(chart.plottableCount(), 0);
    QVERIFY(chart.noteText().isEmpty());
    QVERIFY(chart.barLabel(0).isEmpty());
    QVERIFY(std::isnan(chart.barValue(0)));
    QVERIFY(chart.toolTipAt(QPoint(chart.width() / 2, chart.height() / 2)).isEmpty());
    QCOMPARE(chart.emptyStateText(), QStringLiteral("Select a run to see which features its model relies on most."));
  }

  void exportsAsSvg() {
    FeatureImportanceChart chart;
    chart.resize(480, 420);
    chart.setImportances(importances_);
    verifyExport(chart, QStringLiteral("importances.svg"));
  }

 private:
  std::vector<FeatureImportance> importances_;
};

QTEST_MAIN(tst_FeatureImportanceChart)
#include "tst_FeatureImportanceChart.moc"
