#include "app/desktop/MainWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

#include "app/commands/DeleteDatasetCommand.h"
#include "app/commands/EditProjectInfoCommand.h"
#include "app/commands/RenameDatasetCommand.h"
#include "app/desktop/AboutDialog.h"
#include "app/desktop/ChartsController.h"
#include "app/desktop/ExperimentsController.h"
#include "app/desktop/DeployController.h"
#include "app/desktop/MonitorController.h"
#include "app/desktop/ModelsController.h"
#include "app/desktop/RunDetailsController.h"
#include "widgets/panels/ExperimentsPanel.h"
#include "widgets/panels/RunDetailsPanel.h"
#include "app/desktop/TrainingController.h"
#include "app/desktop/TuningController.h"
#include "widgets/panels/TrainingPanel.h"
#include "widgets/tuning/TuningPanel.h"
#include "app/desktop/DataController.h"
#include "app/desktop/FileRouter.h"
#include "app/desktop/InsightsController.h"
#include "app/desktop/ImportDialog.h"
#include "app/desktop/PipelineController.h"
#include "app/desktop/PipelineNodeEditors.h"
#include "app/desktop/ProjectController.h"
#include "app/desktop/ProjectMessages.h"
#include "app/desktop/RecipeController.h"
#include "app/desktop/RecentProjects.h"
#include "app/desktop/StudioDocks.h"
#include "app/desktop/UiLanguage.h"
#include "app/document/ProjectDocument.h"
#include "app/jobs/JobManager.h"
#include "engine/core/Error.h"
#include "engine/data/ExportCsvJob.h"
#include "engine/pipeline/nodes/NodeCatalogue.h"
#include "widgets/canvas/PipelineCanvasView.h"
#include "widgets/jobs/JobLogView.h"
#include "widgets/jobs/JobStatusWidget.h"
#include "widgets/table/DataTableView.h"
#include "widgets/panels/PlaceholderStack.h"
#include "widgets/panels/ProjectOverviewPanel.h"

