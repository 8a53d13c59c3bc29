// Filling missing values on penguins.csv. Expected values were computed once with pandas 1.5.3
// (/usr/bin/python3): df[col].mean(), .median(), .mode()[0], .ffill() on the same file.
#include <QtTest>

#include "WrangleTestSupport.h"
#include "engine/core/Error.h"
#include "engine/wrangle/FillMissingStep.h"

using lathe::Error;
using lathe::ErrorCode;
using lathe::data::Column;
using lathe::data::ColumnType;
using lathe::data::Table;
using Strategy = lathe::wrangle::FillMissingStep::Strategy;
using lathe::wrangle::FillMissingStep;
using namespace wrangle_test;

namespace {
const std::string kBeak = "Beak Length (mm)";
const std::string kMass = "Body Mass (g)";

Table fitApply(FillMissingStep& step, const Table& table = penguins()) {
  step.fit(table, nullptr);
  return step.apply(table, nullptr);
}
}  // namespace

class tst_FillMissingStep : public QObject {
  Q_OBJECT

 private slots:
  void meanFillsWithTheFittedMean() {
    FillMissingStep step({kBeak}, Strategy::Mean);
    const Table out = fitApply(step);
    const Column& beak = col(out, kBeak);
    QCOMPARE(beak.missingCount(), std::size_t(0));
    QVERIFY(close(beak.float64Values()[3], 43.9219298245614));      // pandas mean
    QVERIFY(close(sumPresent(beak), 15109.143859649124));           // pandas fillna(mean).sum()
    QVERIFY(close(step.fittedState()["values"][kBeak].get<double>(), 43.9219298245614));
    // Untouched columns are shared.
    QVERIFY(out.columnPtr(0).get() == penguins().columnPtr(0).get());
  }

  void medianAndModeMatchPandas() {
    FillMissingStep median({kBeak, kMass}, Strategy::Median);
    const Table m = fitApply(median);
    QCOMPARE(col(m, kBeak).float64Values()[339], 44.45);  // pandas median
    QCOMPARE(col(m, kMass).float64Values()[3], 4050.0);
    FillMissingStep mode({kBeak, kMass, "Sex"}, Strategy::Mode);
    const Table o = fitApply(mode);
    QCOMPARE(col(o, kBeak).float64Values()[3], 41.1);  // pandas mode()[0]
    QCOMPARE(col(o, kMass).float64Values()[3], 3800.0);
    QCOMPARE(col(o, "Sex").displayText(3), std::string("MALE"));
    QCOMPARE(col(o, "Sex").missingCount(), std::size_t(0));
    QCOMPARE(col(o, "Sex").levels(), col(penguins(), "Sex").levels());
  }

