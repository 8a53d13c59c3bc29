#include <QtTest>
#include <cmath>
#include <limits>
#include <stop_token>
#include <string>
#include <vector>

#include "../DatasetFiles.h"
#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/explore/FeatureTargetData.h"
#include "engine/jobs/JobCancelled.h"

using lathe::data::Column;
using lathe::data::Table;
using lathe::explore::FeatureTargetData;
using Kind = lathe::explore::FeatureTargetData::Kind;
using Counts = std::vector<std::uint64_t>;
using Names = std::vector<std::string>;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

FeatureTargetData relate(const Table& table, const std::string& feature, const std::string& target) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  return FeatureTargetData::of(table, feature, target, lathe::jobs::JobContext(stop.get_token(), sink));
}

void compareEdges(const std::vector<double>& actual, const std::vector<double>& expected) {
  QCOMPARE(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i)
    QVERIFY2(std::abs(actual[i] - expected[i]) <= 1e-12 * std::max(1.0, std::abs(expected[i])),
             qPrintable(QString("edge %1: %2 vs %3").arg(i).arg(actual[i], 0, 'g', 17).arg(expected[i], 0, 'g', 17)));
}

std::string errorValue(const Table& table, const std::string& feature, const std::string& target) {
  try {
    relate(table, feature, target);
  } catch (const lathe::Error& e) {
    return e.code() == lathe::ErrorCode::InvalidArgument ? e.value() : "wrong code";
  }
  return "no error";
}

}  // namespace

class FeatureTargetDataTest : public QObject {
  Q_OBJECT

 private slots:
  // Expected numbers: pandas 1.5.3 and numpy 1.24 with /usr/bin/python3, computed once:
  // bins np.histogram_bin_edges(values, "auto") over the rows with both values, counts per class
  // np.histogram(class_values, edges); shares pd.crosstab(df[target], df[feature]).
  void penguinsFlipperBySpeciesIsClassHistograms() {
    const Table penguins = importDataset("penguins.csv");
    const FeatureTargetData d = relate(penguins, "Flipper Length (mm)", "Species");
    QCOMPARE(d.kind, Kind::ClassHistograms);
    QCOMPARE(d.feature, std::string("Flipper Length (mm)"));
    QCOMPARE(d.target, std::string("Species"));
    QCOMPARE(d.classes, (Names{"Adelie", "Chinstrap", "Gentoo"}));
    compareEdges(d.binEdges, {172.0, 177.9, 183.8, 189.7, 195.6, 201.5, 207.4, 213.3, 219.2, 225.1, 231.0});
    QCOMPARE(d.classCounts.size(), std::size_t{3});
    QCOMPARE(d.classCounts[0], (Counts{3, 19, 43, 58, 22, 4, 2, 0, 0, 0}));
    QCOMPARE(d.classCounts[1], (Counts{0, 3, 9, 21, 22, 9, 4, 0, 0, 0}));
    QCOMPARE(d.classCounts[2], (Counts{0, 0, 0, 0, 0, 2, 36, 42, 28, 15}));
    QVERIFY(d.levels.empty());
    QVERIFY(d.boxes.boxes.empty());
    QCOMPARE(d.scatter.totalPoints, std::uint64_t{0});
  }

  void penguinsIslandBySpeciesIsClassShares() {
    const Table penguins = importDataset("penguins.csv");
    const FeatureTargetData d = relate(penguins, "Island", "Species");
    QCOMPARE(d.kind, Kind::ClassShares);
    QCOMPARE(d.levels, (Names{"Torgersen", "Biscoe", "Dream"}));
    QCOMPARE(d.classes, (Names{"Adelie", "Chinstrap", "Gentoo"}));
    QCOMPARE(d.classCounts[0], (Counts{52, 44, 56}));
    QCOMPARE(d.classCounts[1], (Counts{0, 0, 68}));
    QCOMPARE(d.classCounts[2], (Counts{0, 124, 0}));
    QVERIFY(d.binEdges.empty());

    // Sex has 10 missing values (left out) and one "." (a level of its own).
    const FeatureTargetData sex = relate(penguins, "Sex", "Species");
    QCOMPARE(sex.kind, Kind::ClassShares);
    QCOMPARE(sex.levels, (Names{"MALE", "FEMALE", "."}));
    QCOMPARE(sex.classCounts[0], (Counts{73, 73, 0}));
    QCOMPARE(sex.classCounts[1], (Counts{34, 34, 0}));
    QCOMPARE(sex.classCounts[2], (Counts{61, 58, 1}));
  }

