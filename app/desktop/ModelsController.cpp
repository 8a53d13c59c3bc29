#include "app/desktop/ModelsController.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMap>
#include <QSettings>
#include <algorithm>

#include "app/desktop/ExportBundleJob.h"
#include "app/document/ProjectDocument.h"
#include "engine/core/Error.h"
#include "engine/deploy/BatchScoringJob.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/deploy/RegisterModelJob.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "widgets/deploy/ModelVersionTableModel.h"
#include "widgets/deploy/ModelsPanel.h"
#include "widgets/deploy/RegisterModelDialog.h"

namespace lathe::app {
namespace {

const char* const kFolderKey = "models/folder";

QString fromStd(const std::string& text) { return QString::fromStdString(text); }

QString lastFolder() { return QSettings().value(QLatin1String(kFolderKey), QDir::homePath()).toString(); }

void rememberFolder(const QString& path) { QSettings().setValue(QLatin1String(kFolderKey), QFileInfo(path).absolutePath()); }

}  // namespace

ModelsController::ModelsController(ProjectDocument* document, JobManager* jobs, widgets::ModelsPanel* panel, QObject* parent)
    : QObject(parent), document_(document), jobs_(jobs), panel_(panel) {
  connect(document_, &ProjectDocument::contentChanged, this, &ModelsController::refresh);
  connect(document_, &ProjectDocument::projectChanged, this, [this] {
    panel_->setStatus({});
    panel_->offerFolder({});
    refresh();
  });
  connect(panel_, &widgets::ModelsPanel::aliasRequested, this, &ModelsController::setAlias);
  connect(panel_, &widgets::ModelsPanel::scoreRequested, this, &ModelsController::askScore);
  connect(panel_, &widgets::ModelsPanel::scoreDatasetRequested, this, &ModelsController::askScoreDataset);
  connect(panel_, &widgets::ModelsPanel::exportRequested, this, &ModelsController::askExport);
  connect(panel_, &widgets::ModelsPanel::cancelRequested, this, &ModelsController::cancel);
  connect(jobs_, &JobManager::jobProgress, this, [this](JobManager::JobId id, double fraction, const QString& message) {
    if (id == job_) panel_->setProgress(fraction, message);
  });
  refresh();
}

void ModelsController::refresh() {
  if (!document_->hasProject()) {
    panel_->setModels({}, {}, {});
    return;
  }
  try {
    deploy::ModelRegistry registry(document_->project()->db());
    auto versions = registry.allVersions();
    std::map<std::string, std::vector<deploy::AliasEvent>> histories;
    for (const auto& name : registry.models()) histories[name] = registry.history(name);
    // The runs' names, so a version says which run it came from as the Experiments table does.
    QHash<qint64, QString> runNames;
    if (!versions.empty())
      for (const auto& run : document_->runs()) runNames.insert(run.id, fromStd(run.name));
    panel_->setModels(std::move(versions), std::move(histories), document_->info().kpi, std::move(runNames));
    panel_->setReadOnly(document_->readOnly());
  } catch (const Error& e) {
    panel_->setStatus(tr("Cannot read the model registry: %1").arg(fromStd(e.message())));
  }
}

QString ModelsController::slug(const QString& name) {
  QString out;
  for (const QChar c : name.trimmed().toLower()) {
    if (c.isLetterOrNumber()) out += c;
    else if (!out.isEmpty() && !out.endsWith(u'-')) out += u'-';
  }
  while (out.endsWith(u'-')) out.chop(1);
  return out.left(widgets::RegisterModelDialog::kMaxNameLength / 4);  // well inside the limit in any script
}

QString ModelsController::defaultModelName() const {
  if (!document_->hasProject()) return QStringLiteral("model");
  try {
    const auto versions = deploy::ModelRegistry(document_->project()->db()).allVersions();
    const auto newest = std::max_element(versions.begin(), versions.end(),
                                         [](const auto& a, const auto& b) { return a.id < b.id; });
    if (newest != versions.end()) return fromStd(newest->model);
    const QString named = slug(fromStd(document_->info().name));
    if (!named.isEmpty()) return named;
  } catch (const Error&) {
    // Nothing to suggest from: the user types a name.
  }
  return QStringLiteral("model");
}

QString ModelsController::referenceOf(qint64 versionId) const {
  const auto* info = panel_->model()->version(versionId);
  return info ? fromStd(info->reference()) : QString();
}

bool ModelsController::canStart() {
  if (!document_->hasProject()) return false;
  if (job_ != 0) {
    panel_->setStatus(tr("Another model job is running; wait for it or cancel it."));
    return false;
  }
  return true;
}

void ModelsController::askRegister(qint64 runId) {
  if (!canStart()) return;
  if (document_->readOnly()) {
    panel_->setStatus(tr("The project is open read-only: models cannot be registered."));
    emit notice(panel_->status());
    return;
  }
  QMap<QString, int> newest;
  QString runName;
  try {
    for (const auto& info : deploy::ModelRegistry(document_->project()->db()).allVersions())
      newest[fromStd(info.model)] = std::max(newest.value(fromStd(info.model)), info.version);
    const auto run = document_->run(runId);
    runName = run ? fromStd(run->name) : QStringLiteral("#%1").arg(runId);
  } catch (const Error& e) {
    document_->reportFailure(tr("Register model"), fromStd(e.message()));
    return;
  }
  auto* dialog = new widgets::RegisterModelDialog(runName, newest, defaultModelName(), panel_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog, runId] { registerRun(runId, dialog->name()); });
  dialog->open();
}