namespace lathe::app {
namespace {
const char* const kGeometryKey = "window/geometry";
const char* const kStateKey = "window/state";

QIcon icon(const char* name) { return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name))); }
}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      jobs_(new JobManager(this)),
      document_(new ProjectDocument(this)),
      projects_(new ProjectController(document_, jobs_, this)),
      canvas_(new widgets::PipelineCanvasView(this)),
      jobStatus_(new widgets::JobStatusWidget(this)),
      savedStateLabel_(new QLabel(this)) {
  setObjectName(QStringLiteral("mainWindow"));
  setAcceptDrops(true);
  setCentralWidget(canvas_);
  createActions();
  docks_ = std::make_unique<StudioDocks>(this, openAction_);
  pipeline_ = new PipelineController(document_, jobs_, canvas_, docks_->nodePalette, pipeline::NodeCatalogue::shared(), this);
  connect(runAction_, &QAction::triggered, pipeline_, &PipelineController::runAll);
  connect(runNodeAction_, &QAction::triggered, pipeline_, &PipelineController::runSelected);
  connect(pipeline_, &PipelineController::runnableChanged, this, &MainWindow::updateRunActions);
  connect(pipeline_, &PipelineController::runningChanged, this, &MainWindow::updateRunActions);
  createMenus();
  createToolBar();
  statusBar()->addPermanentWidget(jobStatus_);
  statusBar()->addPermanentWidget(savedStateLabel_);
  connectJobs();
  connect(document_, &ProjectDocument::changed, this, &MainWindow::updateTitle);
  connect(document_, &ProjectDocument::projectChanged, this, &MainWindow::updateTitle);
  connect(document_, &ProjectDocument::failed, this, [this](const QString& action, const QString& error) {
    showError(tr("%1 failed").arg(action), error);
    refreshProjectPanel();  // the panel showed the edit already; show what the file holds
  });
  connect(projects_, &ProjectController::tableReady, this,
          [this](std::shared_ptr<const data::Table> table, const QString& title) {
            versionTable_ = table;
            versionTitle_ = title;
            showTable(std::move(table), title);
          });
  recipes_ = new RecipeController(document_, jobs_, docks_->recipePanel, this);
  data_ = new DataController(jobs_, docks_.get(), this);
  insights_ = new InsightsController(jobs_, docks_->insightsPanel, recipes_, this);
  connect(data_, &DataController::tableShown, insights_, &InsightsController::setTable);
  charts_ = new ChartsController(jobs_, docks_->chartsPanel, this);
  connect(data_, &DataController::tableShown, charts_, &ChartsController::setTable);
  training_ = new TrainingController(document_, jobs_, docks_->trainingPanel, this);
  tuning_ = new TuningController(document_, jobs_, docks_->tuningPanel, this);
  connect(training_, &TrainingController::datasetRequested, projects_, &ProjectController::showDatasetVersion);
  experiments_ = new ExperimentsController(document_, docks_->experimentsPanel, docks_->comparisonPanel, this);
  connect(experiments_, &ExperimentsController::compared, this, [this] {
    docks_->showComparison(true);
    docks_->comparison->raise();
  });
  runDetails_ = new RunDetailsController(document_, docks_->experimentsPanel, docks_->runPanel, this);
  connect(runDetails_, &RunDetailsController::shown, this, [this] { docks_->showRun(true); });
  connect(docks_->experimentsPanel, &widgets::ExperimentsPanel::openRequested, this, [this](qint64 id) {
    runDetails_->show(id);
    docks_->run->show();
    docks_->run->raise();
  });
  connect(training_, &TrainingController::trained, this, [this] { docks_->experiments->raise(); });
  models_ = new ModelsController(document_, jobs_, docks_->modelsPanel, this);
  connect(docks_->experimentsPanel, &widgets::ExperimentsPanel::registerRequested, models_, &ModelsController::askRegister);
  connect(docks_->runPanel, &widgets::RunDetailsPanel::registerRequested, models_, &ModelsController::askRegister);
  connect(models_, &ModelsController::notice, this, &MainWindow::showNotice);
  connect(models_, &ModelsController::registered, this, [this] {
    docks_->models->show();
    docks_->models->raise();
  });
  deploy_ = new DeployController(document_, jobs_, docks_->deployPanel, this, this);
  monitor_ = new MonitorController(document_, jobs_, docks_->monitorPanel, this, this);
  connect(monitor_, &MonitorController::notice, this, &MainWindow::showNotice);
  connect(monitor_, &MonitorController::alerted, this, [this](const QString& schedule, int alerts) {
    showNotice(tr("Monitoring “%1”: %n alert(s)", nullptr, alerts).arg(schedule));
    docks_->monitor->show();
    docks_->monitor->raise();
  });
  connect(projects_, &ProjectController::versionShown, this,
          [this](std::shared_ptr<const data::Table> table, qint64 versionId) { useVersion(std::move(table), versionId, false); });
  connect(projects_, &ProjectController::versionLoadedBehind, this,
          [this](std::shared_ptr<const data::Table> table, const QString& title, qint64 versionId) {
            // Loaded while the user opened a node's editor: the dataset to go back to on Done.
            versionTable_ = table;
            versionTitle_ = title;
            const bool keep = nodeEditors_->editing();
            if (!keep) showTable(table, title);
            useVersion(std::move(table), versionId, keep);
          });
  // The recipe's preview shows in the Data dock; setSource is fed only by versionShown, so a
  // preview never becomes the recipe's own source.
  connect(recipes_, &RecipeController::previewReady, this, &MainWindow::showTable);
  connect(recipes_, &RecipeController::previewCleared, this, [this] {
    if (currentTable_ != versionTable_) showTable(versionTable_, versionTitle_);
  });
  connect(recipes_, &RecipeController::applied, this,
          [this](std::shared_ptr<const data::Table>, qint64 versionId) { projects_->showDatasetVersion(versionId); });
  connect(docks_->dataView, &widgets::DataTableView::message, this, &MainWindow::showNotice);
  connectProjectPanel();
  connect(projects_, &ProjectController::notice, this, &MainWindow::showNotice);
  connect(pipeline_, &PipelineController::notice, this, &MainWindow::showNotice);
  connectTuning();
  nodeEditors_ = new PipelineNodeEditors(pipeline_, recipes_, training_, tuning_, this);
  connect(nodeEditors_, &PipelineNodeEditors::notice, this, &MainWindow::showNotice);
  connect(nodeEditors_, &PipelineNodeEditors::recipeEditorOpened, this, [this] {
    projects_->supersedeLoads();
    docks_->recipe->show();
    docks_->recipe->raise();
  });
  connect(nodeEditors_, &PipelineNodeEditors::trainingEditorOpened, this, [this] {
    projects_->supersedeLoads();
    docks_->training->show();
    docks_->training->raise();
  });
  connect(nodeEditors_, &PipelineNodeEditors::tuningEditorOpened, this, [this] {
    projects_->supersedeLoads();
    docks_->tuning->show();
    docks_->tuning->raise();
  });
  connect(projects_, &ProjectController::error, this, &MainWindow::showError);
  retranslate();
  defaultLayout_ = saveState(kLayoutVersion);
  restoreLayout();
  updateRunActions();
}

