#include <QtTest>
#include <cmath>
#include <limits>
#include <random>
#include <stop_token>
#include <string>
#include <vector>

#include "../DatasetFiles.h"
#include "StoppingSink.h"
#include "engine/explore/CorrelationMatrix.h"
#include "engine/jobs/JobCancelled.h"

using lathe::data::Column;
using lathe::data::Table;
using lathe::explore::CorrelationMatrix;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

CorrelationMatrix correlate(const Table& table) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  return CorrelationMatrix::of(table, lathe::jobs::JobContext(stop.get_token(), sink));
}

std::size_t indexOf(const CorrelationMatrix& m, const std::string& name) {
  for (std::size_t i = 0; i < m.columns.size(); ++i)
    if (m.columns[i] == name) return i;
  qFatal("no column %s", name.c_str());
}

bool close(double actual, double expected, double tolerance = 1e-9) {
  if (std::isnan(expected)) return std::isnan(actual);
  return std::abs(actual - expected) <= tolerance;
}

#define QVERIFY_CORR(m, a, b, expected)                                                                   \
  do {                                                                                                    \
    const double actual_ = (m).at(indexOf((m), a), indexOf((m), b));                                      \
    QVERIFY2(close(actual_, (expected)), qPrintable(QString("corr(%1, %2) = %3, expected %4")            \
                                                        .arg(a, b)                                       \
                                                        .arg(actual_, 0, 'g', 17)                        \
                                                        .arg(double(expected), 0, 'g', 17)));            \
    QCOMPARE((m).at(indexOf((m), a), indexOf((m), b)), (m).at(indexOf((m), b), indexOf((m), a)));         \
  } while (false)

