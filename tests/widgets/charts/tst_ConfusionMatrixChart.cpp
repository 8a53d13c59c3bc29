// The confusion-matrix heatmap on real predictions, counted by the engine: breast_cancer.csv
// predicted malignant when the mean radius exceeds 15, and penguins.csv's species guessed from the
// flipper length (both checked against pandas.crosstab). Counts, row percentages, colours, axes,
// tooltips, the 30-class cap and damaged structs.
#include <QToolTip>
#include <QtTest>
#include <cmath>

#include "ChartTestSupport.h"
#include "engine/eval/ConfusionMatrix.h"
#include "widgets/charts/ConfusionMatrixChart.h"
#include "TestPaths.h"

using lathe::eval::ConfusionMatrix;
using lathe::store::RunConfusion;
using lathe::widgets::ConfusionMatrixChart;

namespace {

// The engine's matrix as a run stores it: counts[actual][predicted].
RunConfusion stored(const ConfusionMatrix& matrix) {
  RunConfusion confusion;
  confusion.split = "test";
  confusion.labels = matrix.labels;
  confusion.counts.assign(matrix.classCount, std::vector<std::int64_t>(matrix.classCount, 0));
  for (std::size_t a = 0; a < matrix.classCount; ++a)
    for (std::size_t p = 0; p < matrix.classCount; ++p) confusion.counts[a][p] = std::int64_t(matrix.at(a, p));
  return confusion;
}

// (truth, prediction) per row of a CSV: `truthOf` and `predictionOf` read a row's cells.
template <typename Truth, typename Prediction>
std::pair<std::vector<double>, std::vector<double>> readPredictions(const char* file, Truth truthOf, Prediction predictionOf) {
  QFile csv(QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/") + QLatin1String(file));
  if (!csv.open(QIODevice::ReadOnly)) qFatal("cannot read %s", file);
  csv.readLine();  // header
  std::vector<double> truth, prediction;
  while (!csv.atEnd()) {
    const QStringList cells = QString::fromUtf8(csv.readLine()).trimmed().split(QLatin1Char(','));
    const double t = truthOf(cells), p = predictionOf(cells);
    if (std::isnan(t) || std::isnan(p)) continue;
    truth.push_back(t);
    prediction.push_back(p);
  }
  return {truth, prediction};
}

QPoint pixelOfCell(const ConfusionMatrixChart& chart, int actual, int predicted) {
  return QPoint(qRound(chart.xAxis->coordToPixel(predicted)), qRound(chart.yAxis->coordToPixel(actual)));
}

}  // namespace

class tst_ConfusionMatrixChart : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

  void binaryCellsShowCountsAndRowPercentages() {
    const auto [truth, predicted] = readPredictions(
        "breast_cancer.csv", [](const QStringList& cells) { return cells.back() == QStringLiteral("malignant") ? 1.0 : 0.0; },
        [](const QStringList& cells) { return cells[0].toDouble() > 15 ? 1.0 : 0.0; });
    const ConfusionMatrix matrix = ConfusionMatrix::of(truth, predicted, 2, {"benign", "malignant"});
    // pandas.crosstab(diagnosis, mean radius > 15).
    QCOMPARE(matrix.counts, (std::vector<std::uint64_t>{345, 12, 51, 161}));

    ConfusionMatrixChart chart;
    chart.resize(420, 360);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setConfusion(stored(matrix), QStringLiteral("radius rule"));
    QCOMPARE(chart.objectName(), QStringLiteral("confusionMatrixChart"));
    QVERIFY(chart.emptyStateText().isEmpty());
    QCOMPARE(chart.titleText(), QStringLiteral("radius rule"));
    QCOMPARE(chart.classCount(), 2);
    for (int a = 0; a < 2; ++a)
      for (int p = 0; p < 2; ++p) QCOMPARE(chart.cellCount(a, p), std::int64_t(matrix.at(std::size_t(a), std::size_t(p))));
    // Row percentages: of the 357 benign and of the 212 malignant rows.
    QCOMPARE(chart.cellText(0, 0), QStringLiteral("345\n96.6%"));
    QCOMPARE(chart.cellText(0, 1), QStringLiteral("12\n3.4%"));
    QCOMPARE(chart.cellText(1, 0), QStringLiteral("51\n24.1%"));
    QCOMPARE(chart.cellText(1, 1), QStringLiteral("161\n75.9%"));
    QCOMPARE(chart.rowShare(1, 0), 51.0 / 212.0);

    // The map is coloured by row share: predicted along x, actual along y.
    auto* map = chart.findChild<QCPColorMap*>();
    QVERIFY(map);
    QCOMPARE(map->data()->keySize(), 2);
    QCOMPARE(map->data()->cell(0, 1), 51.0 / 212.0);
    QCOMPARE(map->data()->cell(1, 0), 12.0 / 357.0);
    QCOMPARE(map->dataRange(), QCPRange(0, 1));
    // A dark cell gets light text, a light cell dark text.
    auto* small = chart.findChild<QCPItemText*>(QStringLiteral("cell_0_1"));
    auto* large = chart.findChild<QCPItemText*>(QStringLiteral("cell_0_0"));
    QVERIFY(small->color().lightnessF() > 0.5 && large->color().lightnessF() < 0.5);

    // Axes: titled, the classes as ticks, the first actual class on top.
    QCOMPARE(chart.xAxis->label(), QStringLiteral("Predicted"));
    QCOMPARE(chart.yAxis->label(), QStringLiteral("Actual"));
    const auto ticker = chart.xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().value(0), QStringLiteral("benign"));
    QCOMPARE(ticker->ticks().value(1), QStringLiteral("malignant"));
    QVERIFY(chart.yAxis->rangeReversed());
    QVERIFY(!chart.findChild<QCPColorScale*>());  // the cells carry their numbers