MainWindow::~MainWindow() {
  // Children outlive this part of the window; none may call back into it while they go.
  jobs_->shutdown();
  for (QObject* source : {static_cast<QObject*>(jobs_), static_cast<QObject*>(document_),
                          static_cast<QObject*>(document_->undoStack()), static_cast<QObject*>(projects_),
                          static_cast<QObject*>(recipes_), static_cast<QObject*>(data_), static_cast<QObject*>(insights_),
                          static_cast<QObject*>(charts_), static_cast<QObject*>(training_), static_cast<QObject*>(tuning_),
                          static_cast<QObject*>(experiments_), static_cast<QObject*>(models_), static_cast<QObject*>(deploy_),
                          static_cast<QObject*>(monitor_), static_cast<QObject*>(pipeline_),
                          static_cast<QObject*>(nodeEditors_)})
    source->disconnect(this);
}

void MainWindow::createActions() {
  newAction_ = new QAction(icon("new"), QString(), this);
  newAction_->setShortcut(QKeySequence::New);
  connect(newAction_, &QAction::triggered, projects_, &ProjectController::newProject);
  newDemoAction_ = new QAction(this);
  connect(newDemoAction_, &QAction::triggered, projects_, [this] { projects_->newDemoProject(); });

  openAction_ = new QAction(icon("open"), QString(), this);
  openAction_->setShortcut(QKeySequence::Open);
  connect(openAction_, &QAction::triggered, this, &MainWindow::openWithDialog);

  importAction_ = new QAction(icon("open"), QString(), this);
  importAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
  connect(importAction_, &QAction::triggered, this, &MainWindow::importWithDialog);

  exportAction_ = new QAction(this);
  exportAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  exportAction_->setEnabled(false);  // until there is data
  connect(exportAction_, &QAction::triggered, this, &MainWindow::exportWithDialog);

  saveAsAction_ = new QAction(icon("save-as"), QString(), this);
  saveAsAction_->setShortcut(QKeySequence::SaveAs);
  connect(saveAsAction_, &QAction::triggered, projects_, &ProjectController::saveProjectAs);

  closeAction_ = new QAction(this);
  closeAction_->setShortcut(QKeySequence::Close);
  connect(closeAction_, &QAction::triggered, projects_, &ProjectController::closeProject);

  // Not a command: the File menu's honest answer to "where is Save?".
  savedStateAction_ = new QAction(this);
  savedStateAction_->setEnabled(false);

  clearRecentAction_ = new QAction(this);
  connect(clearRecentAction_, &QAction::triggered, this, [this] {
    RecentProjects::clear();
    rebuildRecentMenu();
  });

  quitAction_ = new QAction(this);
  quitAction_->setShortcut(QKeySequence::Quit);
  quitAction_->setMenuRole(QAction::QuitRole);
  connect(quitAction_, &QAction::triggered, this, &QWidget::close);

  undoAction_ = document_->undoStack()->createUndoAction(this);
  undoAction_->setIcon(icon("undo"));
  undoAction_->setShortcut(QKeySequence::Undo);
  redoAction_ = document_->undoStack()->createRedoAction(this);
  redoAction_->setIcon(icon("redo"));
  redoAction_->setShortcut(QKeySequence::Redo);

  resetLayoutAction_ = new QAction(this);
  connect(resetLayoutAction_, &QAction::triggered, this, [this] {
    for (QDockWidget* dock : docks_->all()) dock->show();
    restoreState(defaultLayout_, kLayoutVersion);
  });
  resetZoomAction_ = new QAction(this);
  resetZoomAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  connect(resetZoomAction_, &QAction::triggered, canvas_, &widgets::PipelineCanvasView::resetZoom);

  languageGroup_ = new QActionGroup(this);
  systemLanguageAction_ = languageGroup_->addAction(QString());
  systemLanguageAction_->setData(QString());
  for (const QString& code : UiLanguage::available())
    languageGroup_->addAction(UiLanguage::nativeName(code))->setData(code);
  for (QAction* action : languageGroup_->actions()) {
    action->setCheckable(true);
    action->setChecked(action->data().toString() == UiLanguage::chosen());
  }
  connect(languageGroup_, &QActionGroup::triggered, this, [this](QAction* action) {
    UiLanguage::setChosen(action->data().toString());
    UiLanguage::install(*QCoreApplication::instance(), UiLanguage::effective());
  });

  runAction_ = new QAction(icon("run"), QString(), this);
  runAction_->setShortcut(QKeySequence(Qt::Key_F5));
  runNodeAction_ = new QAction(icon("run-node"), QString(), this);
  runNodeAction_->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
  autoMlAction_ = new QAction(icon("automl"), QString(), this);
  autoMlAction_->setObjectName(QStringLiteral("autoMlAction"));
  autoMlAction_->setEnabled(false);  // until a dataset is shown
  connect(autoMlAction_, &QAction::triggered, this, &MainWindow::runAutoMl);
  cancelAction_ = new QAction(icon("cancel"), QString(), this);
  cancelAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
  connect(cancelAction_, &QAction::triggered, jobs_, &JobManager::cancelAll);

  aboutAction_ = new QAction(this);
  aboutAction_->setMenuRole(QAction::AboutRole);
  connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);
  aboutQtAction_ = new QAction(this);
  aboutQtAction_->setMenuRole(QAction::AboutQtRole);
  connect(aboutQtAction_, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus() {
  fileMenu_ = menuBar()->addMenu(QString());
  fileMenu_->addAction(newAction_);
  fileMenu_->addAction(newDemoAction_);
  fileMenu_->addAction(openAction_);
  recentMenu_ = fileMenu_->addMenu(QString());
  connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
  fileMenu_->addAction(saveAsAction_);
  fileMenu_->addAction(savedStateAction_);
  fileMenu_->addAction(closeAction_);
  fileMenu_->addSeparator();
  fileMenu_->addAction(importAction_);
  fileMenu_->addAction(exportAction_);
  fileMenu_->addSeparator();
  fileMenu_->addAction(quitAction_);
  rebuildRecentMenu();

  editMenu_ = menuBar()->addMenu(QString());
  editMenu_->addAction(undoAction_);
  editMenu_->addAction(redoAction_);
  editMenu_->addSeparator();  // Align works on the canvas's selected nodes
  editMenu_->addAction(pipeline_->alignLeftAction());
  editMenu_->addAction(pipeline_->alignTopAction());

  viewMenu_ = menuBar()->addMenu(QString());
  for (QDockWidget* dock : docks_->all()) viewMenu_->addAction(dock->toggleViewAction());
  viewMenu_->addSeparator();
  viewMenu_->addAction(resetLayoutAction_);
  viewMenu_->addAction(resetZoomAction_);
  viewMenu_->addSeparator();
  languageMenu_ = viewMenu_->addMenu(QString());
  languageMenu_->addAction(systemLanguageAction_);
  languageMenu_->addSeparator();
  for (QAction* action : languageGroup_->actions())
    if (action != systemLanguageAction_) languageMenu_->addAction(action);

  runMenu_ = menuBar()->addMenu(QString());
  runMenu_->addAction(runAction_);
  runMenu_->addAction(runNodeAction_);
  runMenu_->addSeparator();
  runMenu_->addAction(autoMlAction_);
  runMenu_->addAction(cancelAction_);

  helpMenu_ = menuBar()->addMenu(QString());
  helpMenu_->addAction(aboutAction_);
  helpMenu_->addAction(aboutQtAction_);
}

void MainWindow::createToolBar() {
  toolBar_ = addToolBar(QString());
  toolBar_->setObjectName(QStringLiteral("toolbar.main"));
  toolBar_->setMovable(false);
  toolBar_->setIconSize(QSize(20, 20));
  toolBar_->addAction(newAction_);
  toolBar_->addAction(openAction_);
  toolBar_->addAction(saveAsAction_);
  toolBar_->addSeparator();
  toolBar_->addAction(undoAction_);
  toolBar_->addAction(redoAction_);
  toolBar_->addSeparator();
  toolBar_->addAction(runAction_);
  toolBar_->addAction(runNodeAction_);
  toolBar_->addAction(autoMlAction_);
  toolBar_->addAction(cancelAction_);
}

void MainWindow::connectJobs() {
  auto refresh = [this] {
    jobStatus_->setJobs(jobs_->activeJobs());
    updateRunActions();
  };
  connect(jobs_, &JobManager::activeJobsChanged, this, refresh);
  connect(jobStatus_, &widgets::JobStatusWidget::cancelRequested, this, [this](const QVector<quint64>& ids) {
    for (quint64 id : ids) jobs_->cancel(id);
  });

  using Outcome = widgets::JobLogEntry::Outcome;
  auto log = [this](quint64 id, const QString& title, Outcome outcome, double seconds, const QString& detail) {
    docks_->jobLogView->append({id, title, outcome, QDateTime::currentDateTime(), seconds, detail});
    static_cast<widgets::PlaceholderStack*>(docks_->jobLog->widget())->showContent(true);
  };
  connect(jobs_, &JobManager::jobStarted, this,
          [log](quint64 id, const QString& title) { log(id, title, Outcome::Started, 0, {}); });
  connect(jobs_, &JobManager::jobFinished, this,
          [log](quint64 id, const QString& title, double s) { log(id, title, Outcome::Finished, s, {}); });
  connect(jobs_, &JobManager::jobCancelled, this,
          [log](quint64 id, const QString& title, double s) { log(id, title, Outcome::Cancelled, s, {}); });
  connect(jobs_, &JobManager::jobFailed, this,
          [log](quint64 id, const QString& title, const QString& error, double s) {
            log(id, title, Outcome::Failed, s, error);
          });
}

void MainWindow::retranslate() {
  fileMenu_->setTitle(tr("&File"));
  newAction_->setText(tr("&New Project"));
  newAction_->setToolTip(tr("Start a new, empty project"));
  newDemoAction_->setText(tr("New from &Demo…"));
  newDemoAction_->setToolTip(tr("A German-credit project with its data, goal, costs and a pipeline that trains three models"));
  openAction_->setText(tr("&Open…"));
  openAction_->setToolTip(tr("Open a project or a data file"));
  recentMenu_->setTitle(tr("Open &Recent"));
  importAction_->setText(tr("&Import Data…"));
  importAction_->setToolTip(tr("Import a CSV, TSV, ARFF, JSON or SQLite file"));
  exportAction_->setText(tr("&Export Data as CSV…"));
  exportAction_->setToolTip(tr("Write the rows in the Data dock to a CSV file"));
  clearRecentAction_->setText(tr("&Clear List"));
  saveAsAction_->setText(tr("Save Project &As…"));
  saveAsAction_->setToolTip(tr("Copy the project to a new file and continue there"));
  closeAction_->setText(tr("&Close Project"));
  quitAction_->setText(tr("&Quit"));

  editMenu_->setTitle(tr("&Edit"));
  viewMenu_->setTitle(tr("&View"));
  resetLayoutAction_->setText(tr("&Reset Layout"));
  resetZoomAction_->setText(tr("Reset &Zoom"));
  languageMenu_->setTitle(tr("&Language"));
  systemLanguageAction_->setText(tr("System Language"));

  runMenu_->setTitle(tr("&Run"));
  runAction_->setText(tr("&Run Pipeline"));
  runNodeAction_->setText(tr("Run &Selected Node"));
  autoMlAction_->setText(tr("&AutoML"));
  autoMlAction_->setToolTip(tr("Try every algorithm on the shown dataset within a time budget, and keep the best model"));
  cancelAction_->setText(tr("&Cancel All Jobs"));
  cancelAction_->setToolTip(tr("Stop every running job"));

  helpMenu_->setTitle(tr("&Help"));
  aboutAction_->setText(tr("&About Lathe Studio"));
  aboutQtAction_->setText(tr("About &Qt"));
  toolBar_->setWindowTitle(tr("Main Toolbar"));

  canvas_->setEmptyHint(tr("Your pipeline is empty"),
                        tr("Drag a node from the Nodes palette onto the canvas, then drag from an "
                           "output port to an input port to connect them. Press F5 to run."));
  docks_->retranslate();
  updateRunActions();
  updateTitle();
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange && fileMenu_) retranslate();
  QMainWindow::changeEvent(event);
}

