#include "engine/serve/GatedHttpServer.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include "engine/core/Error.h"
#include "engine/serve/ConnectionStream.h"

namespace lathe::serve {
namespace {

thread_local bool tCloseRequested = false;

// httplib's listener enqueues one task per accepted socket; the task only hands the socket to
// the gate, so it runs at once on the listener's thread instead of waiting for a worker.
class InlineQueue final : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

}  // namespace

GatedHttpServer::GatedHttpServer(Settings settings)
    : settings_(settings),
      pool_(settings.threads == 0 ? 1 : settings.threads),
      gate_(settings.gate, [this](std::shared_ptr<Connection> c) { pool_.post([this, c] { serve(c); }); }) {
  new_task_queue = [] { return new InlineQueue; };
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second server on a
  // busy port would silently share it instead of failing.
  set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  set_tcp_nodelay(true);
  set_keep_alive_max_count(settings.keepAliveMax);
  set_keep_alive_timeout(std::chrono::duration_cast<std::chrono::seconds>(settings.gate.idleTimeout).count());
  set_read_timeout(settings.readTimeout);
  set_write_timeout(settings.writeTimeout);
}

GatedHttpServer::~GatedHttpServer() { shutdown(); }

int GatedHttpServer::bindTo(const std::string& host, int port) {
  errno = 0;
  const int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    const int error = errno;
    const std::string address = host + ":" + std::to_string(port);
    if (error == EADDRINUSE) throw Error(ErrorCode::Io, "cannot listen on " + address + ": the port is in use");
    throw Error(ErrorCode::Io, "cannot listen on " + address + (error ? std::string(": ") + std::strerror(error) : ""));
  }
  // httplib listens with a backlog of 5; a burst of clients would wait for SYN retries.
  ::listen(svr_sock_, 1024);
  return bound;
}

bool GatedHttpServer::run() { return listen_after_bind(); }

void GatedHttpServer::shutdown() {
  stop();
  gate_.stop();
  pool_.stop();
}

void GatedHttpServer::closeAfterResponse() noexcept { tCloseRequested = true; }

bool GatedHttpServer::process_and_close_socket(socket_t sock) {
  int yes = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  gate_.admit(sock);
  return true;
}

void GatedHttpServer::serve(const std::shared_ptr<Connection>& connection) {
  tCloseRequested = false;
  ConnectionStream stream(*connection, settings_.readTimeout, settings_.writeTimeout,
                          ConnectionStream::Clock::now() + settings_.requestTimeout);
  const bool lastRequest = ++connection->served >= settings_.keepAliveMax;
  bool clientCloses = false;
  const bool answered = process_request(stream, lastRequest, clientCloses, {});
  const bool sent = stream.flush();
  if (!answered || !sent || stream.failed()) return;  // gone or too slow: the socket closes with us
  if (lastRequest || clientCloses || tCloseRequested) {
    gate_.linger(connection);
    return;
  }
  stream.giveBackUnread();
  gate_.resume(connection);
}

}  // namespace lathe::serve
