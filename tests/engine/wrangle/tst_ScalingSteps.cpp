#include <QtTest>

#include "FeatureTestSupport.h"
#include "engine/wrangle/LogTransformStep.h"
#include "engine/wrangle/PowerTransformStep.h"
#include "engine/wrangle/Recipe.h"
#include "engine/wrangle/ScaleStep.h"

using lathe::ErrorCode;
using lathe::data::Column;
using lathe::data::ColumnType;
using lathe::data::Table;
using lathe::wrangle::LogTransformStep;
using lathe::wrangle::PowerTransformStep;
using lathe::wrangle::ScaleStep;
using lathe::wrangle::StepRegistry;
using namespace feature_test;

namespace {

const std::vector<std::string> kBeaks{"Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"};

bool near(double actual, double expected, double tolerance = 1e-9) {
  return std::fabs(actual - expected) <= tolerance * std::max(1.0, std::fabs(expected));
}

// Row `row` of the four penguin measurements in `table`.
std::vector<double> measurements(const Table& table, std::size_t row) {
  std::vector<double> out;
  for (const auto& name : kBeaks) out.push_back(columnOf(table, name).numericAt(row));
  return out;
}

void compareRow(const std::vector<double>& actual, const std::vector<double>& expected, double tolerance = 1e-9) {
  QCOMPARE(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i)
    QVERIFY2(near(actual[i], expected[i], tolerance),
             qPrintable(QString("column %1: %2 vs %3").arg(i).arg(actual[i], 0, 'g', 17).arg(expected[i], 0, 'g', 17)));
}

}  // namespace

class tst_ScalingSteps : public QObject {
  Q_OBJECT
 private slots:
  // Expected values: scikit-learn 1.2.1 (/usr/bin/python3, computed once) fitted on penguins rows
  // 0..249 (NaN ignored) and applied to rows 250..343: the test rows' first, 11th and last row.
  void scalersFittedOnTrainAppliedToTest_data() {
    QTest::addColumn<QString>("method");
    QTest::addColumn<std::vector<double>>("first");
    QTest::addColumn<std::vector<double>>("eleventh");
    QTest::addColumn<std::vector<double>>("last");
    QTest::newRow("StandardScaler") << "standard"
                                    << std::vector<double>{0.8844964553617484, -1.5585781152209859, 2.679354032462282,
                                                           2.1914940453550407}
                                    << std::vector<double>{0.03727932877591011, -2.511520903901222, 1.3124246958365666,
                                                           0.1248177963195657}
                                    << std::vector<double>{1.3633583095189623, -1.082106720880868, 1.800613744631465,
                                                           2.429956689474518};
    QTest::newRow("MinMaxScaler(-1, 1)") << "min_max"
                                         << std::vector<double>{0.17374517374517362, -0.47619047619047583,
                                                                0.7241379310344822, 0.4166666666666665}
                                         << std::vector<double>{-0.18146718146718133, -0.8571428571428572,
                                                                0.2413793103448274, -0.30555555555555536}
                                         << std::vector<double>{0.37451737451737444, -0.28571428571428514,
                                                                0.4137931034482758, 0.5};
    QTest::newRow("RobustScaler") << "robust"
                                  << std::vector<double>{0.7294117647058819, -1.4736842105263173, 2.4166666666666665,
                                                         2.142857142857143}
                                  << std::vector<double>{0.18823529411764722, -2.3157894736842133, 1.25,
                                                         0.2857142857142857}
                                  << std::vector<double>{1.0352941176470585, -1.0526315789473693, 1.6666666666666667,
                                                         2.357142857142857};
  }
  void scalersFittedOnTrainAppliedToTest() {
    QFETCH(QString, method);
    QFETCH(std::vector<double>, first);
    QFETCH(std::vector<double>, eleventh);
    QFETCH(std::vector<double>, last);
    const Table penguins = importDataset("penguins.csv");
    const Table train = rowsOf(penguins, 0, 250), test = rowsOf(penguins, 250, 344);
    nlohmann::json parameters{{"columns", kBeaks}, {"method", method.toStdString()}};
    if (method == "min_max") parameters["range"] = {-1, 1};
    auto step = StepRegistry::create("scale", parameters);
    step->fit(train, nullptr);
    const Table out = step->apply(test, nullptr);
    QCOMPARE(columnOf(out, "Body Mass (g)").type(), ColumnType::Float64);
    compareRow(measurements(out, 0), first);
    compareRow(measurements(out, 10), eleventh);
    compareRow(measurements(out, 93), last);
    QCOMPARE(columnOf(out, "Beak Depth (mm)").missingCount(), size_t(1));  // test row 268 is all missing
    QCOMPARE(namesOf(out), namesOf(penguins));
    // Reloaded from JSON, the step scales the same.
    QVERIFY(sameTable(reloaded(*step)->apply(test, nullptr), out));
  }