  void applyUsesFittedValuesNotTheNewTable() {
    // Fitted on the first 100 rows, applied to all: the fill is the first rows' mean.
    const Column& beak = col(penguins(), kBeak);
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t row = 0; row < 100; ++row)
      if (beak.isValid(row)) sum += beak.float64Values()[row], ++n;
    std::vector<double> head(beak.float64Values().begin(), beak.float64Values().begin() + 100);
    const Table training({Column::float64(kBeak, head)});
    FillMissingStep step({kBeak}, Strategy::Mean);
    step.fit(training, nullptr);
    const Table out = step.apply(penguins(), nullptr);
    QVERIFY(close(col(out, kBeak).float64Values()[339], sum / double(n)));
  }

  void constantForwardAndIndicator() {
    FillMissingStep constant({"Sex"}, Strategy::Constant, "unknown", true);
    const Table c = fitApply(constant);
    QCOMPARE(col(c, "Sex").displayText(3), std::string("unknown"));
    QCOMPARE(col(c, "Sex").levels().back(), std::string("unknown"));
    const Column& flag = col(c, "Sex_was_missing");
    QCOMPARE(flag.type(), ColumnType::Bool);
    QCOMPARE(sumPresent(flag), 10.0);  // pandas: Sex has 10 missing
    QCOMPARE(*c.indexOf("Sex_was_missing"), *c.indexOf("Sex") + 1);

    FillMissingStep forward({kBeak}, Strategy::Forward);
    const Table f = fitApply(forward);
    QCOMPARE(col(f, kBeak).float64Values()[3], 40.3);         // pandas ffill
    QVERIFY(close(sumPresent(col(f, kBeak)), 15108.8));        // pandas ffill().sum()
    // A leading gap stays missing.
    const Table gap({Column::float64("x", {0, 2, 0}, [] {
      lathe::data::Validity v;
      v.setMissing(0, 3);
      v.setMissing(2, 3);
      return v;
    }())});
    FillMissingStep ff({"x"}, Strategy::Forward);
    const Table g = fitApply(ff, gap);
    QVERIFY(!g.column(0).isValid(0));
    QCOMPARE(g.column(0).float64Values()[2], 2.0);
  }

  void intMeanBecomesFloatAndIntModeStaysInt() {
    lathe::data::Validity v;
    v.setMissing(3, 4);
    const Table t({Column::int64("n", {1, 2, 2, 0}, v)});
    FillMissingStep mean({"n"}, Strategy::Mean);
    const Table m = fitApply(mean, t);
    QCOMPARE(m.column(0).type(), ColumnType::Float64);
    QVERIFY(close(m.column(0).float64Values()[3], 5.0 / 3.0));
    FillMissingStep mode({"n"}, Strategy::Mode);
    const Table o = fitApply(mode, t);
    QCOMPARE(o.column(0).type(), ColumnType::Int64);
    QCOMPARE(o.column(0).int64Values()[3], std::int64_t(2));
  }

  void allMissingAndWrongTypesAreHandled() {
    lathe::data::Validity v;
    v.setMissing(0, 2);
    v.setMissing(1, 2);
    const Table empty({Column::float64("x", {0, 0}, v)});
    FillMissingStep mean({"x"}, Strategy::Mean);
    const Table out = fitApply(mean, empty);  // nothing to learn: the gaps stay, no NaN invented
    QCOMPARE(out.column(0).missingCount(), std::size_t(2));
    QVERIFY(mean.fittedState()["values"]["x"].is_null());

    FillMissingStep textMean({"Island"}, Strategy::Mean);
    try {
      textMean.fit(penguins(), nullptr);
      QFAIL("mean of a categorical accepted");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::InvalidArgument);
      QVERIFY2(std::string(e.what()).find("fill_missing: column 'Island'") != std::string::npos, e.what());
    }
    FillMissingStep wrongConstant({kBeak}, Strategy::Constant, "lots");
    QVERIFY_THROWS_EXCEPTION(Error, fitApply(wrongConstant));
    FillMissingStep unfitted({kBeak}, Strategy::Median);
    QVERIFY_THROWS_EXCEPTION(Error, unfitted.apply(penguins(), nullptr));
    FillMissingStep missing({"Wingspan"}, Strategy::Mean);
    QVERIFY_THROWS_EXCEPTION(Error, missing.fit(penguins(), nullptr));
  }

  void parametersAndFittedStateRoundTrip() {
    FillMissingStep step({kBeak, "Sex"}, Strategy::Mode, nullptr, true);
    step.fit(penguins(), nullptr);
    auto copy = FillMissingStep::fromParameters(step.parameters());
    copy->restoreFittedState(nlohmann::json::parse(step.fittedState().dump()));
    const Table a = step.apply(penguins(), nullptr), b = copy->apply(penguins(), nullptr);
    QCOMPARE(names(a), names(b));
    QCOMPARE(col(b, kBeak).float64Values()[3], 41.1);
    QVERIFY_THROWS_EXCEPTION(Error, FillMissingStep::fromParameters({{"columns", {"a"}}, {"strategy", "average"}}));
    QVERIFY_THROWS_EXCEPTION(Error, FillMissingStep::fromParameters({{"columns", {"a"}}, {"strategy", "constant"}}));
    QVERIFY_THROWS_EXCEPTION(Error, copy->restoreFittedState({{"values", nlohmann::json::object()}}));
  }
};

QTEST_APPLESS_MAIN(tst_FillMissingStep)
#include "tst_FillMissingStep.moc"
