#include <QtTest>

#include "FeatureTestSupport.h"
#include "engine/wrangle/ConcatenateStep.h"
#include "engine/wrangle/JoinDatasetsStep.h"
#include "engine/wrangle/Recipe.h"

using lathe::ErrorCode;
using lathe::data::Column;
using lathe::data::ColumnType;
using lathe::data::Table;
using lathe::wrangle::ConcatenateStep;
using lathe::wrangle::JoinDatasetsStep;
using lathe::wrangle::Recipe;
using lathe::wrangle::StepRegistry;
using lathe::wrangle::TableResolver;
using namespace feature_test;

namespace {

std::shared_ptr<const Column> textColumn(const std::string& name, const std::vector<std::string>& values) {
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  for (const auto& value : values) offsets.push_back((bytes += value).size());
  return Column::text(name, offsets, bytes);
}

// Facts about each island, as a user would type them into a second dataset.
Table islands(const std::vector<std::string>& names) {
  std::vector<double> area;
  for (std::size_t i = 0; i < names.size(); ++i) area.push_back(10.0 * static_cast<double>(i + 1));
  return Table({textColumn("Island", names), Column::float64("Area", area),
                textColumn("Sex", std::vector<std::string>(names.size(), "n/a"))});
}

TableResolver resolverFor(std::int64_t id, const Table& table) {
  auto shared = std::make_shared<const Table>(table);
  return [id, shared](std::int64_t wanted) { return wanted == id ? shared : nullptr; };
}

std::size_t countText(const Column& column, const std::string& value) {
  std::size_t n = 0;
  for (std::size_t row = 0; row < column.size(); ++row) n += column.isValid(row) && column.displayText(row) == value;
  return n;
}

}  // namespace

class tst_JoinSteps : public QObject {
  Q_OBJECT
 private slots:
  // Row counts follow from penguins.csv's islands (Biscoe 168, Dream 124, Torgersen 52), the
  // same figures pandas.merge gives.
  void innerAndLeftJoin() {
    const Table penguins = importDataset("penguins.csv");
    auto inner = StepRegistry::create("join", {{"dataset_version", 7}, {"on", {"Island"}}});
    QVERIFY(!inner->keepsRows());
    inner->resolveInputs(resolverFor(7, islands({"Biscoe", "Dream"})));
    const Table joined = inner->apply(penguins, nullptr);
    QCOMPARE(joined.rowCount(), size_t(168 + 124));
    QCOMPARE(namesOf(joined).back(), std::string("Sex_right"));  // the clashing name got the suffix
    QCOMPARE(columnOf(joined, "Area").type(), ColumnType::Float64);
    QCOMPARE(columnOf(joined, "Sex").missingCount(), size_t(columnOf(penguins, "Sex").missingCount() - 5));
    QCOMPARE(countText(columnOf(joined, "Island"), "Torgersen"), size_t(0));
    QCOMPARE(columnOf(joined, "Island").type(), ColumnType::Categorical);

    auto left = StepRegistry::create("join", {{"dataset_version", 7}, {"on", {"Island"}}, {"how", "left"},
                                              {"suffix", "_island"}});
    left->resolveInputs(resolverFor(7, islands({"Biscoe", "Dream"})));
    const Table all = left->apply(penguins, nullptr);
    QCOMPARE(all.rowCount(), size_t(344));
    QCOMPARE(columnOf(all, "Area").missingCount(), size_t(52));
    QVERIFY(all.indexOf("Sex_island"));
    // Left order is kept: the first rows are the Torgersen penguins, with nothing joined.
    QCOMPARE(columnOf(all, "Island").displayText(0), std::string("Torgersen"));
    QVERIFY(!columnOf(all, "Area").isValid(0));
    QCOMPARE(columnOf(all, "Species").displayText(343), columnOf(penguins, "Species").displayText(343));
  }

