#include "engine/serve/ModelServer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <utility>

#include "engine/core/Error.h"
#include "engine/serve/GatedHttpServer.h"
#include "engine/serve/HttpGuard.h"
#include "engine/serve/HttpRoutes.h"
#include "engine/serve/TokenBucket.h"

namespace lathe::serve {

struct ModelServer::Impl {
  Config config;
  bool loopback = true;
  TokenBucket bucket;

  mutable std::shared_mutex endpointsMutex;
  std::map<std::string, std::shared_ptr<Endpoint>, std::less<>> endpoints;
  mutable std::mutex hookMutex;
  std::shared_ptr<const RequestHook> hook = std::make_shared<const RequestHook>();

  mutable std::mutex lifecycle;  // start and stop
  std::unique_ptr<GatedHttpServer> http;
  std::thread listener;
  std::atomic<int> port{0};

  explicit Impl(Config c) : config(std::move(c)), bucket(config.rateLimit, config.rateBurst) {}

  std::shared_ptr<Endpoint> find(std::string_view name) const {
    const std::shared_lock lock(endpointsMutex);
    const auto found = endpoints.find(name);
    return found == endpoints.end() ? nullptr : found->second;
  }

  std::shared_ptr<const RequestHook> currentHook() const {
    const std::lock_guard lock(hookMutex);
    return hook;
  }

  std::unique_ptr<HttpRoutes> routes;  // built with the config; installed on each start
};

ModelServer::ModelServer(Config config) : impl_(std::make_unique<Impl>(std::move(config))) {
  const Config& c = impl_->config;
  if (!HttpGuard::validToken(c.token))
    throw Error(ErrorCode::InvalidArgument,
                c.token.empty() ? "the server needs a token" : "the token must be 1 to 256 visible ASCII characters");
  if (c.maxBodyBytes == 0 || c.maxRows == 0) throw Error(ErrorCode::InvalidArgument, "the body and row limits must be positive");
  if (!(c.rateLimit >= 0.0) || !std::isfinite(c.rateLimit))
    throw Error(ErrorCode::InvalidArgument, "the rate limit must be a number of requests per second, 0 for none");
  if (c.port < 0 || c.port > 65535) throw Error(ErrorCode::InvalidArgument, "the port must be between 0 and 65535");
  impl_->loopback = HttpGuard::isLoopback(c.host);
  Impl* impl = impl_.get();
  impl_->routes = std::make_unique<HttpRoutes>(
      HttpRoutes::Limits{c.token, impl_->loopback, c.maxBodyBytes, c.maxRows, c.rateLimit}, impl_->bucket,
      [impl](std::string_view name) { return impl->find(name); }, [impl] { return impl->currentHook(); });
}

ModelServer::~ModelServer() { stop(); }

void ModelServer::addEndpoint(EndpointConfig endpoint) {
  auto made = std::make_shared<Endpoint>(std::move(endpoint));
  const std::unique_lock lock(impl_->endpointsMutex);
  if (!impl_->endpoints.emplace(made->name(), made).second)
    throw Error(ErrorCode::InvalidArgument, "endpoint \"" + made->name() + "\" is already served");
}

void ModelServer::removeEndpoint(const std::string& name) {
  const std::unique_lock lock(impl_->endpointsMutex);
  impl_->endpoints.erase(name);
}

void ModelServer::setVariants(const std::string& endpoint, std::vector<Variant> variants) {
  const auto found = impl_->find(endpoint);
  if (!found) throw Error(ErrorCode::InvalidArgument, "no endpoint named \"" + endpoint + "\"");
  found->setVariants(std::move(variants));
}

void ModelServer::setRequestSettings(const std::string& endpoint, std::string keyColumn, double sampleRate) {
  const auto found = impl_->find(endpoint);
  if (!found) throw Error(ErrorCode::InvalidArgument, "no endpoint named \"" + endpoint + "\"");
  found->setRequestSettings(std::move(keyColumn), sampleRate);
}

void ModelServer::setRequestHook(RequestHook hook) {
  auto next = std::make_shared<const RequestHook>(std::move(hook));
  const std::lock_guard lock(impl_->hookMutex);
  impl_->hook = std::move(next);
}

void ModelServer::start() {
  const std::lock_guard lock(impl_->lifecycle);
  if (impl_->http) return;
  const Config& c = impl_->config;
  GatedHttpServer::Settings settings;
  settings.threads = c.threads > 0 ? c.threads : std::max(2u, std::thread::hardware_concurrency());
  settings.readTimeout = c.readTimeout;
  settings.writeTimeout = c.writeTimeout;
  settings.requestTimeout = c.requestTimeout;
  settings.gate.headerTimeout = c.headerTimeout;
  settings.gate.idleTimeout = c.idleTimeout;
  settings.gate.maxConnections = c.maxConnections;
  auto http = std::make_unique<GatedHttpServer>(settings);
  impl_->routes->install(*http);
  const int bound = http->bindTo(c.host, c.port);
  GatedHttpServer* server = http.get();
  auto finished = std::make_shared<std::atomic<bool>>(false);
  impl_->listener = std::thread([server, finished] {
    server->run();
    finished->store(true);
  });
  // httplib's stop() does nothing until the accept loop has started, so wait for it: a stop()
  // right after start() must not leave the loop running.
  while (!server->is_running() && !finished->load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  impl_->http = std::move(http);
  impl_->port = bound;
}

void ModelServer::stop() {
  const std::lock_guard lock(impl_->lifecycle);
  if (!impl_->http) return;
  impl_->http->shutdown();
  if (impl_->listener.joinable()) impl_->listener.join();
  impl_->http.reset();
  impl_->port = 0;
}

bool ModelServer::running() const {
  const std::lock_guard lock(impl_->lifecycle);
  return impl_->http != nullptr;
}

int ModelServer::port() const { return impl_->port.load(); }

const ModelServer::Config& ModelServer::config() const noexcept { return impl_->config; }

std::vector<std::string> ModelServer::endpointNames() const {
  const std::shared_lock lock(impl_->endpointsMutex);
  std::vector<std::string> names;
  for (const auto& [name, endpoint] : impl_->endpoints) names.push_back(name);
  return names;
}

Endpoint::Snapshot ModelServer::snapshot(const std::string& endpoint) const {
  const auto found = impl_->find(endpoint);
  if (!found) throw Error(ErrorCode::InvalidArgument, "no endpoint named \"" + endpoint + "\"");
  return found->snapshot();
}

std::size_t ModelServer::openConnections() const {
  const std::lock_guard lock(impl_->lifecycle);
  return impl_->http ? impl_->http->openConnections() : 0;
}

}  // namespace lathe::serve
