#include "app/desktop/DeployController.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>

#include "app/document/ProjectDocument.h"
#include "engine/core/Error.h"
#include "engine/deploy/AbTestJob.h"
#include "engine/deploy/CanaryRelease.h"
#include "engine/deploy/EndpointRegistry.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/deploy/RequestLogSummary.h"
#include "engine/eval/Metric.h"
#include "engine/serve/ServingSession.h"
#include "engine/serve/StartServingJob.h"
#include "engine/store/Project.h"
#include "widgets/deploy/AbResultView.h"
#include "widgets/deploy/AbTestDialog.h"
#include "widgets/deploy/CanarySettingsDialog.h"
#include "widgets/deploy/DeployPanel.h"
#include "widgets/deploy/EndpointSettingsDialog.h"
#include "widgets/deploy/NewEndpointDialog.h"

namespace lathe::app {
namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

QString distribution(const serve::VariantStats::Snapshot& stats) {
  if (!stats.classCounts.empty()) {
    std::uint64_t total = 0;
    for (const auto& [label, count] : stats.classCounts) total += count;
    QStringList parts;
    for (const auto& [label, count] : stats.classCounts)
      parts << QStringLiteral("%1 %2%").arg(text(label)).arg(total ? 100.0 * double(count) / double(total) : 0.0, 0, 'f', 0);
    return parts.join(QStringLiteral(" · "));
  }
  if (stats.valueCount > 0)
    return QStringLiteral("μ %1 [%2, %3]").arg(stats.valueMean, 0, 'g', 4).arg(stats.valueMin, 0, 'g', 4).arg(stats.valueMax, 0, 'g', 4);
  return {};
}

}  // namespace

QString DeployController::eventName(const std::string& kind) {
  if (kind == "created") return tr("created");
  if (kind == "weights") return tr("weights changed");
  if (kind == "canary_step") return tr("canary stepped up");
  if (kind == "rollback") return tr("canary rolled back");
  if (kind == "promote") return tr("canary promoted");
  if (kind == "started") return tr("server started");
  if (kind == "stopped") return tr("server stopped");
  if (kind == "settings") return tr("settings changed");
  if (kind == "token") return tr("new token");
  return text(kind);
}

DeployController::DeployController(ProjectDocument* document, JobManager* jobs, widgets::DeployPanel* panel,
                                   QWidget* dialogParent, QObject* parent)
    : QObject(parent), document_(document), jobs_(jobs), panel_(panel), dialogParent_(dialogParent), tick_(new QTimer(this)) {
  tick_->setInterval(1000);
  connect(tick_, &QTimer::timeout, this, &DeployController::showTraffic);
  connect(panel_, &widgets::DeployPanel::endpointChosen, this, &DeployController::showEndpoint);
  connect(panel_, &widgets::DeployPanel::newEndpointRequested, this, &DeployController::newEndpoint);
  connect(panel_, &widgets::DeployPanel::startRequested, this, &DeployController::start);
  connect(panel_, &widgets::DeployPanel::stopRequested, this, &DeployController::stop);
  connect(panel_, &widgets::DeployPanel::canaryStepRequested, this, &DeployController::stepCanary);
  connect(panel_, &widgets::DeployPanel::canaryRollbackRequested, this, &DeployController::rollBackCanary);
  connect(panel_, &widgets::DeployPanel::canaryPromoteRequested, this, &DeployController::promoteCanary);
  connect(panel_, &widgets::DeployPanel::canarySettingsRequested, this, &DeployController::editCanarySettings);
  connect(panel_, &widgets::DeployPanel::endpointSettingsRequested, this, &DeployController::editEndpointSettings);
  connect(panel_, &widgets::DeployPanel::regenerateTokenRequested, this, [this] {
    try {
      deploy::EndpointRegistry(document_->project()->db()).regenerateToken(shown_.toStdString());
      showEndpoint(shown_);
    } catch (const Error& e) {
      panel_->setStatus(tr("Could not make a new token: %1").arg(text(e.what())));
    }
  });
  connect(panel_, &widgets::DeployPanel::abTestRequested, this, [this] {
    const auto kpi = document_->info().kpi.metric;
    QStringList metrics;
    for (const auto& name : eval::Metric::names()) metrics << text(name);
    std::string key;
    try {
      key = deploy::EndpointRegistry(document_->project()->db()).get(shown_.toStdString()).keyColumn();
    } catch (const Error&) {
    }
    widgets::AbTestDialog dialog(metrics, kpi.empty() ? QStringLiteral("accuracy") : text(kpi), text(key), dialogParent_);
    if (dialog.exec() == QDialog::Accepted)
      compareVariants(dialog.labelsPath(), dialog.keyColumn(), dialog.labelColumn(), dialog.metric());
  });
  // The server holds the project it was started on: stop it before that project goes.
  connect(document_, &ProjectDocument::projectChanged, this, [this] {
    stop();
    shown_.clear();
    forgetLoggedTraffic();
    panel_->abResult()->clear();
    refresh();
  });
  connect(document_, &ProjectDocument::contentChanged, this, &DeployController::refresh);
}