bool ModelsController::registerRun(qint64 runId, const QString& name) {
  if (!canStart()) return false;
  auto job = std::make_shared<deploy::RegisterModelJob>(document_->project(), runId, name.trimmed().toStdString());
  return submit(job, tr("Register run #%1 as “%2”").arg(runId).arg(name.trimmed()), [this, job] {
    const deploy::ModelVersionInfo& info = job->registered();
    document_->notifyContentChanged();  // the registry changed through the job's own connection
    panel_->selectVersion(info.id);
    panel_->setStatus(tr("Registered %1. Set Alias… makes it the candidate or puts it in production.").arg(fromStd(info.reference())));
    emit registered(info.id);
  });
}

bool ModelsController::setAlias(qint64 versionId, const QString& alias, const QString& reason) {
  if (!document_->hasProject()) return false;
  if (reason.trimmed().isEmpty()) {
    panel_->setStatus(tr("Give a reason for the move: the history keeps it."));
    return false;
  }
  const QString reference = referenceOf(versionId);
  try {
    deploy::ModelRegistry(document_->project()->db()).setAlias(versionId, alias.toStdString(), reason.trimmed().toStdString());
  } catch (const Error& e) {
    document_->reportFailure(tr("Set alias"), fromStd(e.message()));
    return false;
  }
  document_->notifyContentChanged();
  panel_->setStatus(alias.isEmpty() ? tr("%1 has no alias now.").arg(reference)
                                    : tr("%1 is %2 now.").arg(reference, widgets::ModelVersionTableModel::aliasText(alias.toStdString())));
  return true;
}

void ModelsController::askScore(qint64 versionId) {
  const QString reference = referenceOf(versionId);
  if (reference.isEmpty() || !canStart()) return;
  const QString input = QFileDialog::getOpenFileName(
      panel_, tr("Score a File with %1").arg(reference), lastFolder(),
      tr("Data files (*.csv *.tsv *.tab *.txt *.arff *.json *.jsonl)") + QStringLiteral(";;") + tr("All files (*)"));
  if (input.isEmpty()) return;
  rememberFolder(input);
  const QFileInfo source(input);
  const QString suggested = source.dir().filePath(source.completeBaseName() + QStringLiteral("-scored.csv"));
  QString output = QFileDialog::getSaveFileName(panel_, tr("Save the Predictions"), suggested, tr("CSV (*.csv)"));
  if (output.isEmpty()) return;
  if (QFileInfo(output).suffix().isEmpty()) output += QStringLiteral(".csv");
  scoreFile(versionId, input, output);
}

