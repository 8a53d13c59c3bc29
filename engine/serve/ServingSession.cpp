#include "engine/serve/ServingSession.h"

#include <cctype>
#include <chrono>
#include <utility>

#include "engine/core/Error.h"
#include "engine/deploy/CanaryRelease.h"
#include "engine/deploy/EndpointRegistry.h"
#include "engine/deploy/ModelBundle.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/deploy/RequestLog.h"
#include "engine/store/Project.h"

namespace lathe::serve {
namespace {


ModelServer::Config serverConfig(const ServingSession::Options& options, const std::string& token) {
  ModelServer::Config config;
  config.host = options.host;
  config.port = options.port;
  config.token = token;
  config.threads = options.threads;
  config.rateLimit = options.rateLimit;
  config.maxRows = options.maxRows;
  config.maxBodyBytes = options.maxBodyBytes;
  return config;
}

double steadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

std::unique_ptr<ServingSession> ServingSession::fromProject(std::shared_ptr<const store::Project> project,
                                                            const std::string& endpoint, Options options) {
  std::unique_ptr<ServingSession> session(new ServingSession());
  session->project_ = std::move(project);
  store::Database db = session->project_->connect();
  const auto info = deploy::EndpointRegistry(db).get(endpoint);
  session->endpoint_ = info.name;
  session->endpointId_ = info.id;
  session->token_ = options.token.empty() ? info.token : options.token;
  session->seenModifiedAt_ = info.modifiedAt;
  session->server_ = std::make_unique<ModelServer>(serverConfig(options, session->token_));
  EndpointConfig config;
  config.name = info.name;
  config.id = info.id;
  config.variants = session->loadVariants(db, info);
  config.keyColumn = info.keyColumn();
  config.sampleRate = info.sampling();
  session->server_->addEndpoint(std::move(config));
  if (!session->project_->readOnly()) {
    // Journaled: a killed server's answered requests reach the log when it starts again.
    deploy::RequestLog::Options logOptions;
    logOptions.journalFor = session->project_->path();
    session->log_ = std::make_unique<deploy::RequestLog>(session->project_->connect(), logOptions);
    session->server_->setRequestHook([log = session->log_.get()](RequestEvent&& event) {
      if (event.variant.empty()) return;  // refused before a variant was chosen: not a variant's traffic
      log->append({event.endpointId, std::move(event.variant), event.at, event.status, event.latencyMs,
                   static_cast<std::int64_t>(event.rows), std::move(event.input), std::move(event.output)});
    });
  }
  return session;
}

std::unique_ptr<ServingSession> ServingSession::fromBundle(const std::string& path, Options options) {
  if (options.token.empty()) throw Error(ErrorCode::InvalidArgument, "serving a bundle needs a token (--token T)");
  const auto content = deploy::ModelBundle::read(path);
  const auto& info = content.info;
  std::unique_ptr<ServingSession> session(new ServingSession());
  // The endpoint is named after the model, spelled as an address allows ("credit risk" -> "credit-risk").
  std::string name = info.model.substr(0, 100);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-') c = '-';
  if (name.empty() || !std::isalnum(static_cast<unsigned char>(name.front()))) name = "m" + name.substr(0, 99);
  session->endpoint_ = name;
  session->token_ = options.token;
  session->server_ = std::make_unique<ModelServer>(serverConfig(options, session->token_));
  EndpointConfig config;
  config.name = name;
  config.variants = {{info.reference(), 1.0,
                      deploy::ScoringModel::load(content.modelBytes, content.recipes, info.inputSchema, info.target,
                                                 info.threshold)}};
  session->server_->addEndpoint(std::move(config));
  return session;
}

ServingSession::~ServingSession() { stop(); }

std::vector<Variant> ServingSession::loadVariants(store::Database& db, const deploy::EndpointInfo& info) {
  deploy::ModelRegistry registry(db);
  std::vector<Variant> variants;
  for (const auto& v : info.variants) {
    auto& model = models_[v.modelVersionId];
    if (!model) model = registry.load(v.modelVersionId);
    variants.push_back({v.name, v.weight, model});
  }
  return variants;
}

void ServingSession::start() {
  server_->start();
  if (!project_) return;
  if (!project_->readOnly()) {
    store::Database db = project_->connect();
    deploy::EndpointRegistry endpoints(db);
    endpoints.record(endpointId_, "started", {{"port", server_->port()}}, "");
    seenModifiedAt_ = endpoints.modifiedAt(endpoint_);
  }
  housekeeper_ = std::jthread([this](std::stop_token stop) { housekeeping(stop); });
}

void ServingSession::stop() {
  if (housekeeper_.joinable()) {
    housekeeper_.request_stop();
    wake_.notify_all();
    housekeeper_.join();
  }
  if (server_ && server_->running()) {
    server_->stop();
    if (log_) log_->flush();
    if (project_ && !project_->readOnly()) {
      try {
        store::Database db = project_->connect();
        deploy::EndpointRegistry(db).record(endpointId_, "stopped", nlohmann::json::object(), "");
      } catch (const Error&) {
        // The project may be going away (closing the window); the requests are already logged.
      }
    }
  }
}

void ServingSession::housekeeping(std::stop_token stop) {
  store::Database db = project_->connect();
  double lastStep = steadySeconds();
  double nextTrim = steadySeconds() + 5.0;  // not in the first seconds: the server is warming up
  double seenRetention = deploy::EndpointInfo::kDefaultLogRetentionDays;
  try {
    seenRetention = deploy::EndpointRegistry(db).get(endpoint_).logRetentionDays();
  } catch (const std::exception&) {  // a busy project: the first trim uses what it then reads
  }
  while (!stop.stop_requested()) {
    {
      std::unique_lock lock(wakeMutex_);
      wake_.wait_for(lock, stop, std::chrono::seconds(1), [] { return false; });
    }
    if (stop.stop_requested()) break;
    try {
      deploy::EndpointRegistry endpoints(db);
      if (!project_->readOnly()) {
        deploy::CanaryRelease release(db, endpoint_);
        if (const auto canary = release.canary(); canary && canary->weight > 0.0) {
          if (log_) log_->flush();  // judge the canary on every answered request
          const auto action = release.check(steadySeconds(), lastStep);
          if (action.kind != deploy::CanaryAction::Kind::Hold) lastStep = steadySeconds();
        }
      }
      if (!project_->readOnly() && steadySeconds() >= nextTrim) {
        nextTrim = steadySeconds() + 3600.0;
        trimLog(db, endpoints);
      }
      const std::string modified = endpoints.modifiedAt(endpoint_);
      if (modified != seenModifiedAt_) {
        const auto info = endpoints.get(endpoint_);
        server_->setVariants(endpoint_, loadVariants(db, info));
        server_->setRequestSettings(endpoint_, info.keyColumn(), info.sampling());
        seenModifiedAt_ = modified;  // only once all of it is applied: a failure is retried
        // A shorter retention takes effect now, not at the next hourly trim.
        if (const double days = info.logRetentionDays(); days != std::exchange(seenRetention, days)) nextTrim = steadySeconds();
      }
    } catch (const std::exception&) {
      // A busy project or a version that fails to load: the server keeps its current variants
      // and the next tick tries again.
    }
  }
}

void ServingSession::trimLog(store::Database& db, deploy::EndpointRegistry& endpoints) {
  const double days = endpoints.get(endpoint_).logRetentionDays();
  if (!(days > 0.0)) return;
  const auto cutoff = std::chrono::system_clock::now() -
                      std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::duration<double, std::ratio<86400>>(days));
  // Batches of 10,000 rows: the log's writer waits for each, never for the whole trim.
  while (deploy::RequestLog::trimOlderThan(db, endpointId_, cutoff) > 0) {}
}

bool ServingSession::running() const { return server_ && server_->running(); }
int ServingSession::port() const { return server_ ? server_->port() : 0; }

std::string ServingSession::predictUrl() const {
  const std::string host = server_->config().host.find(':') != std::string::npos ? "[" + server_->config().host + "]"
                                                                                 : server_->config().host;
  return "http://" + host + ":" + std::to_string(port()) + "/v1/endpoints/" + endpoint_ + "/predict";
}

Endpoint::Snapshot ServingSession::snapshot() const { return server_->snapshot(endpoint_); }

std::uint64_t ServingSession::loggedRequests() const { return log_ ? log_->counts().written : 0; }
std::uint64_t ServingSession::droppedLogRecords() const { return log_ ? log_->counts().dropped : 0; }
std::uint64_t ServingSession::recoveredLogRecords() const { return log_ ? log_->counts().recovered : 0; }
std::string ServingSession::logError() const { return log_ ? log_->lastError() : std::string(); }

}  // namespace lathe::serve
