#include <QtTest>
#include <cmath>
#include <limits>
#include <stop_token>
#include <string>
#include <vector>

#include "../DatasetFiles.h"
#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/explore/BoxPlotData.h"
#include "engine/jobs/JobCancelled.h"

using lathe::data::Column;
using lathe::data::Table;
using lathe::explore::BoxPlotData;
using lathe::explore::BoxStats;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

BoxPlotData boxes(const Table& table, const std::string& column, const std::string& groupBy = {}) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  return BoxPlotData::of(table, column, groupBy, lathe::jobs::JobContext(stop.get_token(), sink));
}

Table single(std::shared_ptr<const Column> column) { return Table({std::move(column)}); }

// The box of a column's values as pandas/numpy and matplotlib's cbook.boxplot_stats give it.
void checkBox(const BoxStats& box, std::uint64_t count, double q1, double median, double q3, double lower, double upper,
              const std::vector<double>& outliers) {
  QCOMPARE(box.count, count);
  QCOMPARE(box.q1, q1);
  QCOMPARE(box.median, median);
  QCOMPARE(box.q3, q3);
  QCOMPARE(box.lowerWhisker, lower);
  QCOMPARE(box.upperWhisker, upper);
  QCOMPARE(box.outliers, outliers);
  QCOMPARE(box.outlierCount, std::uint64_t(outliers.size()));
}

std::string errorValue(const Table& table, const std::string& column, const std::string& groupBy) {
  try {
    boxes(table, column, groupBy);
  } catch (const lathe::Error& e) {
    if (e.code() != lathe::ErrorCode::InvalidArgument) return "wrong code";
    return e.value();
  }
  return "no error";
}

}  // namespace

class BoxPlotDataTest : public QObject {
  Q_OBJECT

 private slots:
  void penguinsBodyMassBySpecies() {
    const Table penguins = importDataset("penguins.csv");
    const BoxPlotData plot = boxes(penguins, "Body Mass (g)", "Species");
    QCOMPARE(plot.column, std::string("Body Mass (g)"));
    QCOMPARE(plot.groupColumn, std::string("Species"));
    QCOMPARE(plot.boxes.size(), std::size_t{3});
    // Groups in the column's level order (first appearance in the file).
    QCOMPARE(plot.boxes[0].group, std::string("Adelie"));
    QCOMPARE(plot.boxes[1].group, std::string("Chinstrap"));
    QCOMPARE(plot.boxes[2].group, std::string("Gentoo"));
    // Computed once with /usr/bin/python3 (pandas 1.5.3): df.dropna(subset=["Body Mass (g)"])
    // .groupby("Species")["Body Mass (g)"].quantile([.25, .5, .75]) and count(); whiskers and
    // outliers by matplotlib's rule (furthest values within 1.5 IQR of the box).
    checkBox(plot.boxes[0], 151, 3350.0, 3700.0, 4000.0, 2850.0, 4775.0, {});
    checkBox(plot.boxes[1], 68, 3487.5, 3700.0, 3950.0, 2900.0, 4550.0, {2700.0, 4800.0});
    checkBox(plot.boxes[2], 123, 4700.0, 5000.0, 5500.0, 3950.0, 6300.0, {});
    QCOMPARE(plot.boxes[1].min, 2700.0);
    QCOMPARE(plot.boxes[1].max, 4800.0);

    // Ungrouped, the two missing masses left out (pandas: count 342, quartiles 3550/4050/4750).
    const BoxPlotData all = boxes(penguins, "Body Mass (g)");
    QCOMPARE(all.boxes.size(), std::size_t{1});
    QVERIFY(all.boxes[0].group.empty());
    checkBox(all.boxes[0], 342, 3550.0, 4050.0, 4750.0, 2700.0, 6300.0, {});

    // Flipper length: Adelie has an outlier at each end (172 and 210), as computed above.
    const BoxPlotData flipper = boxes(penguins, "Flipper Length (mm)", "Species");
    checkBox(flipper.boxes[0], 151, 186.0, 190.0, 195.0, 174.0, 208.0, {172.0, 210.0});
  }

