// Column steps on penguins.csv: select, drop, rename, reorder, change type. Expected values were
// computed once with pandas 1.5.3 (/usr/bin/python3) on the same file, as the comments say.
#include <QtTest>

#include "WrangleTestSupport.h"
#include "engine/core/Error.h"
#include "engine/wrangle/ChangeTypeStep.h"
#include "engine/wrangle/DropColumnsStep.h"
#include "engine/wrangle/RenameColumnsStep.h"
#include "engine/wrangle/ReorderColumnsStep.h"
#include "engine/wrangle/SelectColumnsStep.h"

using lathe::Error;
using lathe::ErrorCode;
using lathe::data::Column;
using lathe::data::ColumnType;
using lathe::data::Table;
using namespace lathe::wrangle;
using namespace wrangle_test;

class tst_ColumnSteps : public QObject {
  Q_OBJECT

 private slots:
  void selectKeepsListedColumnsSharingThem() {
    const Table& t = penguins();
    QCOMPARE(t.rowCount(), std::size_t(344));
    const Table out = SelectColumnsStep({"Sex", "Species"}).apply(t, nullptr);
    QCOMPARE(names(out), (std::vector<std::string>{"Sex", "Species"}));
    QCOMPARE(out.rowCount(), std::size_t(344));
    QVERIFY(out.columnPtr(1).get() == t.columnPtr(*t.indexOf("Species")).get());  // shared, not copied
  }

  void dropRemovesListedColumns() {
    const Table& t = penguins();
    const Table out = DropColumnsStep({"Island", "Sex"}).apply(t, nullptr);
    QCOMPARE(names(out), (std::vector<std::string>{"Species", "Beak Length (mm)", "Beak Depth (mm)",
                                                   "Flipper Length (mm)", "Body Mass (g)"}));
    QVERIFY(out.columnPtr(0).get() == t.columnPtr(0).get());
  }

