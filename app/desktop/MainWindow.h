#pragma once
#include <QMainWindow>
#include <memory>

#include "engine/data/DataImporter.h"

class QAction;
class QActionGroup;
class QLabel;
class QMenu;

namespace lathe::widgets {
class JobStatusWidget;
class PipelineCanvasView;
}  // namespace lathe::widgets

namespace lathe::app {

class ChartsController;
class ExperimentsController;
class RunDetailsController;
class TrainingController;
class TuningController;
class DataController;
class InsightsController;
class JobManager;
class DeployController;
class MonitorController;
class ModelsController;
class PipelineController;
class PipelineNodeEditors;
class ProjectController;
class RecipeController;
class ProjectDocument;
class StudioDocks;

// The studio window: the pipeline canvas in the centre, docks around it, menus, a toolbar and a
// status bar showing running jobs. It wires engine work (through JobManager) to widgets and holds
// no computation of its own.
class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  JobManager* jobManager() const { return jobs_; }
  ProjectDocument* document() const { return document_; }
  ProjectController* projects() const { return projects_; }
  RecipeController* recipes() const { return recipes_; }
  TrainingController* training() const { return training_; }
  TuningController* tuning() const { return tuning_; }
  ExperimentsController* experiments() const { return experiments_; }
  RunDetailsController* runDetails() const { return runDetails_; }
  ModelsController* models() const { return models_; }
  DeployController* deploy() const { return deploy_; }
  MonitorController* monitor() const { return monitor_; }
  DataController* data() const { return data_; }
  PipelineController* pipeline() const { return pipeline_; }
  PipelineNodeEditors* nodeEditors() const { return nodeEditors_; }
  const StudioDocks& docks() const { return *docks_; }
  widgets::PipelineCanvasView* canvas() const { return canvas_; }
  widgets::JobStatusWidget* jobStatus() const { return jobStatus_; }
  // The table shown in the Data dock: the last import.
  std::shared_ptr<const data::Table> currentTable() const { return currentTable_; }

  // Routes a file to its opener: a project opens, a data file is imported, anything else is
  // refused with a message that names the file.
  void openFile(const QString& path);
  // Writes the Data dock's table to a CSV file as a job; `forExcel` adds a UTF-8 BOM.
  void exportData(const QString& path, bool forExcel);

  // Bumped when the dock layout changes shape, so an old saved layout is ignored.
  static constexpr int kLayoutVersion = 9;

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void createActions();
  void createMenus();
  void createToolBar();
  void connectJobs();
  void retranslate();
  void restoreLayout();
  void saveLayout() const;
  void rebuildRecentMenu();
  void updateTitle();
  void updateRunActions();
  void showTable(std::shared_ptr<const data::Table> table, const QString& name = {});
  // A stored dataset version (null: none) becomes the panels' source.
  void useVersion(std::shared_ptr<const data::Table> table, qint64 versionId, bool keepEditedNode);
  void connectProjectPanel();
  void connectTuning();
  // AutoML on the shown dataset, the one button: the Tuning dock comes forward and it starts.
  void runAutoMl();
  void refreshProjectPanel();

  void openWithDialog();
  void importData(const QString& path);
  void importWithDialog();
  void startImport(const data::ImportRequest& request);
  void finishImport(data::ImportJob& job);
  void exportWithDialog();
  void showAbout();
  void showNotice(const QString& text);
  void showError(const QString& title, const QString& text);

  JobManager* jobs_;
  ProjectDocument* document_;
  ProjectController* projects_;
  RecipeController* recipes_ = nullptr;
  DataController* data_ = nullptr;
  PipelineController* pipeline_ = nullptr;
  PipelineNodeEditors* nodeEditors_ = nullptr;
  InsightsController* insights_ = nullptr;
  ChartsController* charts_ = nullptr;
  TrainingController* training_ = nullptr;
  TuningController* tuning_ = nullptr;
  qint64 pendingAutoMl_ = 0;  // a version asked for AutoML before its rows were loaded
  ExperimentsController* experiments_ = nullptr;
  RunDetailsController* runDetails_ = nullptr;
  ModelsController* models_ = nullptr;
  DeployController* deploy_ = nullptr;
  MonitorController* monitor_ = nullptr;
  widgets::PipelineCanvasView* canvas_;
  widgets::JobStatusWidget* jobStatus_;
  QLabel* savedStateLabel_;
  std::unique_ptr<StudioDocks> docks_;
  QByteArray defaultLayout_;
  std::shared_ptr<const data::Table> currentTable_;
  // The stored dataset version the window shows (a recipe preview may cover it for a while).
  std::shared_ptr<const data::Table> versionTable_;
  QString versionTitle_;

  QMenu* fileMenu_ = nullptr;
  QMenu* recentMenu_ = nullptr;
  QMenu* editMenu_ = nullptr;
  QMenu* viewMenu_ = nullptr;
  QMenu* languageMenu_ = nullptr;
  QMenu* runMenu_ = nullptr;
  QMenu* helpMenu_ = nullptr;
  QToolBar* toolBar_ = nullptr;

  QAction* newAction_ = nullptr;
  QAction* newDemoAction_ = nullptr;
  QAction* openAction_ = nullptr;
  QAction* importAction_ = nullptr;
  QAction* exportAction_ = nullptr;
  QAction* saveAsAction_ = nullptr;
  QAction* closeAction_ = nullptr;
  QAction* savedStateAction_ = nullptr;  // a line in the File menu saying how the project is saved
  QAction* clearRecentAction_ = nullptr;
  QAction* quitAction_ = nullptr;
  QAction* undoAction_ = nullptr;
  QAction* redoAction_ = nullptr;
  QAction* resetLayoutAction_ = nullptr;
  QAction* resetZoomAction_ = nullptr;
  QAction* systemLanguageAction_ = nullptr;
  QActionGroup* languageGroup_ = nullptr;
  QAction* runAction_ = nullptr;
  QAction* runNodeAction_ = nullptr;
  QAction* cancelAction_ = nullptr;
  QAction* autoMlAction_ = nullptr;
  QAction* aboutAction_ = nullptr;
  QAction* aboutQtAction_ = nullptr;
};

}  // namespace lathe::app
