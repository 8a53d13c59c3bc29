#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "engine/serve/Connection.h"

namespace lathe::serve {

// Holds the connections that are waiting for a request, on one thread with epoll, so that no
// worker thread waits for a client: a connection goes to a worker only once its whole request
// head has arrived (and passed RequestHead's checks). A thousand clients that connect and send
// nothing, or trickle a header a byte at a time, cost a socket each here and time out; they
// never hold a worker, so other clients are still answered at once.
//
// Deadlines: a new connection has `headerTimeout` to send its first request head, a kept-alive
// one `idleTimeout` between requests. Above `maxConnections` open connections the one that has
// waited longest in the gate is closed to make room (an attacker's idle socket, not a client
// whose request is being answered). A connection the server wants closed after an error
// lingers: its unread input is drained for a moment, so the client reads the answer instead of
// a reset.
class ConnectionGate {
 public:
  using Clock = std::chrono::steady_clock;
  using Dispatch = std::function<void(std::shared_ptr<Connection>)>;
  struct Limits {
    std::chrono::milliseconds headerTimeout{5000};
    std::chrono::milliseconds idleTimeout{5000};
    std::chrono::milliseconds lingerTimeout{1000};
    std::size_t maxConnections = 4096;
    std::size_t maxHeadBytes = 16 * 1024;
  };

  // Throws lathe::Error(Io) when epoll cannot be set up.
  ConnectionGate(Limits limits, Dispatch dispatch);
  ~ConnectionGate();
  ConnectionGate(const ConnectionGate&) = delete;
  ConnectionGate& operator=(const ConnectionGate&) = delete;

  // A connection just accepted (any thread).
  void admit(int socket);
  // A connection whose request was answered and that stays open for the next one.
  void resume(std::shared_ptr<Connection> connection);
  // A connection to close after its answer: drained briefly, then closed.
  void linger(std::shared_ptr<Connection> connection);
  // Closes every connection it holds and stops its thread. Later calls close what they get.
  void stop();

  // Open connections of the server (waiting here, queued, or being answered).
  std::size_t openConnections() const noexcept { return live_->load(std::memory_order_relaxed); }
  std::size_t waiting() const noexcept { return waiting_.load(std::memory_order_relaxed); }

  // A complete HTTP response with a JSON {"error": message} body and "Connection: close".
  static std::string errorResponse(int status, const std::string& message);

 private:
  enum class Kind { Admit, Resume, Linger };
  struct Incoming {
    Kind kind;
    std::shared_ptr<Connection> connection;
  };

  void hand(Kind kind, std::shared_ptr<Connection> connection);
  void run();
  void takeIncoming();
  void watch(std::shared_ptr<Connection> connection, Kind kind);
  void onReadable(int fd);
  // A whole head in the carry: a worker takes it, or it is refused. False while incomplete.
  bool tryDispatch(const std::shared_ptr<Connection>& connection);
  void refuse(const std::shared_ptr<Connection>& connection, int status, const std::string& message);
  void close(int fd);
  void sweep(Clock::time_point now);
  void evictOldest();

  Limits limits_;
  Dispatch dispatch_;
  int epoll_ = -1;
  int wakeup_ = -1;  // eventfd: incoming connections or stop
  std::shared_ptr<std::atomic<std::size_t>> live_ = std::make_shared<std::atomic<std::size_t>>(0);
  std::atomic<std::size_t> waiting_{0};

  std::mutex mutex_;  // guards incoming_ and stopped_
  std::vector<Incoming> incoming_;
  bool stopped_ = false;

  std::unordered_map<int, std::shared_ptr<Connection>> watched_;  // the gate thread's only
  std::thread thread_;
};

}  // namespace lathe::serve
