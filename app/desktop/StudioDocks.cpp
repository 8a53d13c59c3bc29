#include "app/desktop/StudioDocks.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>

#include <QVBoxLayout>

#include "widgets/canvas/NodePalette.h"
#include "widgets/deploy/DeployPanel.h"
#include "widgets/deploy/ModelsPanel.h"
#include "widgets/monitor/MonitorPanel.h"
#include "widgets/jobs/JobLogView.h"
#include "widgets/panels/ChartsPanel.h"
#include "widgets/panels/ColumnProfilePanel.h"
#include "widgets/panels/InsightsPanel.h"
#include "widgets/table/DataFilterBar.h"
#include "widgets/table/DataTableView.h"
#include "widgets/panels/EmptyStatePanel.h"
#include "widgets/panels/PlaceholderStack.h"
#include "widgets/panels/ProjectOverviewPanel.h"
#include "widgets/panels/ExperimentsPanel.h"
#include "widgets/panels/RecipePanel.h"
#include "widgets/panels/RunComparisonPanel.h"
#include "widgets/panels/RunDetailsPanel.h"
#include "widgets/panels/TrainingPanel.h"
#include "widgets/tuning/TuningPanel.h"

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
      palette(nullptr),
      data(nullptr),
      recipe(nullptr),
      training(nullptr),
      tuning(nullptr),
      experiments(nullptr),
      comparison(nullptr),
      models(nullptr),
      deploy(nullptr),
      monitor(nullptr),
      run(nullptr),
      charts(nullptr),
      profile(nullptr),
      insights(nullptr),
      jobLog(nullptr),
      jobLogView(new widgets::JobLogView),
      nodePalette(new widgets::NodePalette),
      dataView(new widgets::DataTableView),
      dataFilter(new widgets::DataFilterBar),
      profilePanel(new widgets::ColumnProfilePanel),
      insightsPanel(new widgets::InsightsPanel),
      chartsPanel(new widgets::ChartsPanel),
      projectPanel(new widgets::ProjectOverviewPanel),
      recipePanel(new widgets::RecipePanel),
      trainingPanel(new widgets::TrainingPanel),
      tuningPanel(new widgets::TuningPanel),
      experimentsPanel(new widgets::ExperimentsPanel),
      comparisonPanel(new widgets::RunComparisonPanel),
      modelsPanel(new widgets::ModelsPanel),
      deployPanel(new widgets::DeployPanel),
      monitorPanel(new widgets::MonitorPanel),
      runPanel(new widgets::RunDetailsPanel) {
  training = makeDock(window, "dock.training", trainingPanel);
  experiments = makeDock(window, "dock.experiments", experimentsPanel);
  tuning = makeDock(window, "dock.tuning", tuningPanel);
  comparison = makeDock(window, "dock.comparison", comparisonPanel);
  models = makeDock(window, "dock.models", modelsPanel);
  deploy = makeDock(window, "dock.deploy", deployPanel);
  monitor = makeDock(window, "dock.monitor", monitorPanel);
  run = makeDock(window, "dock.run", runPanel);
  project = makeDock(window, "dock.project", projectPanel);
  palette = makeDock(window, "dock.palette", nodePalette);
  pane(palette)->showContent(true);  // the node kinds are there from the start
  recipe = makeDock(window, "dock.recipe", recipePanel);
  // The filter line sits on top of the table it filters.
  auto* dataPane = new QWidget;
  auto* dataLayout = new QVBoxLayout(dataPane);
  dataLayout->setContentsMargins(0, 0, 0, 0);
  dataLayout->setSpacing(0);
  dataLayout->addWidget(dataFilter);
  dataLayout->addWidget(dataView, 1);
  data = makeDock(window, "dock.data", dataPane);
  profile = makeDock(window, "dock.profile", profilePanel);
  charts = makeDock(window, "dock.charts", chartsPanel);
  insights = makeDock(window, "dock.insights", insightsPanel);
  jobLog = makeDock(window, "dock.jobLog", jobLogView);
  pane(project)->placeholder()->addActionButton(openAction);
  pane(data)->placeholder()->addActionButton(openAction);

  window->setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks |
                         QMainWindow::GroupedDragging);
  window->setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
  window->setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
  window->addDockWidget(Qt::LeftDockWidgetArea, palette);
  window->splitDockWidget(palette, project, Qt::Vertical);
  window->addDockWidget(Qt::RightDockWidgetArea, recipe);
  window->tabifyDockWidget(recipe, profile);
  window->tabifyDockWidget(profile, insights);
  window->tabifyDockWidget(insights, training);
  window->tabifyDockWidget(training, run);
  window->addDockWidget(Qt::BottomDockWidgetArea, data);
  window->tabifyDockWidget(data, experiments);
  window->tabifyDockWidget(experiments, tuning);
  window->tabifyDockWidget(tuning, comparison);
  window->tabifyDockWidget(comparison, models);
  window->tabifyDockWidget(models, deploy);
  window->tabifyDockWidget(deploy, monitor);
  window->tabifyDockWidget(comparison, charts);
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

