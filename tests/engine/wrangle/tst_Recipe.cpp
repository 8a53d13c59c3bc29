// Recipes: fitting on training rows only (the leakage test the issue asks for), Scoring mode,
// JSON round trips through StepRegistry, errors that name the step, Cancel and progress, and the
// speed of a fill-missing + filter recipe on 3 million rows.
#include <QtTest>

#include "TimeBounds.h"
#include <chrono>
#include <random>

#include "StoppingSink.h"
#include "WrangleTestSupport.h"
#include "engine/core/Error.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/wrangle/DropDuplicatesStep.h"
#include "engine/wrangle/FillMissingStep.h"
#include "engine/wrangle/Recipe.h"
#include "engine/wrangle/SampleRowsStep.h"
#include "engine/wrangle/SelectColumnsStep.h"
#include "engine/wrangle/SplitStep.h"
#include "engine/wrangle/StepRegistry.h"

using lathe::Error;
using lathe::ErrorCode;
using lathe::data::Column;
using lathe::data::Table;
using Strategy = lathe::wrangle::FillMissingStep::Strategy;
using namespace lathe::wrangle;
using namespace wrangle_test;

namespace {

const std::string kBeak = "Beak Length (mm)";

// One step of every core kind, with parameters that work on penguins.csv.
nlohmann::json everyCoreKind() {
  return nlohmann::json::parse(R"json({"version":1,"steps":[
    {"kind":"select_columns","enabled":true,"parameters":{"columns":["Species","Island","Beak Length (mm)","Body Mass (g)","Sex"]}},
    {"kind":"rename_columns","enabled":true,"parameters":{"renames":{"Island":"섬"}}},
    {"kind":"reorder_columns","enabled":true,"parameters":{"columns":["Sex"]}},
    {"kind":"change_type","enabled":true,"parameters":{"columns":["Body Mass (g)"],"type":"int64"}},
    {"kind":"derived_column","enabled":true,"parameters":{"name":"kg","formula":"[Body Mass (g)] / 1000"}},
    {"kind":"filter_rows","enabled":true,"parameters":{"formula":"[Body Mass (g)] > 3000"}},
    {"kind":"drop_duplicates","enabled":false,"parameters":{"columns":["Species"]}},
    {"kind":"sample_rows","enabled":true,"parameters":{"fraction":0.9,"seed":3}},
    {"kind":"stratified_sample","enabled":true,"parameters":{"column":"Species","rows":250,"seed":4}},
    {"kind":"split","enabled":true,"parameters":{"train":0.6,"validation":0.2,"test":0.2,"seed":9,"stratify":"Species"}},
    {"kind":"fill_missing","enabled":true,"parameters":{"columns":["Beak Length (mm)"],"strategy":"median","indicator":true}},
    {"kind":"drop_columns","enabled":true,"parameters":{"columns":["kg"]}}
  ]})json");
}

void expectErrorContaining(const std::function<void()>& run, const std::vector<std::string>& parts, ErrorCode code) {
  try {
    run();
    QFAIL("no error");
  } catch (const Error& e) {
    QCOMPARE(e.code(), code);
    for (const auto& part : parts) QVERIFY2(std::string(e.what()).find(part) != std::string::npos, e.what());
  }
}

}  // namespace

class tst_Recipe : public QObject {
  Q_OBJECT

