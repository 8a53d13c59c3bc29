// Formula steps on penguins.csv: a derived column and a row filter. Expected values were
// computed once with pandas 1.5.3 (/usr/bin/python3) on the same file.
#include <QtTest>

#include "WrangleTestSupport.h"
#include "engine/core/Error.h"
#include "engine/wrangle/DerivedColumnStep.h"
#include "engine/wrangle/FilterRowsStep.h"

using lathe::Error;
using lathe::ErrorCode;
using lathe::data::ColumnType;
using lathe::data::Table;
using namespace lathe::wrangle;
using namespace wrangle_test;

class tst_FormulaSteps : public QObject {
  Q_OBJECT

 private slots:
  void derivedColumnIsAppendedOrReplaced() {
    auto step = DerivedColumnStep::fromParameters({{"name", "kg"}, {"formula", "[Body Mass (g)] / 1000"}});
    const Table out = step->apply(penguins(), nullptr);
    QCOMPARE(out.columnCount(), penguins().columnCount() + 1);
    const auto& kg = col(out, "kg");
    QCOMPARE(kg.type(), ColumnType::Float64);
    QCOMPARE(kg.missingCount(), std::size_t(2));  // missing in, missing out
    // pandas: (df["Body Mass (g)"] / 1000).sum() = 1437.0
    QVERIFY(close(sumPresent(kg), 1437.0));
    QVERIFY(out.columnPtr(0).get() == penguins().columnPtr(0).get());
    auto replace = DerivedColumnStep::fromParameters({{"name", "Body Mass (g)"}, {"formula", "[Body Mass (g)] * 2"}});
    const Table replaced = replace->apply(penguins(), nullptr);
    QCOMPARE(replaced.columnCount(), penguins().columnCount());
    QCOMPARE(col(replaced, "Body Mass (g)").float64Values()[0], 7500.0);
  }

  void filterKeepsTrueRowsAndDropsMissing() {
    auto step = FilterRowsStep::fromParameters({{"formula", "[Body Mass (g)] > 4000"}});
    QVERIFY(!step->keepsRows());
    const Table out = step->apply(penguins(), nullptr);
    QCOMPARE(out.rowCount(), std::size_t(172));  // pandas: (df["Body Mass (g)"] > 4000).sum()
    for (std::size_t row = 0; row < out.rowCount(); ++row) QVERIFY(col(out, "Body Mass (g)").float64Values()[row] > 4000);
  }

  void formulaErrorsNameTheStep() {
    try {
      FilterRowsStep::fromParameters({{"formula", "[Body Mass (g)] > "}});
      QFAIL("bad formula accepted");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Parse);
      QVERIFY2(std::string(e.what()).find("filter_rows") != std::string::npos, e.what());
      QVERIFY(e.where().column > 0);
    }
    try {
      FilterRowsStep::fromParameters({{"formula", "[Body Mass (g)] + 1"}})->apply(penguins(), nullptr);
      QFAIL("a number filter accepted");
    } catch (const Error& e) {
      QVERIFY2(std::string(e.what()).find("not true/false") != std::string::npos, e.what());
    }
    try {
      DerivedColumnStep::fromParameters({{"name", "x"}, {"formula", "[Wingspan] * 2"}})->apply(penguins(), nullptr);
      QFAIL("an unknown column accepted");
    } catch (const Error& e) {
      QVERIFY2(std::string(e.what()).find("derived_column") != std::string::npos, e.what());
      QVERIFY2(std::string(e.what()).find("Wingspan") != std::string::npos, e.what());
    }
    QVERIFY_THROWS_EXCEPTION(Error, DerivedColumnStep::fromParameters({{"formula", "1"}}));
  }
};

QTEST_APPLESS_MAIN(tst_FormulaSteps)
#include "tst_FormulaSteps.moc"
