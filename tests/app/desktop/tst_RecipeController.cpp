// The Recipe dock end to end on a real project holding penguins.csv: add and edit steps through
// the panel's signals, preview after every edit, undo and redo on the project's stack, Apply as
// a job, and the stored version 2 with its lineage and its data.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <cmath>
#include <set>
#include <stop_token>

#include "app/desktop/RecipeController.h"
#include "app/document/ProjectDocument.h"
#include "app/document/RecipeDocument.h"
#include "app/jobs/JobManager.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobContext.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "widgets/panels/RecipePanel.h"
#include "TestPaths.h"

using lathe::app::RecipeController;
using lathe::data::Table;
using lathe::widgets::RecipePanel;
using nlohmann::json;
namespace store = lathe::store;

namespace {

// From pandas, once (/usr/bin/python3, pd.read_csv("penguins.csv")): 344 rows; Body Mass (g)
// is missing in rows 3 and 339 and its mean is 4201.754385964912; Island has three levels.
constexpr std::size_t kRows = 344;
constexpr double kMeanBodyMass = 4201.754385964912;
const std::set<std::string> kIslandColumns = {"Island=Biscoe", "Island=Dream", "Island=Torgersen"};

const json kFillBodyMass = {{"columns", {"Body Mass (g)"}}, {"strategy", "mean"}, {"indicator", false}};
const json kOneHotIsland = {{"columns", {"Island"}}, {"unseen", "zeros"}, {"drop_first", false}, {"max_levels", 200}};

Table importPenguins() {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::data::ImportRequest request;
  request.path = std::string(LATHE_DATASETS_DIR) + "/penguins.csv";
  return lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink)).table;
}

std::set<std::string> columnNames(const Table& table) {
  std::set<std::string> names;
  for (std::size_t i = 0; i < table.columnCount(); ++i) names.insert(table.column(i).name());
  return names;
}

const lathe::data::Column& columnNamed(const Table& table, const std::string& name) {
  const auto index = table.indexOf(name);
  if (!index) throw std::runtime_error("no column " + name);
  return table.column(*index);
}

}  // namespace

class tst_RecipeController : public QObject {
  Q_OBJECT

  // One window's worth: a project with penguins.csv as version 1 of a dataset, and the dock.
  struct Fixture {
    QTemporaryDir dir;
    lathe::app::ProjectDocument document;
    lathe::app::JobManager jobs;
    RecipePanel panel;
    RecipeController controller{&document, &jobs, &panel};
    qint64 version = 0;
    std::shared_ptr<const Table> source;

    Fixture() {
      store::ProjectInfo info;
      info.name = "Penguins";
      std::shared_ptr<store::Project> project = store::Project::create(dir.filePath("p.lathe").toStdString(), info);
      source = std::make_shared<const Table>(importPenguins());
      store::DatasetOrigin origin;
      origin.sourcePath = std::string(LATHE_DATASETS_DIR) + "/penguins.csv";
      version = store::DatasetRepository(project->db()).addDataset("penguins", *source, origin);
      document.setProject(project);
      controller.setSource(source, version);
    }
  };

 private slots:
  void anUnappliedRecipeIsKeptInTheProject() {
    Fixture f;
    f.controller.addStep("fill_missing", kFillBodyMass);
    QCOMPARE(f.controller.recipe()->size(), 1);
    // Another window (or the next session) showing the same version finds the recipe again.
    RecipePanel panel;
    lathe::app::JobManager jobs;
    RecipeController again(&f.document, &jobs, &panel);
    again.setSource(f.source, f.version);
    QCOMPARE(again.recipe()->size(), 1);
    QCOMPARE(again.recipe()->kindAt(0), std::string("fill_missing"));
    QVERIFY(again.preview());
    QCOMPARE(columnNamed(*again.preview(), "Body Mass (g)").missingCount(), std::size_t{0});
  }