  void penguinsSpeciesByBodyMassIsBoxes() {
    const Table penguins = importDataset("penguins.csv");
    const FeatureTargetData d = relate(penguins, "Species", "Body Mass (g)");
    QCOMPARE(d.kind, Kind::Boxes);
    QCOMPARE(d.boxes.column, std::string("Body Mass (g)"));
    QCOMPARE(d.boxes.groupColumn, std::string("Species"));
    QCOMPARE(d.boxes.boxes.size(), std::size_t{3});
    // df.groupby("Species")["Body Mass (g)"].quantile([.25, .5, .75]) and count().
    const double expected[3][4] = {{151, 3350.0, 3700.0, 4000.0}, {68, 3487.5, 3700.0, 3950.0}, {123, 4700.0, 5000.0, 5500.0}};
    for (std::size_t g = 0; g < 3; ++g) {
      QCOMPARE(double(d.boxes.boxes[g].count), expected[g][0]);
      QCOMPARE(d.boxes.boxes[g].q1, expected[g][1]);
      QCOMPARE(d.boxes.boxes[g].median, expected[g][2]);
      QCOMPARE(d.boxes.boxes[g].q3, expected[g][3]);
    }
    QVERIFY(d.classes.empty() && d.classCounts.empty());
  }

  void penguinsFlipperByBodyMassIsScatter() {
    const Table penguins = importDataset("penguins.csv");
    const FeatureTargetData d = relate(penguins, "Flipper Length (mm)", "Body Mass (g)");
    QCOMPARE(d.kind, Kind::Scatter);
    QCOMPARE(d.scatter.xColumn, std::string("Flipper Length (mm)"));
    QCOMPARE(d.scatter.yColumn, std::string("Body Mass (g)"));
    QCOMPARE(d.scatter.totalPoints, std::uint64_t{342});  // len(df.dropna(subset=[both]))
    QCOMPARE(d.scatter.x.size(), std::size_t{342});
    QCOMPARE(d.scatter.yMin, 2700.0);
    QCOMPARE(d.scatter.yMax, 6300.0);
  }

  void irisArffAndSeattleDates() {
    const FeatureTargetData iris = relate(importDataset("iris.arff"), "petallength", "class");
    QCOMPARE(iris.kind, Kind::ClassHistograms);
    QCOMPARE(iris.classes, (Names{"Iris-setosa", "Iris-versicolor", "Iris-virginica"}));
    compareEdges(iris.binEdges, {1.0, 1.6555555555555554, 2.311111111111111, 2.966666666666667, 3.6222222222222222,
                                 4.277777777777778, 4.933333333333334, 5.588888888888889, 6.2444444444444445, 6.9});
    QCOMPARE(iris.classCounts[0], (Counts{44, 6, 0, 0, 0, 0, 0, 0, 0}));
    QCOMPARE(iris.classCounts[1], (Counts{0, 0, 0, 6, 17, 25, 2, 0, 0}));
    QCOMPARE(iris.classCounts[2], (Counts{0, 0, 0, 0, 0, 6, 19, 19, 6}));

    // A datetime feature is binned in microseconds since the epoch (numpy on the same numbers).
    const Table weather = importDataset("seattle-weather.csv");
    QCOMPARE(weather.column(0).type(), lathe::data::ColumnType::Datetime);
    const FeatureTargetData d = relate(weather, "date", "weather");
    QCOMPARE(d.kind, Kind::ClassHistograms);
    QCOMPARE(d.binEdges.size(), std::size_t{13});
    QCOMPARE(d.binEdges.front(), 1325376000000000.0);
    QCOMPARE(d.binEdges[1], 1335888000000000.0);
    QCOMPARE(d.binEdges.back(), 1451520000000000.0);
    QCOMPARE(d.classes, (Names{"drizzle", "rain", "sun", "snow", "fog"}));
    QCOMPARE(d.classCounts[0], (Counts{6, 13, 11, 15, 0, 1, 0, 0, 0, 0, 6, 1}));
    QCOMPARE(d.classCounts[3], (Counts{16, 0, 5, 2, 0, 1, 1, 0, 1, 0, 0, 0}));
    QCOMPARE(d.classCounts[4], (Counts{0, 1, 4, 3, 6, 7, 4, 6, 18, 22, 9, 21}));
  }

