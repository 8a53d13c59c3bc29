#include "app/document/ProjectDocument.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUndoStack>

#include "engine/core/Error.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/ProjectInfoRepository.h"
#include "engine/store/RunRepository.h"
#include "engine/store/ViewStateRepository.h"

namespace lathe::app {

ProjectDocument::ProjectDocument(QObject* parent) : QObject(parent), undoStack_(new QUndoStack(this)) {
  connect(undoStack_, &QUndoStack::indexChanged, this, &ProjectDocument::changed);
}

ProjectDocument::~ProjectDocument() {
  // Commands refer to this document; clearing them must not signal a window being torn down.
  undoStack_->blockSignals(true);
  blockSignals(true);
  undoStack_->clear();
}

QString ProjectDocument::filePath() const {
  return project_ ? QString::fromStdString(project_->path()) : QString();
}

store::ReadOnlyReason ProjectDocument::readOnlyReason() const {
  return project_ ? project_->readOnlyReason() : store::ReadOnlyReason::None;
}

QString ProjectDocument::displayName() const {
  if (!project_) return tr("Untitled");
  try {
    return QString::fromStdString(info().name);
  } catch (const Error&) {
    return QFileInfo(filePath()).completeBaseName();
  }
}

void ProjectDocument::setProject(std::shared_ptr<store::Project> project, bool scratch) {
  undoStack_->clear();
  project_ = std::move(project);
  scratch_ = project_ && scratch;
  emit projectChanged();
  emit contentChanged();
  emit changed();
}

QString ProjectDocument::scratchFolder() {
  return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
      .filePath(QStringLiteral("Unsaved projects"));
}

store::Project& ProjectDocument::ensureProject() {
  if (project_) return *project_;
  const QString folder = scratchFolder();
  if (!QDir().mkpath(folder))
    throw Error(ErrorCode::Io, "cannot create the folder for unsaved projects", {folder.toStdString()});
  const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
  const QString path = QDir(folder).filePath(QStringLiteral("Untitled-%1.lathe").arg(stamp));
  store::ProjectInfo info;
  info.name = tr("Untitled").toStdString();
  setProject(store::Project::create(path.toStdString(), info), true);
  return *project_;
}

store::Database& ProjectDocument::db() const {
  if (!project_) throw Error(ErrorCode::InvalidArgument, "no project is open");
  return project_->db();
}

store::ProjectInfo ProjectDocument::info() const { return store::ProjectInfoRepository(db()).load(); }

std::vector<store::DatasetInfo> ProjectDocument::datasets() const {
  return project_ ? store::DatasetRepository(db()).list() : std::vector<store::DatasetInfo>{};
}

qint64 ProjectDocument::runCount() const { return project_ ? store::RunRepository(db()).count() : 0; }

qint64 ProjectDocument::modelCount() const { return project_ ? store::RunRepository(db()).modelCount() : 0; }

std::optional<QString> ProjectDocument::viewState(const QString& key) const {
  if (!project_) return std::nullopt;
  const auto value = store::ViewStateRepository(db()).get(key.toStdString());
  if (!value) return std::nullopt;
  return QString::fromStdString(*value);
}

void ProjectDocument::setInfo(const store::ProjectInfo& info) {
  project_->requireWritable();
  store::ProjectInfoRepository(db()).save(info);
  // A scratch project the user has described is worth its name in the title.
  emit contentChanged();
  emit changed();
}

void ProjectDocument::renameDataset(qint64 datasetId, const QString& name) {
  project_->requireWritable();
  store::DatasetRepository(db()).rename(datasetId, name.toStdString());
  emit contentChanged();
}

void ProjectDocument::setDatasetDeleted(qint64 datasetId, bool deleted) {
  project_->requireWritable();
  store::DatasetRepository(db()).setDeleted(datasetId, deleted);
  emit contentChanged();
}

void ProjectDocument::renameRun(qint64 runId, const QString& name) {
  project_->requireWritable();
  store::RunRepository(db()).rename(runId, name.toStdString());
  emit contentChanged();
}

std::vector<store::RunSummary> ProjectDocument::runs() const {
  return project_ ? store::RunRepository(db()).list() : std::vector<store::RunSummary>{};
}

std::vector<store::TuningRecord> ProjectDocument::tunings() const {
  return project_ ? store::TuningRepository(db()).list() : std::vector<store::TuningRecord>{};
}

tune::TuningHistory ProjectDocument::tuningHistory(qint64 tuningId) const {
  if (!project_) throw Error(ErrorCode::InvalidArgument, "no project is open");
  return tune::TuningHistory::load(db(), tuningId);
}

std::optional<store::ExperimentRun> ProjectDocument::run(qint64 runId) const {
  return project_ ? store::RunRepository(db()).get(runId) : std::nullopt;
}

void ProjectDocument::setRunTags(qint64 runId, const QStringList& tags) {
  project_->requireWritable();
  std::vector<std::string> values;
  for (const QString& tag : tags) values.push_back(tag.toStdString());
  store::RunRepository(db()).setTags(runId, values);
  emit contentChanged();
}

std::optional<store::ModelArtifact> ProjectDocument::runModel(qint64 runId) const {
  return project_ ? store::RunRepository(db()).model(runId) : std::nullopt;
}

bool ProjectDocument::runHasModel(qint64 runId) const {
  return project_ && store::RunRepository(db()).hasModel(runId);
}

void ProjectDocument::setRunNotes(qint64 runId, const QString& notes) {
  project_->requireWritable();
  store::RunRepository(db()).setNotes(runId, notes.toStdString());
  emit contentChanged();
}

void ProjectDocument::setRunCandidate(qint64 runId, bool candidate) {
  project_->requireWritable();
  store::RunRepository(db()).setCandidate(runId, candidate);
  emit contentChanged();
}

void ProjectDocument::setRunDeleted(qint64 runId, bool deleted) {
  project_->requireWritable();
  store::RunRepository(db()).setDeleted(runId, deleted);
  emit contentChanged();
}

void ProjectDocument::setViewState(const QString& key, const QString& value) {
  if (!project_ || project_->readOnly()) return;
  try {
    store::ViewStateRepository(db()).set(key.toStdString(), value.toStdString());
  } catch (const Error&) {
    // Losing "what was on screen" is harmless; the user's work is not at stake.
  }
}

}  // namespace lathe::app