  void renameKeepsPlaceAndValuesAndSwaps() {
    const Table& t = penguins();
    const Table out = RenameColumnsStep({{"Species", "종"}, {"Island", "Species"}}).apply(t, nullptr);
    QCOMPARE(out.column(0).name(), std::string("종"));
    QCOMPARE(out.column(1).name(), std::string("Species"));
    QCOMPARE(out.column(0).displayText(0), std::string("Adelie"));
    QCOMPARE(out.column(1).displayText(0), std::string("Torgersen"));
    QVERIFY(out.columnPtr(2).get() == t.columnPtr(2).get());
    // Two columns of one name is an error naming the name.
    try {
      RenameColumnsStep(std::map<std::string, std::string>{{"Species", "Island"}}).apply(t, nullptr);
      QFAIL("duplicate name accepted");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::InvalidArgument);
      QVERIFY(std::string(e.what()).find("'Island'") != std::string::npos);
    }
  }

  void reorderPutsListedFirst() {
    const Table out = ReorderColumnsStep({"Sex", "Body Mass (g)"}).apply(penguins(), nullptr);
    QCOMPARE(names(out), (std::vector<std::string>{"Sex", "Body Mass (g)", "Species", "Island", "Beak Length (mm)",
                                                   "Beak Depth (mm)", "Flipper Length (mm)"}));
  }

  void missingColumnIsAnErrorNamingStepAndColumn() {
    const auto expectError = [](const RecipeStep& step, const char* kind) {
      try {
        step.apply(penguins(), nullptr);
        QFAIL("missing column accepted");
      } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        QVERIFY2(std::string(e.what()).find(kind) != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find("'Wingspan'") != std::string::npos, e.what());
        QCOMPARE(e.value(), std::string("Wingspan"));
      }
    };
    expectError(SelectColumnsStep({"Wingspan"}), "select_columns");
    expectError(DropColumnsStep({"Wingspan"}), "drop_columns");
    expectError(RenameColumnsStep(std::map<std::string, std::string>{{"Wingspan", "x"}}), "rename_columns");
    expectError(ReorderColumnsStep({"Wingspan"}), "reorder_columns");
    expectError(ChangeTypeStep({"Wingspan"}, ColumnType::Int64), "change_type");
  }

  void changeFloatToInt64CountsWhatDidNotConvert() {
    ChangeTypeStep step({"Beak Length (mm)", "Flipper Length (mm)"}, ColumnType::Int64);
    const Table out = step.apply(penguins(), nullptr);
    const Column& beak = col(out, "Beak Length (mm)");
    const Column& flipper = col(out, "Flipper Length (mm)");
    QCOMPARE(beak.type(), ColumnType::Int64);
    // pandas: 34 beak lengths are whole numbers, 308 are not, 2 missing.
    QCOMPARE(beak.size() - beak.missingCount(), std::size_t(34));
    QCOMPARE(step.failedCounts().at(0).second, std::size_t(308));
    QCOMPARE(step.warnings().size(), std::size_t(1));  // flippers all convert
    QVERIFY2(step.warnings()[0].find("308") != std::string::npos, step.warnings()[0].c_str());
    QVERIFY2(step.warnings()[0].find("row 1") != std::string::npos, step.warnings()[0].c_str());  // pandas: first at index 0
    // pandas: all 342 flipper lengths are whole, summing to 68713.
    QCOMPARE(flipper.missingCount(), std::size_t(2));
    QCOMPARE(sumPresent(flipper), 68713.0);
    QVERIFY(step.failedCounts().at(1).second == 0);
  }

  void changeTextToNumbersDatesBoolsAndBack() {
    const Table t({textColumn("v", {"12", " 7 ", "abc", "NA", "", "3.0", "1e400", "99999999999999999999"},
                              {false, false, false, false, false, false, false, false})});
    ChangeTypeStep toInt({"v"}, ColumnType::Int64);
    const Table ints = toInt.apply(t, nullptr);
    const Column& i = ints.column(0);
    QCOMPARE(i.int64Values()[0], std::int64_t(12));
    QCOMPARE(i.int64Values()[1], std::int64_t(7));
    QCOMPARE(i.int64Values()[5], std::int64_t(3));
    QVERIFY(!i.isValid(2) && !i.isValid(3) && !i.isValid(4) && !i.isValid(6) && !i.isValid(7));
    // "abc", inf and a number past int64 failed; "NA" and "" were missing tokens, not failures.
    QCOMPARE(toInt.failedCounts().at(0).second, std::size_t(3));
    QVERIFY(toInt.warnings().at(0).find("row 3: 'abc'") != std::string::npos);

    const Table dates({textColumn("d", {"2024-02-29", "2023-02-29", "2024-03-01T12:30:00Z"})});
    ChangeTypeStep toDate({"d"}, ColumnType::Datetime);
    const Table dateOut = toDate.apply(dates, nullptr);
    const Column& d = dateOut.column(0);
    QCOMPARE(d.displayText(0), std::string("2024-02-29"));
    QVERIFY(!d.isValid(1));  // 29 February in a non-leap year
    QCOMPARE(d.displayText(2), std::string("2024-03-01T12:30:00"));
    QCOMPARE(toDate.failedCounts().at(0).second, std::size_t(1));

    const Table flags({Column::float64("f", {0.0, 1.0, 2.0})});
    ChangeTypeStep toBool({"f"}, ColumnType::Bool);
    const Table boolOut = toBool.apply(flags, nullptr);
    const Column& b = boolOut.column(0);
    QCOMPARE(int(b.boolValues()[1]), 1);
    QVERIFY(!b.isValid(2));

    // Categorical to text and text to categorical keep every value.
    const Table text = ChangeTypeStep({"Island"}, ColumnType::Text).apply(penguins(), nullptr);
    QCOMPARE(col(text, "Island").type(), ColumnType::Text);
    QCOMPARE(col(text, "Island").displayText(343), col(penguins(), "Island").displayText(343));
    const Table back = ChangeTypeStep({"Island"}, ColumnType::Categorical).apply(text, nullptr);
    // pandas: unique() in order of appearance is Torgersen, Biscoe, Dream.
    QCOMPARE(col(back, "Island").levels(), (std::vector<std::string>{"Torgersen", "Biscoe", "Dream"}));
  }

  void sameTypeSharesTheColumn() {
    const Table out = ChangeTypeStep({"Body Mass (g)"}, ColumnType::Float64).apply(penguins(), nullptr);
    QVERIFY(col(out, "Body Mass (g)").float64Values().data() == col(penguins(), "Body Mass (g)").float64Values().data());
  }

  void badParametersNameTheKindAndParameter() {
    try {
      ChangeTypeStep::fromParameters({{"columns", {"a"}}, {"type", "complex"}});
      QFAIL("bad type accepted");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Parse);
      QVERIFY2(std::string(e.what()).find("change_type: parameter 'type'") != std::string::npos, e.what());
    }
    QVERIFY_THROWS_EXCEPTION(Error, SelectColumnsStep::fromParameters({{"columns", nlohmann::json::array()}}));
    QVERIFY_THROWS_EXCEPTION(Error, SelectColumnsStep::fromParameters({{"columns", {"a", "a"}}}));
    QVERIFY_THROWS_EXCEPTION(Error, DropColumnsStep::fromParameters(nlohmann::json::array()));
    QVERIFY_THROWS_EXCEPTION(Error, RenameColumnsStep::fromParameters({{"renames", {{"a", 3}}}}));
    QVERIFY_THROWS_EXCEPTION(Error, ReorderColumnsStep::fromParameters({{"columns", {1, 2}}}));
  }
};

QTEST_APPLESS_MAIN(tst_ColumnSteps)
#include "tst_ColumnSteps.moc"
