#include "engine/serve/ConnectionStream.h"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>

namespace lathe::serve {
namespace {

constexpr std::size_t kReadChunk = 16 * 1024;
constexpr std::size_t kFlushAt = 256 * 1024;

void addressOf(const sockaddr_storage& address, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    port = ntohs(v4.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    port = ntohs(v6.sin6_port);
  }
  ip = text;
}

}  // namespace

ConnectionStream::ConnectionStream(Connection& connection, std::chrono::milliseconds readTimeout,
                                   std::chrono::milliseconds writeTimeout, Clock::time_point deadline)
    : connection_(connection), readTimeout_(readTimeout), writeTimeout_(writeTimeout), deadline_(deadline),
      in_(std::move(connection.carry)) {
  connection.carry.clear();
}

bool ConnectionStream::wait(short events, std::chrono::milliseconds timeout) const {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
  const auto bound = std::min(timeout, left);
  if (bound.count() <= 0) return false;
  pollfd p{connection_.fd, events, 0};
  for (;;) {
    const int n = ::poll(&p, 1, static_cast<int>(bound.count()));
    if (n < 0 && errno == EINTR) continue;
    return n > 0 && (p.revents & (events | POLLHUP)) != 0 && (p.revents & (POLLERR | POLLNVAL)) == 0;
  }
}

bool ConnectionStream::is_readable() const { return inOffset_ < in_.size() || wait(POLLIN, readTimeout_); }

bool ConnectionStream::is_writable() const { return wait(POLLOUT, writeTimeout_); }

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (inOffset_ < in_.size()) {
    const std::size_t n = std::min(size, in_.size() - inOffset_);
    std::copy_n(in_.data() + inOffset_, n, ptr);
    inOffset_ += n;
    return static_cast<ssize_t>(n);
  }
  // About to wait for the client: it may be waiting for what we have (100 Continue).
  if (!out_.empty() && !flush()) return -1;
  if (!wait(POLLIN, readTimeout_)) {
    failed_ = true;
    return -1;
  }
  ssize_t n = 0;
  if (size >= kReadChunk) {  // a body read: straight into httplib's buffer
    do n = ::recv(connection_.fd, ptr, size, 0);
    while (n < 0 && errno == EINTR);
    return n;
  }
  // Header lines are read a few bytes at a time: read a chunk and hand it out from memory.
  in_.resize(kReadChunk);
  inOffset_ = 0;
  do n = ::recv(connection_.fd, in_.data(), in_.size(), 0);
  while (n < 0 && errno == EINTR);
  in_.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  if (n <= 0) return n;
  return read(ptr, size);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  if (failed_) return -1;
  out_.append(ptr, size);
  if (out_.size() >= kFlushAt && !flush()) return -1;
  return static_cast<ssize_t>(size);
}

bool ConnectionStream::flush() {
  std::size_t sent = 0;
  while (sent < out_.size() && !failed_) {
    const ssize_t n = ::send(connection_.fd, out_.data() + sent, out_.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!wait(POLLOUT, writeTimeout_)) failed_ = true;
    } else {
      failed_ = true;
    }
  }
  out_.clear();
  return !failed_;
}

void ConnectionStream::giveBackUnread() {
  connection_.carry = in_.substr(std::min(inOffset_, in_.size()));
  in_.clear();
  inOffset_ = 0;
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getpeername(connection_.fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) addressOf(address, ip, port);
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getsockname(connection_.fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) addressOf(address, ip, port);
}

}  // namespace lathe::serve
