// The Data view's filter: a formula evaluated over the table, handing back a row order.
#include <QtTest>
#include <numeric>
#include <stop_token>

#include "../wrangle/WrangleTestSupport.h"
#include "StoppingSink.h"
#include "engine/data/DataImporter.h"
#include "engine/data/Table.h"
#include "engine/expr/FilterTableJob.h"
#include "engine/expr/FormulaError.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"

using namespace lathe;
using wrangle_test::col;
using wrangle_test::penguins;

namespace {

std::shared_ptr<const data::Table> penguinTable() { return std::make_shared<const data::Table>(penguins()); }

std::vector<std::uint32_t> run(expr::FilterTableJob& job) {
  std::stop_source stop;
  jobs::NullProgressSink sink;
  jobs::JobContext context(stop.get_token(), sink);
  job.run(context);
  return *job.result();
}

}  // namespace

class tst_FilterTableJob : public QObject {
  Q_OBJECT
 private slots:
  void keepsTheRowsWhereTheFormulaIsTrue() {
    expr::FilterTableJob job(penguinTable(), expr::Formula::parse(R"(Species == "Adelie")"));
    const auto rows = run(job);
    QCOMPARE(rows.size(), std::size_t{152});  // pandas: (df.Species == "Adelie").sum()
    const auto& species = col(penguins(), "Species");
    for (auto row : rows) QCOMPARE(species.displayText(row), std::string("Adelie"));
    QVERIFY(std::is_sorted(rows.begin(), rows.end()));
    QCOMPARE(job.view().rowCount(), std::size_t{152});
  }

  void missingResultsDropTheRow() {
    // Two rows have no beak length: the comparison is missing there, and missing is not true.
    expr::FilterTableJob job(penguinTable(), expr::Formula::parse("[Beak Length (mm)] > 45"));
    QCOMPARE(run(job).size(), std::size_t{165});  // pandas: (df["Beak Length (mm)"] > 45).sum()
    expr::FilterTableJob missing(penguinTable(), expr::Formula::parse("is_missing([Beak Length (mm)])"));
    QCOMPARE(run(missing), (std::vector<std::uint32_t>{3, 339}));
  }

  void keepsTheGivenRowOrder() {
    std::vector<std::uint32_t> reversed(penguins().rowCount());
    std::iota(reversed.rbegin(), reversed.rend(), 0u);
    auto order = std::make_shared<const std::vector<std::uint32_t>>(reversed);
    expr::FilterTableJob job(penguinTable(), expr::Formula::parse(R"(Species == "Adelie")"), order);
    const auto rows = run(job);
    QCOMPARE(rows.size(), std::size_t{152});
    QVERIFY(std::is_sorted(rows.rbegin(), rows.rend()));
  }

  void refusesAFormulaThatIsNotTrueOrFalse() {
    try {
      expr::FilterTableJob job(penguinTable(), expr::Formula::parse("[Body Mass (g)] / 1000"));
      QFAIL("a number formula was accepted as a filter");
    } catch (const expr::FormulaError& e) {
      QVERIFY(std::string(e.what()).find("true/false") != std::string::npos);
    }
  }

  void namesTheUnknownColumnAndItsPosition() {
    try {
      expr::FilterTableJob job(penguinTable(), expr::Formula::parse("[Body Mass (g)] > 1 and [Wing] > 2"));
      QFAIL("an unknown column was accepted");
    } catch (const expr::FormulaError& e) {
      QVERIFY(std::string(e.what()).find("Wing") != std::string::npos);
      QCOMPARE(e.position(), std::size_t{25});
    }
  }

  void stopsWhenAsked() {
    std::vector<double> values(3'000'000);
    std::iota(values.begin(), values.end(), 0.0);
    auto table = std::make_shared<const data::Table>(
        std::vector<std::shared_ptr<const data::Column>>{data::Column::float64("x", std::move(values))});
    expr::FilterTableJob job(table, expr::Formula::parse("x > 10"));
    std::stop_source stop;
    StoppingSink sink(stop, 0.5);
    jobs::JobContext context(stop.get_token(), sink);
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, job.run(context));
    QVERIFY(!job.result());
  }

  void refusesANullTable() {
    const auto make = [] { expr::FilterTableJob job(nullptr, expr::Formula::parse("true")); };
    QVERIFY_THROWS_EXCEPTION(Error, make());
  }
};

QTEST_APPLESS_MAIN(tst_FilterTableJob)
#include "tst_FilterTableJob.moc"