void MainWindow::connectTuning() {
  connect(document_, &ProjectDocument::projectChanged, this, [this] { docks_->showTuning(document_->hasProject()); });
  connect(tuning_, &TuningController::datasetRequested, projects_, &ProjectController::showDatasetVersion);
  connect(tuning_, &TuningController::runRequested, this, [this](qint64 id) {
    runDetails_->show(id);
    docks_->run->show();
    docks_->run->raise();
  });
  // The winner's explanation: the leaders side by side in the Comparison dock.
  connect(docks_->tuningPanel, &widgets::TuningPanel::compareRequested, experiments_, &ExperimentsController::compare);
  connect(docks_->projectPanel, &widgets::ProjectOverviewPanel::autoMlRequested, this, [this](qint64 versionId) {
    // The version's rows load as a job; AutoML starts once they are shown (versionShown).
    pendingAutoMl_ = versionId;
    projects_->showDatasetVersion(versionId);
  });
}

void MainWindow::runAutoMl() {
  docks_->showTuning(true);
  docks_->tuning->show();
  docks_->tuning->raise();
  if (tuning_->startAutoMl(docks_->trainingPanel->target())) showNotice(tr("AutoML started; the leaderboard fills in as trials finish."));
}

void MainWindow::updateRunActions() {
  // Running needs a pipeline with nodes, and no run of it going already.
  const bool hasPipeline = pipeline_ && pipeline_->hasNodes();
  const bool idle = pipeline_ && !pipeline_->isRunning();
  runAction_->setEnabled(hasPipeline && idle);
  runNodeAction_->setEnabled(hasPipeline && idle && pipeline_->hasSelectedNode());
  const QString why = tr("Add nodes to the pipeline to run it");
  runAction_->setToolTip(hasPipeline ? tr("Run every stale node of the pipeline") : why);
  runNodeAction_->setToolTip(hasPipeline ? tr("Run the selected node and what it needs") : why);
  cancelAction_->setEnabled(jobs_->activeCount() > 0);
}

