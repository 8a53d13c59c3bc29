#pragma once
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

#include "app/jobs/JobManager.h"

namespace lathe::widgets {
class ModelsPanel;
}

namespace lathe::app {

class ProjectDocument;

// Drives the Models dock: lists the project's model registry (again whenever the project
// changes; a quick read on the GUI thread like the other panels'), registers a run's model as a
// job (its recipes are fitted again: seconds), moves aliases with a reason, scores a file with a
// version and exports a version as a bundle, each as a job with progress and Cancel in the
// panel. One job at a time: the panel has one progress line.
class ModelsController : public QObject {
  Q_OBJECT
 public:
  ModelsController(ProjectDocument* document, JobManager* jobs, widgets::ModelsPanel* panel, QObject* parent = nullptr);

  void refresh();

  // Register Model… on a run: asks for the name (RegisterModelDialog), then registerRun.
  void askRegister(qint64 runId);
  // Starts registering the run's model as the next version of `name`. False (and why, in the
  // panel) when it cannot start.
  bool registerRun(qint64 runId, const QString& name);
  // Moves `alias` ("" removes it) to the version, with the reason (required). False on failure,
  // reported like any failed edit.
  bool setAlias(qint64 versionId, const QString& alias, const QString& reason);
  // Score a File…: asks for the input and the output file, then scoreFile.
  void askScore(qint64 versionId);
  bool scoreFile(qint64 versionId, const QString& input, const QString& output);
  // Score a Dataset…: asks for one of the project's dataset versions (newest first) and
  // the output file, then scoreDataset.
  void askScoreDataset(qint64 versionId);
  bool scoreDataset(qint64 versionId, qint64 datasetVersionId, const QString& output);
  // Export Bundle…: asks for the file (an XGBoost version may go to XGBoost's JSON), then exportVersion.
  void askExport(qint64 versionId);
  bool exportVersion(qint64 versionId, const QString& path, bool xgboostJson);

  bool isRunning() const { return job_ != 0; }
  void cancel();

  // The name Register Model… offers: the model registered last, else the project's name as a
  // slug ("German credit" → "german-credit"), else "model".
  QString defaultModelName() const;
  static QString slug(const QString& name);

 signals:
  // A registration finished and the panel shows the new version: the window brings it forward.
  void registered(qint64 versionId);
  // A scoring wrote its file.
  void scored(qint64 rows, const QString& path);
  void notice(const QString& text);

 private:
  // Runs `job` with the panel's progress and Cancel; `finished` reads its result on the GUI thread.
  bool submit(std::shared_ptr<jobs::Job> job, const QString& title, std::function<void()> finished);
  bool canStart();
  QString referenceOf(qint64 versionId) const;

  ProjectDocument* document_;
  JobManager* jobs_;
  widgets::ModelsPanel* panel_;
  JobManager::JobId job_ = 0;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace lathe::app
