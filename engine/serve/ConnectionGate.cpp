#include "engine/serve/ConnectionGate.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "engine/core/Error.h"
#include "engine/serve/Endpoint.h"
#include "engine/serve/RequestHead.h"

namespace lathe::serve {
namespace {

constexpr std::size_t kReadChunk = 16 * 1024;

const char* reasonPhrase(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

}  // namespace

ConnectionGate::ConnectionGate(Limits limits, Dispatch dispatch) : limits_(limits), dispatch_(std::move(dispatch)) {
  epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
  wakeup_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (epoll_ < 0 || wakeup_ < 0) {
    const std::string why = std::strerror(errno);
    if (epoll_ >= 0) ::close(epoll_);
    if (wakeup_ >= 0) ::close(wakeup_);
    throw Error(ErrorCode::Io, "cannot set up the server's connection watcher: " + why);
  }
  epoll_event event{};
  event.events = EPOLLIN;
  event.data.fd = wakeup_;
  ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wakeup_, &event);
  thread_ = std::thread([this] { run(); });
}

ConnectionGate::~ConnectionGate() {
  stop();
  ::close(epoll_);
  ::close(wakeup_);
}

std::string ConnectionGate::errorResponse(int status, const std::string& message) {
  const std::string body = Endpoint::errorBody(message);
  return "HTTP/1.1 " + std::to_string(status) + " " + reasonPhrase(status) +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

void ConnectionGate::admit(int socket) { hand(Kind::Admit, std::make_shared<Connection>(socket, live_)); }

void ConnectionGate::resume(std::shared_ptr<Connection> connection) { hand(Kind::Resume, std::move(connection)); }

void ConnectionGate::linger(std::shared_ptr<Connection> connection) { hand(Kind::Linger, std::move(connection)); }

void ConnectionGate::hand(Kind kind, std::shared_ptr<Connection> connection) {
  {
    const std::lock_guard lock(mutex_);
    if (stopped_) return;  // the connection closes as it goes out of scope
    incoming_.push_back({kind, std::move(connection)});
  }
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = ::write(wakeup_, &one, sizeof one);
}

void ConnectionGate::stop() {
  {
    const std::lock_guard lock(mutex_);
    if (stopped_) return;
    stopped_ = true;
  }
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = ::write(wakeup_, &one, sizeof one);
  if (thread_.joinable()) thread_.join();
}

void ConnectionGate::run() {
  std::vector<epoll_event> events(256);
  Clock::time_point lastSweep = Clock::now();
  for (;;) {
    const int n = ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 100);
    for (int i = 0; i < n; ++i) {
      const int fd = events[static_cast<std::size_t>(i)].data.fd;
      if (fd == wakeup_) {
        std::uint64_t count = 0;
        [[maybe_unused]] const auto read = ::read(wakeup_, &count, sizeof count);
      } else {
        onReadable(fd);
      }
    }
    {
      const std::lock_guard lock(mutex_);
      if (stopped_) break;
    }
    takeIncoming();
    const Clock::time_point now = Clock::now();
    if (now - lastSweep >= std::chrono::milliseconds(100)) {
      sweep(now);
      lastSweep = now;
    }
  }
  std::vector<Incoming> left;
  {
    const std::lock_guard lock(mutex_);
    left.swap(incoming_);
  }
  watched_.clear();  // closes them all
  waiting_.store(0, std::memory_order_relaxed);
}

void ConnectionGate::takeIncoming() {
  std::vector<Incoming> batch;
  {
    const std::lock_guard lock(mutex_);
    batch.swap(incoming_);
  }
  for (auto& in : batch) watch(std::move(in.connection), in.kind);
}

void ConnectionGate::watch(std::shared_ptr<Connection> connection, Kind kind) {
  const Clock::time_point now = Clock::now();
  connection->since = now;
  if (kind == Kind::Linger) {
    // Answered already; tell the client we are done, then drain what it still sends.
    ::shutdown(connection->fd, SHUT_WR);
    connection->lingering = true;
    connection->carry.clear();
    connection->deadline = now + limits_.lingerTimeout;
  } else {
    connection->deadline = now + (kind == Kind::Admit ? limits_.headerTimeout : limits_.idleTimeout);
    // A pipelined request may already be whole in the carry: no need to wait for the socket.
    if (kind == Kind::Resume && (tryDispatch(connection) || connection->lingering)) return;
    if (live_->load(std::memory_order_relaxed) > limits_.maxConnections) evictOldest();
  }
  epoll_event event{};
  event.events = EPOLLIN | EPOLLRDHUP;
  event.data.fd = connection->fd;
  if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, connection->fd, &event) != 0) return;  // closes it
  watched_[connection->fd] = std::move(connection);
  waiting_.store(watched_.size(), std::memory_order_relaxed);
}