void MainWindow::updateTitle() {
  QString title = tr("%1 — Lathe Studio").arg(document_->displayName());
  QString state;
  if (!document_->hasProject()) {
    state = tr("No project open: an import starts one");
  } else if (document_->readOnly()) {
    title = tr("%1 [read-only] — Lathe Studio").arg(document_->displayName());
    state = tr("Read-only: %1").arg(ProjectMessages::readOnlyReason(document_->readOnlyReason()));
  } else if (document_->isScratch()) {
    state = tr("Saved as you work, in Lathe's unsaved-projects folder; Save As names it");
  } else {
    state = tr("All changes saved as you make them");
  }
  setWindowTitle(title);
  setWindowFilePath(document_->filePath());
  savedStateAction_->setText(state);
  savedStateLabel_->setText(state);
  closeAction_->setEnabled(document_->hasProject());
}

void MainWindow::restoreLayout() {
  QSettings settings;
  // A saved layout from another version, a damaged settings file or a screen that is gone:
  // each restore call refuses bad data, and we keep the defaults.
  if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
    const QRect screen = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableGeometry()
                                                          : QRect(0, 0, 1600, 1000);
    resize(QSize(1400, 900).boundedTo(screen.size() * 0.92));
    move(screen.center() - rect().center());
  }
  if (!restoreState(settings.value(kStateKey).toByteArray(), kLayoutVersion))
    restoreState(defaultLayout_, kLayoutVersion);
}

