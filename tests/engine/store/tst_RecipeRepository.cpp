// Recipes, pipelines and the saved view in the project file: round trips through a reopen, soft
// delete and restore, names, bad JSON, and a read-only project.
#include <QTemporaryDir>
#include <QtTest>

#include "StoreTestSupport.h"
#include "engine/core/Error.h"
#include "engine/store/PipelineRepository.h"
#include "engine/store/Project.h"
#include "engine/store/RecipeRepository.h"
#include "engine/store/ViewStateRepository.h"

using namespace lathe;
using namespace lathe::store;

namespace {

// SHA-256 of these exact bytes, computed once with Python's hashlib.
constexpr const char* kDropSpecies = R"({"steps":[{"op":"drop_columns","columns":["Species"]}]})";
constexpr const char* kDropSpeciesHash = "f7f7b14a88e6ba63e27d3f016b944a766dc1ae267b19523d505ea2435d966c61";
constexpr const char* kEmpty = R"({"steps":[]})";
constexpr const char* kEmptyHash = "4430e7786edc0f8419f02e909c15422ebf572287a58132d8f6f33250ce053121";

std::string pathIn(const QTemporaryDir& dir) { return dir.filePath(QStringLiteral("recipes.lathe")).toStdString(); }

}  // namespace

class tst_RecipeRepository : public QObject {
  Q_OBJECT

 private slots:
  void recipesRoundTripWithTheirHash() {
    QTemporaryDir dir;
    std::int64_t id = 0;
    {
      auto project = Project::create(pathIn(dir), ProjectInfo{"Recipes", {}, {}, {}, {}, {}, {}});
      RecipeRepository recipes(project->db());
      id = recipes.add("Clean penguins", kDropSpecies);
      recipes.add("Nothing yet", kEmpty);
    }
    auto project = Project::open(pathIn(dir));
    RecipeRepository recipes(project->db());
    const auto loaded = recipes.get(id);
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->name, std::string("Clean penguins"));
    QCOMPARE(loaded->definitionJson, std::string(kDropSpecies));
    QCOMPARE(loaded->hash, std::string(kDropSpeciesHash));
    QVERIFY(!loaded->createdAt.empty());
    QCOMPARE(loaded->modifiedAt, loaded->createdAt);

    const auto list = recipes.list();
    QCOMPARE(list.size(), std::size_t{2});
    QCOMPARE(list[0].name, std::string("Clean penguins"));  // by name
    QCOMPARE(list[1].hash, std::string(kEmptyHash));

