#include <QtTest>

#include "FeatureTestSupport.h"
#include "engine/wrangle/BinStep.h"
#include "engine/wrangle/ClipOutliersStep.h"

using lathe::ErrorCode;
using lathe::data::Column;
using lathe::data::ColumnType;
using lathe::data::Table;
using lathe::wrangle::BinStep;
using lathe::wrangle::ClipOutliersStep;
using lathe::wrangle::StepRegistry;
using namespace feature_test;

namespace {

bool near(double actual, double expected, double tolerance = 1e-9) {
  return std::fabs(actual - expected) <= tolerance * std::max(1.0, std::fabs(expected));
}

bool nearAll(const std::vector<double>& actual, const std::vector<double>& expected) {
  if (actual.size() != expected.size()) return false;
  for (std::size_t i = 0; i < actual.size(); ++i)
    if (!near(actual[i], expected[i])) return false;
  return true;
}

std::vector<int> binCounts(const Column& codes, int bins) {
  std::vector<int> counts(static_cast<std::size_t>(bins), 0);
  for (std::size_t row = 0; row < codes.size(); ++row)
    if (codes.isValid(row)) ++counts[static_cast<std::size_t>(codes.numericAt(row))];
  return counts;
}

}  // namespace

class tst_BinningSteps : public QObject {
  Q_OBJECT
 private slots:
  // Expected edges and counts: scikit-learn 1.2.1 KBinsDiscretizer(encode="ordinal") on
  // seattle-weather.csv temp_max (/usr/bin/python3, computed once).
  void equalWidthLikeScikitLearn() {
    const Table weather = importDataset("seattle-weather.csv");
    auto step = StepRegistry::create("bin", {{"columns", {"temp_max"}}, {"method", "equal_width"}, {"bins", 5},
                                             {"output", "codes"}});
    step->fit(weather, nullptr);
    const auto& bins = dynamic_cast<const BinStep&>(*step);
    QVERIFY(nearAll(bins.edges("temp_max"), {-1.6, 5.84, 13.28, 20.72, 28.16, 35.6}));
    const Table codes = step->apply(weather, nullptr);
    QCOMPARE(columnOf(codes, "temp_max").type(), ColumnType::Int64);
    QCOMPARE(binCounts(columnOf(codes, "temp_max"), 5), (std::vector<int>{73, 484, 470, 332, 102}));
    QCOMPARE(columnOf(codes, "temp_max").int64Values()[0], std::int64_t(1));
  }

  void quantileLabels() {
    const Table weather = importDataset("seattle-weather.csv");
    BinStep step({"temp_max"}, BinStep::Method::Quantile, 4);
    step.fit(weather, nullptr);
    QVERIFY(nearAll(step.edges("temp_max"), {-1.6, 10.6, 15.6, 22.2, 35.6}));
    const Table out = step.apply(weather, nullptr);
    const Column& labels = columnOf(out, "temp_max");
    QCOMPARE(labels.type(), ColumnType::Categorical);
    QCOMPARE(labels.levels(), (std::vector<std::string>{"[-1.6, 10.6)", "[10.6, 15.6)", "[15.6, 22.2)", "[22.2, 35.6]"}));
    std::vector<int> counts(4, 0);
    for (auto code : labels.codes()) ++counts[static_cast<std::size_t>(code)];
    QCOMPARE(counts, (std::vector<int>{338, 377, 377, 369}));
    QCOMPARE(labels.displayText(4), std::string("[-1.6, 10.6)"));  // sklearn: row 4 in bin 0
  }

  void fittedOnTrainAppliedToTest() {
    // Quantile edges from rows 0..999 only: [-1.6, 10.45, 15.6, 22.2, 35.6]; rows 1000.. fall
    // 88, 132, 134, 107 into them.
    const Table weather = importDataset("seattle-weather.csv");
    BinStep step({"temp_max"}, BinStep::Method::Quantile, 4, BinStep::Output::Codes);
    step.fit(rowsOf(weather, 0, 1000), nullptr);
    QVERIFY(nearAll(step.edges("temp_max"), {-1.6, 10.45, 15.6, 22.2, 35.6}));
    const Table test = step.apply(rowsOf(weather, 1000, 1461), nullptr);
    QCOMPARE(binCounts(columnOf(test, "temp_max"), 4), (std::vector<int>{88, 132, 134, 107}));
    // Values beyond the fitted range go to the end bins; missing stays missing.
    lathe::data::Validity validity;
    validity.setMissing(2, 3);
    const Table odd(std::vector<std::shared_ptr<const Column>>{Column::float64("temp_max", {-40, 99, 0}, validity)});
    const Table oddOut = step.apply(odd, nullptr);
    const Column& oddCodes = columnOf(oddOut, "temp_max");
    QCOMPARE(oddCodes.int64Values()[0], std::int64_t(0));
    QCOMPARE(oddCodes.int64Values()[1], std::int64_t(3));
    QCOMPARE(oddCodes.missingCount(), size_t(1));
    const auto copy = reloaded(step);
    QCOMPARE(copy->fittedState(), step.fittedState());
    QVERIFY(sameTable(copy->apply(weather, nullptr), step.apply(weather, nullptr)));
  }

