#include "app/desktop/ProjectController.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QUndoStack>
#include <algorithm>

#include "app/commands/ImportDatasetCommand.h"
#include "app/desktop/FileRouter.h"
#include "app/desktop/NewProjectDialog.h"
#include "app/desktop/ProjectMessages.h"
#include "app/desktop/RecentProjects.h"
#include "app/document/ProjectDocument.h"
#include "app/jobs/JobManager.h"
#include "engine/core/Error.h"
#include "engine/pipeline/WriteDemoProjectJob.h"
#include "engine/data/ImportRequestJson.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/LoadDatasetJob.h"
#include "engine/store/OpenProjectJob.h"
#include "engine/store/ProjectFiles.h"
#include "engine/store/SaveProjectAsJob.h"
#include "engine/store/StoreDatasetJob.h"

namespace lathe::app {
namespace {

const char* const kProjectFolderKey = "projects/lastFolder";
const char* const kShownVersionKey = "data.version";

QString shown(const QString& path) { return QDir::toNativeSeparators(path); }

}  // namespace

ProjectController::ProjectController(ProjectDocument* document, JobManager* jobs, QWidget* window)
    : QObject(window), document_(document), jobs_(jobs), window_(window) {}

QString ProjectController::defaultProjectFolder() {
  const QString last = QSettings().value(kProjectFolderKey).toString();
  if (!last.isEmpty() && QFileInfo(last).isDir()) return last;
  const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
  return documents.isEmpty() ? QDir::homePath() : documents;
}

void ProjectController::newProject() {
  auto* dialog = new NewProjectDialog(defaultProjectFolder(), window_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog] {
    const QString path = dialog->filePath();
    try {
      // An empty project is a few kilobytes: quick enough for the GUI thread.
      std::shared_ptr<store::Project> project = store::Project::create(path.toStdString(), dialog->info());
      QSettings().setValue(kProjectFolderKey, QFileInfo(path).absolutePath());
      adopt(std::move(project), path, false);
      emitNothingShown();
      emit notice(tr("Created project “%1”.").arg(shown(path)));
    } catch (const store::ProjectFileError& e) {
      emit error(tr("Cannot create project"), ProjectMessages::problem(e.problem(), path, QString::fromUtf8(e.what())));
    } catch (const Error& e) {
      emit error(tr("Cannot create project"), QString::fromUtf8(e.what()));
    }
  });
  dialog->open();
}

void ProjectController::newDemoProject(const QString& given) {
  QString path = given;
  if (path.isEmpty()) {
    path = QFileDialog::getSaveFileName(window_, tr("New Project from Demo"),
                                        QDir(defaultProjectFolder()).filePath(tr("German credit") + QStringLiteral(".lathe")),
                                        tr("Lathe projects (*.lathe)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QStringLiteral(".lathe"))) path += QStringLiteral(".lathe");
    // The dialog asked before replacing: the demo is written fresh.
    if (QFileInfo::exists(path) && !isOpen(path)) QFile::remove(path);
  }
  if (QFileInfo::exists(path)) {
    openProject(path);
    return;
  }
  QFile data(QStringLiteral(":/demo/credit-g.arff"));
  if (!data.open(QIODevice::ReadOnly)) {
    emit error(tr("Cannot create the demo"), tr("The demo's data is missing from this build."));
    return;
  }
  auto job = std::make_shared<pipeline::WriteDemoProjectJob>(path.toStdString(), data.readAll().toStdString());
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, path] {
    QSettings().setValue(kProjectFolderKey, QFileInfo(path).absolutePath());
    openProject(path, [this, path] { emit notice(tr("Created the demo project “%1”.").arg(shown(path))); });
  };
  callbacks.failed = [this](const QString& detail) { emit error(tr("Cannot create the demo"), detail); };
  jobs_->submit(job, tr("Create the demo project"), std::move(callbacks));
}

bool ProjectController::isOpen(const QString& path) const {
  const QString open = document_->filePath();
  return !open.isEmpty() && QFileInfo(open).canonicalFilePath() == QFileInfo(path).canonicalFilePath();
}

void ProjectController::openProject(const QString& path) { openProject(path, {}); }

void ProjectController::openProject(const QString& path, std::function<void()> afterOpen) {
  if (isOpen(path)) {
    // Opening it again would meet our own lock and come back read-only.
    emit notice(tr("“%1” is already open.").arg(shown(path)));
    return;
  }
  auto job = std::make_shared<store::OpenProjectJob>(path.toStdString(), store::ProjectOpenOptions{});
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, job, path, afterOpen = std::move(afterOpen)] {
    std::shared_ptr<store::Project> project = job->takeProject();
    if (!project) return;
    const bool scratch = QFileInfo(path).absolutePath() == QFileInfo(ProjectDocument::scratchFolder()).absoluteFilePath();
    adopt(std::move(project), path, scratch);
    if (afterOpen) afterOpen();
    restoreView();
  };
  callbacks.failed = [this, job, path](const QString& detail) {
    const auto problem = job->problem();
    if (problem == store::ProjectProblem::Missing) RecentProjects::remove(path);
    emit error(tr("Cannot open project"), problem ? ProjectMessages::problem(*problem, path, detail) : detail);
  };
  jobs_->submit(job, tr("Open %1").arg(QFileInfo(path).fileName()), std::move(callbacks));
}

