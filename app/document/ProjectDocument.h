#pragma once
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

#include "engine/store/DatasetVersionInfo.h"
#include "engine/store/ExperimentRun.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectInfo.h"
#include "engine/store/TuningRepository.h"
#include "engine/tune/TuningHistory.h"

class QUndoStack;

namespace lathe::app {

// The project open in the window: its store (one SQLite file), and the undo stack every user
// action goes through. Every change is written to the file as it is made, so there is nothing
// to save. Before the user has named a project, the first thing worth keeping (an import) goes
// into a scratch project in Lathe's data folder, so no work ever lives only in memory.
// Reads here touch metadata only and are fast enough for the GUI thread; writes are single small
// transactions; anything big runs as a job on its own connection (Project::connect).
class ProjectDocument : public QObject {
  Q_OBJECT
 public:
  explicit ProjectDocument(QObject* parent = nullptr);
  ~ProjectDocument() override;

  QUndoStack* undoStack() const { return undoStack_; }
  bool hasProject() const { return project_ != nullptr; }
  const std::shared_ptr<store::Project>& project() const { return project_; }
  QString filePath() const;
  // True for the scratch project Lathe made itself (named "Untitled" until saved under a name).
  bool isScratch() const { return scratch_; }
  bool readOnly() const { return project_ && project_->readOnly(); }
  store::ReadOnlyReason readOnlyReason() const;
  // The project's name for the title bar, or "Untitled".
  QString displayName() const;

  // Shows `project` (null: none); the undo history goes with the old one.
  void setProject(std::shared_ptr<store::Project> project, bool scratch = false);
  void close() { setProject(nullptr); }
  // The open project, creating the scratch project first if there is none. Throws lathe::Error.
  store::Project& ensureProject();
  // Where scratch projects live: <app data>/Unsaved projects.
  static QString scratchFolder();

  // Reads.
  store::ProjectInfo info() const;
  std::vector<store::DatasetInfo> datasets() const;
  qint64 runCount() const;
  // The runs not deleted (the experiments table), and one run whole, deleted or not.
  std::vector<store::RunSummary> runs() const;
  std::optional<store::ExperimentRun> run(qint64 runId) const;
  // A run's trained model as stored (nullopt: none). Throws lathe::Error(Corrupt) for damaged bytes.
  std::optional<store::ModelArtifact> runModel(qint64 runId) const;
  bool runHasModel(qint64 runId) const;
  qint64 modelCount() const;
  // The project's tunings and AutoML searches, newest first, and one with its trials.
  std::vector<store::TuningRecord> tunings() const;
  // Throws lathe::Error for an unknown tuning or a damaged run.
  tune::TuningHistory tuningHistory(qint64 tuningId) const;
  std::optional<QString> viewState(const QString& key) const;

  // Writes, each one transaction; throw lathe::Error (the undo commands report it).
  void setInfo(const store::ProjectInfo& info);
  void renameDataset(qint64 datasetId, const QString& name);
  void setDatasetDeleted(qint64 datasetId, bool deleted);
  void renameRun(qint64 runId, const QString& name);
  void setRunDeleted(qint64 runId, bool deleted);
  void setRunTags(qint64 runId, const QStringList& tags);
  void setRunNotes(qint64 runId, const QString& notes);
  // Marking a run clears the mark of every other: a project has at most one candidate.
  void setRunCandidate(qint64 runId, bool candidate);
  // Remembers what the window shows; failures are ignored (a read-only project, say).
  void setViewState(const QString& key, const QString& value);

  // A job wrote to the project through its own connection.
  void notifyContentChanged() { emit contentChanged(); }
  // An edit failed: the command that tried it reports here and the window shows it.
  void reportFailure(const QString& action, const QString& error) { emit failed(action, error); }

 signals:
  // Another project (or none) is open now.
  void projectChanged();
  // The open project's description, datasets or runs changed.
  void contentChanged();
  // Anything the window title shows may have changed.
  void changed();
  void failed(const QString& action, const QString& error);

 private:
  store::Database& db() const;

  QUndoStack* undoStack_;
  std::shared_ptr<store::Project> project_;
  bool scratch_ = false;
};

}  // namespace lathe::app