    chart.replot();
    const QPoint missed = pixelOfCell(chart, 1, 0);
    QVERIFY(missed.y() > pixelOfCell(chart, 0, 0).y());  // malignant below benign
    const QString tip = chart.toolTipAt(missed);
    QCOMPARE(tip, QStringLiteral("Actual: malignant\nPredicted: benign\n51 rows, 24.1% of the actual class"));
    QHelpEvent help(QEvent::ToolTip, missed, chart.mapToGlobal(missed));
    QApplication::sendEvent(&chart, &help);
    QTRY_COMPARE(QToolTip::text(), tip);
    QVERIFY(chart.toolTipAt(QPoint(1, 1)).isEmpty());
    if (qEnvironmentVariableIsSet("LATHE_SAVE_CHART")) chart.grab().save(QStringLiteral("/tmp/confusion-binary.png"));

    // Without a title there is none.
    chart.setConfusion(stored(matrix));
    QVERIFY(chart.titleText().isEmpty());
    QCOMPARE(chart.cellText(1, 1), QStringLiteral("161\n75.9%"));
  }

  void multiclassFromPenguins() {
    const auto species = [](const QStringList& cells) {
      if (cells.size() != 7) return std::nan("");
      const QStringList names = {QStringLiteral("Adelie"), QStringLiteral("Chinstrap"), QStringLiteral("Gentoo")};
      return double(names.indexOf(cells[0]));
    };
    const auto byFlipper = [](const QStringList& cells) {
      if (cells.size() != 7 || cells[4].isEmpty()) return std::nan("");
      const double flipper = cells[4].toDouble();
      return flipper <= 192 ? 0.0 : flipper <= 205 ? 1.0 : 2.0;
    };
    const auto [truth, predicted] = readPredictions("penguins.csv", species, byFlipper);
    const ConfusionMatrix matrix = ConfusionMatrix::of(truth, predicted, 3, {"Adelie", "Chinstrap", "Gentoo"});
    // pandas.crosstab(Species, pd.cut(flipper, [0, 192, 205, 1000])).
    QCOMPARE(matrix.counts, (std::vector<std::uint64_t>{99, 50, 2, 20, 42, 6, 0, 1, 122}));

    ConfusionMatrixChart chart;
    chart.setConfusion(stored(matrix));
    QCOMPARE(chart.classCount(), 3);
    for (int a = 0; a < 3; ++a)
      for (int p = 0; p < 3; ++p) QCOMPARE(chart.cellCount(a, p), std::int64_t(matrix.at(std::size_t(a), std::size_t(p))));
    QCOMPARE(chart.cellText(0, 1), QStringLiteral("50\n33.1%"));  // of 151 Adelie
    QCOMPARE(chart.cellText(1, 1), QStringLiteral("42\n61.8%"));  // of 68 Chinstrap
    QCOMPARE(chart.cellText(2, 0), QStringLiteral("0\n0.0%"));
    QCOMPARE(chart.cellText(2, 2), QStringLiteral("122\n99.2%"));  // of 123 Gentoo
    QCOMPARE(chart.cellCount(3, 0), std::int64_t(-1));
    QVERIFY(chart.cellText(3, 0).isEmpty());
  }

  void manyClassesDrawNoCellTexts() {
    // 40 classes (a digit-like task on a wider alphabet): the counts stay, the texts go.
    RunConfusion confusion;
    const int n = 40;
    for (int i = 0; i < n; ++i) {
      confusion.labels.push_back("class " + std::to_string(i));
      std::vector<std::int64_t> row(n, 0);
      row[std::size_t(i)] = 50 + i;
      row[std::size_t((i + 1) % n)] = 5;
      confusion.counts.push_back(row);
    }
    ConfusionMatrixChart chart;
    chart.setConfusion(confusion);
    QCOMPARE(chart.classCount(), n);
    QCOMPARE(chart.cellCount(7, 7), std::int64_t(57));
    QCOMPARE(chart.cellCount(39, 0), std::int64_t(5));
    QCOMPARE(chart.rowShare(7, 8), 5.0 / 62.0);
    QVERIFY(chart.cellText(0, 0).isEmpty());
    QVERIFY(chart.findChildren<QCPItemText*>().isEmpty());
    auto* map = chart.findChild<QCPColorMap*>();
    QVERIFY(map);
    QCOMPARE(map->data()->keySize(), n);
    QVERIFY(chart.findChild<QCPColorScale*>(QStringLiteral("shareScale")));
    // Every other class is named on the axes, so names stay readable.
    const auto ticker = chart.xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QCOMPARE(ticker->ticks().size(), 20);
    // At the cap, the texts are back.
    confusion.labels.resize(30);
    chart.setConfusion(confusion);
    QCOMPARE(chart.classCount(), 30);
    QCOMPARE(chart.cellText(7, 7), QStringLiteral("57\n91.9%"));  // 57 of 62
    QVERIFY(!chart.findChild<QCPColorScale*>());
  }

  void damagedAndEmptyStructs() {
    ConfusionMatrixChart chart;
    chart.resize(300, 240);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCOMPARE(chart.emptyStateText(), QStringLiteral("Select a classification run to see its confusion matrix."));
    chart.setConfusion(RunConfusion{});
    QCOMPARE(chart.emptyStateText(), QStringLiteral("The run has no confusion matrix."));
    QCOMPARE(chart.classCount(), 0);
    QCOMPARE(chart.plottableCount(), 0);
    // A class nobody belongs to (a row of zeros), short rows, and a long label with a newline.
    RunConfusion odd;
    odd.labels = {"yes", "no", "maybe\nsomeday, a very long class name"};
    odd.counts = {{8, 2, 0}, {0, 0, 0}, {4}};
    chart.setConfusion(odd, QStringLiteral("odd run"));
    QVERIFY(chart.emptyStateText().isEmpty());
    QCOMPARE(chart.classCount(), 3);
    QCOMPARE(chart.cellText(1, 1), QStringLiteral("0\n–"));
    QVERIFY(std::isnan(chart.rowShare(1, 0)));
    QCOMPARE(chart.cellCount(2, 2), std::int64_t(0));
    QCOMPARE(chart.cellText(2, 0), QStringLiteral("4\n100.0%"));
    const auto ticker = chart.yAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(!ticker->ticks().value(2).contains(QLatin1Char('\n')));
    QVERIFY(ticker->ticks().value(2).endsWith(QStringLiteral("…")));
    chart.replot();
    QCOMPARE(chart.toolTipAt(pixelOfCell(chart, 1, 0)), QStringLiteral("Actual: no\nPredicted: yes\n0 rows"));
    // One class only still draws a cell.
    chart.setConfusion(RunConfusion{"test", {"only"}, {{5}}});
    QCOMPARE(chart.cellText(0, 0), QStringLiteral("5\n100.0%"));
    chart.repaint();
    chart.clear();
    QCOMPARE(chart.plottableCount(), 0);
    QVERIFY(chart.titleText().isEmpty());
    QVERIFY(chart.cellText(0, 0).isEmpty());
    QCOMPARE(chart.emptyStateText(), QStringLiteral("Select a classification run to see its confusion matrix."));
  }

  void exportsAsPdf() {
    RunConfusion confusion{"test", {"benign", "malignant"}, {{345, 12}, {51, 161}}};
    ConfusionMatrixChart chart;
    chart.resize(400, 340);
    chart.setConfusion(confusion, QStringLiteral("radius rule"));
    verifyExport(chart, QStringLiteral("confusion.pdf"));
  }
};

QTEST_MAIN(tst_ConfusionMatrixChart)
#include "tst_ConfusionMatrixChart.moc"