void MainWindow::saveLayout() const {
  QSettings settings;
  settings.setValue(kGeometryKey, saveGeometry());
  settings.setValue(kStateKey, saveState(kLayoutVersion));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  saveLayout();
  // Quitting stops the work in progress; a job's partial result is never kept.
  jobs_->shutdown();
  event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  const QMimeData* mime = event->mimeData();
  if (!mime->hasUrls()) return;
  for (const QUrl& url : mime->urls())
    if (!url.isLocalFile()) return;
  event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  event->acceptProposedAction();
  for (const QUrl& url : urls) openFile(url.toLocalFile());
}

void MainWindow::openFile(const QString& path) {
  const QString shown = QDir::toNativeSeparators(path);
  switch (FileRouter::classify(path)) {
    case FileRouter::Kind::Project: projects_->openProject(path); break;
    case FileRouter::Kind::Data: importData(path); break;
    case FileRouter::Kind::Unreadable:
      showError(tr("Cannot open file"), tr("“%1” does not exist or cannot be read.").arg(shown));
      break;
    case FileRouter::Kind::Unsupported:
      showError(tr("Unsupported file"),
                tr("“%1” is neither a Lathe project nor a data file Lathe can import (CSV, TSV, "
                   "ARFF, JSON or SQLite).")
                    .arg(shown));
      break;
  }
}

