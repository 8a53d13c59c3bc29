// The histogram chart on real columns: bars equal the profile's bins or top categories (+ Other),
// the missing note, the date axis, tooltips, and columns that are empty, all missing, infinite,
// huge or hold 10 kB values.
#include <QToolTip>
#include <QtTest>
#include <cmath>
#include <limits>

#include "ChartTestSupport.h"
#include "engine/data/ColumnProfile.h"
#include "widgets/charts/HistogramChart.h"

using lathe::data::Column;
using lathe::data::ColumnProfile;
using lathe::data::ColumnType;
using lathe::widgets::HistogramChart;

namespace {

lathe::data::Validity allMissing(std::size_t rows) {
  lathe::data::Validity validity;
  for (std::size_t r = 0; r < rows; ++r) validity.setMissing(r, rows);
  return validity;
}

// The bars drawn equal the profile's: bins for numbers and dates, top values then Other otherwise.
void verifyBarsMatch(const HistogramChart& chart, const ColumnProfile& p) {
  if (!p.histogram.empty()) {
    QCOMPARE(chart.barCount(), int(p.histogram.size()));
    for (int i = 0; i < chart.barCount(); ++i) {
      QCOMPARE(chart.barValue(i), double(p.histogram[std::size_t(i)].count));
      QVERIFY(!chart.barLabel(i).isEmpty());
    }
    return;
  }
  QCOMPARE(chart.barCount(), int(p.topCategories.size()) + (p.otherCount > 0 ? 1 : 0));
  for (std::size_t i = 0; i < p.topCategories.size(); ++i) {
    QCOMPARE(chart.barLabel(int(i)), QString::fromStdString(p.topCategories[i].value));
    QCOMPARE(chart.barValue(int(i)), double(p.topCategories[i].count));
  }
  if (p.otherCount > 0) {
    QCOMPARE(chart.barLabel(chart.barCount() - 1), QStringLiteral("Other"));
    QCOMPARE(chart.barValue(chart.barCount() - 1), double(p.otherCount));
  }
}

}  // namespace