// The panel may already be gone: stop the server without touching it.
DeployController::~DeployController() {
  if (session_) session_->stop();
}

bool DeployController::isServing() const { return session_ && session_->running(); }
bool DeployController::isStarting() const { return startJob_ != 0; }
int DeployController::servingPort() const { return isServing() ? session_->port() : 0; }

void DeployController::refresh() {
  QStringList names;
  if (document_->hasProject()) {
    try {
      for (const auto& endpoint : deploy::EndpointRegistry(document_->project()->db()).list()) names << text(endpoint.name);
    } catch (const Error& e) {
      panel_->setStatus(tr("Could not read the endpoints: %1").arg(text(e.what())));
    }
  }
  if (session_) shown_ = text(session_->endpoint());
  if (!names.contains(shown_)) shown_ = names.isEmpty() ? QString() : names.front();
  panel_->setEndpoints(names, shown_);
  if (!shown_.isEmpty()) showEndpoint(shown_);
}

void DeployController::showEndpoint(const QString& name) {
  if (name != shown_) panel_->abResult()->clear();  // the A/B result shown was another endpoint's
  shown_ = name;
  if (!document_->hasProject() || name.isEmpty()) return;
  try {
    const auto info = deploy::EndpointRegistry(document_->project()->db()).get(name.toStdString());
    panel_->setToken(text(info.token));
    showTraffic();
  } catch (const Error& e) {
    panel_->setStatus(tr("Could not read endpoint %1: %2").arg(name, text(e.what())));
  }
}

void DeployController::showTraffic() {
  if (!document_->hasProject() || shown_.isEmpty()) return;
  auto& db = document_->project()->db();
  deploy::EndpointRegistry endpoints(db);
  const auto info = endpoints.find(shown_.toStdString());
  if (!info) return;
  QList<widgets::VariantTraffic> rows;
  const bool live = isServing() && text(session_->endpoint()) == shown_;
  const auto snapshot = live ? std::optional(session_->snapshot()) : std::nullopt;
  // Not serving: the counts come from the request log, read off the GUI thread (a month of
  // traffic is millions of rows); until then the last reading, if it was this endpoint's.
  if (!live && logged_.endpointId != info->id) summarizeLog(info->id);
  const auto logged = !live && logged_.endpointId == info->id ? logged_.variants : std::vector<deploy::RequestLogSummary>();
  for (const auto& v : info->variants) {
    widgets::VariantTraffic row;
    row.name = text(v.name);
    row.canary = v.role == "canary";
    row.weight = v.weight;
    if (snapshot) {
      for (const auto& s : snapshot->variants) {
        if (s.name != v.name) continue;
        row.requests = qint64(s.stats.requests);
        row.rows = qint64(s.stats.rows);
        row.errors = qint64(s.stats.errors);
        row.p50Ms = s.stats.latencyP50Ms;
        row.p99Ms = s.stats.latencyP99Ms;
        row.predictions = distribution(s.stats);
      }
    }
    for (const auto& s : logged) {
      if (s.variant != v.name) continue;
      row.requests = s.requests;
      row.rows = s.rows;
      row.errors = s.errors;
      row.p50Ms = s.p50Milliseconds;
      row.p99Ms = s.p99Milliseconds;
    }
    rows << row;
  }
  panel_->setVariants(rows);
  QStringList lines;
  for (const auto& event : endpoints.events(info->name))
    lines << QStringLiteral("%1  %2%3").arg(text(event.at).replace(QLatin1Char('T'), QLatin1Char(' ')).left(19), eventName(event.kind),
                                            event.reason.empty() ? QString() : QStringLiteral(" — ") + text(event.reason));
  panel_->setEvents(lines);
}