  void standardScaleLeaksNothing() {
    // Applying to other rows never refits: the training mean maps to 0 whatever the table.
    const Table penguins = importDataset("penguins.csv");
    ScaleStep step({"Body Mass (g)"});
    step.fit(rowsOf(penguins, 0, 150), nullptr);
    const auto fitted = step.fitted("Body Mass (g)");
    const Table out = step.apply(rowsOf(penguins, 150, 344), nullptr);
    const double firstMass = columnOf(penguins, "Body Mass (g)").numericAt(150);
    QVERIFY(near(columnOf(out, "Body Mass (g)").numericAt(0), (firstMass - fitted.center) / fitted.scale));
  }

  void recipeFitsOnTrainRowsOnly() {
    // After a split, the scaler's mean comes from the "train" rows only, and a recipe rebuilt
    // from its JSON and fitted state scales every row the same.
    const Table penguins = importDataset("penguins.csv");
    lathe::wrangle::Recipe recipe;
    recipe.append(StepRegistry::create("split", {{"train", 0.5}, {"validation", 0.25}, {"test", 0.25}, {"seed", 3}}));
    recipe.append(StepRegistry::create("scale", {{"columns", {"Body Mass (g)"}}}));
    const Table out = recipe.fit(penguins);
    const Column& split = columnOf(out, "split");
    double sum = 0, all = 0;
    std::size_t n = 0, m = 0;
    const Column& mass = columnOf(penguins, "Body Mass (g)");
    for (std::size_t row = 0; row < penguins.rowCount(); ++row) {
      if (!mass.isValid(row)) continue;
      all += mass.numericAt(row), ++m;
      if (split.displayText(row) == "train") sum += mass.numericAt(row), ++n;
    }
    const auto& scale = dynamic_cast<const ScaleStep&>(recipe.stepAt(1));
    QVERIFY(near(scale.fitted("Body Mass (g)").center, sum / static_cast<double>(n)));
    QVERIFY(!near(scale.fitted("Body Mass (g)").center, all / static_cast<double>(m), 1e-6));
    auto rebuilt = lathe::wrangle::Recipe::fromJson(recipe.toJson());
    rebuilt.restoreFittedState(nlohmann::json::parse(recipe.fittedState().dump()));
    QVERIFY(sameTable(rebuilt.apply(penguins), recipe.apply(penguins)));
  }

  void logTransform() {
    // seattle-weather precipitation: 838 zeros (pandas); log(10.9) row 1 = 2.388762789235098,
    // log1p(10.9) = 2.4765384001174837.
    const Table weather = importDataset("seattle-weather.csv");
    const Table logged = LogTransformStep({"precipitation"}).apply(weather, nullptr);
    const Column& log = columnOf(logged, "precipitation");
    QCOMPARE(log.missingCount(), size_t(838));
    QVERIFY(near(log.numericAt(1), 2.388762789235098));
    auto log1p = StepRegistry::create("log", {{"columns", {"precipitation"}}, {"log1p", true}});
    const Table out1p = log1p->apply(weather, nullptr);
    QCOMPARE(columnOf(out1p, "precipitation").missingCount(), size_t(0));
    QVERIFY(near(columnOf(out1p, "precipitation").numericAt(1), 2.4765384001174837));
    QCOMPARE(columnOf(out1p, "precipitation").numericAt(0), 0.0);
    QCOMPARE(reloaded(*log1p)->parameters(), log1p->parameters());
  }

  void powerTransformLambdas() {
    // sklearn PowerTransformer(method="yeo-johnson", standardize=False).lambdas_
    const Table weather = importDataset("seattle-weather.csv");
    PowerTransformStep step({"precipitation", "wind", "temp_min"});
    step.fit(weather, nullptr);
    QVERIFY2(near(step.lambda("precipitation"), -1.00915645, 1e-6), qPrintable(QString::number(step.lambda("precipitation"), 'g', 17)));
    QVERIFY2(near(step.lambda("wind"), 0.01154195, 1e-6), qPrintable(QString::number(step.lambda("wind"), 'g', 17)));
    QVERIFY2(near(step.lambda("temp_min"), 1.04311892, 1e-6), qPrintable(QString::number(step.lambda("temp_min"), 'g', 17)));
    const Table out = step.apply(weather, nullptr);
    QVERIFY(near(columnOf(out, "precipitation").numericAt(1), 0.90952252, 1e-6));
    QVERIFY(near(columnOf(out, "wind").numericAt(1), 1.72163004, 1e-6));
    QVERIFY(near(columnOf(out, "temp_min").numericAt(1), 2.90011119, 1e-6));

    // Fitted on penguins rows 0..249, missing values left out: -1.0632173001770708, 3.4048788165101347.
    const Table penguins = importDataset("penguins.csv");
    PowerTransformStep beaks({"Beak Length (mm)", "Beak Depth (mm)"});
    beaks.fit(rowsOf(penguins, 0, 250), nullptr);
    QVERIFY(near(beaks.lambda("Beak Length (mm)"), -1.0632173001770708, 1e-6));
    QVERIFY(near(beaks.lambda("Beak Depth (mm)"), 3.4048788165101347, 1e-6));
    const auto copy = reloaded(beaks);
    QCOMPARE(copy->fittedState(), beaks.fittedState());
    QVERIFY(sameTable(copy->apply(penguins, nullptr), beaks.apply(penguins, nullptr)));
  }