void StudioDocks::showProfile(bool any) {
  pane(profile)->showContent(any);
  pane(insights)->showContent(any);
  pane(charts)->showContent(any);
}

void StudioDocks::showRecipe(bool any) { pane(recipe)->showContent(any); }

void StudioDocks::showTraining(bool any) { pane(training)->showContent(any); }

void StudioDocks::showTuning(bool any) { pane(tuning)->showContent(any); }

void StudioDocks::showExperiments(bool any) { pane(experiments)->showContent(any); }

void StudioDocks::showComparison(bool any) { pane(comparison)->showContent(any); }

void StudioDocks::showModels(bool any) { pane(models)->showContent(any); }

void StudioDocks::showDeploy(bool any) { pane(deploy)->showContent(any); }

void StudioDocks::showMonitor(bool any) { pane(monitor)->showContent(any); }

void StudioDocks::showRun(bool any) { pane(run)->showContent(any); }

QList<QDockWidget*> StudioDocks::all() const {
  return {palette, project, data, recipe, profile, insights, training, experiments, tuning, run, comparison, models, deploy,
          monitor, charts, jobLog};
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
      {palette, tr("Nodes"), tr("No node types"), tr("The kinds of node a pipeline can use appear here.")},
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
      {profile, tr("Profile"), tr("No column to profile"),
       tr("Import or open a dataset: every column's statistics and distribution appear here. "
          "Select a column in the Data table to see its profile.")},
      {insights, tr("Insights"), tr("No data to check"),
       tr("Import or open a dataset: Lathe checks it for constant columns, duplicates, missing "
          "values, class imbalance and target leakage, and offers one-click fixes.")},
      {training, tr("Training"), tr("Nothing to train yet"),
       tr("Import a dataset and pick a target column: Lathe detects the task and "
                       "suggests algorithms. Training runs in the background and can be "
                       "cancelled.")},
      {experiments, tr("Experiments"), tr("No runs yet"),
       tr("Every training run is recorded here with its parameters and metrics, "
                       "so you can compare runs side by side.")},
      {tuning, tr("Tuning"), tr("No project open"),
       tr("Open a project with a dataset: tune an algorithm's hyperparameters, or let AutoML try every "
          "algorithm within a time budget. Each trial is recorded as a run.")},
      {run, tr("Run"), tr("No run selected"),
       tr("Select one run in Experiments to see its metrics, parameters and notes, the business value "
          "of its decisions and, for a decision tree, the tree itself.")},
      {comparison, tr("Comparison"), tr("Nothing to compare yet"),
       tr("Select two or more runs in Experiments and click Compare: their metrics, parameters, ROC "
          "and precision–recall curves, confusion matrices and learning curves appear side by side.")},
      {models, tr("Models"), tr("No project open"),
       tr("Open a project: the models registered from its runs appear here with their versions and aliases, "
          "ready to compare with production, score files with and export.")},
      {deploy, tr("Deploy"), tr("No project open"),
       tr("Open a project: its endpoints appear here, to serve registered models over HTTP on this computer "
          "with A/B splits and canary releases.")},
      {monitor, tr("Monitor"), tr("No project open"),
       tr("Open a project: compare new data and live traffic with a model's training data, watch drift, "
          "quality and bias over time, and retrain when an alert says so.")},
      {charts, tr("Charts"), tr("No chart yet"),
       tr("Import or open a dataset to draw histograms, box plots, scatter plots, a "
          "correlation heatmap or a feature against the target.")},
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
