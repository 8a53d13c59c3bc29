#include "engine/serve/HttpRoutes.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "engine/serve/HttpGuard.h"

namespace lathe::serve {
namespace {

using httplib::Request;
using httplib::Response;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kPrefix = "/v1/endpoints/";
constexpr std::string_view kPredict = "/predict";

// Set when a request with "Expect: 100-continue" passed the guard before its body was invited,
// so that the pre-routing call that follows on the same worker does not check (and rate-limit)
// it twice.
thread_local bool tGuardPassed = false;

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

HttpRoutes::HttpRoutes(Limits limits, TokenBucket& bucket, Finder find, HookSource hook)
    : limits_(std::move(limits)), bucket_(bucket), find_(std::move(find)), hook_(std::move(hook)) {}

// Runs before httplib reads a body: everything that can refuse a request without reading it.
HttpRoutes::Handled HttpRoutes::guard(const Request& req, Response& res) {
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

  if (limits_.checkHost) {
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
  if (!HttpGuard::tokenMatches(token, limits_.token)) {
    res.set_header("WWW-Authenticate", "Bearer");
    return refuse(401, token.empty() ? "a token is required: send \"Authorization: Bearer TOKEN\""
                                     : "the token is not this server's");
  }
  const auto endpoint = find_(route.name);
  if (!endpoint) return refuse(404, "no endpoint named \"" + route.name + "\"");

  if (route.kind == Route::Kind::Endpoint) {
    if (!get) return (res.set_header("Allow", "GET"), refuse(405, "use GET"));
    if (hasBody) GatedHttpServer::closeAfterResponse();
    return Handled::Unhandled;
  }
  if (req.method != "POST") return (res.set_header("Allow", "POST"), refuse(405, "use POST"));
  const auto started = Clock::now();
  if (!bucket_.tryTake()) {
    res.set_header("Retry-After", std::to_string(static_cast<long>(std::ceil(bucket_.secondsUntilToken()))));
    endpoint->reject(429, started, *hook_());
    return refuse(429, "over the rate limit of " + std::to_string(limits_.rateLimit) + " requests per second");
  }
  if (!te && lengths == 0) {
    endpoint->reject(411, started, *hook_());
    return refuse(411, "a body with Content-Length (or chunked) is required");
  }
  if (lengths == 1 && (length.size() > 18 || std::stoull(length) > limits_.maxBodyBytes)) {
    endpoint->reject(413, started, *hook_());
    return refuse(413, "the body is larger than " + std::to_string(limits_.maxBodyBytes) + " bytes");
  }
  return Handled::Unhandled;
}

void HttpRoutes::predict(const Request& req, Response& res, const httplib::ContentReader& reader) {
  const auto endpoint = find_(req.matches[1].str());
  if (!endpoint) {  // removed since the guard looked
    GatedHttpServer::closeAfterResponse();
    return fail(res, 404, "no endpoint named \"" + req.matches[1].str() + "\"");
  }
  std::string body;
  if (req.has_header("Content-Length")) body.reserve(std::min<std::size_t>(limits_.maxBodyBytes, std::stoull(req.get_header_value("Content-Length"))));
  bool tooLarge = false;
  const bool read = reader([&](const char* data, std::size_t size) {
    if (body.size() + size > limits_.maxBodyBytes) {  // a chunked body has no length to check first
      tooLarge = true;
      return false;
    }
    body.append(data, size);
    return true;
  });
  const auto hook = hook_();
  if (tooLarge || !read) {
    GatedHttpServer::closeAfterResponse();
    endpoint->reject(tooLarge ? 413 : 400, Clock::now(), *hook);
    return fail(res, tooLarge ? 413 : 400,
                tooLarge ? "the body is larger than " + std::to_string(limits_.maxBodyBytes) + " bytes"
                         : std::string("the body could not be read (cut short, malformed or too slow)"));
  }
  const auto started = Clock::now();
  std::optional<std::string> key;
  if (const std::string k = req.get_header_value("X-Request-Key"); !k.empty()) key = k;
  auto outcome = endpoint->predict(body, req.get_header_value("Content-Type"), key, limits_.maxRows, started, *hook);
  answer(res, outcome.status, std::move(outcome.body));
}

void HttpRoutes::install(GatedHttpServer& server) {
  server.set_payload_max_length(limits_.maxBodyBytes);
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
    const auto endpoint = find_(req.matches[1].str());
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

}  // namespace lathe::serve