  void duplicateKeysMultiplyRows() {
    // Dream twice on the right: each Dream penguin appears twice, like SQL (344 + 124 rows).
    const Table penguins = importDataset("penguins.csv");
    JoinDatasetsStep step(3, {"Island"}, {"Island"});
    step.resolveInputs(resolverFor(3, islands({"Torgersen", "Dream", "Biscoe", "Dream"})));
    const Table out = step.apply(penguins, nullptr);
    QCOMPARE(out.rowCount(), size_t(344 + 124));
    QCOMPARE(countText(columnOf(out, "Island"), "Dream"), size_t(248));
    // For one left row, its matches follow in right order (Area 20 then 40).
    std::size_t firstDream = 0;
    while (columnOf(out, "Island").displayText(firstDream) != "Dream") ++firstDream;
    QCOMPARE(columnOf(out, "Area").numericAt(firstDream), 20.0);
    QCOMPARE(columnOf(out, "Area").numericAt(firstDream + 1), 40.0);
  }

  void numericKeysOnRealData() {
    // seattle-weather split into two datasets by column, joined back on the date: the original.
    const Table weather = importDataset("seattle-weather.csv");
    const Table left = weather.select(std::vector<std::size_t>{0, 1, 2});
    std::vector<std::size_t> reversed(weather.rowCount());
    std::iota(reversed.rbegin(), reversed.rend(), 0);
    const Table right = lathe::data::gatherTable(weather.select(std::vector<std::size_t>{0, 3, 4, 5}), reversed);
    JoinDatasetsStep step(1, {"date"}, {"date"}, JoinDatasetsStep::How::Inner);
    step.resolveInputs(resolverFor(1, right));
    QVERIFY(sameTable(step.apply(left, nullptr), weather));
    // int64 keys match float64 keys of the same value; a missing key matches nothing.
    lathe::data::Validity missing;
    missing.setMissing(2, 3);
    const Table ids({Column::int64("id", {1, 2, 3}, missing), Column::float64("x", {0.1, 0.2, 0.3})});
    const Table names({Column::float64("key", {2.0, 1.0, 0.0}), textColumn("name", {"two", "one", "zero"})});
    JoinDatasetsStep byNumber(2, {"id"}, {"key"}, JoinDatasetsStep::How::Left);
    byNumber.resolveInputs(resolverFor(2, names));
    const Table out = byNumber.apply(ids, nullptr);
    QCOMPARE(namesOf(out), (std::vector<std::string>{"id", "x", "name"}));
    QCOMPARE(columnOf(out, "name").displayText(0), std::string("one"));
    QCOMPARE(columnOf(out, "name").displayText(1), std::string("two"));
    QVERIFY(!columnOf(out, "name").isValid(2));
  }

  void joinErrors() {
    const Table penguins = importDataset("penguins.csv");
    JoinDatasetsStep step(9, {"Island"}, {"Island"});
    const auto unresolved = errorOf([&] { step.apply(penguins, nullptr); });
    QVERIFY(unresolved && unresolved->message().find("dataset version 9") != std::string::npos);
    const auto notFound = errorOf([&] { step.resolveInputs(resolverFor(8, penguins)); });
    QVERIFY(notFound && notFound->message().find("dataset version 9 was not found") != std::string::npos);
    JoinDatasetsStep wrongType(9, {"Island"}, {"id"});
    wrongType.resolveInputs(resolverFor(9, Table({Column::int64("id", {1})})));
    const auto clash = errorOf([&] { wrongType.apply(penguins, nullptr); });
    QVERIFY2(clash && clash->message().find("'Island' is categorical") != std::string::npos, clash->message().c_str());
    JoinDatasetsStep noKey(9, {"Isle"}, {"Island"});
    noKey.resolveInputs(resolverFor(9, islands({"Dream"})));
    QVERIFY(errorOf([&] { noKey.apply(penguins, nullptr); })->message().find("'Isle'") != std::string::npos);
    // Keys that repeat on both sides: 20,000 x 20,000 rows would be 400 million; refused early.
    const Table same({Column::int64("k", std::vector<std::int64_t>(20000, 1))});
    JoinDatasetsStep manyToMany(9, {"k"}, {"k"});
    manyToMany.resolveInputs(resolverFor(9, same));
    const auto tooBig = errorOf([&] { manyToMany.apply(same, nullptr); });
    QVERIFY(tooBig && tooBig->message().find("would make more than") != std::string::npos);
    using J = nlohmann::json;
    for (const J& bad : {J::parse(R"({"on":["a"]})"), J::parse(R"({"dataset_version":1,"on":["a"],"how":"outer"})"),
                         J::parse(R"({"dataset_version":1,"on":["a"],"right_on":["a","b"]})"),
                         J::parse(R"({"dataset_version":"1","on":["a"]})")})
      QVERIFY2(errorOf([&] { StepRegistry::create("join", bad); })->code() == ErrorCode::Parse, bad.dump().c_str());
  }

