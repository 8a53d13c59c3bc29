#include "app/desktop/StudioDocks.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>

#include "widgets/jobs/JobLogView.h"
#include "widgets/table/DataTableView.h"
#include "widgets/panels/EmptyStatePanel.h"
#include "widgets/panels/PlaceholderStack.h"
#include "widgets/panels/ProjectOverviewPanel.h"
#include "widgets/panels/RecipePanel.h"

namespace lathe::app {
namespace {

QDockWidget* makeDock(QMainWindow* window, const char* objectName, QWidget* content = nullptr) {
  auto* dock = new QDockWidget(window);
  dock->setObjectName(QLatin1String(objectName));  // saveState() keys docks by object name
  dock->setWidget(new widgets::PlaceholderStack(content, dock));
  return dock;
}

}  // namespace

StudioDocks::StudioDocks(QMainWindow* window, QAction* openAction)
    : project(nullptr),
      data(nullptr),
      recipe(nullptr),
      training(makeDock(window, "dock.training")),
      experiments(makeDock(window, "dock.experiments")),
      charts(makeDock(window, "dock.charts")),
      jobLog(nullptr),
      jobLogView(new widgets::JobLogView),
      dataView(new widgets::DataTableView),
      projectPanel(new widgets::ProjectOverviewPanel),
      recipePanel(new widgets::RecipePanel) {
  project = makeDock(window, "dock.project", projectPanel);
  recipe = makeDock(window, "dock.recipe", recipePanel);
  data = makeDock(window, "dock.data", dataView);
  jobLog = makeDock(window, "dock.jobLog", jobLogView);
  pane(project)->placeholder()->addActionButton(openAction);
  pane(data)->placeholder()->addActionButton(openAction);

  window->setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks |
                         QMainWindow::GroupedDragging);
  window->setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
  window->setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
  window->addDockWidget(Qt::LeftDockWidgetArea, project);
  window->addDockWidget(Qt::RightDockWidgetArea, recipe);
  window->tabifyDockWidget(recipe, training);
  window->addDockWidget(Qt::BottomDockWidgetArea, data);
  window->tabifyDockWidget(data, experiments);
  window->tabifyDockWidget(experiments, charts);
  window->tabifyDockWidget(charts, jobLog);
  window->resizeDocks({project, recipe}, {260, 300}, Qt::Horizontal);
  window->resizeDocks({data}, {260}, Qt::Vertical);
  recipe->raise();
  data->raise();
  retranslate();
}

void StudioDocks::showData(std::shared_ptr<const data::Table> table, const QString& name) {
  const bool any = table != nullptr;
  dataName_ = any ? name : QString();
  updateDataTitle();
  dataView->setTable({std::move(table), nullptr});
  pane(data)->showContent(any);
}

void StudioDocks::updateDataTitle() {
  data->setWindowTitle(dataName_.isEmpty() ? tr("Data") : tr("Data: %1").arg(dataName_));
}

void StudioDocks::showProject(bool open) { pane(project)->showContent(open); }

void StudioDocks::showRecipe(bool any) { pane(recipe)->showContent(any); }

QList<QDockWidget*> StudioDocks::all() const {
  return {project, data, recipe, training, experiments, charts, jobLog};
}

widgets::PlaceholderStack* StudioDocks::pane(QDockWidget* dock) const {
  return static_cast<widgets::PlaceholderStack*>(dock->widget());
}

void StudioDocks::retranslate() {
  struct Text {
    QDockWidget* dock;
    QString title, emptyTitle, emptyText;
  };
  const Text texts[] = {
      {project, tr("Project"), tr("No project open"),
       tr("A project keeps your data, goal, runs and models in one file, saved as you "
                       "work. Start one with File › New Project, open one, or drop a data file "
                       "onto the window.")},
      {data, tr("Data"), tr("No data yet"),
       tr("Drop a CSV, TSV, ARFF, JSON or SQLite file onto the window to import "
                       "it. Its rows and column profiles appear here.")},
      {recipe, tr("Recipe"), tr("No recipe yet"),
       tr("A recipe is a list of transform steps on a dataset: filter rows, fill "
                       "missing values, encode, scale. Import data first; every step can be "
                       "undone.")},
      {training, tr("Training"), tr("Nothing to train yet"),
       tr("Import a dataset and pick a target column: Lathe detects the task and "
                       "suggests algorithms. Training runs in the background and can be "
                       "cancelled.")},
      {experiments, tr("Experiments"), tr("No runs yet"),
       tr("Every training run is recorded here with its parameters and metrics, "
                       "so you can compare runs side by side.")},
      {charts, tr("Charts"), tr("No chart yet"),
       tr("Select a column to see its distribution, or select runs to compare "
                       "their ROC, precision-recall and confusion-matrix charts.")},
      {jobLog, tr("Job log"), tr("No jobs yet"),
       tr("Imports, training and pipeline runs appear here with how long they "
                       "took and how they ended.")},
  };
  for (const Text& t : texts) {
    t.dock->setWindowTitle(t.title);
    pane(t.dock)->placeholder()->setTitle(t.emptyTitle);
    pane(t.dock)->placeholder()->setText(t.emptyText);
  }
  updateDataTitle();
}

}  // namespace lathe::app