void ProjectController::adopt(std::shared_ptr<store::Project> project, const QString& path, bool scratch) {
  const store::ReadOnlyReason reason = project->readOnlyReason();
  const QString backup = QString::fromStdString(project->backupPath());
  document_->setProject(std::move(project), scratch);
  RecentProjects::add(path);
  if (reason == store::ReadOnlyReason::InUse || reason == store::ReadOnlyReason::Damaged) {
    QMessageBox* box = new QMessageBox(QMessageBox::Information, tr("Opened read-only"),
                                       tr("“%1” was opened read-only: %2.")
                                           .arg(shown(path), ProjectMessages::readOnlyReason(reason)),
                                       QMessageBox::Ok, window_);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
  }
  if (!backup.isEmpty())
    emit notice(tr("Upgraded the project to this version of Lathe; the original is kept as “%1”.").arg(shown(backup)));
}

void ProjectController::restoreView() {
  std::optional<QString> version;
  try {
    version = document_->viewState(QString::fromLatin1(kShownVersionKey));
  } catch (const Error&) {
    // A damaged project opened read-only may not have it; the view starts empty.
  }
  bool ok = false;
  const qint64 id = version ? version->toLongLong(&ok) : 0;
  if (ok && id > 0) {
    showDatasetVersion(id);
    return;
  }
  // Never shown in the window (made by `lathe project add-data`, say): show the newest version.
  qint64 newest = 0;
  try {
    for (const store::DatasetInfo& dataset : document_->datasets())
      for (const store::DatasetVersionInfo& stored : dataset.versions) newest = std::max<qint64>(newest, stored.id);
  } catch (const Error&) {
  }
  if (newest > 0) {
    showDatasetVersion(newest);
    return;
  }
  emitNothingShown();
}

void ProjectController::saveProjectAs() {
  QString path = QFileDialog::getSaveFileName(window_, tr("Save Project As"), defaultProjectFolder(),
                                              FileRouter::projectFilter());
  if (path.isEmpty()) return;
  if (!FileRouter::isProjectFileName(path)) path += QStringLiteral(".lathe");
  saveAsTo(path);
}

void ProjectController::saveAsTo(const QString& path) {
  if (!document_->hasProject()) {
    // Nothing stored yet: Save As names a new, empty project.
    try {
      store::ProjectInfo info;
      info.name = QFileInfo(path).completeBaseName().toStdString();
      if (info.name.empty()) info.name = tr("Untitled").toStdString();
      adopt(store::Project::create(path.toStdString(), info), path, false);
    } catch (const store::ProjectFileError& e) {
      emit error(tr("Cannot save project"), ProjectMessages::problem(e.problem(), path, QString::fromUtf8(e.what())));
    } catch (const Error& e) {
      emit error(tr("Cannot save project"), QString::fromUtf8(e.what()));
    }
    return;
  }
  if (pendingWrites_ > 0) {
    // The copy is a snapshot: a dataset still being stored would be missing from it.
    emit error(tr("Cannot save project yet"),
               tr("Lathe is still storing data in this project. Save As once that job has finished."));
    return;
  }
  std::shared_ptr<const store::Project> source = document_->project();
  const QString scratchPath = document_->isScratch() ? document_->filePath() : QString();
  auto job = std::make_shared<store::SaveProjectAsJob>(source, path.toStdString());
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, source, path, scratchPath] {
    if (document_->project() != source) return;  // another project was opened meanwhile
    QSettings().setValue(kProjectFolderKey, QFileInfo(path).absolutePath());
    document_->close();  // let go of the old file before opening the copy
    openProject(path, [this, path, scratchPath] {
      emit notice(tr("Saved the project as “%1”. Every change is saved there as you make it.").arg(shown(path)));
      if (scratchPath.isEmpty()) return;
      // The scratch project now has a name and a place: name it after its file, and let the
      // scratch copy go once nothing holds it (after this job's bookkeeping ends).
      try {
        store::ProjectInfo info = document_->info();
        if (info.name == tr("Untitled").toStdString()) {
          info.name = QFileInfo(path).completeBaseName().toStdString();
          if (!info.name.empty()) document_->setInfo(info);
        }
      } catch (const Error&) {
      }
      RecentProjects::remove(scratchPath);
      QMetaObject::invokeMethod(
          this, [scratchPath] { store::ProjectFiles::removeWithSidecars(scratchPath.toStdString()); },
          Qt::QueuedConnection);
    });
  };
  callbacks.failed = [this, job, path](const QString& detail) {
    const auto problem = job->problem().value_or(store::ProjectProblem::WriteFailed);
    emit error(tr("Cannot save project"), ProjectMessages::problem(problem, path, detail));
  };
  jobs_->submit(job, tr("Save as %1").arg(QFileInfo(path).fileName()), std::move(callbacks));
}

