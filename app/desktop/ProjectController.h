#pragma once
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

#include "engine/data/DataImporter.h"
#include "engine/data/Table.h"

class QWidget;

namespace lathe::store {
class Project;
}

namespace lathe::app {

class JobManager;
class ProjectDocument;

// The window's project workflows: new, open, Save As and close; storing an import in the
// project and loading a stored dataset back; restoring what the project showed last. Every
// file operation runs as a job; the outcome comes back through the document and the signals.
class ProjectController : public QObject {
  Q_OBJECT
 public:
  ProjectController(ProjectDocument* document, JobManager* jobs, QWidget* window);

  // Asks for a name, a location and, optionally, the goal and KPI; creates and opens it.
  void newProject();
  // Writes the German-credit demo (its data, goal, KPI, cost matrix and pipeline) to `path` as a
  // job and opens it; an empty path asks where. An existing file is opened as it is.
  void newDemoProject(const QString& path = {});
  void openProject(const QString& path);
  // True when `path` is the project open in the window.
  bool isOpen(const QString& path) const;
  void saveProjectAs();
  // Save As without the file dialog: copies the project to `path` and continues there.
  void saveAsTo(const QString& path);
  void closeProject();
  // Stores an imported table as a new dataset (creating the scratch project if none is open).
  void storeImport(std::shared_ptr<const data::Table> table, const data::ImportRequest& request);
  // Loads a stored dataset version and hands it to tableReady.
  void showDatasetVersion(qint64 versionId);
  // The user has turned to something else (a pipeline node's editor): the loads requested until
  // now arrive through versionLoadedBehind instead, so a slow load cannot take the panels away.
  void supersedeLoads() { supersededUpTo_ = loadsRequested_; }

  // Where New Project suggests to put projects: the last folder used, or Documents.
  static QString defaultProjectFolder();

 signals:
  void tableReady(std::shared_ptr<const lathe::data::Table> table, const QString& title);
  // A stored dataset version is what the window shows now (null, 0: none), so a recipe can
  // start from it.
  void versionShown(std::shared_ptr<const lathe::data::Table> table, qint64 versionId);
  // A load superseded while it ran (supersedeLoads): still the dataset to come back to.
  void versionLoadedBehind(std::shared_ptr<const lathe::data::Table> table, const QString& title, qint64 versionId);
  void notice(const QString& text);
  void error(const QString& title, const QString& text);

 private:
  // Opens `path` as a job; `afterOpen` runs once the window shows it.
  void openProject(const QString& path, std::function<void()> afterOpen);
  void adopt(std::shared_ptr<store::Project> project, const QString& path, bool scratch);
  void restoreView();
  void emitNothingShown();

  ProjectDocument* document_;
  JobManager* jobs_;
  QPointer<QWidget> window_;
  int pendingWrites_ = 0;  // store jobs running on the open project
  quint64 loadsRequested_ = 0;
  quint64 supersededUpTo_ = 0;
};

}  // namespace lathe::app