  void fewValuesAndBadInput() {
    // A column with two values gets fewer quantile bins (edges closer than 1e-8 merge, as in
    // scikit-learn); a constant column one bin; a text column and an all-missing one an error.
    const Table table(std::vector<std::shared_ptr<const Column>>{Column::int64("flag", {0, 0, 0, 1, 1, 1}),
                                                                 Column::float64("same", {2, 2, 2, 2, 2, 2})});
    BinStep step({"flag", "same"}, BinStep::Method::Quantile, 10);
    step.fit(table, nullptr);
    QCOMPARE(step.edges("flag"), (std::vector<double>{0, 0.5, 1}));  // numpy.percentile: 2 bins, not 10
    QCOMPARE(step.edges("same"), (std::vector<double>{2, 2}));
    const Table out = step.apply(table, nullptr);
    QCOMPARE(columnOf(out, "same").levels(), std::vector<std::string>{"[2, 2]"});
    const Table penguins = importDataset("penguins.csv");
    const auto text = errorOf([&] { BinStep({"Sex"}, BinStep::Method::EqualWidth, 3).fit(penguins, nullptr); });
    QVERIFY(text && text->message().find("'Sex' is categorical") != std::string::npos);
    QVERIFY(errorOf([&] { BinStep({"Beak Length (mm)"}, BinStep::Method::EqualWidth, 3).fit(rowsOf(penguins, 3, 4), nullptr); }));
    using J = nlohmann::json;
    for (const J& bad : {J::parse(R"({"columns":["a"],"bins":1})"), J::parse(R"({"columns":["a"],"method":"kmeans"})"),
                         J::parse(R"({"columns":["a"],"bins":2.5})")})
      QVERIFY2(errorOf([&] { StepRegistry::create("bin", bad); })->code() == ErrorCode::Parse, bad.dump().c_str());
    QVERIFY(errorOf([&] { step.restoreFittedState(J::parse(R"({"edges":{"flag":[3,1]}})")); }));
  }

  // pandas on seattle-weather.csv: precipitation quartiles give fences [-4.2, 7.0] and 206 rows
  // above; wind mean +- 3 std (ddof 0) is [-1.0708625094327058, 7.553134925586026], 15 rows above.
  void clipIqr() {
    const Table weather = importDataset("seattle-weather.csv");
    auto step = StepRegistry::create("clip_outliers", {{"columns", {"precipitation"}}});
    step->fit(weather, nullptr);
    const auto [low, high] = dynamic_cast<const ClipOutliersStep&>(*step).bounds("precipitation");
    QVERIFY(near(low, -4.2) && near(high, 7.0));
    const Table out = step->apply(weather, nullptr);
    const Column& clipped = columnOf(out, "precipitation");
    const Column& original = columnOf(weather, "precipitation");
    std::size_t atFence = 0;
    for (std::size_t row = 0; row < clipped.size(); ++row) {
      QVERIFY(clipped.numericAt(row) <= high);
      const bool beyond = original.numericAt(row) > high;
      atFence += beyond;
      QCOMPARE(clipped.numericAt(row), beyond ? high : original.numericAt(row));
    }
    QCOMPARE(atFence, size_t(206));
  }

  void clipZScoreFittedOnTrain() {
    const Table weather = importDataset("seattle-weather.csv");
    ClipOutliersStep step({"wind"}, ClipOutliersStep::Method::ZScore, 3.0);
    step.fit(weather, nullptr);
    QVERIFY(near(step.bounds("wind").first, -1.0708625094327058));
    QVERIFY(near(step.bounds("wind").second, 7.553134925586026));
    const auto copy = reloaded(step);
    QCOMPARE(copy->parameters()["threshold"], nlohmann::json(3.0));
    // Fitted on the first year, applied to the rest: the bounds are the first year's.
    ClipOutliersStep firstYear({"wind"}, ClipOutliersStep::Method::ZScore, 3.0);
    firstYear.fit(rowsOf(weather, 0, 366), nullptr);
    const Table rest = firstYear.apply(rowsOf(weather, 366, 1461), nullptr);
    double highest = 0;
    for (std::size_t row = 0; row < rest.rowCount(); ++row) highest = std::max(highest, columnOf(rest, "wind").numericAt(row));
    QCOMPARE(highest, firstYear.bounds("wind").second);
    QVERIFY(errorOf([&] { step.restoreFittedState(nlohmann::json::parse(R"({"bounds":{"wind":[2,1]}})")); }));
    QVERIFY(errorOf([&] { StepRegistry::create("clip_outliers", {{"columns", {"wind"}}, {"k", -1}}); }));
  }
};

QTEST_APPLESS_MAIN(tst_BinningSteps)
#include "tst_BinningSteps.moc"