  void concatenateHalves() {
    // The two halves of seattle-weather appended give the whole file back, levels merged.
    const Table weather = importDataset("seattle-weather.csv");
    auto step = StepRegistry::create("concatenate", {{"dataset_version", 4}});
    QVERIFY(!step->keepsRows());
    step->resolveInputs(resolverFor(4, rowsOf(weather, 700, 1461)));
    const Table out = step->apply(rowsOf(weather, 0, 700), nullptr);
    QVERIFY(sameTable(out, weather));
    QCOMPARE(StepRegistry::create("concatenate", step->parameters())->parameters(), step->parameters());
  }

  void concatenateDifferentColumns() {
    const Table weather = importDataset("seattle-weather.csv");
    const Table top = rowsOf(weather, 0, 10).select(std::vector<std::size_t>{0, 1, 4});     // date, precipitation, wind
    const Table bottom = Table({Column::int64("precipitation", {3, 4}), textColumn("note", {"a", "b"})});
    ConcatenateStep step(5);
    step.resolveInputs(resolverFor(5, bottom));
    const Table out = step.apply(top, nullptr);
    QCOMPARE(out.rowCount(), size_t(12));
    QCOMPARE(namesOf(out), (std::vector<std::string>{"date", "precipitation", "wind", "note"}));
    QCOMPARE(columnOf(out, "precipitation").type(), ColumnType::Float64);  // int64 + float64
    QCOMPARE(columnOf(out, "precipitation").numericAt(11), 4.0);
    QCOMPARE(columnOf(out, "wind").missingCount(), size_t(2));
    QCOMPARE(columnOf(out, "date").missingCount(), size_t(2));
    QCOMPARE(columnOf(out, "note").missingCount(), size_t(10));
    QCOMPARE(columnOf(out, "note").displayText(10), std::string("a"));

    ConcatenateStep clash(6);
    clash.resolveInputs(resolverFor(6, Table({textColumn("wind", {"strong"})})));
    const auto error = errorOf([&] { clash.apply(top, nullptr); });
    QVERIFY2(error && error->code() == ErrorCode::InvalidArgument &&
                 error->message().find("'wind' is float64 here but text") != std::string::npos,
             error ? error->message().c_str() : "no error");
    QVERIFY(errorOf([&] { ConcatenateStep(6).apply(top, nullptr); }));
  }

  void recipeSkipsRowChangingStepsWhenScoring() {
    // In a recipe the join runs when fitting (Dataset mode) and is skipped when scoring a batch.
    const Table penguins = importDataset("penguins.csv");
    Recipe recipe;
    recipe.append(StepRegistry::create("join", {{"dataset_version", 2}, {"on", {"Island"}}}));
    recipe.append(StepRegistry::create("one_hot", {{"columns", {"Species"}}}));
    recipe.resolveInputs(resolverFor(2, islands({"Dream", "Dream"})));
    const Table fitted = recipe.fit(penguins);
    QCOMPARE(fitted.rowCount(), size_t(248));
    QVERIFY(fitted.indexOf("Species=Chinstrap"));
    const Table scored = recipe.apply(penguins, Recipe::Mode::Scoring);
    QCOMPARE(scored.rowCount(), size_t(344));
    QVERIFY(!scored.indexOf("Area"));
    QVERIFY(scored.indexOf("Species=Chinstrap"));
    const Table again = recipe.apply(penguins, Recipe::Mode::Dataset);
    QCOMPARE(again.rowCount(), size_t(248));
  }
};

QTEST_APPLESS_MAIN(tst_JoinSteps)
#include "tst_JoinSteps.moc"
