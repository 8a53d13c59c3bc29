// Row steps on penguins.csv: drop duplicates, random and stratified samples, and the row gather
// they share (engine/data/ColumnGather.h). Expected rows were computed once with pandas 1.5.3
// (/usr/bin/python3): drop_duplicates(subset).index on the same file.
#include <QtTest>
#include <algorithm>
#include <map>

#include "WrangleTestSupport.h"
#include "engine/core/Error.h"
#include "engine/data/ColumnGather.h"
#include "engine/wrangle/DropDuplicatesStep.h"
#include "engine/wrangle/SampleRowsStep.h"
#include "engine/wrangle/StratifiedSampleStep.h"

using lathe::Error;
using lathe::data::Column;
using lathe::data::Table;
using namespace lathe::wrangle;
using namespace wrangle_test;

namespace {

// Every row of `part` as text, to find it in the whole table.
std::string rowKey(const Table& table, std::size_t row) {
  std::string key;
  for (const auto& column : table.columns()) key += (column->isValid(row) ? column->displayText(row) : "<NA>") + "|";
  return key;
}

std::map<std::string, std::size_t> counts(const Column& column) {
  std::map<std::string, std::size_t> out;
  for (std::size_t row = 0; row < column.size(); ++row) ++out[column.displayText(row)];
  return out;
}

}  // namespace

class tst_RowSteps : public QObject {
  Q_OBJECT

 private slots:
  void gatherCopiesRowsOfEveryType() {
    lathe::data::Validity v;
    v.setMissing(1, 3);
    const Table t({Column::float64("f", {1.5, 0, 3.5}, v), textColumn("t", {"가", "", "ccc"}, {false, true, false}),
                   Column::categorical("c", {0, 1, 0}, {"a", "b"}), Column::int64("i", {7, 8, 9}),
                   Column::boolean("b", {1, 0, 1}), Column::datetime("d", {0, 86400000000, 1})});
    const std::vector<std::size_t> rows{2, 1, 2, 0};
    const Table g = lathe::data::gatherTable(t, rows);
    QCOMPARE(g.rowCount(), std::size_t(4));
    for (std::size_t i = 0; i < rows.size(); ++i) QCOMPARE(rowKey(g, i), rowKey(t, rows[i]));
    QCOMPARE(g.column(0).missingCount(), std::size_t(1));
    QCOMPARE(g.column(2).levels(), t.column(2).levels());
    const std::vector<std::size_t> bad{3};
    QVERIFY_THROWS_EXCEPTION(Error, lathe::data::gatherColumn(t.column(0), bad));
    QCOMPARE(lathe::data::gatherTable(t, {}).rowCount(), std::size_t(0));
  }

