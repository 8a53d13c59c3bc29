#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "engine/serve/Endpoint.h"
#include "engine/serve/GatedHttpServer.h"
#include "engine/serve/TokenBucket.h"

namespace lathe::serve {

// The server's HTTP surface, installed on a GatedHttpServer: the routes, and the guard every
// request passes before its body is read (framing, Host, path, token, endpoint, method, rate,
// size), in that order, so that what can be refused is refused without reading a byte of body.
// See ModelServer.h for the routes and their answers.
class HttpRoutes {
 public:
  struct Limits {
    std::string token;
    bool checkHost = true;  // the DNS-rebinding guard, for a server bound to loopback
    std::size_t maxBodyBytes = 8u << 20;
    std::size_t maxRows = 10000;
    double rateLimit = 0.0;  // for the message only: `bucket` applies it
  };
  using Finder = std::function<std::shared_ptr<Endpoint>(std::string_view name)>;
  using HookSource = std::function<std::shared_ptr<const RequestHook>()>;

  // `bucket` must outlive this; `find` and `hook` are called on the worker threads.
  HttpRoutes(Limits limits, TokenBucket& bucket, Finder find, HookSource hook);

  // The handlers hold `this`: keep it alive while `server` runs.
  void install(GatedHttpServer& server);

 private:
  using Handled = httplib::Server::HandlerResponse;
  Handled guard(const httplib::Request& req, httplib::Response& res);
  void predict(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader);

  Limits limits_;
  TokenBucket& bucket_;
  Finder find_;
  HookSource hook_;
};

}  // namespace lathe::serve