  void editsPreviewUndoRedoAndApply() {
    Fixture f;
    QCOMPARE(f.source->rowCount(), kRows);
    QCOMPARE(columnNamed(*f.source, "Body Mass (g)").missingCount(), std::size_t{2});
    auto* undo = f.document.undoStack();
    QSignalSpy previews(&f.controller, &RecipeController::previewReady);

    // Add step from the menu: a fill on the first column (Species, text) cannot take a mean,
    // so the preview fails and the step shows why.
    emit f.panel.addRequested(QStringLiteral("fill_missing"));
    QCOMPARE(f.controller.recipe()->size(), 1);
    QVERIFY(!f.controller.preview());
    QVERIFY2(f.panel.stepText(0).contains("Species"), qPrintable(f.panel.stepText(0)));
    QVERIFY2(f.panel.previewStatus().startsWith("Preview failed"), qPrintable(f.panel.previewStatus()));

    // The user picks Body Mass (g): the preview has no missing mass, filled with the mean.
    emit f.panel.parametersEdited(0, kFillBodyMass);
    QVERIFY(f.controller.preview());
    {
      const auto& mass = columnNamed(*f.controller.preview(), "Body Mass (g)");
      QCOMPARE(mass.missingCount(), std::size_t{0});
      QCOMPARE(mass.float64Values()[3], kMeanBodyMass);  // penguins has 344 rows: all in the preview
      QCOMPARE(mass.float64Values()[339], kMeanBodyMass);
      QCOMPARE(mass.float64Values()[0], 3750.0);
    }
    QVERIFY2(f.panel.previewStatus().startsWith("Preview: first 1,000 rows · "), qPrintable(f.panel.previewStatus()));
    QVERIFY(f.panel.previewStatus().endsWith(" ms"));

    emit f.panel.addRequested(QStringLiteral("one_hot"));
    emit f.panel.parametersEdited(1, kOneHotIsland);
    QCOMPARE(undo->count(), 4);
    {
      const auto names = columnNames(*f.controller.preview());
      QVERIFY(!names.count("Island"));
      for (const auto& name : kIslandColumns) QVERIFY2(names.count(name), name.c_str());
      QCOMPARE(f.controller.preview()->rowCount(), kRows);
      // Row 0 is from Torgersen.
      QCOMPARE(columnNamed(*f.controller.preview(), "Island=Torgersen").boolValues()[0], std::uint8_t{1});
      QCOMPARE(columnNamed(*f.controller.preview(), "Island=Biscoe").boolValues()[0], std::uint8_t{0});
    }
    QVERIFY(previews.count() >= 3);
    QCOMPARE(previews.last().at(0).value<std::shared_ptr<const Table>>(), f.controller.preview());

    // Undo the one-hot step (edit and add): Island is back; redo brings the encoding back.
    undo->undo();
    undo->undo();
    QCOMPARE(f.controller.recipe()->size(), 1);
    QVERIFY(columnNames(*f.controller.preview()).count("Island"));
    QCOMPARE(f.panel.stepCount(), 1);
    undo->redo();
    QCOMPARE(f.controller.recipe()->parametersAt(1).at("columns"), json({"Species"}));  // as added
    undo->redo();
    QCOMPARE(f.controller.recipe()->parametersAt(1), kOneHotIsland);
    QVERIFY(columnNames(*f.controller.preview()).count("Island=Dream"));

    // Disable, move, and their undo.
    emit f.panel.enabledToggled(1, false);
    QVERIFY(!f.controller.recipe()->enabledAt(1));
    QVERIFY(columnNames(*f.controller.preview()).count("Island"));
    undo->undo();
    QVERIFY(f.controller.recipe()->enabledAt(1));
    emit f.panel.moveRequested(1, 0);
    QCOMPARE(f.controller.recipe()->kindAt(0), std::string("one_hot"));
    undo->undo();
    QCOMPARE(f.controller.recipe()->kindAt(0), std::string("fill_missing"));

    // Apply: a job stores version 2 of the dataset, parent version 1, made by this recipe.
    const std::string recipeHash = f.controller.recipe()->recipe().hash();
    QSignalSpy applied(&f.controller, &RecipeController::applied);
    QSignalSpy content(&f.document, &lathe::app::ProjectDocument::contentChanged);
    emit f.panel.applyRequested();
    QVERIFY(f.controller.isApplying());
    QVERIFY(applied.wait(30000));
    QTRY_VERIFY(!f.controller.isApplying());
    QVERIFY(content.count() >= 1);
    const auto newVersion = applied.at(0).at(1).toLongLong();
    store::DatasetRepository datasets(f.document.project()->db());
    const auto info = datasets.version(newVersion);
    QVERIFY(info);
    QCOMPARE(info->version, 2);
    QCOMPARE(info->origin.parentVersionId.value_or(0), f.version);
    QCOMPARE(info->origin.recipeHash, recipeHash);
    QVERIFY(info->origin.recipeId.has_value());
    QCOMPARE(info->rowCount, static_cast<std::int64_t>(kRows));

    const Table stored = datasets.loadTable(newVersion);
    const auto& mass = columnNamed(stored, "Body Mass (g)");
    QCOMPARE(mass.missingCount(), std::size_t{0});
    QCOMPARE(mass.float64Values()[3], kMeanBodyMass);
    const auto names = columnNames(stored);
    QVERIFY(!names.count("Island"));
    for (const auto& name : kIslandColumns) QVERIFY2(names.count(name), name.c_str());
    std::size_t islands = 0;
    for (const auto& name : kIslandColumns)
      for (auto v : columnNamed(stored, name).boolValues()) islands += v;
    QCOMPARE(islands, kRows);  // every penguin is on exactly one island
    QCOMPARE(applied.at(0).at(0).value<std::shared_ptr<const Table>>()->columnCount(), stored.columnCount());
  }