bool ModelsController::scoreFile(qint64 versionId, const QString& input, const QString& output) {
  const QString reference = referenceOf(versionId);
  if (reference.isEmpty() || !canStart()) return false;
  if (QFileInfo(input).absoluteFilePath() == QFileInfo(output).absoluteFilePath()) {
    panel_->setStatus(tr("Write the predictions to another file than the one scored."));
    return false;
  }
  deploy::BatchScoringRequest request;
  request.model = reference.toStdString();  // this very version, whatever the aliases say
  request.inputPath = input.toStdString();
  request.outputPath = output.toStdString();
  auto job = std::make_shared<deploy::BatchScoringJob>(document_->project(), std::move(request));
  const QString file = QFileInfo(output).fileName();
  return submit(job, tr("Score %1 with %2").arg(QFileInfo(input).fileName(), reference), [this, job, output, file, reference] {
    const auto rows = static_cast<qint64>(job->result() ? job->result()->rowCount() : 0);
    panel_->setStatus(tr("Scored %n rows with %1 into %2.", nullptr, static_cast<int>(rows)).arg(reference, file));
    panel_->offerFolder(QFileInfo(output).absolutePath());
    emit scored(rows, output);
  });
}

void ModelsController::askScoreDataset(qint64 versionId) {
  const QString reference = referenceOf(versionId);
  if (reference.isEmpty() || !canStart()) return;
  QStringList items;
  QList<qint64> ids;
  try {
    for (const auto& dataset : store::DatasetRepository(document_->project()->db()).list())
      for (auto v = dataset.versions.rbegin(); v != dataset.versions.rend(); ++v) {  // newest first
        items << tr("%1 v%2 (%n rows)", nullptr, static_cast<int>(v->rowCount)).arg(fromStd(dataset.name)).arg(v->version);
        ids << v->id;
      }
  } catch (const Error& e) {
    panel_->setStatus(tr("Could not read the datasets: %1").arg(fromStd(e.message())));
    return;
  }
  if (ids.isEmpty()) {
    panel_->setStatus(tr("The project has no datasets yet: import one, or score a file instead."));
    return;
  }
  bool chosen = false;
  const QString item = QInputDialog::getItem(panel_, tr("Score a Dataset with %1").arg(reference), tr("Dataset:"), items, 0,
                                             false, &chosen);
  if (!chosen) return;
  const qint64 datasetVersionId = ids.value(static_cast<int>(items.indexOf(item)));
  QString name = item.section(QLatin1Char(' '), 0, -3);  // "penguins v2 (344 rows)" -> "penguins v2"
  name.replace(QLatin1Char(' '), QLatin1Char('-'));
  QString output = QFileDialog::getSaveFileName(panel_, tr("Save the Predictions"),
                                                QDir(lastFolder()).filePath(name + QStringLiteral("-scored.csv")), tr("CSV (*.csv)"));
  if (output.isEmpty()) return;
  rememberFolder(output);
  if (QFileInfo(output).suffix().isEmpty()) output += QStringLiteral(".csv");
  scoreDataset(versionId, datasetVersionId, output);
}

bool ModelsController::scoreDataset(qint64 versionId, qint64 datasetVersionId, const QString& output) {
  const QString reference = referenceOf(versionId);
  if (reference.isEmpty() || !canStart()) return false;
  deploy::BatchScoringRequest request;
  request.model = reference.toStdString();  // this very version, whatever the aliases say
  request.datasetVersionId = datasetVersionId;
  request.outputPath = output.toStdString();
  auto job = std::make_shared<deploy::BatchScoringJob>(document_->project(), std::move(request));
  const QString file = QFileInfo(output).fileName();
  return submit(job, tr("Score a dataset with %1").arg(reference), [this, job, output, file, reference] {
    const auto rows = static_cast<qint64>(job->result() ? job->result()->rowCount() : 0);
    panel_->setStatus(tr("Scored %n rows with %1 into %2.", nullptr, static_cast<int>(rows)).arg(reference, file));
    panel_->offerFolder(QFileInfo(output).absolutePath());
    emit scored(rows, output);
  });
}

