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
#include "engine/serve/TokenBucket.h"

namespace lathe::serve {
namespace {

using httplib::Request;
using httplib::Response;
using Handled = httplib::Server::HandlerResponse;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kPrefix = "/v1/endpoints/";

// Set when a request with "Expect: 100-continue" passed the guard before its body was invited,
// so that the pre-routing call that follows on the same worker does not check (and rate-limit)
// it twice.
thread_local bool tGuardPassed = false;
constexpr std::string_view kPredict = "/predict";

const char* reasonText(int status) {
  switch (status) {
    case 400: return "bad request";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "request timeout";
    case 411: return "length required";
    case 413: return "payload too large";
    case 414: return "URI too long";
    case 415: return "unsupported media type";
    case 416: return "range not satisfiable";
    case 429: return "too many requests";
    case 431: return "request header fields too large";
    default: return status >= 500 ? "internal server error" : "error";
  }
}

void answer(Response& res, int status, std::string body) {
  res.status = status;
  res.body = std::move(body);
  res.set_header("Content-Type", "application/json");
}

void fail(Response& res, int status, std::string_view message) { answer(res, status, Endpoint::errorBody(message)); }

// What a path asks for. Paths are matched whole, never normalised: "/v1/endpoints/../health"
// names an endpoint called "..", which no endpoint can be called, so it is a 404.
struct Route {
  enum class Kind { None, Health, Endpoint, Predict } kind = Kind::None;
  std::string name;
};

Route routeOf(std::string_view path) {
  if (path == "/health") return {Route::Kind::Health, {}};
  if (!path.starts_with(kPrefix)) return {};
  std::string_view rest = path.substr(kPrefix.size());
  Route route{Route::Kind::Endpoint, {}};
  if (rest.ends_with(kPredict)) {
    rest.remove_suffix(kPredict.size());
    route.kind = Route::Kind::Predict;
  }
  if (!Endpoint::validName(rest)) return {};
  route.name = std::string(rest);
  return route;
}

bool allDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

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

