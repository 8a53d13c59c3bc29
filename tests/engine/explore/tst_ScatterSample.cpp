#include <QtTest>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

#include "../DatasetFiles.h"
#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/explore/ScatterSample.h"
#include "engine/jobs/JobCancelled.h"

using lathe::data::Column;
using lathe::data::Table;
using lathe::explore::ScatterSample;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

ScatterSample scatter(const Table& table, const std::string& x, const std::string& y, const std::string& colour = {},
                      std::size_t maxPoints = ScatterSample::kDefaultMaxPoints, std::uint64_t seed = 42) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  return ScatterSample::of(table, x, y, colour, lathe::jobs::JobContext(stop.get_token(), sink), maxPoints, seed);
}

std::uint64_t densityTotal(const ScatterSample& s) {
  return std::accumulate(s.density.begin(), s.density.end(), std::uint64_t{0});
}

// A million rows: x is the row number, y = x mod 1000, and a colour column of 20 levels where
// level k holds rows with row % 210 in a block of k + 1 (so level 19 is the most frequent, level 0
// the least), every 97th colour missing.
Table millionRows() {
  constexpr std::size_t kRows = 1'000'000;
  std::vector<double> x(kRows), y(kRows);
  std::vector<std::int32_t> codes(kRows);
  std::vector<std::string> levels;
  for (int k = 0; k < 20; ++k) levels.push_back("c" + std::to_string(k));
  lathe::data::Validity missing;
  for (std::size_t row = 0; row < kRows; ++row) {
    x[row] = static_cast<double>(row);
    y[row] = static_cast<double>(row % 1000);
    std::size_t slot = row % 210, k = 0;
    while (slot > k) slot -= ++k;  // blocks of 1, 2, ..., 20 rows
    codes[row] = static_cast<std::int32_t>(k);
    if (row % 97 == 0) {
      codes[row] = -1;
      missing.setMissing(row, kRows);
    }
  }
  return Table({Column::float64("x", std::move(x)), Column::float64("y", std::move(y)),
                Column::categorical("colour", std::move(codes), std::move(levels), std::move(missing))});
}

}  // namespace

class ScatterSampleTest : public QObject {
  Q_OBJECT

 private slots:
  void flightsSampledAndDense() {
    const Table flights = importDataset("flights-200k.csv");
    const ScatterSample s = scatter(flights, "distance", "delay");
    QCOMPARE(s.totalPoints, std::uint64_t{200000});
    QCOMPARE(s.x.size(), ScatterSample::kDefaultMaxPoints);
    QCOMPARE(s.y.size(), ScatterSample::kDefaultMaxPoints);
    QVERIFY(s.category.empty());
    QVERIFY(s.categoryNames.empty());
    QVERIFY(s.sampled());
    // pandas describe(): distance 30..4962, delay -86..1444.
    QCOMPARE(s.xMin, 30.0);
    QCOMPARE(s.xMax, 4962.0);
    QCOMPARE(s.yMin, -86.0);
    QCOMPARE(s.yMax, 1444.0);
    QCOMPARE(s.density.size(), ScatterSample::kGridSize * ScatterSample::kGridSize);
    QCOMPARE(densityTotal(s), s.totalPoints);
    // Every drawn point is a real row, and no row is drawn twice more often than the file holds it.
    std::multiset<std::pair<double, double>> rows;
    const auto& distance = columnNamed(flights, "distance");
    const auto& delay = columnNamed(flights, "delay");
    for (std::size_t row = 0; row < flights.rowCount(); ++row) rows.emplace(distance.numericAt(row), delay.numericAt(row));
    for (std::size_t i = 0; i < s.x.size(); ++i) {
      const auto found = rows.find({s.x[i], s.y[i]});
      QVERIFY(found != rows.end());
      rows.erase(found);
    }

    // The same seed draws the same points; another seed others.
    const ScatterSample again = scatter(flights, "distance", "delay");
    QCOMPARE(again.x, s.x);
    QCOMPARE(again.y, s.y);
    QCOMPARE(again.density, s.density);
    const ScatterSample other = scatter(flights, "distance", "delay", {}, ScatterSample::kDefaultMaxPoints, 7);
    QVERIFY(other.x != s.x);
    QCOMPARE(other.density, s.density);

    // The grid bins as numpy does: np.histogram(df[c], bins=128, range=(min, max))[0][:12] and
    // np.histogram2d(distance, delay, bins=128, range=...) (densest cell x 7, y 6, 4835 flights),
    // computed once with /usr/bin/python3.
    std::vector<std::uint64_t> xMarginal(12), yMarginal(12);
    for (std::size_t j = 0; j < ScatterSample::kGridSize; ++j)
      for (std::size_t i = 0; i < ScatterSample::kGridSize; ++i) {
        if (i < 12) xMarginal[i] += s.density[j * ScatterSample::kGridSize + i];
        if (j < 12) yMarginal[j] += s.density[j * ScatterSample::kGridSize + i];
      }
    QCOMPARE(xMarginal, (std::vector<std::uint64_t>{521, 4051, 5996, 5290, 10243, 12930, 7860, 14004, 8606, 8547, 6864, 5320}));
    QCOMPARE(yMarginal, (std::vector<std::uint64_t>{2, 9, 67, 411, 2974, 19359, 63415, 55815, 23974, 11628, 6786, 4221}));
    QCOMPARE(*std::max_element(s.density.begin(), s.density.end()), std::uint32_t{4835});
    QCOMPARE(s.density[6 * ScatterSample::kGridSize + 7], std::uint32_t{4835});
  }