  void dropDuplicatesKeepsTheFirstLikePandas() {
    const Table& t = penguins();
    const Table all = DropDuplicatesStep().apply(t, nullptr);
    QCOMPARE(all.rowCount(), std::size_t(344));  // pandas: no duplicate rows
    QVERIFY(all.columnPtr(0).get() == t.columnPtr(0).get());  // nothing dropped: shared
    const Table byPlace = DropDuplicatesStep({"Species", "Island"}).apply(t, nullptr);
    // pandas: rows 0, 20, 30, 152, 220
    const std::vector<std::size_t> expected{0, 20, 30, 152, 220};
    QCOMPARE(byPlace.rowCount(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) QCOMPARE(rowKey(byPlace, i), rowKey(t, expected[i]));
    // pandas: Sex alone keeps rows 0, 1, 3 (missing) and 336 (".").
    const Table bySex = DropDuplicatesStep({"Sex"}).apply(t, nullptr);
    QCOMPARE(bySex.rowCount(), std::size_t(4));
    QCOMPARE(rowKey(bySex, 2), rowKey(t, 3));
    QCOMPARE(rowKey(bySex, 3), rowKey(t, 336));
  }

  void duplicatesCompareMissingNaNAndSignedZero() {
    lathe::data::Validity v;
    v.setMissing(1, 6);
    v.setMissing(4, 6);
    const double nan = std::nan("");
    const Table t({Column::float64("x", {nan, 0, nan, 0.0, 0, -0.0}, v), textColumn("s", {"a", "b", "a", "c", "b", "c"})});
    const Table out = DropDuplicatesStep().apply(t, nullptr);
    // (NaN,a) twice, (missing,b) twice, (0,c) and (-0,c) equal: 3 rows left, the first of each.
    QCOMPARE(out.rowCount(), std::size_t(3));
    QCOMPARE(out.column(1).displayText(2), std::string("c"));
    QVERIFY_THROWS_EXCEPTION(Error, DropDuplicatesStep({"Wingspan"}).apply(t, nullptr));
  }

  void randomSampleIsRepeatableAndASubset() {
    const Table& t = penguins();
    auto step = SampleRowsStep::fromParameters({{"rows", 50}, {"seed", 42}});
    const Table a = step->apply(t, nullptr), b = step->apply(t, nullptr);
    QCOMPARE(a.rowCount(), std::size_t(50));
    for (std::size_t row = 0; row < a.rowCount(); ++row) QCOMPARE(rowKey(a, row), rowKey(b, row));
    std::map<std::string, std::size_t> whole;
    for (std::size_t row = 0; row < t.rowCount(); ++row) whole[rowKey(t, row)] = row;
    std::size_t last = 0;
    for (std::size_t row = 0; row < a.rowCount(); ++row) {
      QVERIFY(whole.contains(rowKey(a, row)));
      if (row > 0) QVERIFY(whole[rowKey(a, row)] > last);  // table order kept
      last = whole[rowKey(a, row)];
    }
    const Table other = SampleRowsStep::fromParameters({{"rows", 50}, {"seed", 43}})->apply(t, nullptr);
    bool differs = false;
    for (std::size_t row = 0; row < 50; ++row) differs |= rowKey(other, row) != rowKey(a, row);
    QVERIFY(differs);
    QCOMPARE(SampleRowsStep::fromParameters({{"fraction", 0.25}})->apply(t, nullptr).rowCount(), std::size_t(86));
    QCOMPARE(SampleRowsStep::fromParameters({{"rows", 10000}})->apply(t, nullptr).rowCount(), std::size_t(344));
    QVERIFY(!step->keepsRows());
  }

  void stratifiedSampleKeepsClassShares() {
    const Table& t = penguins();
    const Table half = StratifiedSampleStep::fromParameters({{"column", "Species"}, {"fraction", 0.5}, {"seed", 1}})
                           ->apply(t, nullptr);
    // pandas value_counts: Adelie 152, Gentoo 124, Chinstrap 68 -> half of each.
    const auto c = counts(col(half, "Species"));
    QCOMPARE(c.at("Adelie"), std::size_t(76));
    QCOMPARE(c.at("Gentoo"), std::size_t(62));
    QCOMPARE(c.at("Chinstrap"), std::size_t(34));
    // 100 rows: 44.19 / 36.05 / 19.77 -> 44, 36, 20 by largest remainder.
    const Table hundred = StratifiedSampleStep::fromParameters({{"column", "Species"}, {"rows", 100}, {"seed", 1}})
                              ->apply(t, nullptr);
    const auto h = counts(col(hundred, "Species"));
    QCOMPARE(h.at("Adelie") + h.at("Gentoo") + h.at("Chinstrap"), std::size_t(100));
    QCOMPARE(h.at("Chinstrap"), std::size_t(20));
    // Missing Sex is a class of its own: 10 of 344 rows, so 5 in a half.
    const Table bySex = StratifiedSampleStep::fromParameters({{"column", "Sex"}, {"fraction", 0.5}})->apply(t, nullptr);
    QCOMPARE(col(bySex, "Sex").missingCount(), std::size_t(5));
  }

  void badSampleParametersAreParseErrors() {
    for (const auto& p : {nlohmann::json{{"rows", -1}}, nlohmann::json{{"fraction", 0}}, nlohmann::json{{"fraction", 1.5}},
                          nlohmann::json{{"rows", 5}, {"fraction", 0.5}}, nlohmann::json::object(),
                          nlohmann::json{{"rows", 5}, {"seed", "x"}}}) {
      try {
        SampleRowsStep::fromParameters(p);
        QFAIL(qPrintable(QString::fromStdString("accepted " + p.dump())));
      } catch (const Error& e) {
        QCOMPARE(e.code(), lathe::ErrorCode::Parse);
        QVERIFY(std::string(e.what()).starts_with("sample_rows: parameter"));
      }
    }
    QVERIFY_THROWS_EXCEPTION(Error, StratifiedSampleStep::fromParameters({{"fraction", 0.5}}));
    QVERIFY_THROWS_EXCEPTION(Error, StratifiedSampleStep::fromParameters({{"column", "Wingspan"}, {"fraction", 0.5}})
                                        ->apply(penguins(), nullptr));
  }
};

QTEST_APPLESS_MAIN(tst_RowSteps)
#include "tst_RowSteps.moc"
