#include <QtTest>
#include <cmath>
#include <numeric>

#include "StoppingSink.h"
#include "engine/data/ColumnSketch.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobCancelled.h"
#include "TestPaths.h"

using lathe::data::Column;
using lathe::data::ColumnSketch;
using Counts = std::vector<std::uint64_t>;

namespace {

ColumnSketch sketch(const Column& column, std::size_t bins = ColumnSketch::kDefaultBins, std::size_t levels = 8) {
  std::stop_source stop;
  lathe::jobs::NullProgressSink sink;
  return ColumnSketch::of(column, lathe::jobs::JobContext(stop.get_token(), sink), bins, levels);
}
std::uint64_t total(const ColumnSketch& s) { return std::accumulate(s.counts.begin(), s.counts.end(), std::uint64_t{0}); }

}  // namespace

class ColumnSketchTest : public QObject {
  Q_OBJECT

 private slots:
  void numbersFallInEqualWidthBins() {
    // 0..9 in 5 bins of width 1.8: [0,1.8) [1.8,3.6) [3.6,5.4) [5.4,7.2) [7.2,9], as numpy.histogram.
    std::vector<double> values(10);
    std::iota(values.begin(), values.end(), 0.0);
    const auto s = sketch(*Column::float64("x", values), 5);
    QVERIFY(s.isHistogram());
    QCOMPARE(s.counts, (Counts{2, 2, 2, 2, 2}));
    QCOMPARE(s.low, 0.0);
    QCOMPARE(s.high, 9.0);
    QCOMPARE(s.largestCount(), std::uint64_t{2});
  }

  void missingNaNAndInfinitiesAreCountedApart() {
    lathe::data::Validity validity;
    validity.setMissing(0, 6);
    const auto s = sketch(*Column::float64("x", {5, NAN, INFINITY, 1, 3, -INFINITY}, validity), 2);
    QCOMPARE(s.rows, std::uint64_t{6});
    QCOMPARE(s.missing, std::uint64_t{2});
    QCOMPARE(s.otherCount, std::uint64_t{2});
    QCOMPARE(s.counts, (Counts{1, 1}));  // 1 | 3 (the last bin holds the high edge)
  }

  void degenerateColumns() {
    QVERIFY(sketch(*Column::float64("empty", {})).counts.empty());
    const auto constant = sketch(*Column::int64("c", {4, 4, 4}));
    QCOMPARE(constant.counts, (Counts{3}));
    lathe::data::Validity all;
    for (std::size_t r = 0; r < 3; ++r) all.setMissing(r, 3);
    const auto missing = sketch(*Column::float64("m", {1, 2, 3}, all));
    QVERIFY(missing.counts.empty());
    QCOMPARE(missing.missing, std::uint64_t{3});
    QCOMPARE(missing.largestCount(), std::uint64_t{0});
    // Extremes of double's range: the width would overflow without halving.
    const auto wide = sketch(*Column::float64("w", {-1.7e308, 1.7e308, 0}), 4);
    QCOMPARE(wide.counts, (Counts{1, 0, 1, 1}));
    const auto huge = sketch(*Column::int64("i", {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}), 0);
    QCOMPARE(huge.counts, (Counts{2}));  // bins clamped to at least 1
    QVERIFY(sketch(*Column::text("t", {0, 1}, "a")).counts.empty());
  }

  void levelsMostFrequentFirst() {
    lathe::data::Validity validity;
    validity.setMissing(6, 7);
    const auto s = sketch(*Column::categorical("c", {2, 0, 2, 1, 1, 3, -1}, {"a", "b", "c", "d"}, validity), 8, 2);
    QVERIFY(!s.isHistogram());
    QCOMPARE(s.labels, (std::vector<std::string>{"b", "c"}));  // tie on 2: the level listed first
    QCOMPARE(s.counts, (Counts{2, 2}));
    QCOMPARE(s.otherCount, std::uint64_t{2});
    QCOMPARE(s.missing, std::uint64_t{1});
    const auto b = sketch(*Column::boolean("b", {1, 1, 0}));
    QCOMPARE(b.labels, (std::vector<std::string>{"true", "false"}));
    QCOMPARE(b.counts, (Counts{2, 1}));
  }

  void penguinsAndFlights() {
    std::stop_source stop;
    lathe::jobs::NullProgressSink sink;
    lathe::data::ImportRequest request;
    request.path = std::string(LATHE_DATASETS_DIR) + "/penguins.csv";
    const auto penguins = lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink)).table;
    // pandas value_counts(): Adelie 152, Gentoo 124, Chinstrap 68.
    const auto species = sketch(penguins.column(*penguins.indexOf("Species")));
    QCOMPARE(species.labels, (std::vector<std::string>{"Adelie", "Gentoo", "Chinstrap"}));
    QCOMPARE(species.counts, (Counts{152, 124, 68}));
    const auto mass = sketch(penguins.column(*penguins.indexOf("Body Mass (g)")));
    QCOMPARE(mass.missing, std::uint64_t{2});
    QCOMPARE(total(mass), std::uint64_t{342});
    QCOMPARE(mass.low, 2700.0);
    QCOMPARE(mass.high, 6300.0);
    // numpy.histogram(df["Body Mass (g)"].dropna(), bins=16)[0], computed once with /usr/bin/python3.
    QCOMPARE(mass.counts, (Counts{7, 10, 33, 40, 51, 29, 28, 26, 25, 23, 17, 14, 19, 11, 8, 1}));

    request.path = std::string(LATHE_DATASETS_DIR) + "/flights-200k.csv";
    const auto flights = lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink)).table;
    const auto delay = sketch(flights.column(0));
    QCOMPARE(total(delay), std::uint64_t{200000});
    // numpy.histogram(df["delay"], bins=16)[0], as above.
    QCOMPARE(delay.counts, (Counts{142052, 54217, 3124, 463, 98, 29, 6, 2, 2, 2, 1, 0, 0, 0, 2, 2}));
  }

  void cancels() {
    std::stop_source stop;
    StoppingSink sink(stop, 0.0);
    stop.request_stop();
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled,
                             ColumnSketch::of(*Column::float64("x", std::vector<double>(3'000'000, 1.0)),
                                              lathe::jobs::JobContext(stop.get_token(), sink)));
  }
};

QTEST_APPLESS_MAIN(ColumnSketchTest)
#include "tst_ColumnSketch.moc"