  void aMillionRowsQuicklyUniformlyAndColoured() {
    const Table table = millionRows();
    const auto start = std::chrono::steady_clock::now();
    const ScatterSample s = scatter(table, "x", "y", "colour");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    QVERIFY2(seconds < 3.0, qPrintable(QString("took %1 s").arg(seconds)));
    QCOMPARE(s.totalPoints, std::uint64_t{1'000'000});
    QCOMPARE(s.x.size(), ScatterSample::kDefaultMaxPoints);
    QCOMPARE(densityTotal(s), s.totalPoints);
    // x = row number, so each density column holds 1e6 / 128 rows (7812 or 7813).
    for (std::size_t i = 0; i < ScatterSample::kGridSize; ++i) {
      std::uint64_t column = 0;
      for (std::size_t j = 0; j < ScatterSample::kGridSize; ++j) column += s.density[j * ScatterSample::kGridSize + i];
      QVERIFY2(column == 7812 || column == 7813 || column == 7814, qPrintable(QString::number(column)));
    }
    // A uniform sample of the row numbers: mean near 500,000 (standard error 1e6 / sqrt(12 * 20000)
    // ~ 2041; allow 4 of them) and drawn in row order, no row twice.
    const double mean = std::accumulate(s.x.begin(), s.x.end(), 0.0) / static_cast<double>(s.x.size());
    QVERIFY2(std::abs(mean - 499'999.5) < 8200, qPrintable(QString::number(mean)));
    QVERIFY(std::adjacent_find(s.x.begin(), s.x.end(), std::greater_equal<double>()) == s.x.end());
    const auto lastQuarter = std::count_if(s.x.begin(), s.x.end(), [](double x) { return x >= 750'000; });
    QVERIFY2(std::abs(static_cast<double>(lastQuarter) - 5000.0) < 300, qPrintable(QString::number(lastQuarter)));

    // Colours: the 12 most frequent levels (c8..c19), in level order, then "Other" for c0..c7.
    std::vector<std::string> names;
    for (int k = 8; k < 20; ++k) names.push_back("c" + std::to_string(k));
    names.emplace_back("Other");
    QCOMPARE(s.categoryNames, names);
    QCOMPARE(s.category.size(), s.x.size());
    for (std::size_t i = 0; i < s.x.size(); ++i) {
      const auto row = static_cast<std::size_t>(s.x[i]);
      std::size_t slot = row % 210, k = 0;
      while (slot > k) slot -= ++k;
      const std::int32_t expected = row % 97 == 0 ? -1 : k >= 8 ? static_cast<std::int32_t>(k - 8) : 12;
      QCOMPARE(s.category[i], expected);
    }
  }

  void fewerRowsThanMaxPointsAreAllDrawn() {
    // Missing, NaN and infinite values in either column are left out everywhere.
    lathe::data::Validity missing;
    missing.setMissing(1, 7);
    const Table table({Column::float64("x", {1, 2, kNaN, 4, kInf, 6, 7}, missing),
                       Column::int64("y", {10, 20, 30, 40, 50, 60, 70}),
                       Column::boolean("b", {1, 0, 1, 0, 1, 0, 1})});
    const ScatterSample s = scatter(table, "x", "y", "b");
    QCOMPARE(s.totalPoints, std::uint64_t{4});
    QVERIFY(!s.sampled());
    QCOMPARE(s.x, (std::vector<double>{1, 4, 6, 7}));
    QCOMPARE(s.y, (std::vector<double>{10, 40, 60, 70}));
    QCOMPARE(s.categoryNames, (std::vector<std::string>{"false", "true"}));
    QCOMPARE(s.category, (std::vector<std::int32_t>{1, 0, 0, 1}));
    QCOMPARE(densityTotal(s), std::uint64_t{4});
    QCOMPARE(s.xMin, 1.0);
    QCOMPARE(s.xMax, 7.0);
    // The extremes land in the first and the last cell.
    QCOMPARE(s.density[0], std::uint32_t{1});
    QCOMPARE(s.density[ScatterSample::kGridSize * ScatterSample::kGridSize - 1], std::uint32_t{1});

    // maxPoints caps the drawing, not the density.
    const ScatterSample two = scatter(table, "x", "y", {}, 2);
    QCOMPARE(two.x.size(), std::size_t{2});
    QVERIFY(two.sampled());
    QCOMPARE(densityTotal(two), std::uint64_t{4});
    const ScatterSample none = scatter(table, "x", "y", {}, 0);
    QVERIFY(none.x.empty());
    QCOMPARE(none.totalPoints, std::uint64_t{4});
  }

  void constantAndExtremeAxes() {
    // A constant axis is widened to [v - 0.5, v + 0.5] and its points sit in the middle cell.
    const Table flat({Column::float64("x", {5, 5, 5}), Column::float64("y", {1, 2, 3}),
                      Column::datetime("t", {0, 86'400'000'000, 172'800'000'000}),
                      Column::float64("huge", {-1e308, 1e308, 0})});
    const ScatterSample s = scatter(flat, "x", "y");
    QCOMPARE(s.xMin, 4.5);
    QCOMPARE(s.xMax, 5.5);
    std::uint64_t middle = 0;
    for (std::size_t j = 0; j < ScatterSample::kGridSize; ++j) middle += s.density[j * ScatterSample::kGridSize + 64];
    QCOMPARE(middle, std::uint64_t{3});
    // Datetimes in microseconds; a range of nearly 2 * DBL_MAX stays finite.
    const ScatterSample t = scatter(flat, "t", "huge");
    QCOMPARE(t.xMax, 172'800'000'000.0);
    QCOMPARE(t.yMin, -1e308);
    QCOMPARE(densityTotal(t), std::uint64_t{3});
    // (0, -1e308) in cell (0, 0), (mid, 1e308) in (64, 127), (max, 0) in (127, 64).
    QCOMPARE(t.density[0], std::uint32_t{1});
    QCOMPARE(t.density[127 * ScatterSample::kGridSize + 64], std::uint32_t{1});
    QCOMPARE(t.density[64 * ScatterSample::kGridSize + 127], std::uint32_t{1});
  }

  void emptyAndAllMissingAreEmpty() {
    const Table empty({Column::float64("x", {}), Column::float64("y", {}), Column::categorical("c", {}, {"a"})});
    const ScatterSample e = scatter(empty, "x", "y", "c");
    QCOMPARE(e.totalPoints, std::uint64_t{0});
    QVERIFY(e.x.empty() && e.density.empty() && e.category.empty());
    QVERIFY(!e.sampled());
    const Table nothing({Column::float64("x", {kNaN, kInf, 1}), Column::float64("y", {1, 2, kNaN})});
    const ScatterSample n = scatter(nothing, "x", "y");
    QCOMPARE(n.totalPoints, std::uint64_t{0});
    QVERIFY(n.density.empty());
  }

  void penguinsColouredBySpecies() {
    const Table penguins = importDataset("penguins.csv");
    const ScatterSample s = scatter(penguins, "Flipper Length (mm)", "Body Mass (g)", "Species");
    // pandas: 342 rows with both measurements; per species 151 Adelie, 68 Chinstrap, 123 Gentoo.
    QCOMPARE(s.totalPoints, std::uint64_t{342});
    QCOMPARE(s.x.size(), std::size_t{342});
    QCOMPARE(s.categoryNames, (std::vector<std::string>{"Adelie", "Chinstrap", "Gentoo"}));
    QCOMPARE(std::count(s.category.begin(), s.category.end(), 0), std::ptrdiff_t{151});
    QCOMPARE(std::count(s.category.begin(), s.category.end(), 1), std::ptrdiff_t{68});
    QCOMPARE(std::count(s.category.begin(), s.category.end(), 2), std::ptrdiff_t{123});
    QCOMPARE(s.xMin, 172.0);
    QCOMPARE(s.xMax, 231.0);
  }

  void errorsNameTheColumn() {
    const Table table({Column::float64("x", {1}), Column::text("t", {0, 1}, "a"),
                       Column::categorical("c", {0}, {"a"})});
    auto valueOf = [&](const std::string& x, const std::string& y, const std::string& colour) -> std::string {
      try {
        scatter(table, x, y, colour);
      } catch (const lathe::Error& e) {
        return e.code() == lathe::ErrorCode::InvalidArgument ? e.value() : "wrong code";
      }
      return "no error";
    };
    QCOMPARE(valueOf("nope", "x", ""), std::string("nope"));
    QCOMPARE(valueOf("x", "t", ""), std::string("t"));
    QCOMPARE(valueOf("c", "x", ""), std::string("c"));
    QCOMPARE(valueOf("x", "x", "x"), std::string("x"));  // a numeric colour column
    QCOMPARE(valueOf("x", "x", "gone"), std::string("gone"));
    QCOMPARE(valueOf("x", "x", "c"), std::string("no error"));
  }

  void honoursTheStopToken() {
    const Table table = millionRows();
    std::stop_source stop;
    StoppingSink sink(stop, 0.0);
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled,
                             ScatterSample::of(table, "x", "y", "", lathe::jobs::JobContext(stop.get_token(), sink)));
  }
};

QTEST_APPLESS_MAIN(ScatterSampleTest)
#include "tst_ScatterSample.moc"