void ConnectionGate::onReadable(int fd) {
  const auto found = watched_.find(fd);
  if (found == watched_.end()) return;
  const std::shared_ptr<Connection> connection = found->second;
  char buffer[kReadChunk];
  bool ended = false;
  for (;;) {
    if (!connection->lingering && connection->carry.size() > limits_.maxHeadBytes) break;
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n > 0) {
      if (!connection->lingering) connection->carry.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    ended = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
    break;
  }
  if (connection->lingering) {
    if (ended) close(fd);
    return;
  }
  // Empty lines before a request line are allowed (RFC 9112, 2.2): some clients send a CRLF
  // after a body.
  std::size_t skip = 0;
  while (skip + 1 < connection->carry.size() && connection->carry[skip] == '\r' && connection->carry[skip + 1] == '\n')
    skip += 2;
  if (skip > 0) connection->carry.erase(0, skip);
  if (tryDispatch(connection)) {
    ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
    watched_.erase(fd);
    waiting_.store(watched_.size(), std::memory_order_relaxed);
    return;
  }
  if (connection->lingering) return;  // refused: it lingers here now
  if (ended) {
    close(fd);
  } else if (connection->carry.size() > limits_.maxHeadBytes) {
    refuse(connection, 431, "the request head is larger than " + std::to_string(limits_.maxHeadBytes) + " bytes");
  }
}

bool ConnectionGate::tryDispatch(const std::shared_ptr<Connection>& connection) {
  const std::size_t end = RequestHead::end(connection->carry);
  if (end == std::string::npos || connection->lingering) return false;
  const std::string problem = RequestHead::problem(std::string_view(connection->carry).substr(0, end));
  if (!problem.empty()) {
    refuse(connection, 400, "malformed request head: " + problem);
    return false;
  }
  dispatch_(connection);
  return true;
}

void ConnectionGate::refuse(const std::shared_ptr<Connection>& connection, int status, const std::string& message) {
  const std::string response = errorResponse(status, message);
  // Small enough for the socket's buffer; a client that does not read it loses it.
  [[maybe_unused]] const auto sent = ::send(connection->fd, response.data(), response.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  ::shutdown(connection->fd, SHUT_WR);
  connection->lingering = true;
  connection->carry.clear();
  connection->deadline = Clock::now() + limits_.lingerTimeout;
  if (!watched_.count(connection->fd)) {  // a resumed connection not yet watched
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.fd = connection->fd;
    if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, connection->fd, &event) == 0) watched_[connection->fd] = connection;
    waiting_.store(watched_.size(), std::memory_order_relaxed);
  }
}

void ConnectionGate::close(int fd) {
  ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
  watched_.erase(fd);  // the last owner: the socket closes
  waiting_.store(watched_.size(), std::memory_order_relaxed);
}

void ConnectionGate::sweep(Clock::time_point now) {
  std::vector<int> expired;
  for (const auto& [fd, connection] : watched_)
    if (connection->deadline <= now) expired.push_back(fd);
  for (int fd : expired) close(fd);
}

void ConnectionGate::evictOldest() {
  int oldest = -1;
  Clock::time_point since = Clock::time_point::max();
  for (const auto& [fd, connection] : watched_)
    if (connection->since < since) {
      since = connection->since;
      oldest = fd;
    }
  if (oldest >= 0) close(oldest);
}

}  // namespace lathe::serve