  void whiskersAndOutliersOnAHandMadeColumn() {
    // 13 present finite values and a NaN, +inf, -inf and a missing cell, which are left out.
    std::vector<double> values{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, -50, 30, kNaN, kInf, -kInf, 42};
    lathe::data::Validity validity;
    validity.setMissing(16, values.size());
    const BoxPlotData plot = boxes(single(Column::float64("v", values, validity)), "v");
    QCOMPARE(plot.boxes.size(), std::size_t{1});
    // numpy.quantile and matplotlib's rule on the 13 values: q1 3, median 6, q3 9, fences -6 and
    // 18, so whiskers 1 and 10 and outliers -50, 30, 100.
    checkBox(plot.boxes[0], 13, 3.0, 6.0, 9.0, 1.0, 10.0, {-50.0, 30.0, 100.0});
    QCOMPARE(plot.boxes[0].min, -50.0);
    QCOMPARE(plot.boxes[0].max, 100.0);

    // Int64 values read the same.
    const BoxPlotData ints = boxes(single(Column::int64("i", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, -50, 30})), "i");
    checkBox(ints.boxes[0], 13, 3.0, 6.0, 9.0, 1.0, 10.0, {-50.0, 30.0, 100.0});

    // One value: everything is that value. Two values: linear interpolation.
    checkBox(boxes(single(Column::float64("one", {7.5})), "one").boxes[0], 1, 7.5, 7.5, 7.5, 7.5, 7.5, {});
    checkBox(boxes(single(Column::float64("two", {0.0, 4.0})), "two").boxes[0], 2, 1.0, 2.0, 3.0, 0.0, 4.0, {});
  }

  void outliersKeepTheMostExtremeFirst() {
    // 1,000 values 0..999, 300 far below (-1e6 - i) and 300 just above the fence (5000 + i).
    // numpy: q1 99.75, q3 899.25, fences -1099.5 and 2098.5: 600 outliers, of which the 300 lows
    // (about 1e6 from the box) and the 200 highest highs are the 500 most extreme.
    std::vector<double> values;
    for (int i = 0; i < 1000; ++i) values.push_back(i);
    for (int i = 0; i < 300; ++i) values.push_back(-1e6 - i);
    for (int i = 0; i < 300; ++i) values.push_back(5000 + i);
    const BoxStats box = boxes(single(Column::float64("v", values)), "v").boxes[0];
    QCOMPARE(box.q1, 99.75);
    QCOMPARE(box.q3, 899.25);
    QCOMPARE(box.lowerWhisker, 0.0);
    QCOMPARE(box.upperWhisker, 999.0);
    QCOMPARE(box.outlierCount, std::uint64_t{600});
    QCOMPARE(box.outliers.size(), BoxStats::kMaxOutliers);
    std::vector<double> expected;
    for (int i = 299; i >= 0; --i) expected.push_back(-1e6 - i);
    for (int i = 100; i < 300; ++i) expected.push_back(5000 + i);
    QCOMPARE(box.outliers, expected);
  }

  void groupsByBoolAndDatetime() {
    // Bool groups are "false" and "true"; a missing group or value is left out.
    lathe::data::Validity missingGroup;
    missingGroup.setMissing(4, 6);
    const Table table({Column::float64("v", {1, 2, 3, 10, 20, kNaN}),
                       Column::boolean("flag", {0, 0, 0, 1, 1, 1}, missingGroup),
                       Column::datetime("when", {0, 1'000'000, 2'000'000, 3'000'000, 4'000'000, 5'000'000})});
    const BoxPlotData plot = boxes(table, "v", "flag");
    QCOMPARE(plot.boxes.size(), std::size_t{2});
    QCOMPARE(plot.boxes[0].group, std::string("false"));
    checkBox(plot.boxes[0], 3, 1.5, 2.0, 2.5, 1.0, 3.0, {});
    QCOMPARE(plot.boxes[1].group, std::string("true"));
    checkBox(plot.boxes[1], 1, 10.0, 10.0, 10.0, 10.0, 10.0, {});

    // A datetime column is boxed in microseconds since the epoch.
    const BoxPlotData when = boxes(table, "when");
    checkBox(when.boxes[0], 6, 1'250'000.0, 2'500'000.0, 3'750'000.0, 0.0, 5'000'000.0, {});
  }

  void keepsTheMostFrequentGroups() {
    // 40 levels: level k holds k + 1 rows, but level 39 only missing values. Levels rank by their
    // rows with a value, so the 30 boxes are levels 9..38, in level order.
    std::vector<std::int32_t> codes;
    std::vector<double> values;
    std::vector<std::string> levels;
    for (int k = 0; k < 40; ++k) {
      levels.push_back("level " + std::to_string(k));
      for (int i = 0; i <= k; ++i) {
        codes.push_back(k);
        values.push_back(k == 39 ? kNaN : k * 100 + i);
      }
    }
    const Table table({Column::float64("v", values), Column::categorical("g", codes, levels)});
    const BoxPlotData plot = boxes(table, "v", "g");
    QCOMPARE(plot.boxes.size(), BoxPlotData::kMaxGroups);
    QCOMPARE(plot.boxes.front().group, std::string("level 9"));
    QCOMPARE(plot.boxes.back().group, std::string("level 38"));
    QCOMPARE(plot.boxes.front().count, std::uint64_t{10});
    QCOMPARE(plot.boxes.front().median, 904.5);
    QCOMPARE(plot.boxes.back().count, std::uint64_t{39});
  }

  void emptyAndAllMissingGiveNoBoxes() {
    const Table empty({Column::float64("v", {}), Column::categorical("g", {}, {"a"})});
    QVERIFY(boxes(empty, "v").boxes.empty());
    QVERIFY(boxes(empty, "v", "g").boxes.empty());
    lathe::data::Validity allMissing;
    for (std::size_t row = 0; row < 4; ++row) allMissing.setMissing(row, 4);
    const Table missing({Column::int64("v", {1, 2, 3, 4}, allMissing), Column::float64("nan", {kNaN, kNaN, kInf, -kInf}),
                         Column::categorical("g", {0, 1, 0, 1}, {"a", "b"})});
    QVERIFY(boxes(missing, "v").boxes.empty());
    QVERIFY(boxes(missing, "v", "g").boxes.empty());
    QVERIFY(boxes(missing, "nan", "g").boxes.empty());
  }

  void errorsNameTheColumn() {
    const Table table({Column::float64("v", {1, 2}), Column::categorical("g", {0, 1}, {"a", "b"}),
                       Column::text("t", {0, 1, 2}, "xy")});
    QCOMPARE(errorValue(table, "nope", ""), std::string("nope"));
    QCOMPARE(errorValue(table, "t", ""), std::string("t"));
    QCOMPARE(errorValue(table, "g", ""), std::string("g"));      // categorical values
    QCOMPARE(errorValue(table, "v", "v"), std::string("v"));     // a numeric group column
    QCOMPARE(errorValue(table, "v", "t"), std::string("t"));     // a text group column
    QCOMPARE(errorValue(table, "v", "nope"), std::string("nope"));
    try {
      boxes(table, "t", "");
      QFAIL("no error");
    } catch (const lathe::Error& e) {
      QVERIFY(e.message().find("'t'") != std::string::npos);
      QCOMPARE(e.where().column, std::int64_t{3});
    }
  }

  void honoursTheStopToken() {
    const Table big = single(Column::float64("v", std::vector<double>(3'000'000, 1.0)));
    std::stop_source stop;
    StoppingSink sink(stop, 0.0);  // stops at the first progress report
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled,
                             BoxPlotData::of(big, "v", "", lathe::jobs::JobContext(stop.get_token(), sink)));
    QVERIFY(!sink.fractions.empty());
  }
};

QTEST_APPLESS_MAIN(BoxPlotDataTest)
#include "tst_BoxPlotData.moc"
