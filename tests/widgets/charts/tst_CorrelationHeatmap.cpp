#include <QtTest>
#include <cmath>
#include <limits>

#include <qcustomplot.h>

#include "ChartTestSupport.h"
#include "widgets/charts/CorrelationHeatmap.h"

using lathe::explore::CorrelationMatrix;
using lathe::widgets::CorrelationHeatmap;

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

// penguins.csv's numeric columns, DataFrame.corr() computed once with pandas.
CorrelationMatrix penguins() {
  CorrelationMatrix matrix;
  matrix.columns = {"Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"};
  matrix.values = {1.0,      -0.235053, 0.656181,  0.59511,   -0.235053, 1.0,       -0.583851, -0.471916,
                   0.656181, -0.583851, 1.0,       0.871202,  0.59511,   -0.471916, 0.871202,  1.0};
  return matrix;
}

// The same with a constant column (every penguin observed in one year): its correlations are
// undefined, pandas gives NaN for the whole row and column, the diagonal included.
CorrelationMatrix penguinsWithConstantYear() {
  const CorrelationMatrix base = penguins();
  CorrelationMatrix matrix;
  matrix.columns = base.columns;
  matrix.columns.push_back("Year");
  for (std::size_t r = 0; r < 5; ++r)
    for (std::size_t c = 0; c < 5; ++c) matrix.values.push_back(r == 4 || c == 4 ? kNan : base.at(r, c));
  return matrix;
}

// The colour drawn a little off the centre of a cell (the centre holds the printed value).
QColor colourAt(CorrelationHeatmap& chart, int row, int column) {
  const QImage image = chart.toPixmap().toImage();
  const QPointF at(chart.xAxis->coordToPixel(column + 0.3), chart.yAxis->coordToPixel(row + 0.3));
  return image.pixelColor(at.toPoint());
}

bool near(const QColor& a, const QColor& b) {
  return std::abs(a.red() - b.red()) <= 8 && std::abs(a.green() - b.green()) <= 8 && std::abs(a.blue() - b.blue()) <= 8;
}

}  // namespace