void DeployController::forgetLoggedTraffic() {
  logged_ = {};
  ++logGeneration_;
}

void DeployController::summarizeLog(std::int64_t endpointId) {
  if (summarizing_ || !document_->hasProject()) return;
  summarizing_ = true;
  const std::weak_ptr<int> alive = alive_;
  auto* watcher = new QFutureWatcher<std::vector<deploy::RequestLogSummary>>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, alive, watcher, endpointId, generation = logGeneration_] {
    watcher->deleteLater();
    if (alive.expired()) return;
    summarizing_ = false;
    if (generation != logGeneration_) {  // read before the log or the project changed: again
      showTraffic();
      return;
    }
    try {
      logged_ = {endpointId, watcher->result()};
    } catch (const std::exception& e) {  // a busy or damaged log: the table shows no counts
      logged_ = {endpointId, {}};
      panel_->setStatus(tr("Could not read the request log: %1").arg(text(e.what())));
    }
    showTraffic();
  });
  watcher->setFuture(QtConcurrent::run([project = document_->project(), endpointId] {
    store::Database db = project->connect();
    return deploy::RequestLogSummary::of(db, endpointId);
  }));
}

bool DeployController::start(int port) {
  if (isServing() || isStarting() || shown_.isEmpty() || !document_->hasProject()) return false;
  serve::ServingSession::Options options;
  options.port = port;
  // Loading the versions takes seconds for a large forest: a job, so the window never waits.
  auto job = std::make_shared<serve::StartServingJob>(document_->project(), shown_.toStdString(), options);
  const std::weak_ptr<int> alive = alive_;
  const int generation = ++startGeneration_;
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, alive, job, generation] {
    auto session = job->takeSession();
    // Stopped, or the project switched, while it started: the session goes (and stops) here.
    if (alive.expired() || generation != startGeneration_ || !session) return;
    session_ = std::move(session);
    if (session_->port() >= 1024) panel_->setPort(session_->port());  // the port it got, when asked for any
    panel_->setServing(true, text(session_->predictUrl()));
    panel_->setStatus(tr("Serving %1 on 127.0.0.1:%2. Clients send the token as \"Authorization: Bearer TOKEN\".")
                          .arg(text(session_->endpoint()))
                          .arg(session_->port()));
    tick_->start();
    showTraffic();
  };
  auto failed = std::make_shared<bool>(false);
  callbacks.failed = [this, alive, generation, failed](const QString& error) {
    if (alive.expired() || generation != startGeneration_) return;
    *failed = true;
    panel_->setServing(false, {});
    panel_->setStatus(tr("The server did not start: %1").arg(error));
  };
  callbacks.ended = [this, alive, generation, failed] {
    if (alive.expired() || generation != startGeneration_) return;
    startJob_ = 0;
    if (session_) return;
    panel_->setServing(false, {});
    if (!*failed) panel_->setStatus(tr("The server was not started."));  // cancelled from the jobs list
  };
  panel_->setServing(true, tr("starting…"));  // Stop now cancels the start
  panel_->setStatus(tr("Loading the versions of %1…").arg(shown_));
  startJob_ = jobs_->submit(job, tr("Start serving %1").arg(shown_), std::move(callbacks));
  return true;
}

