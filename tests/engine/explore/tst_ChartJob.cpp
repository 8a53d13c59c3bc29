#include <QtTest>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include "../DatasetFiles.h"
#include "StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/explore/ChartJob.h"
#include "engine/jobs/JobCancelled.h"

using lathe::data::Column;
using lathe::data::Table;
using lathe::explore::ChartJob;
using lathe::explore::ChartKind;
using lathe::explore::ChartRequest;

namespace {

std::shared_ptr<const Table> penguins() {
  static const auto table = std::make_shared<const Table>(importDataset("penguins.csv"));
  return table;
}

ChartRequest request(ChartKind kind, std::string column = {}, std::string second = {}, std::string group = {}) {
  return ChartRequest{kind, std::move(column), std::move(second), std::move(group)};
}

// Runs the job as the GUI's JobManager does, on a context of its own.
void run(ChartJob& job) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::jobs::JobContext context(stop.get_token(), sink);
  job.run(context);
}

// How many of the five results are set.
int results(const ChartJob& job) {
  return job.histogram().has_value() + job.boxPlot().has_value() + job.scatter().has_value() +
         job.correlation().has_value() + job.featureTarget().has_value();
}

std::string failure(std::shared_ptr<const Table> table, const ChartRequest& r) {
  ChartJob job(std::move(table), r);
  try {
    run(job);
  } catch (const lathe::Error& e) {
    if (e.code() != lathe::ErrorCode::InvalidArgument) return "wrong code";
    if (results(job) != 0) return "result left behind";
    return e.value();
  }
  return "no error";
}

}  // namespace

class ChartJobTest : public QObject {
  Q_OBJECT

 private slots:
  void eachKindSetsItsResult() {
    ChartJob histogram(penguins(), request(ChartKind::Histogram, "Body Mass (g)"));
    QCOMPARE(histogram.name(), std::string("Histogram: Body Mass (g)"));
    run(histogram);
    QCOMPARE(results(histogram), 1);
    QVERIFY(histogram.histogram());
    // pandas: 342 present masses, 2 missing; numpy 'auto' over them gives the profile's bins.
    QCOMPARE(histogram.histogram()->count, std::uint64_t{342});
    QCOMPARE(histogram.histogram()->missing, std::uint64_t{2});
    QVERIFY(!histogram.histogram()->histogram.empty());
    ChartJob categories(penguins(), request(ChartKind::Histogram, "Species"));
    run(categories);
    QCOMPARE(categories.histogram()->topCategories.front().value, std::string("Adelie"));  // 152 rows

    ChartJob box(penguins(), request(ChartKind::BoxPlot, "Body Mass (g)", {}, "Species"));
    QCOMPARE(box.name(), std::string("Box plot: Body Mass (g) by Species"));
    run(box);
    QCOMPARE(results(box), 1);
    QCOMPARE(box.boxPlot()->boxes.size(), std::size_t{3});
    QCOMPARE(box.boxPlot()->boxes[1].q1, 3487.5);  // Chinstrap, pandas groupby().quantile(0.25)

    ChartJob scatter(penguins(), request(ChartKind::Scatter, "Flipper Length (mm)", "Body Mass (g)", "Island"));
    QCOMPARE(scatter.name(), std::string("Scatter: Body Mass (g) against Flipper Length (mm)"));
    run(scatter);
    QCOMPARE(results(scatter), 1);
    QCOMPARE(scatter.scatter()->totalPoints, std::uint64_t{342});
    QCOMPARE(scatter.scatter()->categoryNames, (std::vector<std::string>{"Torgersen", "Biscoe", "Dream"}));

    ChartJob correlation(penguins(), request(ChartKind::Correlation));
    QCOMPARE(correlation.name(), std::string("Correlation matrix"));
    run(correlation);
    QCOMPARE(results(correlation), 1);
    QCOMPARE(correlation.correlation()->columns.size(), std::size_t{4});
    QVERIFY(std::abs(correlation.correlation()->at(2, 3) - 0.871201767306011) < 1e-9);  // pandas corr()

    ChartJob feature(penguins(), request(ChartKind::FeatureTarget, "Island", "Species"));
    QCOMPARE(feature.name(), std::string("Feature vs target: Island against Species"));
    run(feature);
    QCOMPARE(results(feature), 1);
    QCOMPARE(feature.featureTarget()->kind, lathe::explore::FeatureTargetData::Kind::ClassShares);

    QCOMPARE(feature.table(), penguins());
    QCOMPARE(feature.request().column, std::string("Island"));
  }

