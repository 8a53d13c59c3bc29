// The comparison of many runs keeps the dock's width: a hundred compared classifiers (one-feature
// "models" of breast_cancer.csv, their ROC curves and confusion matrices made as a run stores
// them) put their confusion matrices in a strip that scrolls sideways, and the ROC, PR and
// business-value charts stay as wide as the panel. Side by side in the grid they made the
// column 20,000 pixels wide, and every replot at that width took seconds (a frozen window).
#include <QScrollArea>
#include <QScrollBar>
#include <QtTest>

#include "../charts/ChartTestSupport.h"
#include "../charts/SigmoidRun.h"
#include "engine/experiments/RunComparison.h"
#include "widgets/charts/BusinessValueChart.h"
#include "widgets/charts/ConfusionMatrixChart.h"
#include "widgets/charts/PrCurveChart.h"
#include "widgets/charts/RocCurveChart.h"
#include "widgets/panels/RunComparisonPanel.h"

using lathe::widgets::RunComparisonPanel;

namespace {

// One of the hundred: breast_cancer's mean radius squashed around `centre`, as run `id`.
lathe::store::ExperimentRun runOf(const BreastCancer& data, double centre, int id) {
  auto run = sigmoidRun(data, QStringLiteral("mean radius"), centre, 2.0);
  run.id = id;
  run.name = "Run #" + std::to_string(id);
  run.algorithm = "logistic";
  return run;
}

}  // namespace

class tst_RunComparisonPanel : public QObject {
  Q_OBJECT

 private slots:
  void aHundredRunsKeepThePanelsWidth() {
    const BreastCancer data = readBreastCancer();
    std::vector<lathe::store::ExperimentRun> runs;
    for (int i = 0; i < 100; ++i) runs.push_back(runOf(data, 12.0 + 0.06 * i, i + 1));
    QVERIFY(!runs.front().confusions.empty());
    QVERIFY(lathe::experiments::RunComparison::curveOf(runs.front(), "roc"));

    RunComparisonPanel panel;
    panel.resize(900, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QElapsedTimer clock;
    clock.start();
    panel.setComparison(lathe::experiments::RunComparison::of(runs, {}), runs);
    QTest::qWait(200);  // the queued layouts and replots
    qInfo("100 runs compared and laid out in %.2f s", double(clock.elapsed()) / 1000.0);

    QCOMPARE(panel.confusionCharts().size(), 100);
    for (QWidget* chart : {static_cast<QWidget*>(panel.rocChart()), static_cast<QWidget*>(panel.businessValueChart())})
      QVERIFY2(chart->width() <= 900, qPrintable(QString::number(chart->width())));
    // The matrices scroll sideways in their strip, each at its own readable size.
    auto* strip = qobject_cast<QScrollArea*>(panel.confusionCharts().front()->parentWidget()->parentWidget()->parentWidget());
    QVERIFY(strip);
    QVERIFY(strip->width() <= 900);
    QVERIFY(strip->horizontalScrollBar()->maximum() > 100 * 200);
    for (auto* chart : panel.confusionCharts()) QVERIFY(chart->isVisibleTo(&panel) && chart->width() >= 240);
    // Generous: on this machine the whole comparison takes well under a second.
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));

    // Fewer runs again: the strip holds just theirs (two matrices, about one half-width too many).
    std::vector<lathe::store::ExperimentRun> two(runs.begin(), runs.begin() + 2);
    panel.setComparison(lathe::experiments::RunComparison::of(two, {}), two);
    QTest::qWait(50);
    QCOMPARE(panel.confusionCharts().size(), 2);
    QVERIFY2(strip->horizontalScrollBar()->maximum() < 600, qPrintable(QString::number(strip->horizontalScrollBar()->maximum())));
  }
};

QTEST_MAIN(tst_RunComparisonPanel)
#include "tst_RunComparisonPanel.moc"