  void boolsAndManyClasses() {
    // A bool feature against a numeric target is a box per value; a bool target gives two classes.
    lathe::data::Validity missing;
    missing.setMissing(5, 6);
    const Table table({Column::boolean("flag", {1, 0, 1, 0, 1, 1}, missing), Column::float64("x", {1, 2, 3, 4, kNaN, 6})});
    const FeatureTargetData boxes = relate(table, "flag", "x");
    QCOMPARE(boxes.kind, Kind::Boxes);
    QCOMPARE(boxes.boxes.boxes.size(), std::size_t{2});
    QCOMPARE(boxes.boxes.boxes[0].group, std::string("false"));
    QCOMPARE(boxes.boxes.boxes[0].median, 3.0);
    QCOMPARE(boxes.boxes.boxes[1].group, std::string("true"));
    QCOMPARE(boxes.boxes.boxes[1].count, std::uint64_t{2});  // rows 0 and 2: 4 has NaN, 5 a missing flag

    const FeatureTargetData histograms = relate(table, "x", "flag");
    QCOMPARE(histograms.kind, Kind::ClassHistograms);
    QCOMPARE(histograms.classes, (Names{"false", "true"}));
    std::uint64_t total = 0;
    for (const auto& counts : histograms.classCounts)
      for (auto c : counts) total += c;
    QCOMPARE(total, std::uint64_t{4});

    // 20 classes: the 12 most frequent shown, the other 8 pooled as "Other".
    std::vector<std::int32_t> classCodes;
    std::vector<double> values;
    std::vector<std::string> classNames;
    for (int k = 0; k < 20; ++k) {
      classNames.push_back("class " + std::to_string(k));
      for (int i = 0; i <= k; ++i) {
        classCodes.push_back(k);
        values.push_back(i);
      }
    }
    const Table wide({Column::float64("v", values), Column::categorical("c", classCodes, classNames),
                      Column::boolean("b", std::vector<std::uint8_t>(values.size(), 1))});
    const FeatureTargetData pooled = relate(wide, "v", "c");
    QCOMPARE(pooled.classes.size(), std::size_t{13});
    QCOMPARE(pooled.classes.front(), std::string("class 8"));
    QCOMPARE(pooled.classes.back(), std::string("Other"));
    std::uint64_t other = 0;
    for (auto c : pooled.classCounts.back()) other += c;
    QCOMPARE(other, std::uint64_t{36});  // 1 + 2 + ... + 8 rows of classes 0..7
    const FeatureTargetData shares = relate(wide, "b", "c");
    QCOMPARE(shares.kind, Kind::ClassShares);
    QCOMPARE(shares.levels, (Names{"true"}));
    QCOMPARE(shares.classCounts.back(), (Counts{36}));
  }

  void emptyAndAllMissingGiveEmptyResults() {
    const Table empty({Column::float64("x", {}), Column::categorical("c", {}, {"a", "b"}), Column::float64("y", {}),
                       Column::boolean("b", {})});
    const FeatureTargetData h = relate(empty, "x", "c");
    QCOMPARE(h.kind, Kind::ClassHistograms);
    QVERIFY(h.binEdges.empty() && h.classes.empty() && h.classCounts.empty());
    const FeatureTargetData s = relate(empty, "b", "c");
    QCOMPARE(s.kind, Kind::ClassShares);
    QVERIFY(s.levels.empty() && s.classes.empty() && s.classCounts.empty());
    QVERIFY(relate(empty, "c", "y").boxes.boxes.empty());
    QCOMPARE(relate(empty, "x", "y").scatter.totalPoints, std::uint64_t{0});

    lathe::data::Validity allMissing;
    for (std::size_t row = 0; row < 3; ++row) allMissing.setMissing(row, 3);
    const Table missing({Column::float64("x", {1, 2, 3}, allMissing), Column::categorical("c", {0, 1, 0}, {"a", "b"}),
                         Column::categorical("gone", {-1, -1, -1}, {"a"}, allMissing)});
    QVERIFY(relate(missing, "x", "c").classCounts.empty());
    QVERIFY(relate(missing, "c", "gone").classCounts.empty());
    QVERIFY(relate(missing, "gone", "x").boxes.boxes.empty());
  }

  void errorsNameTheColumn() {
    const Table table({Column::float64("x", {1}), Column::text("t", {0, 1}, "a"), Column::categorical("c", {0}, {"a"})});
    QCOMPARE(errorValue(table, "nope", "c"), std::string("nope"));
    QCOMPARE(errorValue(table, "x", "nope"), std::string("nope"));
    QCOMPARE(errorValue(table, "t", "c"), std::string("t"));
    QCOMPARE(errorValue(table, "x", "t"), std::string("t"));
    QCOMPARE(errorValue(table, "x", "x"), std::string("x"));
    QCOMPARE(errorValue(table, "c", "c"), std::string("c"));
    QCOMPARE(errorValue(table, "", "c"), std::string(""));
  }

  void honoursTheStopToken() {
    const std::size_t rows = 3'000'000;
    const Table table({Column::float64("x", std::vector<double>(rows, 1.0)),
                       Column::categorical("c", std::vector<std::int32_t>(rows, 0), {"a"})});
    std::stop_source stop;
    StoppingSink sink(stop, 0.0);
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled,
                             FeatureTargetData::of(table, "x", "c", lathe::jobs::JobContext(stop.get_token(), sink)));
  }
};

QTEST_APPLESS_MAIN(FeatureTargetDataTest)
#include "tst_FeatureTargetData.moc"