  // BAD_INPUTS: parameters of the wrong shape, unknown kinds and indexes, a column that does not
  // exist: nothing crashes, the undo history holds only edits that happened.
  void refusesBadEditsAndShowsFailingSteps() {
    Fixture f;
    auto* undo = f.document.undoStack();
    QSignalSpy failures(&f.document, &lathe::app::ProjectDocument::failed);
    emit f.panel.addRequested(QStringLiteral("teleport"));
    QCOMPARE(undo->count(), 0);
    QVERIFY2(f.panel.previewStatus().contains("unknown recipe step 'teleport'"), qPrintable(f.panel.previewStatus()));

    f.controller.addStep("fill_missing", kFillBodyMass);
    QCOMPARE(undo->count(), 1);
    for (const json& bad : {json("not an object"), json::array({1, 2}), json({{"columns", 42}, {"strategy", "mean"}}),
                            json({{"columns", json::array()}, {"strategy", "mean"}}), json(nullptr),
                            json({{"columns", {"Body Mass (g)"}}, {"strategy", "telepathy"}})}) {
      emit f.panel.parametersEdited(0, bad);
      QCOMPARE(undo->count(), 1);
      QCOMPARE(f.controller.recipe()->parametersAt(0).at("strategy"), json("mean"));
      // Refused in the panel, on the step's row; the window's message box is not bothered.
      QVERIFY2(f.panel.stepText(0).contains("fill_missing"), qPrintable(f.panel.stepText(0)));
      QVERIFY(f.panel.previewStatus().startsWith("Edit step: "));
    }
    QVERIFY2(f.panel.stepText(0).contains("parameter 'strategy'"), qPrintable(f.panel.stepText(0)));  // the last one
    QCOMPARE(failures.count(), 0);
    emit f.panel.parametersEdited(7, kFillBodyMass);
    emit f.panel.removeRequested(-1);
    emit f.panel.removeRequested(9);
    emit f.panel.moveRequested(0, 5);
    emit f.panel.enabledToggled(3, false);
    QCOMPARE(undo->count(), 1);

    // A column the table lacks: the step is kept, the preview fails naming it, on its row.
    f.controller.addStep("drop_columns", json({{"columns", {"Wingspan"}}}));
    QCOMPARE(f.controller.recipe()->size(), 2);
    QVERIFY(!f.controller.preview());
    QVERIFY2(f.panel.stepText(1).contains("Wingspan"), qPrintable(f.panel.stepText(1)));
    QVERIFY(!f.panel.stepText(0).contains("Wingspan"));
    // A formula that does not parse is refused before it becomes a step.
    f.controller.addStep("filter_rows", json({{"formula", "[Body Mass (g)] > > 3"}}));
    QCOMPARE(f.controller.recipe()->size(), 2);

    // Showing another version starts a new recipe; the old commands no longer touch it.
    f.controller.setSource(f.source, f.version + 100);
    QCOMPARE(f.controller.recipe()->size(), 0);
    undo->undo();
    undo->undo();
    undo->redo();
    QCOMPARE(f.controller.recipe()->size(), 0);
    // An empty recipe previews nothing: the Data dock shows the dataset itself again.
    QVERIFY(!f.controller.preview());
    QCOMPARE(f.panel.previewStatus(), QStringLiteral("Add a step to preview the recipe"));
  }
};

QTEST_MAIN(tst_RecipeController)
#include "tst_RecipeController.moc"