void MainWindow::openWithDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open"), QString(), FileRouter::openFilter());
  if (!path.isEmpty()) openFile(path);
}

void MainWindow::importWithDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Import Data"), QString(), FileRouter::dataFilter());
  if (!path.isEmpty()) importData(path);
}

void MainWindow::importData(const QString& path) {
  auto* dialog = new ImportDialog(path, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog] { startImport(dialog->request()); });
  dialog->open();
}

void MainWindow::startImport(const data::ImportRequest& request) {
  auto job = std::make_shared<data::ImportJob>(request);
  const QString name = QFileInfo(QString::fromStdString(request.path)).fileName();
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, job] { finishImport(*job); };
  callbacks.failed = [this](const QString& error) { showError(tr("Import failed"), error); };
  jobs_->submit(job, tr("Import %1").arg(name), std::move(callbacks));
}

void MainWindow::finishImport(data::ImportJob& job) {
  data::ImportResult& result = job.result();
  versionTable_ = std::make_shared<const data::Table>(std::move(result.table));
  versionTitle_ = QFileInfo(QString::fromStdString(job.request().path)).fileName();
  showTable(versionTable_, versionTitle_);
  docks_->data->raise();
  projects_->storeImport(currentTable_, job.request());
  QString notice = tr("Imported %n rows", nullptr, static_cast<int>(currentTable_->rowCount()));
  if (!result.warnings.empty())
    notice += QStringLiteral(" · ") + tr("%n warnings: %1", nullptr, static_cast<int>(result.warnings.size()))
                                          .arg(QString::fromStdString(formatError(result.warnings.front().message,
                                                                                  result.warnings.front().where)));
  showNotice(notice);
}

void MainWindow::connectProjectPanel() {
  widgets::ProjectOverviewPanel* panel = docks_->projectPanel;
  connect(document_, &ProjectDocument::contentChanged, this, &MainWindow::refreshProjectPanel);
  connect(panel, &widgets::ProjectOverviewPanel::infoEdited, this,
          [this](const store::ProjectInfo& before, const store::ProjectInfo& after) {
            document_->undoStack()->push(new EditProjectInfoCommand(document_, before, after));
          });
  // The panel knows the names it shows; the commands need the stored one to undo to.
  auto storedName = [this](qint64 id) -> std::optional<QString> {
    for (const store::DatasetInfo& dataset : docks_->projectPanel->overview().datasets)
      if (dataset.id == id) return QString::fromStdString(dataset.name);
    return std::nullopt;
  };
  connect(panel, &widgets::ProjectOverviewPanel::renameDatasetRequested, this,
          [this, storedName](qint64 id, const QString& name) {
            if (const auto before = storedName(id))
              document_->undoStack()->push(new RenameDatasetCommand(document_, id, *before, name));
          });
  connect(panel, &widgets::ProjectOverviewPanel::deleteDatasetRequested, this, [this, storedName](qint64 id) {
    if (const auto name = storedName(id)) document_->undoStack()->push(new DeleteDatasetCommand(document_, id, *name));
  });
  connect(panel, &widgets::ProjectOverviewPanel::datasetVersionActivated, projects_,
          &ProjectController::showDatasetVersion);
  refreshProjectPanel();
}

