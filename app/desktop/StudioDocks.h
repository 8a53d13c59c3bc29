#pragma once
#include <QCoreApplication>
#include <QList>
#include <memory>

#include "engine/data/Table.h"

class QDockWidget;
class QMainWindow;
class QAction;

namespace lathe::widgets {
class ChartsPanel;
class ColumnProfilePanel;
class DataFilterBar;
class DataTableView;
class InsightsPanel;
class JobLogView;
class DeployPanel;
class MonitorPanel;
class ModelsPanel;
class NodePalette;
class PlaceholderStack;
class ProjectOverviewPanel;
class RecipePanel;
class TrainingPanel;
class TuningPanel;
class ExperimentsPanel;
class RunComparisonPanel;
class RunDetailsPanel;
}  // namespace lathe::widgets

namespace lathe::app {

// The dock panes around the canvas, each starting with an empty state that says what to do
// next: Project (left), Recipe, Profile, Insights, Training and Run (right), Data, Experiments,
// Tuning, Comparison, Models, Deploy, Monitor, Charts and Job log (bottom). The panes' real content arrives with the features that fill them.
class StudioDocks {
  Q_DECLARE_TR_FUNCTIONS(StudioDocks)

 public:
  StudioDocks(QMainWindow* window, QAction* openAction);

  QList<QDockWidget*> all() const;
  void retranslate();

  QDockWidget* project;
  QDockWidget* palette;  // the node palette, left, beside the project
  QDockWidget* data;
  QDockWidget* recipe;
  QDockWidget* training;
  QDockWidget* tuning;
  QDockWidget* experiments;
  QDockWidget* comparison;
  QDockWidget* models;
  QDockWidget* deploy;
  QDockWidget* monitor;
  QDockWidget* run;
  QDockWidget* charts;
  QDockWidget* profile;
  QDockWidget* insights;
  QDockWidget* jobLog;
  widgets::JobLogView* jobLogView;
  widgets::NodePalette* nodePalette;
  widgets::DataTableView* dataView;
  widgets::DataFilterBar* dataFilter;
  widgets::ColumnProfilePanel* profilePanel;
  widgets::InsightsPanel* insightsPanel;
  widgets::ChartsPanel* chartsPanel;
  widgets::ProjectOverviewPanel* projectPanel;
  widgets::RecipePanel* recipePanel;
  widgets::TrainingPanel* trainingPanel;
  widgets::TuningPanel* tuningPanel;
  widgets::ExperimentsPanel* experimentsPanel;
  widgets::RunComparisonPanel* comparisonPanel;
  widgets::ModelsPanel* modelsPanel;
  widgets::DeployPanel* deployPanel;
  widgets::MonitorPanel* monitorPanel;
  widgets::RunDetailsPanel* runPanel;

  // Shows the table's rows in the Data dock (or its empty state again for a null table).
  // `name` (the dataset and version shown) goes into the dock's title; empty: just "Data".
  void showData(std::shared_ptr<const data::Table> table, const QString& name = {});
  // Shows the project panel, or the dock's empty state when no project is open.
  void showProject(bool open);
  // Shows the column profiles, insights and charts, or the docks' empty states without a table.
  void showProfile(bool any);
  // Shows the recipe panel, or the dock's empty state when no stored dataset is shown.
  void showRecipe(bool any);
  // The training panel once there is a dataset to train on; the runs once there are any; the
  // comparison once runs are compared.
  void showTraining(bool any);
  // The tuning dock once a project is open (its searches show without a dataset).
  void showTuning(bool any);
  void showExperiments(bool any);
  void showComparison(bool any);
  // The registered models once a project is open (the panel says how to register one).
  void showModels(bool any);
  // The endpoints once a project is open (the panel says how to make one).
  void showDeploy(bool any);
  void showMonitor(bool any);
  // One run in full once the user selects one.
  void showRun(bool any);

 private:
  widgets::PlaceholderStack* pane(QDockWidget* dock) const;
  void updateDataTitle();
  QString dataName_;
};

}  // namespace lathe::app