// Pearson's r of two columns over the rows where both are finite, the plain two-pass way: the
// reference a generated table is checked against.
double reference(const std::vector<double>& x, const std::vector<double>& y) {
  double n = 0, mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (std::isfinite(x[i]) && std::isfinite(y[i])) n += 1, mx += x[i], my += y[i];
  mx /= n;
  my /= n;
  double sxx = 0, syy = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (std::isfinite(x[i]) && std::isfinite(y[i]))
      sxx += (x[i] - mx) * (x[i] - mx), syy += (y[i] - my) * (y[i] - my), sxy += (x[i] - mx) * (y[i] - my);
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace

class CorrelationMatrixTest : public QObject {
  Q_OBJECT

 private slots:
  void wineMatchesPandas() {
    const CorrelationMatrix m = correlate(importDataset("wine.csv"));
    // The 13 measurements; the categorical cultivar is not numeric.
    QCOMPARE(m.columns.size(), std::size_t{13});
    QCOMPARE(m.columns.front(), std::string("alcohol"));
    QCOMPARE(m.columns.back(), std::string("proline"));
    QVERIFY(!m.truncated);
    QCOMPARE(m.values.size(), std::size_t{169});
    // pandas 1.5.3: pd.read_csv("wine.csv").corr(numeric_only=True), computed once with /usr/bin/python3.
    QVERIFY_CORR(m, "alcohol", "malic_acid", 0.09439694091041516);
    QVERIFY_CORR(m, "flavanoids", "total_phenols", 0.8645635000951147);
    QVERIFY_CORR(m, "proline", "alcohol", 0.6437200371782134);
    QVERIFY_CORR(m, "hue", "color_intensity", -0.5218131932287572);
    QVERIFY_CORR(m, "magnesium", "ash", 0.28658669125817465);
    for (std::size_t i = 0; i < 13; ++i) QCOMPARE(m.at(i, i), 1.0);
  }

  void diabetesAndIrisMatchPandas() {
    const CorrelationMatrix d = correlate(importDataset("diabetes_progression.csv"));
    QCOMPARE(d.columns.size(), std::size_t{11});
    // pd.read_csv("diabetes_progression.csv").corr(), as above.
    QVERIFY_CORR(d, "bmi", "progression", 0.5864501344746884);
    QVERIFY_CORR(d, "s1", "s2", 0.8966629578104903);
    QVERIFY_CORR(d, "sex", "age", 0.17373710056366087);
    QVERIFY_CORR(d, "s3", "s4", -0.7384927292583829);
    const CorrelationMatrix iris = correlate(importDataset("iris.arff"));
    QCOMPARE(iris.columns.size(), std::size_t{4});
    // pandas on iris.arff's @DATA rows (names sl, sw, pl, pw): corr(sl, pl), corr(sw, pw).
    QVERIFY_CORR(iris, "sepallength", "petallength", 0.8717541573048716);
    QVERIFY_CORR(iris, "sepalwidth", "petalwidth", -0.35654408961380507);
  }

  void penguinsPairwiseCompleteAsPandas() {
    // Two rows miss every measurement: pandas correlates each pair over the rows where both exist.
    const CorrelationMatrix m = correlate(importDataset("penguins.csv"));
    QCOMPARE(m.columns, (std::vector<std::string>{"Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)",
                                                   "Body Mass (g)"}));
    QVERIFY_CORR(m, "Flipper Length (mm)", "Body Mass (g)", 0.871201767306011);
    QVERIFY_CORR(m, "Beak Length (mm)", "Beak Depth (mm)", -0.23505287035553338);
    QVERIFY_CORR(m, "Beak Length (mm)", "Flipper Length (mm)", 0.65618134074642909);
    QVERIFY_CORR(m, "Beak Depth (mm)", "Body Mass (g)", -0.47191562118606556);
    QCOMPARE(m.at(0, 0), 1.0);
  }

  void missingNanInfAndConstantColumns() {
    // pandas: DataFrame({"a": [1, 2, inf, 4, 5], "b": [2, 1, 3, nan, 7], "c": [3] * 5}).corr()
    // gives corr(a, b) = 0.92155064056542813 (over rows 0, 1, 4) and NaN for every cell of c.
    lathe::data::Validity missing;
    missing.setMissing(3, 5);
    const Table table({Column::float64("a", {1, 2, kInf, 4, 5}), Column::float64("b", {2, 1, 3, 0, 7}, missing),
                       Column::int64("c", {3, 3, 3, 3, 3}), Column::text("t", {0, 1, 2, 3, 4, 5}, "vwxyz"),
                       Column::boolean("flag", {0, 1, 0, 1, 1}),
                       Column::float64("tenths", {0.1, 0.1, 0.1, 0.1, 0.1})});
    const CorrelationMatrix m = correlate(table);
    QCOMPARE(m.columns, (std::vector<std::string>{"a", "b", "c", "flag", "tenths"}));
    QVERIFY_CORR(m, "a", "b", 0.92155064056542813);
    for (const char* other : {"a", "b", "c", "flag", "tenths"}) {
      QVERIFY(std::isnan(m.at(indexOf(m, "c"), indexOf(m, other))));
      QVERIFY(std::isnan(m.at(indexOf(m, "tenths"), indexOf(m, other))));  // 0.1 is not summed into noise
    }
    QCOMPARE(m.at(0, 0), 1.0);
    QCOMPARE(m.at(1, 1), 1.0);
    // Bool as 0/1: pandas corr(a, flag) over rows 0, 1, 3, 4 of a = [1, 2, 4, 5], flag = [0, 1, 1, 1].
    QVERIFY_CORR(m, "a", "flag", reference({1, 2, 4, 5}, {0, 1, 1, 1}));
    // A pair constant over its common rows (b is 0.1 wherever z is present, though not elsewhere)
    // is NaN, as pandas gives it, not rounding noise.
    lathe::data::Validity sparse;
    for (std::size_t row : {2, 4}) sparse.setMissing(row, 5);
    const Table partly({Column::float64("b", {0.1, 0.1, 5, 0.1, 8}), Column::float64("z", {0, 2, 0, 5, 0}, sparse),
                        Column::float64("w", {0.3, 0.7, 0.2, 0.9, 0.4})});
    const CorrelationMatrix p = correlate(partly);
    QVERIFY(std::isnan(p.at(0, 1)));
    QCOMPARE(p.at(1, 1), 1.0);
    QVERIFY(close(p.at(1, 2), reference({0, 2, 5}, {0.3, 0.7, 0.9}), 1e-12));
    QVERIFY(close(p.at(0, 2), reference({0.1, 0.1, 5, 0.1, 8}, {0.3, 0.7, 0.2, 0.9, 0.4}), 1e-12));
    // y misses 5% of the rows, and those rows hold nearly all of x's spread: on the common rows x
    // is constant (NaN, as pandas) or varies by 1e-9 (a real correlation, not cancellation noise).
    std::vector<double> flatX(1000, 1.0), wobblyX(1000), y(1000);
    lathe::data::Validity yMissing;
    for (std::size_t i = 0; i < 1000; ++i) {
      y[i] = std::sin(static_cast<double>(i));
      wobblyX[i] = 1.0 + 1e-9 * std::cos(static_cast<double>(i));
      if (i >= 950) {
        flatX[i] = wobblyX[i] = 1e6 * static_cast<double>(i);
        yMissing.setMissing(i, 1000);
      }
    }
    const CorrelationMatrix hidden = correlate(Table({Column::float64("flat", flatX), Column::float64("wobbly", wobblyX),
                                                      Column::float64("y", y, yMissing)}));
    QVERIFY(std::isnan(hidden.at(0, 2)));
    std::vector<double> yCommon(y.begin(), y.begin() + 950), wobblyCommon(wobblyX.begin(), wobblyX.begin() + 950);
    QVERIFY2(close(hidden.at(1, 2), reference(wobblyCommon, yCommon), 1e-9),
             qPrintable(QString("%1 vs %2").arg(hidden.at(1, 2), 0, 'g', 17).arg(reference(wobblyCommon, yCommon), 0, 'g', 17)));
    // One value only: NaN on the diagonal too.
    QVERIFY(std::isnan(correlate(Table({Column::float64("one", {4.0})})).at(0, 0)));
  }

  void digitsIsTruncatedAtSixtyColumns() {
    const CorrelationMatrix m = correlate(importDataset("digits_8x8.csv"));
    QVERIFY(m.truncated);
    QCOMPARE(m.columns.size(), CorrelationMatrix::kMaxColumns);
    QCOMPARE(m.columns.back(), std::string("pixel_7_3"));
    QCOMPARE(m.values.size(), std::size_t{3600});
    // pd.read_csv("digits_8x8.csv").iloc[:, :60].corr(); pixel_0_0, pixel_4_0 and pixel_4_7 are
    // all zero, so their rows and columns are NaN, the diagonal too.
    QVERIFY_CORR(m, "pixel_0_1", "pixel_0_2", 0.5566181124385517);
    QVERIFY_CORR(m, "pixel_1_2", "pixel_2_4", -0.015886299236127506);
    QVERIFY_CORR(m, "pixel_7_3", "pixel_7_2", 0.48171054544310776);
    for (const char* constant : {"pixel_0_0", "pixel_4_0", "pixel_4_7"})
      for (std::size_t j = 0; j < m.columns.size(); ++j) QVERIFY(std::isnan(m.at(indexOf(m, constant), j)));
    QCOMPARE(m.at(1, 1), 1.0);
  }

  void manyRowsWithGapsMatchTwoPassReference() {
    // 300,000 rows over several parts and blocks; one column complete, two with gaps, NaN and inf.
    constexpr std::size_t kRows = 300'000;
    std::mt19937_64 random(3);
    std::normal_distribution<double> normal(1000.0, 5.0);
    // Two sparse columns: present on 1 row in 3,000 and on 1 in 30,000 (10 rows).
    std::vector<double> a(kRows), b(kRows), c(kRows), sparse(kRows, kNaN), rare(kRows, kNaN);
    for (std::size_t i = 0; i < kRows; ++i) {
      a[i] = normal(random);
      b[i] = 0.5 * a[i] + normal(random);
      c[i] = i % 7 == 0 ? kNaN : i % 11 == 0 ? kInf : -0.2 * a[i] + normal(random);
      if (i % 13 == 0) b[i] = kNaN;
      if (i % 3000 == 1) sparse[i] = a[i] + normal(random);
      if (i % 30000 == 2) rare[i] = normal(random) - b[i];
    }
    const Table table({Column::float64("a", a), Column::float64("b", b), Column::float64("c", c),
                       Column::float64("sparse", sparse), Column::float64("rare", rare)});
    const CorrelationMatrix m = correlate(table);
    const std::vector<const std::vector<double>*> data{&a, &b, &c, &sparse, &rare};
    for (std::size_t i = 0; i < data.size(); ++i)
      for (std::size_t j = 0; j < data.size(); ++j)
        if (i != j && !(i == 3 && j == 4) && !(i == 4 && j == 3))
          QVERIFY2(close(m.at(i, j), reference(*data[i], *data[j]), 1e-12), qPrintable(QString("%1 %2: %3 vs %4").arg(i).arg(j).arg(m.at(i, j), 0, 'g', 17).arg(reference(*data[i], *data[j]), 0, 'g', 17)));
    QVERIFY(std::isnan(m.at(3, 4)));  // sparse and rare share no row
    QCOMPARE(m.at(4, 4), 1.0);
    QVERIFY(std::abs(m.at(0, 1) - 0.447) < 0.01);  // 0.5 * 5 / sqrt(25 + 6.25)
  }

  void emptyTablesGiveEmptyOrNaN() {
    const CorrelationMatrix none = correlate(Table());
    QVERIFY(none.columns.empty() && none.values.empty());
    const CorrelationMatrix noRows = correlate(Table({Column::float64("x", {}), Column::int64("y", {})}));
    QCOMPARE(noRows.columns.size(), std::size_t{2});
    for (double v : noRows.values) QVERIFY(std::isnan(v));
    lathe::data::Validity allMissing;
    for (std::size_t row = 0; row < 3; ++row) allMissing.setMissing(row, 3);
    const CorrelationMatrix missing =
        correlate(Table({Column::float64("x", {1, 2, 3}), Column::float64("y", {0, 0, 0}, allMissing)}));
    QCOMPARE(missing.at(0, 0), 1.0);
    QVERIFY(std::isnan(missing.at(0, 1)));
    QVERIFY(std::isnan(missing.at(1, 1)));
  }

  void honoursTheStopToken() {
    const Table table({Column::float64("x", std::vector<double>(2'000'000, 1.0)),
                       Column::float64("y", std::vector<double>(2'000'000, 2.0))});
    std::stop_source stop;
    StoppingSink sink(stop, 0.0);
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled,
                             CorrelationMatrix::of(table, lathe::jobs::JobContext(stop.get_token(), sink)));
  }
};

QTEST_APPLESS_MAIN(CorrelationMatrixTest)
#include "tst_CorrelationMatrix.moc"
