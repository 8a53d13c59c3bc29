#pragma once
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "engine/serve/ModelServer.h"

namespace lathe::store {
class Database;
class Project;
}
namespace lathe::deploy {
struct EndpointInfo;
class EndpointRegistry;
class RequestLog;
}

namespace lathe::serve {

// One endpoint served: the ModelServer, its variants loaded from the project's registry (or a
// bundle), the request log, and a housekeeping thread that, about once a second, follows the
// project (a weight, the sampling or the key column changed in the Deploy panel or by `lathe
// endpoint` reaches the server) and
// runs the canary's schedule (steps and automatic rollbacks). `lathe serve` and the Deploy panel
// both drive one of these; neither blocks on it.
class ServingSession {
 public:
  struct Options {
    std::string host = "127.0.0.1";
    int port = 0;
    std::string token;  // empty: the endpoint's own (a bundle needs one)
    std::size_t threads = 0;
    double rateLimit = 0.0;
    std::size_t maxRows = 10000;
    std::size_t maxBodyBytes = 8u << 20;
  };

  // Throws lathe::Error naming what is wrong: no such endpoint, a version that does not load.
  static std::unique_ptr<ServingSession> fromProject(std::shared_ptr<const store::Project> project,
                                                     const std::string& endpoint, Options options);
  // A portable bundle on its own: one variant, no project, so no request log and no canary.
  static std::unique_ptr<ServingSession> fromBundle(const std::string& path, Options options);
  ~ServingSession();

  void start();  // throws lathe::Error(Io) naming the address when it cannot bind
  void stop();   // idempotent; waits for the answers in progress and the log's last batch
  bool running() const;
  int port() const;
  std::string token() const { return token_; }
  const std::string& endpoint() const noexcept { return endpoint_; }
  // "http://127.0.0.1:8321/v1/endpoints/NAME/predict"
  std::string predictUrl() const;
  Endpoint::Snapshot snapshot() const;
  // Requests logged, dropped and failed so far (all 0 without a project).
  std::uint64_t loggedRequests() const;
  std::uint64_t droppedLogRecords() const;
  // Answered requests a killed server left in its journal, written to the log at this start.
  std::uint64_t recoveredLogRecords() const;
  std::string logError() const;

 private:
  ServingSession() = default;
  void housekeeping(std::stop_token stop);
  // Deletes the endpoint's requests older than its log_retention_days (default 30).
  void trimLog(store::Database& db, deploy::EndpointRegistry& endpoints);
  // The endpoint's variants as the project has them; models are loaded once per version and kept.
  std::vector<Variant> loadVariants(store::Database& db, const deploy::EndpointInfo& info);

  std::shared_ptr<const store::Project> project_;
  std::string endpoint_;
  std::int64_t endpointId_ = 0;
  std::string token_;
  std::unique_ptr<ModelServer> server_;
  std::unique_ptr<deploy::RequestLog> log_;
  std::map<std::int64_t, std::shared_ptr<const deploy::ScoringModel>> models_;  // by version id
  std::string seenModifiedAt_;
  std::mutex wakeMutex_;
  std::condition_variable_any wake_;
  std::jthread housekeeper_;
};

}  // namespace lathe::serve