void DeployController::stop() {
  tick_->stop();
  if (startJob_ != 0) {
    ++startGeneration_;  // whatever the start still brings is dropped
    jobs_->cancel(startJob_);
    startJob_ = 0;
    panel_->setServing(false, {});
    panel_->setStatus(tr("The server was not started."));
  }
  if (!session_) return;
  session_->stop();
  session_.reset();
  forgetLoggedTraffic();  // the log has the requests just answered
  panel_->setServing(false, {});
  panel_->setStatus(tr("The server stopped; its requests are in the project's request log."));
  showTraffic();
}

void DeployController::newEndpoint() {
  if (!document_->hasProject()) return;
  auto& db = document_->project()->db();
  QList<widgets::NewEndpointDialog::Version> versions;
  QStringList columns;
  for (const auto& v : deploy::ModelRegistry(db).allVersions()) {
    versions.push_back({v.id, text(v.reference()) + (v.alias.empty() ? QString() : QStringLiteral(" (%1)").arg(text(v.alias)))});
    for (const auto& column : v.inputSchema)
      if (!columns.contains(text(column.name))) columns << text(column.name);
  }
  if (versions.isEmpty()) {
    panel_->setStatus(tr("Register a model first: Experiments › right-click a run › Register Model…"));
    return;
  }
  widgets::NewEndpointDialog dialog(versions, columns, dialogParent_);
  if (dialog.exec() != QDialog::Accepted) return;
  try {
    deploy::ModelRegistry registry(db);
    std::vector<deploy::EndpointVariant> variants;
    for (const auto& choice : dialog.choices()) {
      const auto version = registry.version(choice.versionId);
      variants.push_back({version->reference(), choice.versionId, choice.weight, choice.canary ? "canary" : "variant"});
    }
    nlohmann::json settings = {{"sampling", dialog.sampling()}};
    if (!dialog.keyColumn().isEmpty()) settings["key_column"] = dialog.keyColumn().toStdString();
    deploy::EndpointRegistry(db).create(dialog.name().toStdString(), variants, settings);
    shown_ = dialog.name();
    refresh();
    panel_->setStatus(tr("Endpoint %1 created. Click Start to serve it.").arg(shown_));
  } catch (const Error& e) {
    panel_->setStatus(tr("Could not create the endpoint: %1").arg(text(e.what())));
  }
}

void DeployController::canaryAction(const QString& what, const std::function<double(const std::string&)>& action) {
  try {
    const double weight = action(what.toStdString());
    panel_->setStatus(tr("The canary now has %1% of the traffic.").arg(weight * 100.0, 0, 'f', 1));
  } catch (const Error& e) {
    panel_->setStatus(tr("The canary did not change: %1").arg(text(e.what())));
  }
  showTraffic();
}

void DeployController::stepCanary() {
  canaryAction(tr("stepped up by hand"), [this](const std::string& reason) {
    return deploy::CanaryRelease(document_->project()->db(), shown_.toStdString()).stepUp(reason);
  });
}

void DeployController::rollBackCanary() {
  canaryAction(tr("rolled back by hand"), [this](const std::string& reason) {
    return deploy::CanaryRelease(document_->project()->db(), shown_.toStdString()).rollBack(reason);
  });
}

void DeployController::promoteCanary() {
  canaryAction(tr("promoted by hand"), [this](const std::string& reason) {
    return deploy::CanaryRelease(document_->project()->db(), shown_.toStdString()).promote(reason);
  });
  document_->notifyContentChanged();  // the registry's production alias moved
}

void DeployController::editCanarySettings() {
  if (!document_->hasProject() || shown_.isEmpty()) return;
  try {
    auto& db = document_->project()->db();
    deploy::EndpointRegistry endpoints(db);
    auto info = endpoints.get(shown_.toStdString());
    widgets::CanarySettingsDialog dialog(deploy::CanaryRelease(db, info.name).settings(), dialogParent_);
    if (dialog.exec() != QDialog::Accepted) return;
    const auto settings = dialog.settings();
    settings.validate();
    info.settings["canary"] = settings.toJson();
    endpoints.setSettings(info.name, info.settings, "canary settings");
    showTraffic();
  } catch (const Error& e) {
    panel_->setStatus(tr("The canary settings were not saved: %1").arg(text(e.what())));
  }
}

