#pragma once
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/serve/Endpoint.h"
#include "engine/serve/RequestEvent.h"
#include "engine/serve/TrafficSplit.h"

namespace lathe::serve {

// The local REST model server behind `lathe serve` and the Deploy panel. Qt-free; HTTP is
// cpp-httplib's, with connections handled by GatedHttpServer.
//
//   GET  /health                      200 {"status": "ok"}                (no token)
//   GET  /v1/endpoints/NAME           200 variants, weights, counts, latency, predictions
//   POST /v1/endpoints/NAME/predict   200 {"predictions": [{"label", "probabilities",
//                                          ("decision"), "variant"} or {"value", "variant"}]}
//
// Every error is JSON {"error": "..."}: 400 malformed request (bad JSON or CSV, wrong types,
// non-finite numbers, empty batch, CR or LF inside a header), 401 missing or wrong token
// ("Authorization: Bearer T" or "X-Lathe-Token: T"), 403 a Host header other than 127.0.0.1,
// localhost or [::1] on a loopback server (DNS rebinding), 404 any other path (no "../"
// resolving) or an unknown endpoint, 405 wrong method, 411 a body without a length, 413 body
// or row count over the limits, 415 another Content-Type, 422 rows a model cannot score,
// 429 over the rate limit. "X-Request-Key: K" keys the traffic split of a whole request.
class ModelServer {
 public:
  struct Config {
    std::string host = "127.0.0.1";
    int port = 0;                        // 0: a free port (see port())
    std::string token;                   // required
    std::size_t maxBodyBytes = 8u << 20;
    std::size_t maxRows = 10000;
    double rateLimit = 0.0;              // requests per second over all clients; 0: none
    double rateBurst = 0.0;              // 0: max(1, rateLimit)
    std::size_t threads = 0;             // workers; 0: one per core, at least 2
    std::chrono::milliseconds readTimeout{5000};     // a read or a write of a request waits
    std::chrono::milliseconds writeTimeout{5000};    // at most this long for the client,
    std::chrono::milliseconds requestTimeout{30000}; // and a whole request at most this long
    std::chrono::milliseconds headerTimeout{5000};   // a new connection's first request head
    std::chrono::milliseconds idleTimeout{5000};     // between requests of a kept-alive one
    std::size_t maxConnections = 4096;
  };

  // Throws lathe::Error(InvalidArgument) for an empty or unusable token or a bad limit.
  explicit ModelServer(Config config);
  ~ModelServer();  // stops
  ModelServer(const ModelServer&) = delete;
  ModelServer& operator=(const ModelServer&) = delete;

  // Before or while serving. Throws lathe::Error(InvalidArgument) for a name already served or
  // an endpoint Endpoint refuses (bad name, weights).
  void addEndpoint(EndpointConfig endpoint);
  void removeEndpoint(const std::string& name);
  // Swaps an endpoint's variants atomically while serving (canary steps, rollbacks). Throws
  // lathe::Error(InvalidArgument) for an unknown endpoint or bad weights; then nothing changes.
  void setVariants(const std::string& endpoint, std::vector<Variant> variants);
  // Changes an endpoint's key column and sample rate while serving (see Endpoint).
  void setRequestSettings(const std::string& endpoint, std::string keyColumn, double sampleRate);
  // Sees every request (see RequestEvent); replace or clear any time.
  void setRequestHook(RequestHook hook);

  // Binds and starts serving; returns once requests are accepted. Throws lathe::Error(Io)
  // naming the address when it cannot bind (the port is in use).
  void start();
  // Stops accepting, closes idle connections, waits for the answers in progress. Any thread;
  // idempotent.
  void stop();
  bool running() const;
  int port() const;  // the bound port (0 before start)
  const Config& config() const noexcept;

  std::vector<std::string> endpointNames() const;
  // Throws lathe::Error(InvalidArgument) for an unknown endpoint.
  Endpoint::Snapshot snapshot(const std::string& endpoint) const;
  std::size_t openConnections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lathe::serve