 private slots:
  void imputationMeanComesFromTrainRowsOnly() {
    Recipe recipe;
    recipe.append(std::make_unique<SplitStep>(0.5, 0.25, 0.25, 2024));
    recipe.append(std::make_unique<FillMissingStep>(std::vector<std::string>{kBeak}, Strategy::Mean));
    const Table out = recipe.fit(penguins());
    QCOMPARE(out.rowCount(), std::size_t(344));
    // The train rows' mean, computed here from the input and the split labels.
    const Column& input = col(penguins(), kBeak);
    const Column& split = col(out, "split");
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t row = 0; row < 344; ++row)
      if (split.displayText(row) == "train" && input.isValid(row)) sum += input.float64Values()[row], ++n;
    const double trainMean = sum / double(n);
    QVERIFY(std::abs(trainMean - 43.9219298245614) > 1e-6);  // differs from the all-rows mean (pandas)
    for (std::size_t row : {std::size_t(3), std::size_t(339)}) {  // the two missing beak lengths
      QVERIFY(!input.isValid(row));
      QVERIFY2(close(col(out, kBeak).float64Values()[row], trainMean),
               qPrintable(QString::number(col(out, kBeak).float64Values()[row], 'g', 17)));
    }
    // Applying the fitted recipe to another batch fills with the same train mean.
    const Table batch = recipe.apply(penguins(), Recipe::Mode::Scoring);
    QVERIFY(close(col(batch, kBeak).float64Values()[3], trainMean));
  }

  void everyCoreKindRoundTripsThroughTheRegistry() {
    const auto kinds = StepRegistry::kinds();
    const Recipe recipe = Recipe::fromJson(everyCoreKind());
    QCOMPARE(recipe.size(), std::size_t(12));
    for (std::size_t i = 0; i < recipe.size(); ++i) {
      const auto& step = *recipe.at(i).step;
      QVERIFY2(std::find(kinds.begin(), kinds.end(), step.kind()) != kinds.end(), step.kind().c_str());
      QCOMPARE(StepRegistry::create(step.kind(), step.parameters())->parameters(), step.parameters());
      QVERIFY(!step.describe().empty());
    }
    QVERIFY(!recipe.at(6).enabled);
    QCOMPARE(Recipe::fromJson(nlohmann::json::parse(recipe.toJson().dump())).toJson(), recipe.toJson());
    QCOMPARE(Recipe::fromJson(recipe.toJson()).hash(), recipe.hash());
    QCOMPARE(recipe.hash().size(), std::size_t(64));
    Recipe changed = recipe;
    changed.setEnabled(6, true);
    QVERIFY(changed.hash() != recipe.hash());
  }

  void fittedRecipeRunsAndItsStateRestores() {
    Recipe recipe = Recipe::fromJson(everyCoreKind());
    const Table out = recipe.fit(penguins());
    QCOMPARE(names(out), (std::vector<std::string>{"Sex", "Species", "섬", kBeak, kBeak + "_was_missing",
                                                   "Body Mass (g)", "split"}));
    QCOMPARE(out.rowCount(), std::size_t(250));
    QCOMPARE(col(out, kBeak).missingCount(), std::size_t(0));
    Recipe restored = Recipe::fromJson(recipe.toJson());
    restored.restoreFittedState(nlohmann::json::parse(recipe.fittedState().dump()));
    const Table a = recipe.apply(penguins(), Recipe::Mode::Scoring);
    const Table b = restored.apply(penguins(), Recipe::Mode::Scoring);
    QCOMPARE(names(a), names(b));
    for (std::size_t row = 0; row < a.rowCount(); ++row)
      QCOMPARE(col(a, kBeak).displayText(row), col(b, kBeak).displayText(row));
    QVERIFY_THROWS_EXCEPTION(Error, restored.restoreFittedState(nlohmann::json::object()));
  }

  void scoringKeepsEveryRow() {
    Recipe recipe = Recipe::fromJson(everyCoreKind());
    recipe.fit(penguins());
    const Table scored = recipe.apply(penguins(), Recipe::Mode::Scoring);
    QCOMPARE(scored.rowCount(), std::size_t(344));
    const Table dataset = recipe.apply(penguins(), Recipe::Mode::Dataset);
    QCOMPARE(dataset.rowCount(), std::size_t(250));
  }

  void fromJsonErrorsNameTheStep() {
    auto json = everyCoreKind();
    json["steps"][1]["kind"] = "frobnicate";
    expectErrorContaining([&] { Recipe::fromJson(json); }, {"step 2 (frobnicate)", "unknown recipe step"}, ErrorCode::Parse);
    json = everyCoreKind();
    json["steps"][10]["parameters"]["strategy"] = "average";
    expectErrorContaining([&] { Recipe::fromJson(json); }, {"step 11 (fill_missing)", "parameter 'strategy'"},
                          ErrorCode::Parse);
    json = everyCoreKind();
    json["steps"][4]["parameters"]["formula"] = "[Body Mass (g)] / ";
    expectErrorContaining([&] { Recipe::fromJson(json); }, {"step 5 (derived_column)"}, ErrorCode::Parse);
    json = everyCoreKind();
    json["steps"][0]["parameters"] = "columns";
    expectErrorContaining([&] { Recipe::fromJson(json); }, {"step 1 (select_columns)"}, ErrorCode::Parse);
    json = everyCoreKind();
    json["steps"][2]["enabled"] = "yes";
    expectErrorContaining([&] { Recipe::fromJson(json); }, {"step 3 (reorder_columns)"}, ErrorCode::Parse);
    json["steps"][2] = 5;
    expectErrorContaining([&] { Recipe::fromJson(json); }, {"step 3"}, ErrorCode::Parse);
    expectErrorContaining([] { Recipe::fromJson(nlohmann::json::parse(R"({"version":2,"steps":[]})")); }, {"version"},
                          ErrorCode::Parse);
    expectErrorContaining([] { Recipe::fromJson(nlohmann::json::array()); }, {"JSON object"}, ErrorCode::Parse);
  }

  void missingColumnNamesStepAndColumn() {
    Recipe recipe;
    recipe.append(std::make_unique<SelectColumnsStep>(std::vector<std::string>{"Species", kBeak}));
    recipe.append(std::make_unique<FillMissingStep>(std::vector<std::string>{"Body Mass (g)"}, Strategy::Mean));
    expectErrorContaining([&] { recipe.fit(penguins()); }, {"step 2 (fill_missing)", "'Body Mass (g)'"},
                          ErrorCode::InvalidArgument);
    recipe.setEnabled(1, false);
    QCOMPARE(recipe.fit(penguins()).columnCount(), std::size_t(2));
    recipe.move(1, 0);
    QCOMPARE(recipe.at(0).step->kind(), std::string("fill_missing"));
    QVERIFY(!recipe.at(0).enabled);
    QCOMPARE(recipe.remove(0)->kind(), std::string("fill_missing"));
    QVERIFY_THROWS_EXCEPTION(Error, recipe.remove(5));
  }

  void cancelStopsALongRecipeAndProgressRises() {
    const std::size_t rows = 2'000'000;
    std::mt19937_64 random(5);
    std::vector<double> values(rows);
    lathe::data::Validity validity;
    for (std::size_t row = 0; row < rows; ++row) {
      values[row] = double(random() % 1000);
      if (row % 7 == 0) validity.setMissing(row, rows);
    }
    const Table big({Column::float64("x", values, validity)});
    Recipe recipe;
    for (int i = 0; i < 40; ++i)
      recipe.append(std::make_unique<FillMissingStep>(std::vector<std::string>{"x"}, Strategy::Forward, nullptr, false));
    recipe.append(std::make_unique<SampleRowsStep>(SampleSize{std::size_t(10), std::nullopt}, 1));
    {
      std::stop_source stop;
      StoppingSink sink(stop, 0.25);
      const lathe::jobs::JobContext context(stop.get_token(), sink);
      QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled, recipe.fit(big, &context));
      QVERIFY(!sink.fractions.empty());
      QVERIFY(sink.fractions.back() < 0.5);
    }
    std::stop_source never;
    StoppingSink sink(never, 2.0);
    const lathe::jobs::JobContext context(never.get_token(), sink);
    QCOMPARE(recipe.fit(big, &context).rowCount(), std::size_t(10));
    QVERIFY(std::is_sorted(sink.fractions.begin(), sink.fractions.end()));
    QCOMPARE(sink.fractions.back(), 1.0);
  }

  void fillAndFilterThreeMillionRowsQuickly() {
    const std::size_t rows = 3'000'000;
    std::mt19937_64 random(7);
    std::vector<double> a(rows), b(rows);
    lathe::data::Validity missing;
    for (std::size_t row = 0; row < rows; ++row) {
      a[row] = double(random() % 10'000) / 100.0;
      b[row] = double(random() % 100);
      if (row % 10 == 3) missing.setMissing(row, rows);
    }
    const Table big({Column::float64("a", std::move(a), missing), Column::float64("b", std::move(b))});
    const auto json = nlohmann::json::parse(R"({"version":1,"steps":[
      {"kind":"fill_missing","parameters":{"columns":["a"],"strategy":"mean","indicator":true}},
      {"kind":"filter_rows","parameters":{"formula":"a > 50"}}]})");
    Recipe recipe = Recipe::fromJson(json);
    const auto start = std::chrono::steady_clock::now();
    const Table out = recipe.fit(big);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    qInfo("fill-missing (mean) + filter over %zu rows: %.3f s, %zu rows kept", rows, seconds, out.rowCount());
    QVERIFY(out.rowCount() > rows / 3 && out.rowCount() < rows * 2 / 3);
    QCOMPARE(col(out, "a").missingCount(), std::size_t(0));
    QVERIFY2(seconds < 3.0 * kTimeBoundScale, "far slower than the sub-second target");
  }
};

QTEST_APPLESS_MAIN(tst_Recipe)
#include "tst_Recipe.moc"