    recipes.update(id, "Keep species", kEmpty);
    const auto updated = recipes.get(id);
    QCOMPARE(updated->name, std::string("Keep species"));
    QCOMPARE(updated->hash, std::string(kEmptyHash));
    QCOMPARE(updated->createdAt, loaded->createdAt);
    QVERIFY(updated->modifiedAt >= loaded->modifiedAt);
    QVERIFY(!recipes.get(id + 100).has_value());
  }

  void recipesAreSoftDeleted() {
    QTemporaryDir dir;
    auto project = Project::create(pathIn(dir), ProjectInfo{"Recipes", {}, {}, {}, {}, {}, {}});
    RecipeRepository recipes(project->db());
    const auto a = recipes.add("a", kEmpty);
    const auto b = recipes.add("b", kDropSpecies);
    recipes.setDeleted(a, true);
    QCOMPARE(recipes.list().size(), std::size_t{1});
    QCOMPARE(recipes.list().front().id, b);
    QVERIFY(recipes.get(a).has_value());  // a run may still name it
    recipes.setDeleted(a, false);
    QCOMPARE(recipes.list().size(), std::size_t{2});
    QCOMPARE(errorOf([&] { recipes.setDeleted(99, true); }), ErrorCode::InvalidArgument);
  }

  void badRecipesAreRefused() {
    QTemporaryDir dir;
    auto project = Project::create(pathIn(dir), ProjectInfo{"Recipes", {}, {}, {}, {}, {}, {}});
    RecipeRepository recipes(project->db());
    QCOMPARE(errorOf([&] { recipes.add("", kEmpty); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { recipes.add("broken", R"({"steps": [)"); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { recipes.add("nothing", ""); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { recipes.add("nul", std::string("{}\0{}", 5)); }), ErrorCode::InvalidArgument);
    QVERIFY(recipes.list().empty());
    const auto id = recipes.add("ok", kEmpty);
    QCOMPARE(errorOf([&] { recipes.update(id, "ok", "not json"); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { recipes.update(id + 1, "ok", kEmpty); }), ErrorCode::InvalidArgument);
    QCOMPARE(recipes.get(id)->definitionJson, std::string(kEmpty));
  }

  void pipelinesAreSavedByName() {
    QTemporaryDir dir;
    std::int64_t id = 0;
    {
      auto project = Project::create(pathIn(dir), ProjectInfo{"Pipelines", {}, {}, {}, {}, {}, {}});
      PipelineRepository pipelines(project->db());
      id = pipelines.save("Train churn", R"({"nodes":[],"links":[]})");
      QCOMPARE(pipelines.save("Train churn", R"({"nodes":[{"id":1}],"links":[]})"), id);  // an update
      pipelines.save("Score", "{}");
    }
    auto project = Project::open(pathIn(dir));
    PipelineRepository pipelines(project->db());
    const auto loaded = pipelines.get("Train churn");
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->id, id);
    QCOMPARE(loaded->definitionJson, std::string(R"({"nodes":[{"id":1}],"links":[]})"));
    QVERIFY(!loaded->createdAt.empty());
    QVERIFY(loaded->modifiedAt >= loaded->createdAt);
    QVERIFY(!pipelines.get("train churn").has_value());  // names are exact
    const auto list = pipelines.list();
    QCOMPARE(list.size(), std::size_t{2});
    QCOMPARE(list[0].name, std::string("Score"));

    pipelines.rename(id, "Train churn v2");
    QVERIFY(!pipelines.get("Train churn").has_value());
    QCOMPARE(pipelines.get("Train churn v2")->id, id);
    QCOMPARE(errorOf([&] { pipelines.rename(id, "Score"); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { pipelines.rename(id, ""); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { pipelines.rename(999, "Free"); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { pipelines.save("Bad", "{nodes}"); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { pipelines.save("", "{}"); }), ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { pipelines.save("Nul", std::string("{}\0{}", 5)); }), ErrorCode::InvalidArgument);
    QCOMPARE(pipelines.list().size(), std::size_t{2});
  }

  void pipelinesAreSoftDeleted() {
    QTemporaryDir dir;
    auto project = Project::create(pathIn(dir), ProjectInfo{"Pipelines", {}, {}, {}, {}, {}, {}});
    PipelineRepository pipelines(project->db());
    const auto id = pipelines.save("Train", R"({"v":1})");
    pipelines.setDeleted(id, true);
    QVERIFY(!pipelines.get("Train").has_value());
    QVERIFY(pipelines.list().empty());
    pipelines.setDeleted(id, false);
    QCOMPARE(pipelines.get("Train")->definitionJson, std::string(R"({"v":1})"));

    // The deleted pipeline keeps its name: renaming onto it is refused, saving onto it revives it.
    const auto other = pipelines.save("Other", "{}");
    pipelines.setDeleted(id, true);
    QCOMPARE(errorOf([&] { pipelines.rename(other, "Train"); }), ErrorCode::InvalidArgument);
    QCOMPARE(pipelines.save("Train", R"({"v":2})"), id);
    QCOMPARE(pipelines.get("Train")->definitionJson, std::string(R"({"v":2})"));
    QCOMPARE(pipelines.list().size(), std::size_t{2});
    QCOMPARE(errorOf([&] { pipelines.setDeleted(999, true); }), ErrorCode::InvalidArgument);
  }

  void theViewStateIsRemembered() {
    QTemporaryDir dir;
    {
      auto project = Project::create(pathIn(dir), ProjectInfo{"View", {}, {}, {}, {}, {}, {}});
      ViewStateRepository view(project->db());
      QVERIFY(!view.get("canvas").has_value());
      view.set("canvas", R"({"x":10,"y":-4.5,"zoom":1.25})");
      view.set("dataset", "3");
      view.set("dataset", "4");  // replaces
      view.set("empty", "");
      view.remove("nothing there");  // not an error
      QCOMPARE(errorOf([&] { view.set("", "x"); }), ErrorCode::InvalidArgument);
    }
    auto project = Project::open(pathIn(dir));
    ViewStateRepository view(project->db());
    QCOMPARE(view.get("canvas"), std::optional<std::string>(R"({"x":10,"y":-4.5,"zoom":1.25})"));
    QCOMPARE(view.get("dataset"), std::optional<std::string>("4"));
    QCOMPARE(view.get("empty"), std::optional<std::string>(""));  // empty is not missing
    view.remove("dataset");
    QVERIFY(!view.get("dataset").has_value());
  }

  void aReadOnlyProjectRefusesWritesAndKeepsItsData() {
    QTemporaryDir dir;
    std::int64_t recipe = 0, pipeline = 0;
    {
      auto project = Project::create(pathIn(dir), ProjectInfo{"Frozen", {}, {}, {}, {}, {}, {}});
      recipe = RecipeRepository(project->db()).add("r", kEmpty);
      pipeline = PipelineRepository(project->db()).save("p", "{}");
      ViewStateRepository(project->db()).set("canvas", "{}");
    }
    ProjectOpenOptions options;
    options.readOnly = true;
    auto project = Project::open(pathIn(dir), options);
    RecipeRepository recipes(project->db());
    PipelineRepository pipelines(project->db());
    ViewStateRepository view(project->db());
    QCOMPARE(errorOf([&] { recipes.add("new", kEmpty); }), ErrorCode::Io);
    QCOMPARE(errorOf([&] { recipes.update(recipe, "r2", kDropSpecies); }), ErrorCode::Io);
    QCOMPARE(errorOf([&] { recipes.setDeleted(recipe, true); }), ErrorCode::Io);
    QCOMPARE(errorOf([&] { pipelines.save("p", R"({"v":2})"); }), ErrorCode::Io);
    QCOMPARE(errorOf([&] { pipelines.rename(pipeline, "q"); }), ErrorCode::Io);
    QCOMPARE(errorOf([&] { pipelines.setDeleted(pipeline, true); }), ErrorCode::Io);
    QCOMPARE(errorOf([&] { view.set("canvas", "{\"x\":1}"); }), ErrorCode::Io);
    QCOMPARE(errorOf([&] { view.remove("canvas"); }), ErrorCode::Io);
    QCOMPARE(recipes.get(recipe)->hash, std::string(kEmptyHash));
    QCOMPARE(pipelines.get("p")->definitionJson, std::string("{}"));
    QCOMPARE(view.get("canvas"), std::optional<std::string>("{}"));
  }
};

QTEST_GUILESS_MAIN(tst_RecipeRepository)
#include "tst_RecipeRepository.moc"