  Handled guard(const Request& req, Response& res);
  void predict(const Request& req, Response& res, const httplib::ContentReader& reader);
  void install(GatedHttpServer& http);
};

// Runs before httplib reads a body: everything that can refuse a request without reading it.
Handled ModelServer::Impl::guard(const Request& req, Response& res) {
  const bool te = req.has_header("Transfer-Encoding");
  const std::size_t lengths = req.get_header_value_count("Content-Length");
  const std::string length = req.get_header_value("Content-Length");
  const bool hasBody = te || (lengths > 0 && length != "0");
  // A refused request's body is never read, so its connection cannot carry another request.
  auto refuse = [&](int status, std::string_view message) {
    if (hasBody) GatedHttpServer::closeAfterResponse();
    fail(res, status, message);
    return Handled::Handled;
  };
  if (lengths > 1 || (te && lengths > 0))
    return refuse(400, "conflicting Content-Length / Transfer-Encoding headers");
  if (te && req.get_header_value("Transfer-Encoding") != "chunked")
    return refuse(400, "only the chunked Transfer-Encoding is supported");
  if (lengths == 1 && !allDigits(length)) return refuse(400, "Content-Length is not a number");

  if (loopback) {
    if (req.get_header_value_count("Host") != 1) return refuse(400, "exactly one Host header is required");
    if (!HttpGuard::hostAllowed(req.get_header_value("Host")))
      return refuse(403, "this server answers only to Host 127.0.0.1, localhost or [::1]");
  }

  // Routes are matched on the path as sent: no endpoint name needs percent-encoding, and one
  // that decodes to another path ("%2e%2e", "%2f") must not reach what it decodes to.
  const std::string_view sent = std::string_view(req.target).substr(0, req.target.find('?'));
  const Route route = sent == req.path ? routeOf(req.path) : Route{};
  const bool get = req.method == "GET" || req.method == "HEAD";
  if (route.kind == Route::Kind::None) return refuse(404, "no such path");
  if (route.kind == Route::Kind::Health) {
    if (!get) return (res.set_header("Allow", "GET"), refuse(405, "use GET"));
    if (hasBody) GatedHttpServer::closeAfterResponse();
    return Handled::Unhandled;
  }

  const std::string authorization = req.get_header_value("Authorization");
  const std::string latheToken = req.get_header_value("X-Lathe-Token");
  const std::string_view token = HttpGuard::tokenOf(authorization, latheToken);
  if (!HttpGuard::tokenMatches(token, config.token)) {
    res.set_header("WWW-Authenticate", "Bearer");
    return refuse(401, token.empty() ? "a token is required: send \"Authorization: Bearer TOKEN\""
                                     : "the token is not this server's");
  }
  const auto endpoint = find(route.name);
  if (!endpoint) return refuse(404, "no endpoint named \"" + route.name + "\"");

  if (route.kind == Route::Kind::Endpoint) {
    if (!get) return (res.set_header("Allow", "GET"), refuse(405, "use GET"));
    if (hasBody) GatedHttpServer::closeAfterResponse();
    return Handled::Unhandled;
  }
  if (req.method != "POST") return (res.set_header("Allow", "POST"), refuse(405, "use POST"));
  const auto started = Clock::now();
  if (!bucket.tryTake()) {
    res.set_header("Retry-After", std::to_string(static_cast<long>(std::ceil(bucket.secondsUntilToken()))));
    endpoint->reject(429, started, *currentHook());
    return refuse(429, "over the rate limit of " + std::to_string(config.rateLimit) + " requests per second");
  }
  if (!te && lengths == 0) {
    endpoint->reject(411, started, *currentHook());
    return refuse(411, "a body with Content-Length (or chunked) is required");
  }
  if (lengths == 1 && (length.size() > 18 || std::stoull(length) > config.maxBodyBytes)) {
    endpoint->reject(413, started, *currentHook());
    return refuse(413, "the body is larger than " + std::to_string(config.maxBodyBytes) + " bytes");
  }
  return Handled::Unhandled;
}

void ModelServer::Impl::predict(const Request& req, Response& res, const httplib::ContentReader& reader) {
  const auto endpoint = find(req.matches[1].str());
  if (!endpoint) {  // removed since the guard looked
    GatedHttpServer::closeAfterResponse();
    return fail(res, 404, "no endpoint named \"" + req.matches[1].str() + "\"");
  }
  std::string body;
  if (req.has_header("Content-Length")) body.reserve(std::min<std::size_t>(config.maxBodyBytes, std::stoull(req.get_header_value("Content-Length"))));
  bool tooLarge = false;
  const bool read = reader([&](const char* data, std::size_t size) {
    if (body.size() + size > config.maxBodyBytes) {  // a chunked body has no length to check first
      tooLarge = true;
      return false;
    }
    body.append(data, size);
    return true;
  });
  const auto hook = currentHook();
  if (tooLarge || !read) {
    GatedHttpServer::closeAfterResponse();
    endpoint->reject(tooLarge ? 413 : 400, Clock::now(), *hook);
    return fail(res, tooLarge ? 413 : 400,
                tooLarge ? "the body is larger than " + std::to_string(config.maxBodyBytes) + " bytes"
                         : std::string("the body could not be read (cut short, malformed or too slow)"));
  }
  const auto started = Clock::now();
  std::optional<std::string> key;
  if (const std::string k = req.get_header_value("X-Request-Key"); !k.empty()) key = k;
  auto outcome = endpoint->predict(body, req.get_header_value("Content-Type"), key, config.maxRows, started, *hook);
  answer(res, outcome.status, std::move(outcome.body));
}

void ModelServer::Impl::install(GatedHttpServer& server) {
  server.set_payload_max_length(config.maxBodyBytes);
  server.set_default_headers({{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});
  server.set_pre_routing_handler([this](const Request& req, Response& res) {
    if (std::exchange(tGuardPassed, false)) return Handled::Unhandled;
    return guard(req, res);
  });
  // httplib answers "100 Continue" before routing; run the guard first, so that a client
  // without the token (or over a limit) is told so instead of being invited to send its body.
  server.set_expect_100_continue_handler([this](const Request& req, Response& res) {
    if (guard(req, res) == Handled::Handled) return res.status;
    tGuardPassed = true;
    return 100;
  });
  server.Get("/health", [](const Request&, Response& res) { answer(res, 200, R"({"status":"ok"})"); });
  server.Get(R"(/v1/endpoints/([A-Za-z0-9][A-Za-z0-9_.\-]*))", [this](const Request& req, Response& res) {
    const auto endpoint = find(req.matches[1].str());
    if (!endpoint) return fail(res, 404, "no endpoint named \"" + req.matches[1].str() + "\"");
    answer(res, 200, endpoint->snapshot().toJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  });
  server.Post(R"(/v1/endpoints/([A-Za-z0-9][A-Za-z0-9_.\-]*)/predict)",
              [this](const Request& req, Response& res, const httplib::ContentReader& reader) { predict(req, res, reader); });
  // httplib's own refusals (a bad request line, a URI too long) get a JSON body too.
  server.set_error_handler(httplib::Server::HandlerWithResponse([](const Request&, Response& res) {
    if (res.body.empty()) fail(res, res.status, reasonText(res.status));
    return Handled::Handled;
  }));
  server.set_exception_handler([](const Request&, Response& res, std::exception_ptr error) {
    std::string what = "internal error";
    try {
      if (error) std::rethrow_exception(error);
    } catch (const std::exception& e) {
      what += std::string(": ") + e.what();
    } catch (...) {
    }
    fail(res, 500, what);
  });
}

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
  impl_->install(*http);
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