void DeployController::editEndpointSettings() {
  if (!document_->hasProject() || shown_.isEmpty()) return;
  try {
    auto& db = document_->project()->db();
    const auto info = deploy::EndpointRegistry(db).get(shown_.toStdString());
    widgets::EndpointSettingsDialog::Values values;
    values.sampling = info.sampling();
    values.keyColumn = text(info.keyColumn());
    // Whole days in the dialog: a part of a day (set by `lathe endpoint settings`) shows as one
    // day, never as "keep every request".
    const double days = info.logRetentionDays();
    values.logRetentionDays = days > 0.0 ? static_cast<int>(std::clamp(std::ceil(days), 1.0, 36500.0)) : 0;
    QStringList columns;
    deploy::ModelRegistry registry(db);
    for (const auto& variant : info.variants)
      if (const auto version = registry.version(variant.modelVersionId))
        for (const auto& column : version->inputSchema)
          if (!columns.contains(text(column.name))) columns << text(column.name);
    widgets::EndpointSettingsDialog dialog(shown_, values, columns, dialogParent_);
    if (dialog.exec() == QDialog::Accepted) changeEndpointSettings(dialog.values());
  } catch (const Error& e) {
    panel_->setStatus(tr("Could not read the settings of %1: %2").arg(shown_, text(e.what())));
  }
}

bool DeployController::changeEndpointSettings(const widgets::EndpointSettingsDialog::Values& values) {
  if (!document_->hasProject() || shown_.isEmpty()) return false;
  try {
    deploy::EndpointRegistry endpoints(document_->project()->db());
    auto settings = endpoints.get(shown_.toStdString()).settings;
    settings["sampling"] = values.sampling;
    settings["log_retention_days"] = values.logRetentionDays;
    if (values.keyColumn.isEmpty()) settings.erase("key_column");
    else settings["key_column"] = values.keyColumn.toStdString();
    endpoints.setSettings(shown_.toStdString(), settings, tr("changed in the Deploy panel").toStdString());
  } catch (const Error& e) {
    panel_->setStatus(tr("The settings were not saved: %1").arg(text(e.what())));
    return false;
  }
  panel_->setStatus(isServing() ? tr("Settings saved; the running server follows them within a second.") : tr("Settings saved."));
  showTraffic();
  return true;
}

void DeployController::compareVariants(const QString& labelsPath, const QString& keyColumn, const QString& labelColumn,
                                       const QString& metric) {
  if (!document_->hasProject() || shown_.isEmpty() || abJob_ != 0) return;
  deploy::AbTestSettings settings;
  settings.metric = metric.toStdString();
  auto job = std::make_shared<deploy::AbTestJob>(document_->project(), shown_.toStdString(), labelsPath.toStdString(),
                                                 keyColumn.toStdString(), labelColumn.toStdString(), settings);
  const std::weak_ptr<int> alive = alive_;
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, alive, job, endpoint = shown_] {
    if (alive.expired()) return;
    if (endpoint == shown_) panel_->abResult()->setResult(job->result());
    panel_->setStatus(tr("%n labelled answers compared.", nullptr, static_cast<int>(job->joined().records.size())));
  };
  callbacks.failed = [this, alive](const QString& error) {
    if (!alive.expired()) panel_->setStatus(tr("The variants could not be compared: %1").arg(error));
  };
  callbacks.ended = [this, alive] {
    if (!alive.expired()) abJob_ = 0;
  };
  panel_->setStatus(tr("Comparing the variants…"));
  abJob_ = jobs_->submit(job, tr("Compare the variants of %1").arg(shown_), std::move(callbacks));
}

}  // namespace lathe::app
