#pragma once
#include <httplib.h>

#include <chrono>
#include <memory>
#include <string>

#include "engine/serve/ConnectionGate.h"
#include "engine/serve/WorkerPool.h"

namespace lathe::serve {

// cpp-httplib's Server with its connection handling replaced. httplib parses requests, routes
// them and writes answers; but its own loop gives each connection a pooled thread from accept
// to close, so N idle or trickling clients hold N threads and everyone else queues behind them
// (slowloris). Here the listener hands each accepted socket to a ConnectionGate (one epoll
// thread), which passes a connection to the WorkerPool only once a whole, well-formed request
// head has arrived; after the answer the connection goes back to the gate to wait for the next
// request. Workers never wait for a client for longer than the request's own deadline.
class GatedHttpServer final : public httplib::Server {
 public:
  struct Settings {
    std::size_t threads = 4;
    std::chrono::milliseconds readTimeout{5000};
    std::chrono::milliseconds writeTimeout{5000};
    std::chrono::milliseconds requestTimeout{30000};  // from a whole head to the answer's last byte
    std::size_t keepAliveMax = 1000;                  // requests per connection
    ConnectionGate::Limits gate;
  };

  explicit GatedHttpServer(Settings settings);
  ~GatedHttpServer() override;

  // Binds `host`:`port` (0: a free port) and returns the port. Throws lathe::Error(Io) naming
  // the address, saying when the port is in use.
  int bindTo(const std::string& host, int port);
  // Accepts until shutdown(); run it on a thread of its own. True after a clean stop.
  bool run();
  // Stops accepting (run() returns), closes the waiting connections and waits for the answers
  // being written. Idempotent.
  void shutdown();

  std::size_t openConnections() const noexcept { return gate_.openConnections(); }
  std::size_t waitingConnections() const noexcept { return gate_.waiting(); }

  // Called by a handler (on its worker thread): close this connection once the answer is
  // written, e.g. because the request's body was not read.
  static void closeAfterResponse() noexcept;

 private:
  bool process_and_close_socket(socket_t sock) override;
  void serve(const std::shared_ptr<Connection>& connection);

  Settings settings_;
  WorkerPool pool_;  // before the gate, which posts to it from its first moment
  ConnectionGate gate_;
};

}  // namespace lathe::serve
