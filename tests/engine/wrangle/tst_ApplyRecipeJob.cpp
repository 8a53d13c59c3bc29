// Applying a recipe to a stored dataset makes the next version with its lineage; the preview
// shows the recipe on the first rows fast enough to follow every edit.
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include "StoppingSink.h"
#include "WrangleTestSupport.h"
#include "engine/data/ColumnGather.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/store/RecipeRepository.h"
#include "engine/wrangle/ApplyRecipeJob.h"
#include "engine/wrangle/RecipePreview.h"
#include "engine/wrangle/StepRegistry.h"

using namespace lathe;
using wrangle_test::col;
using wrangle_test::penguins;

namespace {

wrangle::Recipe fillAndDerive() {
  wrangle::Recipe recipe;
  recipe.append(wrangle::StepRegistry::create(
      "fill_missing", {{"columns", {"Body Mass (g)"}}, {"strategy", "mean"}, {"indicator", true}}));
  recipe.append(wrangle::StepRegistry::create(
      "derived_column", {{"name", "Body Mass (kg)"}, {"formula", "[Body Mass (g)] / 1000"}}));
  return recipe;
}

std::shared_ptr<store::Project> projectWithPenguins(const QTemporaryDir& dir, std::int64_t& versionId) {
  store::ProjectInfo info;
  info.name = "Penguins";
  std::shared_ptr<store::Project> project = store::Project::create(dir.filePath("p.lathe").toStdString(), info);
  versionId = store::DatasetRepository(project->db()).addDataset("penguins", penguins(), {});
  return project;
}

void runJob(jobs::Job& job, jobs::ProgressSink& sink, std::stop_source stop = {}) {
  jobs::JobContext context(stop.get_token(), sink);
  job.run(context);
}

}  // namespace

class tst_ApplyRecipeJob : public QObject {
  Q_OBJECT

 private slots:
  void applyingMakesTheNextVersionWithItsLineage() {
    QTemporaryDir dir;
    std::int64_t parent = 0;
    auto project = projectWithPenguins(dir, parent);
    const wrangle::Recipe recipe = fillAndDerive();
    wrangle::ApplyRecipeJob job(project, parent, recipe, "Fill body mass");
    jobs::NullProgressSink sink;
    runJob(job, sink);

    store::DatasetRepository datasets(project->db());
    const auto version = datasets.version(job.newVersionId());
    QVERIFY(version);
    QCOMPARE(version->version, 2);
    QCOMPARE(version->origin.parentVersionId, std::optional<std::int64_t>(parent));
    QCOMPARE(version->origin.recipeHash, recipe.hash());
    const auto stored = store::RecipeRepository(project->db()).get(*version->origin.recipeId);
    QVERIFY(stored);
    QCOMPARE(stored->name, std::string("Fill body mass"));
    QCOMPARE(wrangle::Recipe::fromJson(nlohmann::json::parse(stored->definitionJson)).hash(), recipe.hash());

    // The stored table is the recipe's result: no missing mass, the indicator, the new column.
    const data::Table table = datasets.loadTable(job.newVersionId());
    QCOMPARE(table.rowCount(), std::size_t{344});
    QCOMPARE(col(table, "Body Mass (g)").missingCount(), std::size_t{0});
    QCOMPARE(col(table, "Body Mass (g)_was_missing").type(), data::ColumnType::Bool);
    // pandas: df["Body Mass (g)"].mean() == 4201.754385964912, filled into rows 4 and 340.
    QVERIFY(wrangle_test::close(col(table, "Body Mass (kg)").numericAt(3), 4.201754385964912));
    QCOMPARE(table.columnCount(), penguins().columnCount() + 2);
  }

  void aCancelledApplyLeavesNoVersionAndNoRecipe() {
    QTemporaryDir dir;
    std::int64_t parent = 0;
    auto project = projectWithPenguins(dir, parent);
    wrangle::ApplyRecipeJob job(project, parent, fillAndDerive(), "Cancelled");
    std::stop_source stop;
    StoppingSink sink(stop, 0.8);  // after the fit and the recipe row, while storing the version
    QVERIFY_THROWS_EXCEPTION(jobs::JobCancelled, runJob(job, sink, stop));
    QCOMPARE(store::DatasetRepository(project->db()).list().at(0).versions.size(), std::size_t{1});
    QVERIFY(store::RecipeRepository(project->db()).list().empty());
  }

  void aFailingStepIsNamedAndStoresNothing() {
    QTemporaryDir dir;
    std::int64_t parent = 0;
    auto project = projectWithPenguins(dir, parent);
    wrangle::Recipe recipe;
    recipe.append(wrangle::StepRegistry::create("fill_missing", {{"columns", {"Wingspan"}}, {"strategy", "mean"}}));
    wrangle::ApplyRecipeJob job(project, parent, recipe, "Broken");
    jobs::NullProgressSink sink;
    try {
      runJob(job, sink);
      QFAIL("a step on a missing column applied");
    } catch (const Error& e) {
      QVERIFY2(std::string(e.what()).find("Wingspan") != std::string::npos, e.what());
    }
    QCOMPARE(store::DatasetRepository(project->db()).list().at(0).versions.size(), std::size_t{1});
  }

  void thePreviewFollowsEveryEditQuickly() {
    const wrangle::Recipe recipe = fillAndDerive();
    // A big table: the preview only looks at its first 1,000 rows.
    std::vector<std::size_t> rows(3'000'000);
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i % penguins().rowCount();
    const data::Table big = data::gatherTable(penguins(), rows);
    QElapsedTimer clock;
    clock.start();
    data::Table preview;
    for (int i = 0; i < 10; ++i) preview = wrangle::RecipePreview::run(recipe, big);
    const double ms = clock.nsecsElapsed() / 1e6 / 10;
    qInfo("recipe preview on 1,000 of 3,000,000 rows: %.2f ms", ms);
    QCOMPARE(preview.rowCount(), std::size_t{1000});
    QCOMPARE(col(preview, "Body Mass (g)").missingCount(), std::size_t{0});
    QVERIFY(ms < 1000);  // generous: the target (100 ms) and the measured figure are in docs/benchmarks.md
  }
};

QTEST_APPLESS_MAIN(tst_ApplyRecipeJob)
#include "tst_ApplyRecipeJob.moc"
