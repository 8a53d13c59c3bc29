#include "app/desktop/TuningController.h"

#include <QComboBox>
#include <QDateTime>
#include <QTimer>
#include <cmath>

#include "app/document/ProjectDocument.h"
#include "engine/core/Error.h"
#include "engine/tune/AutoMlJob.h"
#include "engine/tune/SearchSpace.h"
#include "engine/tune/TuneJob.h"
#include "engine/tune/TuningSupport.h"
#include "widgets/panels/NodeEditingBanner.h"
#include "widgets/tuning/TuningForm.h"
#include "widgets/tuning/TuningPanel.h"

namespace lathe::app {
namespace {

using nlohmann::json;
using widgets::TuningSettings;

QString fromStd(const std::string& text) { return QString::fromStdString(text); }

QStringList columnNames(const data::Table* table) {
  QStringList names;
  if (table)
    for (const auto& column : table->columns()) names << fromStd(column->name());
  return names;
}

QString scoreText(double score) { return std::isfinite(score) ? QString::number(score, 'f', 4) : QStringLiteral("—"); }

}  // namespace

TuningController::TuningController(ProjectDocument* document, JobManager* jobs, widgets::TuningPanel* panel, QObject* parent)
    : QObject(parent), document_(document), jobs_(jobs), panel_(panel), follow_(new QTimer(this)) {
  QStringList algorithms;
  for (const auto& name : tune::TuningSupport::supervisedAlgorithms()) algorithms << fromStd(name);
  panel_->form()->setAlgorithms(algorithms);
  // A batch of trials lands every second or two; reading them back twice a second is plenty.
  follow_->setSingleShot(true);
  follow_->setInterval(500);
  connect(follow_, &QTimer::timeout, this, &TuningController::followRunning);
  connect(panel_, &widgets::TuningPanel::startRequested, this, &TuningController::start);
  connect(panel_, &widgets::TuningPanel::cancelRequested, this, &TuningController::cancel);
  connect(panel_, &widgets::TuningPanel::resumeRequested, this, &TuningController::resume);
  connect(panel_, &widgets::TuningPanel::searchChosen, this, &TuningController::showSearch);
  connect(panel_, &widgets::TuningPanel::runRequested, this, &TuningController::runRequested);
  connect(panel_, &widgets::TuningPanel::datasetChanged, this, &TuningController::datasetRequested);
  connect(panel_->nodeBanner(), &widgets::NodeEditingBanner::applyRequested, this, [this] {
    if (nodeId_ != 0) emit nodeApplyRequested(nodeId_);
  });
  connect(panel_->nodeBanner(), &widgets::NodeEditingBanner::doneRequested, this, [this] {
    if (nodeId_ == 0) return;
    emit nodeEditingEnded(nodeId_);
    leaveNode();
  });
  connect(document_, &ProjectDocument::contentChanged, this, [this] {
    refreshDatasets();
    refreshSearches(0);
  });
  connect(document_, &ProjectDocument::projectChanged, this, [this] {
    refreshDatasets();
    panel_->setHistory({});
    refreshSearches(0);
  });
  connect(jobs_, &JobManager::jobProgress, this, [this](JobManager::JobId id, double fraction, const QString& message) {
    if (id == job_) panel_->setProgress(fraction, message);
  });
  connect(jobs_, &JobManager::jobCurvePoints, this, [this](JobManager::JobId id, const QVector<JobCurvePoint>&) {
    if (id == job_ && !follow_->isActive()) follow_->start();
  });
}

void TuningController::setSource(std::shared_ptr<const data::Table> table, qint64 versionId, bool keepEditedNode) {
  table_ = std::move(table);
  versionId_ = versionId;
  if (nodeId_ != 0 && keepEditedNode) return;
  if (nodeId_ != 0) {
    emit nodeEditingEnded(nodeId_);
    leaveNode();
    return;
  }
  refreshDatasets();
  panel_->form()->setColumns(columnNames(table_.get()));
}

void TuningController::refreshDatasets() {
  QList<QPair<qint64, QString>> versions;
  if (document_->hasProject())
    for (const auto& dataset : document_->datasets())
      for (const auto& version : dataset.versions)
        versions.append({version.id, tr("%1 v%2").arg(fromStd(dataset.name)).arg(version.version)});
  panel_->setDatasets(versions, versionId_);
}

void TuningController::refreshSearches(qint64 show) {
  QList<widgets::TuningPanel::SearchEntry> entries;
  std::vector<store::TuningRecord> records;
  try {
    records = document_->tunings();
  } catch (const Error& e) {
    panel_->setStatus(fromStd(e.message()));
  }
  const qint64 running = runningSearch();
  for (const auto& r : records) {
    QString state;
    switch (r.status) {
      case store::RunStatus::Running: state = r.id == running ? tr("running") : tr("interrupted"); break;
      case store::RunStatus::Finished: state = tr("finished"); break;
      case store::RunStatus::Failed: state = tr("failed"); break;
      case store::RunStatus::Cancelled: state = tr("stopped"); break;
    }
    const QString when = QDateTime::fromString(fromStd(r.createdAt), Qt::ISODate).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    widgets::TuningPanel::SearchEntry entry;
    entry.id = r.id;
    entry.label = tr("%1 → %2 (%3, %4)").arg(fromStd(r.name), fromStd(r.target), state, when);
    // AutoML starts over; a tuning carries on from its stored trials.
    entry.resumable = r.algorithm != "automl" && r.id != running &&
                      (r.status == store::RunStatus::Cancelled || r.status == store::RunStatus::Running);
    entries << entry;
  }
  const qint64 shown = show != 0 ? show : panel_->shownSearch();
  panel_->setSearches(entries, shown);
  if (panel_->shownSearch() != 0) showSearch(panel_->shownSearch());
  else panel_->setHistory({});
}

void TuningController::showSearch(qint64 tuningId) {
  try {
    panel_->setHistory(document_->tuningHistory(tuningId));
  } catch (const Error& e) {
    panel_->setStatus(tr("Cannot show the search: %1").arg(fromStd(e.message())));
  }
}

qint64 TuningController::runningSearch() const { return job_ != 0 && runningId_ ? runningId_() : 0; }

void TuningController::followRunning() {
  const qint64 id = runningSearch();
  if (id == 0) return;
  if (panel_->searchBox()->findData(id) < 0 || panel_->shownSearch() != id) refreshSearches(id);
  else showSearch(id);
}

bool TuningController::startAutoMl(const QString& suggestedTarget) {
  if (nodeId_ != 0) leaveNode();
  panel_->form()->setAutoMl(true);
  const QStringList columns = columnNames(table_.get());
  if (columns.contains(suggestedTarget)) panel_->form()->targetBox()->setCurrentText(suggestedTarget);
  if (!table_ || job_ != 0 || panel_->form()->settings().target.isEmpty()) {
    panel_->setStatus(job_ != 0 ? tr("A search is running; cancel it or wait for it to end.")
                                : tr("Open a dataset, choose the column to predict, then Start."));
    return false;
  }
  start();
  return job_ != 0;
}

void TuningController::start() {
  if (job_ != 0 || nodeId_ != 0) return;
  if (!document_->hasProject() || panel_->datasetVersionId() == 0) {
    panel_->setStatus(tr("Import a dataset to search on first."));
    return;
  }
  const TuningSettings s = panel_->form()->settings();
  if (s.target.isEmpty()) {
    panel_->setStatus(tr("Choose the column to predict."));
    return;
  }
  const qint64 version = panel_->datasetVersionId();
  const auto table = version == versionId_ ? table_ : nullptr;  // else the job reads the version
  const std::string source = panel_->datasetName().toStdString();
  if (s.automl) {
    tune::AutoMlRequest request;
    request.table = table;
    request.datasetVersionId = version;
    request.source = source;
    request.target = s.target.toStdString();
    request.budgetSeconds = s.budgetSeconds;
    request.seed = s.seed;
    request.folds = static_cast<std::size_t>(s.folds);
    request.parallel = static_cast<std::size_t>(s.parallel);
    request.objective = s.objective.toStdString();
    request.name = s.name.toStdString();
    request.ensemble = s.ensemble;
    auto job = std::make_shared<tune::AutoMlJob>(document_->project(), std::move(request));
    submit(job, tr("AutoML to predict %1").arg(s.target), [job] { return qint64(job->tuningId()); }, [job] {
      const auto board = job->leaderboard();
      if (board.empty()) return QString();
      return tr("Best: %1 with %2 %3 (%n trial(s) in %4 s)", nullptr, int(job->trials().size()))
          .arg(fromStd(board.front().algorithm), fromStd(job->objective()), scoreText(board.front().best.score))
          .arg(job->seconds(), 0, 'f', 0);
    });
    return;
  }
  tune::TuningRequest request;
  request.table = table;
  request.datasetVersionId = version;
  request.source = source;
  request.target = s.target.toStdString();
  request.algorithm = s.algorithm.toStdString();
  request.space = tune::SearchSpace::defaultFor(request.algorithm);
  request.strategy = s.strategy.toStdString();
  request.objective = s.objective.toStdString();
  request.trials = static_cast<std::size_t>(s.trials);
  request.timeBudgetSeconds = s.budgetSeconds;
  request.seed = s.seed;
  request.folds = static_cast<std::size_t>(s.folds);
  request.parallel = static_cast<std::size_t>(s.parallel);
  request.pruning = s.pruning;
  request.name = s.name.toStdString();
  auto job = std::make_shared<tune::TuneJob>(document_->project(), std::move(request));
  submit(job, tr("Tune %1 to predict %2").arg(s.algorithm, s.target), [job] { return qint64(job->tuningId()); }, [job] {
    const tune::Trial* best = job->best();
    if (!best) return QString();
    return tr("Best: trial %1 with %2 %3 (%n trial(s) in %4 s)", nullptr, int(job->trials().size()))
        .arg(best->number)
        .arg(fromStd(job->objective()), scoreText(best->score))
        .arg(job->seconds(), 0, 'f', 0);
  });
}

void TuningController::resume(qint64 tuningId) {
  if (job_ != 0 || !document_->hasProject()) return;
  try {
    std::shared_ptr<tune::TuneJob> job = tune::TuneJob::resume(document_->project(), tuningId);
    const QString what = fromStd(job->request().algorithm);
    submit(job, tr("Resume tuning %1").arg(what), [job] { return qint64(job->tuningId()); }, [job] {
      const tune::Trial* best = job->best();
      return best ? tr("Best: trial %1 with %2 %3").arg(best->number).arg(fromStd(job->objective()), scoreText(best->score))
                  : QString();
    });
  } catch (const Error& e) {
    panel_->setStatus(tr("Cannot resume: %1").arg(fromStd(e.message())));
  }
}

void TuningController::cancel() {
  if (job_ != 0) jobs_->cancel(job_);
}

void TuningController::submit(std::shared_ptr<jobs::Job> job, const QString& title, std::function<qint64()> tuningId,
                              std::function<QString()> summary) {
  runningId_ = std::move(tuningId);
  panel_->setRunning(true);
  panel_->setStatus(tr("%1…").arg(title));
  const std::weak_ptr<int> alive = alive_;
  auto ended = std::make_shared<bool>(false);
  const auto idOf = runningId_;
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, alive, ended, summary] {
    if (alive.expired()) return;
    *ended = true;
    panel_->setProgress(1.0, {});
    panel_->setStatus(summary());
  };
  callbacks.failed = [this, alive, ended](const QString& error) {
    if (alive.expired()) return;
    *ended = true;
    panel_->setStatus(tr("The search failed: %1").arg(error));
  };
  callbacks.ended = [this, alive, ended, idOf] {
    if (alive.expired()) return;
    const qint64 id = idOf();
    if (!*ended)
      panel_->setStatus(tr("Stopped. The trials that finished are kept; Resume carries a tuning on from them."));
    job_ = 0;
    runningId_ = nullptr;
    follow_->stop();
    panel_->setRunning(false);
    document_->notifyContentChanged();  // the trials are runs: the Experiments dock lists them
    if (id != 0) {
      refreshSearches(id);
      emit searchEnded(id);
    }
  };
  job_ = jobs_->submit(std::move(job), title, std::move(callbacks));
}