void MainWindow::refreshProjectPanel() {
  docks_->showProject(document_->hasProject());
  docks_->showExperiments(document_->hasProject());
  docks_->showModels(document_->hasProject());
  docks_->showDeploy(document_->hasProject());
  docks_->showMonitor(document_->hasProject());
  if (!document_->hasProject()) return;
  widgets::ProjectOverview overview;
  try {
    overview.info = document_->info();
    overview.datasets = document_->datasets();
    overview.runCount = document_->runCount();
    overview.modelCount = document_->modelCount();
  } catch (const Error& e) {
    showError(tr("Cannot read the project"), QString::fromUtf8(e.what()));
    return;
  }
  overview.readOnly = document_->readOnly();
  overview.readOnlyReason = ProjectMessages::readOnlyReason(document_->readOnlyReason());
  overview.filePath = QDir::toNativeSeparators(document_->filePath());
  docks_->projectPanel->setOverview(overview);
}

void MainWindow::useVersion(std::shared_ptr<const data::Table> table, qint64 versionId, bool keepEditedNode) {
  docks_->showRecipe(table != nullptr);
  docks_->showTraining(table != nullptr);
  training_->setSource(table, versionId, keepEditedNode);
  tuning_->setSource(table, versionId, keepEditedNode);
  autoMlAction_->setEnabled(table != nullptr);
  if (table && versionId == pendingAutoMl_) {
    pendingAutoMl_ = 0;
    runAutoMl();
  }
  recipes_->setSource(std::move(table), versionId, keepEditedNode);
}

void MainWindow::showTable(std::shared_ptr<const data::Table> table, const QString& name) {
  currentTable_ = std::move(table);
  exportAction_->setEnabled(currentTable_ != nullptr);
  data_->show(currentTable_, name);
}

void MainWindow::exportWithDialog() {
  if (!currentTable_) return;
  const QString plain = tr("CSV (*.csv)");
  const QString excel = tr("CSV for Excel, UTF-8 with BOM (*.csv)");
  QString chosen;
  QString path = QFileDialog::getSaveFileName(this, tr("Export Data as CSV"), QString(),
                                              plain + QStringLiteral(";;") + excel, &chosen);
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".csv");
  exportData(path, chosen == excel);
}

void MainWindow::exportData(const QString& path, bool forExcel) {
  if (!currentTable_) return;
  data::CsvWriteOptions options;
  options.utf8Bom = forExcel;
  auto job = std::make_shared<data::ExportCsvJob>(currentTable_, path.toStdString(), options);
  jobs_->submit(job, tr("Export %1").arg(QFileInfo(path).fileName()));
}

void MainWindow::rebuildRecentMenu() {
  recentMenu_->clear();
  const QStringList paths = RecentProjects::paths();
  for (const QString& path : paths) {
    QAction* action = recentMenu_->addAction(QDir::toNativeSeparators(path));
    connect(action, &QAction::triggered, this, [this, path] {
      if (!QFileInfo::exists(path)) {
        RecentProjects::remove(path);
        showError(tr("Cannot open project"),
                  tr("“%1” no longer exists; it was removed from the recent projects.")
                      .arg(QDir::toNativeSeparators(path)));
        return;
      }
      openFile(path);
    });
  }
  if (paths.isEmpty()) recentMenu_->addAction(tr("No recent projects"))->setEnabled(false);
  recentMenu_->addSeparator();
  recentMenu_->addAction(clearRecentAction_);
  clearRecentAction_->setEnabled(!paths.isEmpty());
}

void MainWindow::showAbout() {
  auto* dialog = new AboutDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
}

void MainWindow::showNotice(const QString& text) { statusBar()->showMessage(text, 8000); }

void MainWindow::showError(const QString& title, const QString& text) {
  // Window-modal and non-blocking: a job finishing meanwhile is still delivered.
  auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

}  // namespace lathe::app