class tst_HistogramChart : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    penguins_ = importDataset("penguins.csv");
    seattle_ = importDataset("seattle-weather.csv");
    QCOMPARE(penguins_.rowCount(), std::size_t(344));
    QCOMPARE(seattle_.rowCount(), std::size_t(1461));
  }

  void numericBarsAreTheProfilesBins() {
    const ColumnProfile p = profileOf(penguins_, "Beak Length (mm)");
    HistogramChart chart;
    chart.resize(500, 320);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setProfile(p);
    QCOMPARE(chart.objectName(), QStringLiteral("histogramChart"));
    verifyBarsMatch(chart, p);
    // numpy.histogram(s.dropna(), bins=11) on the same file (see tst_ColumnProfile).
    const std::vector<double> numpy = {7, 35, 48, 49, 35, 61, 42, 50, 10, 3, 2};
    QCOMPARE(chart.barCount(), int(numpy.size()));
    for (int i = 0; i < chart.barCount(); ++i) QCOMPARE(chart.barValue(i), numpy[std::size_t(i)]);
    QCOMPARE(chart.barLabel(0), QStringLiteral("32.1 – 34.6"));  // (59.6 - 32.1) / 11 bins = 2.5 wide
    QVERIFY2(chart.barLabel(10).endsWith(QStringLiteral("59.6")), qPrintable(chart.barLabel(10)));
    QCOMPARE(chart.noteText(), QStringLiteral("2 missing"));  // pandas: isna().sum() == 2
    QVERIFY(chart.emptyStateText().isEmpty());
    QVERIFY(chart.xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>().isNull());
    QVERIFY(chart.xAxis->range().lower <= 32.1 && chart.xAxis->range().upper >= 59.6);
    QVERIFY(chart.yAxis->range().upper >= 61);

    // Hovering the tallest bin (the sixth: 61 rows) names its range and count.
    const auto& bin = p.histogram[5];
    chart.replot();
    const QPoint over(qRound(chart.xAxis->coordToPixel((bin.low + bin.high) / 2)), qRound(chart.yAxis->coordToPixel(30)));
    const QString tip = chart.toolTipAt(over);
    QVERIFY2(tip.startsWith(QStringLiteral("<p>") + chart.barLabel(5).toHtmlEscaped() + QStringLiteral("</p>")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("61 rows (17.8% of the values present)")), qPrintable(tip));  // 61 / 342
    QVERIFY(chart.toolTipAt(QPoint(2, 2)).isEmpty());  // outside the axis rect
    // The same through a real tooltip event.
    QHelpEvent help(QEvent::ToolTip, over, chart.mapToGlobal(over));
    QApplication::sendEvent(&chart, &help);
    QTRY_COMPARE(QToolTip::text(), tip);
    const QPoint nowhere(1, 1);
    QHelpEvent away(QEvent::ToolTip, nowhere, chart.mapToGlobal(nowhere));
    QApplication::sendEvent(&chart, &away);
    QVERIFY(!away.isAccepted());
  }

  void categoriesAreTopValuesInOrder() {
    HistogramChart chart;
    for (const char* column : {"Species", "Island", "Sex"}) {
      const ColumnProfile p = profileOf(penguins_, column);
      chart.setProfile(p);
      verifyBarsMatch(chart, p);
    }
    // pandas value_counts() of Sex: MALE 168, FEMALE 165, "." 1, and 10 missing; no Other.
    QCOMPARE(chart.barCount(), 3);
    QCOMPARE(chart.barLabel(0), QStringLiteral("MALE"));
    QCOMPARE(chart.barValue(0), 168.0);
    QCOMPARE(chart.barLabel(1), QStringLiteral("FEMALE"));
    QCOMPARE(chart.barValue(1), 165.0);
    QCOMPARE(chart.barLabel(2), QStringLiteral("."));
    QCOMPARE(chart.barValue(2), 1.0);
    QCOMPARE(chart.noteText(), QStringLiteral("10 missing"));
    // Categories run down the left axis, the most frequent on top.
    QVERIFY(chart.yAxis->rangeReversed());
    QVERIFY(chart.yAxis->ticker().dynamicCast<QCPAxisTickerText>());

    const ColumnProfile species = profileOf(penguins_, "Species");
    chart.setProfile(species);
    QVERIFY(chart.noteText().isEmpty());  // nothing missing: no note
  }

  void longTextValuesAreElidedWithOtherBar() {
    // Reuters articles: a text column of long, mostly distinct values. Ten bars and Other.
    const lathe::data::Table reuters = importDataset("ReutersCorn-train.arff");
    const ColumnProfile p = profileOf(reuters, "Text");
    QCOMPARE(p.type, ColumnType::Text);
    QCOMPARE(p.topCategories.size(), ColumnProfile::kTopCategories);
    QVERIFY(p.otherCount > 0);
    HistogramChart chart;
    chart.resize(500, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setProfile(p);
    verifyBarsMatch(chart, p);
    QCOMPARE(chart.barCount(), 11);
    double total = 0;
    for (int i = 0; i < chart.barCount(); ++i) total += chart.barValue(i);
    QCOMPARE(total, double(p.count));  // every present value is in a bar
    // The axis shows short labels; the bar keeps the whole value for the tooltip.
    const auto ticker = chart.yAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    const QFontMetrics metrics(chart.yAxis->tickLabelFont());
    for (const QString& label : ticker->ticks()) QVERIFY2(metrics.horizontalAdvance(label) <= 140, qPrintable(label));
    // The most frequent is a Reuters headline, wider than the axis gives it.
    QVERIFY(chart.barLabel(0).startsWith(QStringLiteral("FED SETS 1.5 BILLION DLR CUSTOMER REPURCHASE")));
    QVERIFY(metrics.horizontalAdvance(chart.barLabel(0)) > 140);
    QVERIFY(ticker->ticks().value(0).endsWith(QStringLiteral("…")));
    chart.replot();
    const QPoint first(qRound(chart.xAxis->coordToPixel(1)), qRound(chart.yAxis->coordToPixel(0)));
    QVERIFY(chart.toolTipAt(first).contains(chart.barLabel(0).simplified()));
    const QPoint other(qRound(chart.xAxis->coordToPixel(1)), qRound(chart.yAxis->coordToPixel(10)));
    const QString otherTip = chart.toolTipAt(other);
    QVERIFY2(otherTip.startsWith(QStringLiteral("<p>Other (")), qPrintable(otherTip));
    if (qEnvironmentVariableIsSet("LATHE_SAVE_CHART")) chart.grab().save(QStringLiteral("/tmp/histogram-text.png"));
    QVERIFY(otherTip.contains(QLocale().toString(qulonglong(p.otherCount)) + QStringLiteral(" rows")));
  }

  void datesGetADateAxis() {
    const ColumnProfile p = profileOf(seattle_, "date");
    QCOMPARE(p.type, ColumnType::Datetime);
    HistogramChart chart;
    chart.setProfile(p);
    verifyBarsMatch(chart, p);
    // numpy on pd.to_datetime(date) in microseconds, 12 bins (see tst_ColumnProfile).
    const std::vector<double> numpy = {122, 122, 121, 122, 122, 121, 122, 122, 121, 122, 122, 122};
    for (int i = 0; i < chart.barCount(); ++i) QCOMPARE(chart.barValue(i), numpy[std::size_t(i)]);
    const auto ticker = chart.xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>();
    QVERIFY(ticker);
    QCOMPARE(ticker->dateTimeFormat(), QStringLiteral("yyyy-MM-dd"));
    // The axis counts seconds: 2012-01-01 and 2015-12-31 (UTC) inside it.
    QVERIFY(chart.xAxis->range().lower <= 1325376000.0 && chart.xAxis->range().lower > 1325376000.0 - 86400 * 60);
    QVERIFY(chart.xAxis->range().upper >= 1451520000.0 && chart.xAxis->range().upper < 1451520000.0 + 86400 * 60);
    QVERIFY2(chart.barLabel(0).startsWith(QStringLiteral("2012-01-01 – ")), qPrintable(chart.barLabel(0)));
    QVERIFY2(chart.barLabel(11).endsWith(QStringLiteral(" – 2015-12-31")), qPrintable(chart.barLabel(11)));
    QVERIFY(chart.noteText().isEmpty());
    if (qEnvironmentVariableIsSet("LATHE_SAVE_CHART")) {
      chart.resize(420, 260);
      chart.grab().save(QStringLiteral("/tmp/histogram-dates.png"));
    }
    QCOMPARE(HistogramChart::formatValue(p.min, ColumnType::Datetime), QStringLiteral("2012-01-01"));
    QCOMPARE(HistogramChart::formatValue(1325376000000000.0 + 3600e6 * 13.5, ColumnType::Datetime),
             QStringLiteral("2012-01-01 13:30:00"));
  }

  void clearShowsTheEmptyState() {
    HistogramChart chart;
    QVERIFY(!chart.emptyStateText().isEmpty());  // a new chart says what to do
    chart.setProfile(profileOf(penguins_, "Body Mass (g)"));
    QVERIFY(chart.barCount() > 0);
    QVERIFY(chart.plottableCount() > 0);
    chart.clear();
    QCOMPARE(chart.barCount(), 0);
    QCOMPARE(chart.plottableCount(), 0);
    QVERIFY(chart.noteText().isEmpty());
    QVERIFY(!chart.emptyStateText().isEmpty());
    QVERIFY(chart.barLabel(0).isEmpty());
    QVERIFY(std::isnan(chart.barValue(0)));
    QVERIFY(std::isnan(chart.barValue(-1)));
    QVERIFY(chart.toolTipAt(QPoint(chart.width() / 2, chart.height() / 2)).isEmpty());
  }

  void emptyAndAllMissingColumnsDoNotCrash() {
    HistogramChart chart;
    chart.resize(300, 200);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    // All missing, of every type.
    const std::vector<std::shared_ptr<const Column>> missing = {
        Column::float64("f", {0, 0, 0, 0, 0}, allMissing(5)),
        Column::int64("i", {0, 0, 0, 0, 0}, allMissing(5)),
        Column::datetime("d", {0, 0, 0, 0, 0}, allMissing(5)),
        Column::boolean("b", {0, 0, 0, 0, 0}, allMissing(5)),
        Column::categorical("c", {0, 0, 0, 0, 0}, {"a"}, allMissing(5)),
        Column::text("t", {0, 1, 2, 3, 4, 5}, "abcde", allMissing(5))};
    for (const auto& column : missing) {
      chart.setProfile(profileOf(*column));
      QCOMPARE(chart.barCount(), 0);
      QCOMPARE(chart.emptyStateText(), QStringLiteral("All 5 values are missing."));
      QCOMPARE(chart.noteText(), QStringLiteral("5 missing"));
      chart.repaint();
    }
    // No rows at all.
    for (const auto& column : {Column::float64("f", {}), Column::text("t", {0}, ""), Column::datetime("d", {})}) {
      chart.setProfile(profileOf(*column));
      QCOMPARE(chart.barCount(), 0);
      QCOMPARE(chart.emptyStateText(), QStringLiteral("The column has no rows."));
      QVERIFY(chart.noteText().isEmpty());
      chart.repaint();
    }
  }

  void extremeNumbersStayDrawable() {
    constexpr double inf = std::numeric_limits<double>::infinity();
    HistogramChart chart;
    chart.resize(300, 200);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    // Only infinities and NaN: no finite bin; the note says how many were not drawn.
    chart.setProfile(profileOf(*Column::float64("x", {inf, -inf, std::nan("")})));
    QCOMPARE(chart.barCount(), 0);
    QCOMPARE(chart.emptyStateText(), QStringLiteral("No finite values to draw."));
    QCOMPARE(chart.noteText(), QStringLiteral("1 missing"));
    // Infinities beside finite values: the bins hold the finite ones, the note counts the rest.
    chart.setProfile(profileOf(*Column::float64("x", {1, 2, 3, inf, -inf})));
    QCOMPARE(chart.noteText(), QStringLiteral("2 infinite, not drawn"));
    double binned = 0;
    for (int i = 0; i < chart.barCount(); ++i) binned += chart.barValue(i);
    QCOMPARE(binned, 3.0);
    // Edges beyond what an axis can hold, and a constant too large for v ± 0.5: bars side by side.
    for (const auto& column : {Column::float64("x", {-1e308, 1e308, 0}), Column::float64("x", {1e300, 1e300}),
                               Column::int64("x", {std::numeric_limits<std::int64_t>::min(),
                                                   std::numeric_limits<std::int64_t>::max()}),
                               Column::datetime("x", {std::numeric_limits<std::int64_t>::min() + 1, 0})}) {
      const ColumnProfile p = profileOf(*column);
      chart.setProfile(p);
      verifyBarsMatch(chart, p);
      QVERIFY(chart.barCount() > 0);
      QVERIFY(std::isfinite(chart.xAxis->range().lower) && std::isfinite(chart.xAxis->range().upper));
      chart.repaint();
    }
    // A tiny spread around a large value: the labels still tell the edges apart.
    chart.setProfile(profileOf(*Column::float64("x", {1e9, 1e9 + 0.5, 1e9 + 1})));
    QVERIFY(chart.barCount() > 1);
    QVERIFY2(chart.barLabel(0) != chart.barLabel(1), qPrintable(chart.barLabel(0)));
    const QStringList edges = chart.barLabel(0).split(QStringLiteral(" – "));
    QCOMPARE(edges.size(), 2);
    QVERIFY2(edges[0] != edges[1], qPrintable(chart.barLabel(0)));
  }

  void hostileCategoryValues() {
    // A 10 kB value, one with newlines and tabs, an empty string and Korean: labels stay one short line.
    const std::string huge(10'000, 'x');
    std::string bytes;
    std::vector<std::uint64_t> offsets{0};
    for (const std::string& value : {huge, std::string("a\nb\tc"), std::string(), std::string("서울특별시"), huge}) {
      bytes += value;
      offsets.push_back(bytes.size());
    }
    const ColumnProfile p = profileOf(*Column::text("t", offsets, bytes));
    HistogramChart chart;
    chart.resize(300, 200);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setProfile(p);
    QCOMPARE(chart.barCount(), 4);
    QCOMPARE(chart.barValue(0), 2.0);
    QCOMPARE(chart.barLabel(0).size(), 10'000);
    QCOMPARE(chart.barLabel(1), QStringLiteral("a\nb\tc"));
    QCOMPARE(chart.barLabel(3), QStringLiteral("서울특별시"));
    const auto ticker = chart.yAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker->ticks().value(2) == QStringLiteral("(empty)"));
    QCOMPARE(ticker->ticks().value(1), QStringLiteral("a b c"));  // one line on the axis
    for (const QString& label : ticker->ticks()) QVERIFY(label.size() < 100);
    // The tooltip of the 10 kB value is cut, escaped and wraps (rich text).
    chart.replot();
    const QString tip = chart.toolTipAt(QPoint(qRound(chart.xAxis->coordToPixel(1)), qRound(chart.yAxis->coordToPixel(0))));
    QVERIFY(Qt::mightBeRichText(tip));
    QVERIFY2(tip.size() < 1000, qPrintable(QString::number(tip.size())));
    QVERIFY(tip.contains(QStringLiteral("…")));
    chart.repaint();
  }

  void numbersFollowTheLocale() {
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    HistogramChart chart;
    chart.setProfile(profileOf(penguins_, "Beak Length (mm)"));
    QCOMPARE(chart.barLabel(0), QStringLiteral("32,1 – 34,6"));
    QCOMPARE(HistogramChart::formatValue(4201.754385964912, ColumnType::Float64), QStringLiteral("4.201,75"));
    QCOMPARE(chart.locale().decimalPoint(), QStringLiteral(","));  // the axis' tick labels too
    QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
    QCOMPARE(HistogramChart::formatValue(43.9219298245614, ColumnType::Float64), QStringLiteral("43.9219"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(HistogramChart::formatValue(1234567, ColumnType::Int64), QStringLiteral("1,234,567"));
    QCOMPARE(HistogramChart::formatValue(0.5, ColumnType::Float64), QStringLiteral("0.5"));
    QCOMPARE(HistogramChart::formatValue(std::nan(""), ColumnType::Float64), QStringLiteral("–"));
  }

 private:
  lathe::data::Table penguins_;
  lathe::data::Table seattle_;
};

QTEST_MAIN(tst_HistogramChart)
#include "tst_HistogramChart.moc"