TuningSettings TuningController::settingsOf(const json& parameters, bool automl) {
  TuningSettings s;
  s.automl = automl;
  const auto text = [&](const char* key, const QString& fallback) {
    const json v = parameters.value(key, json());
    return v.is_string() ? fromStd(v.get<std::string>()) : fallback;
  };
  const auto number = [&](const char* key, int fallback) {
    const json v = parameters.value(key, json());
    return v.is_number() ? static_cast<int>(v.get<double>()) : fallback;
  };
  s.target = text("target", {});
  s.objective = text("objective", {});
  s.folds = number("folds", 5);
  const json seed = parameters.value("seed", json());
  s.seed = seed.is_number_unsigned() ? seed.get<quint64>() : 0;
  s.algorithm = text("algorithm", QStringLiteral("xgboost"));
  s.strategy = text("strategy", QStringLiteral("bayes"));
  s.trials = number("trials", 20);
  s.budgetSeconds = number("budget", automl ? 60 : 0);
  s.pruning = parameters.value("pruning", json(true)).is_boolean() ? parameters.value("pruning", true) : true;
  s.ensemble = parameters.value("ensemble", json(true)).is_boolean() ? parameters.value("ensemble", true) : true;
  return s;
}

void TuningController::editNode(int nodeId, const QString& title, bool automl, std::shared_ptr<const data::Table> input,
                                const json& parameters) {
  if (nodeId_ == 0) beforeNode_ = panel_->form()->settings();
  nodeId_ = nodeId;
  nodeAutoMl_ = automl;
  nodeTitle_ = title;
  nodeTable_ = std::move(input);
  nodeParameters_ = parameters;
  panel_->setNodeEditing(title, automl);
  const TuningSettings s = settingsOf(parameters, automl);
  QStringList columns = columnNames(nodeTable_.get());
  if (columns.isEmpty() && !s.target.isEmpty()) columns << s.target;  // nothing linked yet: keep the node's
  panel_->form()->setColumns(columns, s.target);
  panel_->form()->setSettings(s);
  panel_->setStatus(automl ? tr("The node runs AutoML on what reaches it in the pipeline; Apply to node keeps these choices.")
                           : tr("The node tunes on what reaches it in the pipeline; Apply to node keeps these choices."));
  shownParameters_ = nodeParameters();
}