  void describesTheRequest() {
    QCOMPARE(request(ChartKind::Histogram, "a").describe(), std::string("histogram of 'a'"));
    QCOMPARE(request(ChartKind::BoxPlot, "a").describe(), std::string("box plot of 'a'"));
    QCOMPARE(request(ChartKind::BoxPlot, "a", {}, "g").describe(), std::string("box plot of 'a' by 'g'"));
    QCOMPARE(request(ChartKind::Scatter, "x", "y").describe(), std::string("scatter plot of 'y' against 'x'"));
    QCOMPARE(request(ChartKind::Scatter, "x", "y", "c").describe(),
             std::string("scatter plot of 'y' against 'x', coloured by 'c'"));
    QCOMPARE(request(ChartKind::Correlation).describe(), std::string("correlation matrix of the numeric columns"));
    QCOMPARE(request(ChartKind::FeatureTarget, "f", "t").describe(), std::string("feature 'f' against target 't'"));
  }

  void badColumnsAreInvalidArguments() {
    QCOMPARE(failure(penguins(), request(ChartKind::Histogram, "Weight")), std::string("Weight"));
    QCOMPARE(failure(penguins(), request(ChartKind::BoxPlot, "Species")), std::string("Species"));
    QCOMPARE(failure(penguins(), request(ChartKind::BoxPlot, "Body Mass (g)", {}, "Beak Depth (mm)")),
             std::string("Beak Depth (mm)"));
    QCOMPARE(failure(penguins(), request(ChartKind::Scatter, "Island", "Body Mass (g)")), std::string("Island"));
    QCOMPARE(failure(penguins(), request(ChartKind::FeatureTarget, "Island", "Island")), std::string("Island"));
    QCOMPARE(failure(penguins(), request(ChartKind::FeatureTarget, "Island", "")), std::string(""));
    const auto withText = std::make_shared<const Table>(Table({Column::text("note", {0, 2}, "hi")}));
    QCOMPARE(failure(withText, request(ChartKind::Histogram, "note")), std::string("note"));
    QCOMPARE(failure(nullptr, request(ChartKind::Correlation)), std::string(""));

    // A rerun that stops early leaves no result of the earlier run behind.
    ChartJob job(penguins(), request(ChartKind::Histogram, "Body Mass (g)"));
    run(job);
    QVERIFY(job.histogram());
    std::stop_source stop;
    StoppingSink sink(stop, 0.0);
    lathe::jobs::JobContext context(stop.get_token(), sink);
    stop.request_stop();
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, job.run(context));
    QCOMPARE(results(job), 0);
  }

  void unicodeColumnNames() {
    // Korean names pass through untouched, in results and in errors.
    const auto table = std::make_shared<const Table>(
        Table({Column::float64("몸무게", {3.5, 4.0, 5.5}), Column::categorical("종", {0, 1, 0}, {"아델리", "젠투"})}));
    ChartJob box(table, request(ChartKind::BoxPlot, "몸무게", {}, "종"));
    run(box);
    QCOMPARE(box.boxPlot()->boxes[1].group, std::string("젠투"));
    QCOMPARE(box.name(), std::string("Box plot: 몸무게 by 종"));
    QCOMPARE(failure(table, request(ChartKind::Scatter, "몸무게", "키")), std::string("키"));
  }

  void emptyTableGivesEmptyCharts() {
    const auto empty = std::make_shared<const Table>(
        Table({Column::float64("x", {}), Column::float64("y", {}), Column::categorical("c", {}, {"a"})}));
    for (const ChartRequest& r : {request(ChartKind::Histogram, "x"), request(ChartKind::BoxPlot, "x", {}, "c"),
                                  request(ChartKind::Scatter, "x", "y", "c"), request(ChartKind::Correlation),
                                  request(ChartKind::FeatureTarget, "x", "c")}) {
      ChartJob job(empty, r);
      run(job);
      QCOMPARE(results(job), 1);
    }
    ChartJob histogram(empty, request(ChartKind::Histogram, "x"));
    run(histogram);
    QVERIFY(histogram.histogram()->histogram.empty());
  }

  void cancelsHalfway() {
    // A 3-million-row scatter, stopped once it reports 30% of its progress (after its second chunk).
    constexpr std::size_t kRows = 3'000'000;
    std::vector<double> x(kRows);
    for (std::size_t i = 0; i < kRows; ++i) x[i] = static_cast<double>(i % 1000);
    const auto table = std::make_shared<const Table>(Table({Column::float64("x", x), Column::float64("y", x)}));
    ChartJob job(table, request(ChartKind::Scatter, "x", "y"));
    std::stop_source stop;
    StoppingSink sink(stop, 0.3);
    lathe::jobs::JobContext context(stop.get_token(), sink);
    QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, job.run(context));
    QVERIFY(!job.scatter());
    QVERIFY(sink.fractions.back() >= 0.3);
    QVERIFY(sink.fractions.back() < 1.0);
  }
};

QTEST_APPLESS_MAIN(ChartJobTest)
#include "tst_ChartJob.moc"