void ProjectController::emitNothingShown() {
  emit tableReady(nullptr, {});
  emit versionShown(nullptr, 0);
}

void ProjectController::closeProject() {
  document_->close();
  emitNothingShown();
}

void ProjectController::storeImport(std::shared_ptr<const data::Table> table, const data::ImportRequest& request) {
  std::shared_ptr<store::Project> project;
  try {
    const bool hadProject = document_->hasProject();
    document_->ensureProject();
    project = document_->project();
    if (!hadProject) RecentProjects::add(document_->filePath());  // so a scratch project can be found again
    project->requireWritable();
  } catch (const Error& e) {
    emit error(tr("The import is not stored in the project"), QString::fromUtf8(e.what()));
    return;
  }
  const QString name = QFileInfo(QString::fromStdString(request.path)).completeBaseName();
  store::DatasetOrigin origin;
  origin.sourcePath = request.path;
  origin.importOptionsJson = data::importRequestToJson(request);
  auto job = std::make_shared<store::StoreDatasetJob>(project, name.toStdString(), table, origin);
  JobManager::Callbacks callbacks;
  ++pendingWrites_;
  callbacks.ended = [this] { --pendingWrites_; };
  callbacks.finished = [this, job, project, name, table] {
    if (document_->project() != project) {
      emit notice(tr("Stored “%1” in “%2”.").arg(name, shown(QString::fromStdString(project->path()))));
      return;
    }
    const qint64 versionId = job->versionId();
    document_->setViewState(QString::fromLatin1(kShownVersionKey), QString::number(versionId));
    try {
      const auto version = store::DatasetRepository(project->db()).version(versionId);
      if (version) document_->undoStack()->push(new ImportDatasetCommand(document_, version->datasetId, name));
    } catch (const Error&) {
    }
    document_->notifyContentChanged();
    emit versionShown(table, versionId);
    emit notice(tr("Stored “%1” in the project.").arg(name));
  };
  callbacks.failed = [this, project, name](const QString& detail) {
    emit error(tr("The import is not stored in the project"),
               tr("“%1” is shown, but could not be stored in the project: %2").arg(name, detail));
  };
  jobs_->submit(job, tr("Store %1 in the project").arg(name), std::move(callbacks));
}

void ProjectController::showDatasetVersion(qint64 versionId) {
  std::shared_ptr<store::Project> project = document_->project();
  if (!project) return;
  QString title;
  try {
    const auto version = store::DatasetRepository(project->db()).version(versionId);
    if (!version) {
      emitNothingShown();
      return;
    }
    const auto dataset = store::DatasetRepository(project->db()).dataset(version->datasetId);
    title = tr("%1 v%2").arg(dataset ? QString::fromStdString(dataset->name) : QString()).arg(version->version);
  } catch (const Error& e) {
    emit error(tr("Cannot load dataset"), QString::fromUtf8(e.what()));
    return;
  }
  auto job = std::make_shared<store::LoadDatasetJob>(project, versionId);
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, job, project, versionId, title, ticket = ++loadsRequested_] {
    if (document_->project() != project) return;
    document_->setViewState(QString::fromLatin1(kShownVersionKey), QString::number(versionId));
    if (ticket <= supersededUpTo_) {
      emit versionLoadedBehind(job->table(), title, versionId);
      return;
    }
    emit tableReady(job->table(), title);
    emit versionShown(job->table(), versionId);
  };
  callbacks.failed = [this, title](const QString& detail) { emit error(tr("Cannot load dataset"), detail); };
  jobs_->submit(job, tr("Load %1").arg(title), std::move(callbacks));
}

}  // namespace lathe::app