void ModelsController::askExport(qint64 versionId) {
  const auto* info = panel_->model()->version(versionId);
  if (!info || !canStart()) return;
  const QString bundle = tr("Lathe model bundle (*.lathemodel)");
  const QString xgboost = tr("XGBoost JSON model (*.json)");
  // Only an XGBoost model has a form of its own that XGBoost loads.
  const bool offerXgboost = info->algorithm == "xgboost";
  QString chosen;
  const QString name = fromStd(info->model) + QStringLiteral("-v%1.lathemodel").arg(info->version);
  QString path = QFileDialog::getSaveFileName(panel_, tr("Export %1").arg(fromStd(info->reference())),
                                              QDir(lastFolder()).filePath(name),
                                              offerXgboost ? bundle + QStringLiteral(";;") + xgboost : bundle, &chosen);
  if (path.isEmpty()) return;
  rememberFolder(path);
  const bool asXgboost = offerXgboost && chosen == xgboost;
  const QString suffix = asXgboost ? QStringLiteral("json") : QStringLiteral("lathemodel");
  if (QFileInfo(path).suffix() != suffix) {
    if (asXgboost && path.endsWith(QStringLiteral(".lathemodel"))) path.chop(QStringLiteral(".lathemodel").size());
    path += QLatin1Char('.') + suffix;
  }
  exportVersion(versionId, path, asXgboost);
}

bool ModelsController::exportVersion(qint64 versionId, const QString& path, bool xgboostJson) {
  const QString reference = referenceOf(versionId);
  if (reference.isEmpty() || !canStart()) return false;
  auto job = std::make_shared<ExportBundleJob>(document_->project(), versionId, path.toStdString(),
                                               xgboostJson ? ExportBundleJob::Format::XgboostJson : ExportBundleJob::Format::Bundle);
  const QString file = QFileInfo(path).fileName();
  return submit(job, tr("Export %1").arg(reference), [this, job, path, file, reference, xgboostJson] {
    QString status = xgboostJson ? tr("Exported %1 in XGBoost's JSON to %2.").arg(reference, file)
                                 : tr("Exported %1 to %2; lathe serve loads it on any machine.").arg(reference, file);
    if (xgboostJson && job->recipeCount() > 0)
      status += QLatin1Char(' ') + tr("It holds the booster only: rows fed to it must first go through the version's "
                                      "%n recipe(s), which the .lathemodel bundle carries.",
                                      nullptr, static_cast<int>(job->recipeCount()));
    panel_->setStatus(status);
    panel_->offerFolder(QFileInfo(path).absolutePath());
  });
}

void ModelsController::cancel() {
  if (job_ != 0) jobs_->cancel(job_);
}

bool ModelsController::submit(std::shared_ptr<jobs::Job> job, const QString& title, std::function<void()> finished) {
  panel_->setRunning(true);
  panel_->setStatus(tr("%1…").arg(title));
  const std::weak_ptr<int> alive = alive_;
  auto ended = std::make_shared<bool>(false);
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, alive, ended, finished = std::move(finished)] {
    if (alive.expired()) return;
    *ended = true;
    job_ = 0;  // before `finished`, so what it triggers may start another job
    panel_->setRunning(false);
    finished();
  };
  callbacks.failed = [this, alive, ended, title](const QString& error) {
    if (alive.expired()) return;
    *ended = true;
    panel_->setStatus(tr("%1 failed: %2").arg(title, error));
  };
  callbacks.ended = [this, alive, ended] {
    if (alive.expired()) return;
    if (!*ended) panel_->setStatus(tr("Cancelled; nothing was written."));
    job_ = 0;
    panel_->setRunning(false);
  };
  job_ = jobs_->submit(std::move(job), title, std::move(callbacks));
  return true;
}

}  // namespace lathe::app