  void refusesWhatItCannotScale() {
    const Table penguins = importDataset("penguins.csv");
    for (const char* kind : {"scale", "log", "power"}) {
      auto step = StepRegistry::create(kind, {{"columns", {"Island"}}});
      const auto error = errorOf([&] {
        step->fit(penguins, nullptr);
        step->apply(penguins, nullptr);
      });
      QVERIFY2(error, kind);
      QCOMPARE(error->code(), ErrorCode::InvalidArgument);
      QVERIFY2(error->message().find("'Island' is categorical") != std::string::npos, error->message().c_str());
      const auto missing = errorOf([&] {
        auto other = StepRegistry::create(kind, {{"columns", {"Wing"}}});
        other->fit(penguins, nullptr);
        other->apply(penguins, nullptr);
      });
      QVERIFY(missing && missing->message().find("no column 'Wing'") != std::string::npos);
    }
    using J = nlohmann::json;
    for (const J& bad : {J::parse(R"({"columns":["a"],"method":"zscore"})"), J::parse(R"({"columns":["a"],"range":[1,0]})"),
                         J::parse(R"({"columns":["a"],"range":[0]})"), J::parse(R"({"method":"standard"})")})
      QVERIFY2(errorOf([&] { StepRegistry::create("scale", bad); })->code() == ErrorCode::Parse, bad.dump().c_str());
    ScaleStep step({"x"});
    QVERIFY(errorOf([&] { step.restoreFittedState(J::parse(R"({"columns":{"x":{"center":0,"scale":0,"offset":0}}})")); }));
    QVERIFY(errorOf([&] { step.restoreFittedState(J::parse(R"({"columns":{"x":{"center":"a"}}})")); }));
  }

  void constantMissingAndSingleRowColumns() {
    // BAD_INPUTS 38: constant, all-missing and single-row columns give a documented result, no
    // division by zero: a constant column scales by 1 (like scikit-learn), missing stays missing.
    lathe::data::Validity allMissing;
    for (std::size_t row = 0; row < 3; ++row) allMissing.setMissing(row, 3);
    const Table table(std::vector<std::shared_ptr<const Column>>{
        Column::float64("constant", {5, 5, 5}), Column::float64("empty", {0, 0, 0}, allMissing),
        Column::int64("count", {1, 2, 3})});
    for (const char* method : {"standard", "min_max", "robust"}) {
      auto step = StepRegistry::create("scale", {{"columns", {"constant", "empty", "count"}}, {"method", method}});
      step->fit(table, nullptr);
      const Table out = step->apply(table, nullptr);
      QCOMPARE(columnOf(out, "constant").numericAt(2), 0.0);
      QCOMPARE(columnOf(out, "empty").missingCount(), size_t(3));
      QVERIFY(std::isfinite(columnOf(out, "count").numericAt(0)));
      step->fit(rowsOf(table, 0, 1), nullptr);  // a single row
      QVERIFY(std::isfinite(columnOf(step->apply(table, nullptr), "count").numericAt(2)));
    }
    PowerTransformStep power({"constant", "empty"});
    power.fit(table, nullptr);
    QCOMPARE(power.lambda("constant"), 1.0);
    QCOMPARE(power.lambda("empty"), 1.0);
    // Huge values: no hang, a finite lambda or the identity.
    const Table huge(std::vector<std::shared_ptr<const Column>>{Column::float64("x", {1e300, -1e300, 0, 1e-300})});
    PowerTransformStep hugePower({"x"});
    hugePower.fit(huge, nullptr);
    QVERIFY(std::isfinite(hugePower.lambda("x")));
  }
};

QTEST_APPLESS_MAIN(tst_ScalingSteps)
#include "tst_ScalingSteps.moc"