json TuningController::nodeParameters() const {
  json out = nodeParameters_.is_object() ? nodeParameters_ : json::object();
  const TuningSettings s = panel_->form()->settings();
  out["target"] = s.target.toStdString();
  out["objective"] = s.objective.toStdString();
  out["folds"] = s.folds;
  out["budget"] = s.budgetSeconds;
  if (nodeAutoMl_) {
    out["ensemble"] = s.ensemble;
  } else {
    // Another algorithm cannot keep the old one's space: it gets its own default.
    if (out.value("algorithm", std::string()) != s.algorithm.toStdString()) out["space"] = nullptr;
    out["algorithm"] = s.algorithm.toStdString();
    out["strategy"] = s.strategy.toStdString();
    out["trials"] = s.trials;
    out["pruning"] = s.pruning;
  }
  // A node without its own seed follows the pipeline's; it gets one only when the user sets one.
  const json seed = nodeParameters_.value("seed", json());
  if (!seed.is_null() || s.seed != 0) out["seed"] = s.seed;
  return out;
}

bool TuningController::nodeChanged() const { return nodeId_ != 0 && nodeParameters() != shownParameters_; }

void TuningController::nodeApplied(const json& parameters) {
  nodeParameters_ = parameters;
  shownParameters_ = nodeParameters();
}

void TuningController::showNodeParameters(const json& parameters) {
  if (nodeId_ != 0 && parameters != nodeParameters_) editNode(nodeId_, nodeTitle_, nodeAutoMl_, nodeTable_, parameters);
}

void TuningController::leaveNode() {
  if (nodeId_ == 0) return;
  nodeId_ = 0;
  nodeTable_.reset();
  nodeParameters_ = shownParameters_ = json();
  panel_->clearNodeEditing();
  panel_->form()->setColumns(columnNames(table_.get()));
  panel_->form()->setSettings(beforeNode_);
  panel_->setStatus({});
}

}  // namespace lathe::app