class tst_CorrelationHeatmap : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

  void drawsEveryPairWithItsValue() {
    CorrelationHeatmap chart;
    chart.resize(700, 600);
    chart.setData(penguins());
    chart.replot();
    QCOMPARE(chart.objectName(), QStringLiteral("correlationHeatmap"));
    QCOMPARE(chart.cellCount(), 16);
    QCOMPARE(chart.cellValue(2, 3), 0.871202);
    QCOMPARE(chart.cellValue(3, 2), 0.871202);
    QCOMPARE(chart.cellValue(0, 1), -0.235053);
    QVERIFY(std::isnan(chart.cellValue(4, 0)));  // outside the matrix
    QVERIFY(std::isnan(chart.cellValue(-1, 0)));
    QCOMPARE(chart.cellText(2, 3), QStringLiteral("0.87"));
    QCOMPARE(chart.cellText(0, 1), QStringLiteral("-0.24"));
    QCOMPARE(chart.cellText(1, 1), QStringLiteral("1.00"));
    QVERIFY(chart.emptyStateText().isEmpty());
    QCOMPARE(chart.noteText(), QString());

    // The map holds the matrix: cell (key = column, value = row).
    auto* map = chart.findChild<QCPColorMap*>();
    QVERIFY(map);
    QCOMPARE(map->data()->cell(3, 2), 0.871202);
    QCOMPARE(map->data()->cell(1, 0), -0.235053);
    // The scale is always [-1, 1], whatever the values.
    QCOMPARE(map->dataRange().lower, -1.0);
    QCOMPARE(map->dataRange().upper, 1.0);
    auto* scale = chart.findChild<QCPColorScale*>();
    QVERIFY(scale);
    QCOMPARE(scale->dataRange().lower, -1.0);
    QCOMPARE(scale->dataRange().upper, 1.0);

    // Names on both axes, the first column at the top left, x labels rotated.
    for (QCPAxis* axis : {chart.xAxis, chart.yAxis}) {
      auto ticker = axis->ticker().dynamicCast<QCPAxisTickerText>();
      QVERIFY(ticker);
      QCOMPARE(ticker->ticks().value(0.0), QStringLiteral("Beak Length (mm)"));
      QCOMPARE(ticker->ticks().value(3.0), QStringLiteral("Body Mass (g)"));
    }
    QVERIFY(chart.yAxis->rangeReversed());
    QVERIFY(chart.xAxis->tickLabelRotation() != 0);
  }

  void coloursDivergeFromBlueToRed() {
    CorrelationHeatmap chart;
    chart.resize(700, 600);
    chart.setData(penguins());
    chart.replot();
    QVERIFY(near(colourAt(chart, 0, 0), QColor(0xB2, 0x18, 0x2B)));  // 1: the deepest red
    const QColor negative = colourAt(chart, 1, 2);                   // -0.58: blue
    QVERIFY2(negative.blue() > negative.red() + 60, qPrintable(negative.name()));
    const QColor positive = colourAt(chart, 2, 3);  // 0.87: red
    QVERIFY2(positive.red() > positive.blue() + 60, qPrintable(positive.name()));
    const QColor weak = colourAt(chart, 0, 1);  // -0.24: pale, nearer white than the strong ones
    QVERIFY2(weak.lightness() > negative.lightness(), qPrintable(weak.name()));
    // Printed values stay readable: dark on the pale cell, light on the deep red one.
    auto* paleText = chart.findChild<QCPItemText*>(QStringLiteral("cell_0_1"));
    auto* deepText = chart.findChild<QCPItemText*>(QStringLiteral("cell_0_0"));
    QVERIFY(paleText && deepText);
    QVERIFY(paleText->color().lightness() < 100);
    QVERIFY(deepText->color().lightness() > 200);
  }

  void undefinedCellsAreGrey() {
    CorrelationHeatmap chart;
    chart.resize(700, 600);
    chart.setData(penguinsWithConstantYear());
    chart.replot();
    QCOMPARE(chart.cellCount(), 25);
    QVERIFY(std::isnan(chart.cellValue(4, 4)));
    QVERIFY(std::isnan(chart.cellValue(0, 4)));
    QCOMPARE(chart.cellText(4, 0), QStringLiteral("–"));
    QVERIFY(near(colourAt(chart, 4, 4), CorrelationHeatmap::undefinedColor()));
    QVERIFY(near(colourAt(chart, 1, 4), CorrelationHeatmap::undefinedColor()));
    QVERIFY(!near(colourAt(chart, 1, 1), CorrelationHeatmap::undefinedColor()));
    const QPointF cell(chart.xAxis->coordToPixel(4), chart.yAxis->coordToPixel(0));
    QVERIFY2(chart.toolTipAt(cell).startsWith(QStringLiteral("Beak Length (mm) × Year: undefined")),
             qPrintable(chart.toolTipAt(cell)));
  }

  void tooltipNamesThePairAndValue() {
    CorrelationHeatmap chart;
    chart.resize(700, 600);
    chart.setData(penguins());
    chart.replot();
    const QPointF cell(chart.xAxis->coordToPixel(3) + 10, chart.yAxis->coordToPixel(2) - 10);
    QCOMPARE(chart.toolTipAt(cell), QStringLiteral("Flipper Length (mm) × Body Mass (g): 0.87"));
    QVERIFY(chart.toolTipAt(QPointF(2, 2)).isEmpty());  // in the margin
  }

  void manyColumnsDropTheCellTextAndSayWhenCut() {
    CorrelationMatrix matrix;
    const int n = static_cast<int>(CorrelationMatrix::kMaxColumns);
    for (int i = 0; i < n; ++i) matrix.columns.push_back("pixel_" + std::to_string(i) + "_intensity_after_scaling");
    for (int r = 0; r < n; ++r)
      for (int c = 0; c < n; ++c) matrix.values.push_back(r == c ? 1.0 : std::cos(r * 0.37 + c * 0.37) * 0.8);
    matrix.truncated = true;
    CorrelationHeatmap chart;
    chart.resize(900, 800);
    chart.setData(matrix);
    chart.replot();
    QCOMPARE(chart.cellCount(), n * n);
    QCOMPARE(chart.cellText(0, 0), QString());  // too many to print
    QVERIFY(chart.findChildren<QCPItemText*>().isEmpty());
    QVERIFY(chart.noteText().contains(QString::number(n)));
    // Long names are elided on the axes; the tooltip keeps them whole.
    const QString label = chart.xAxis->ticker().dynamicCast<QCPAxisTickerText>()->ticks().value(5.0);
    QVERIFY(label.endsWith(QChar(0x2026)));
    QVERIFY(chart.toolTipAt(QPointF(chart.xAxis->coordToPixel(5), chart.yAxis->coordToPixel(6)))
                .startsWith(QStringLiteral("pixel_6_intensity_after_scaling × pixel_5_intensity_after_scaling: ")));

    // Back to a small matrix: the note goes, the values come back.
    chart.setData(penguins());
    QCOMPARE(chart.noteText(), QString());
    QCOMPARE(chart.cellText(2, 3), QStringLiteral("0.87"));
    QCOMPARE(chart.plotLayout()->rowCount(), 1);
    QCOMPARE(chart.plotLayout()->columnCount(), 2);  // the plot and its colour scale
  }

  void oneColumnIsOneFullCell() {
    CorrelationMatrix matrix;
    matrix.columns = {"Body Mass (g)"};
    matrix.values = {1.0};
    CorrelationHeatmap chart;
    chart.resize(400, 400);
    chart.setData(matrix);
    chart.replot();
    QCOMPARE(chart.cellCount(), 1);
    QCOMPARE(chart.cellValue(0, 0), 1.0);
    QVERIFY(near(colourAt(chart, 0, 0), QColor(0xB2, 0x18, 0x2B)));
    QVERIFY(near(colourAt(chart, 0, 0), chart.toPixmap().toImage().pixelColor(
                                            QPoint(int(chart.xAxis->coordToPixel(-0.35)), int(chart.yAxis->coordToPixel(-0.35))))));
  }

  void wheelZooms() {
    CorrelationHeatmap chart;
    chart.resize(700, 600);
    chart.setData(penguinsWithConstantYear());
    chart.replot();
    const QCPRange before = chart.xAxis->range();
    wheelInAtCentre(chart);
    QVERIFY(chart.xAxis->range().size() < before.size());
    // The colour scale is not zoomed with it.
    QCOMPARE(chart.findChild<QCPColorScale*>()->dataRange().upper, 1.0);
  }

  void badMatricesDoNotCrash() {
    CorrelationHeatmap chart;
    chart.resize(500, 400);
    QVERIFY(!chart.emptyStateText().isEmpty());
    QCOMPARE(chart.cellCount(), 0);
    QVERIFY(std::isnan(chart.cellValue(0, 0)));
    chart.replot();

    CorrelationMatrix none;  // a table without numeric columns
    chart.setData(none);
    QCOMPARE(chart.cellCount(), 0);
    QVERIFY(chart.emptyStateText().contains(QStringLiteral("no numeric columns")));
    chart.replot();

    CorrelationMatrix shortValues;  // fewer values than columns²: the rest reads as undefined
    shortValues.columns = {"a", "b", "c"};
    shortValues.values = {1.0, 0.5, 0.2, 0.5};
    chart.setData(shortValues);
    QCOMPARE(chart.cellCount(), 9);
    QCOMPARE(chart.cellValue(1, 0), 0.5);
    QVERIFY(std::isnan(chart.cellValue(2, 2)));
    chart.replot();

    CorrelationMatrix wild;  // out of [-1, 1], infinities: clamped in colour, printed as given
    wild.columns = {"a", "b"};
    wild.values = {1.5, -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(), -7.0};
    chart.setData(wild);
    QCOMPARE(chart.cellCount(), 4);
    QCOMPARE(chart.cellText(0, 0), QStringLiteral("1.50"));
    QVERIFY(!chart.toPixmap(500, 400).isNull());

    chart.clear();
    QCOMPARE(chart.cellCount(), 0);
    QVERIFY(!chart.emptyStateText().isEmpty());
    QVERIFY(!chart.findChild<QCPColorScale*>());
    QVERIFY(chart.toolTipAt(QPointF(250, 200)).isEmpty());
    chart.replot();
  }

  void exportsToEachFormat_data() { addExportFormats(); }
  void exportsToEachFormat() {
    QFETCH(QString, suffix);
    CorrelationHeatmap chart;
    chart.resize(640, 560);
    chart.setData(penguinsWithConstantYear());
    verifyExport(chart, QStringLiteral("correlations.") + suffix);
  }
};

QTEST_MAIN(tst_CorrelationHeatmap)
#include "tst_CorrelationHeatmap.moc"
