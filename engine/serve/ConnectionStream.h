#pragma once
#include <httplib.h>

#include <chrono>
#include <string>

#include "engine/serve/Connection.h"

namespace lathe::serve {

// cpp-httplib's view of a connection while one request is answered: reads start with the bytes
// the gate already took from the socket, and every read and write is bounded twice, by its own
// timeout and by the request's deadline, so a client that trickles its body or stops reading
// its answer holds a worker for `requestTimeout` at most. Writes are gathered and sent together
// (httplib writes the head and the body separately; two small segments would cost a round trip
// with Nagle's algorithm and a syscall more without it).
class ConnectionStream final : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;

  ConnectionStream(Connection& connection, std::chrono::milliseconds readTimeout,
                   std::chrono::milliseconds writeTimeout, Clock::time_point deadline);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return connection_.fd; }

  // Sends what write() gathered; false when the client is gone or too slow.
  bool flush();
  // Puts the bytes read past this request (a pipelined next one) back in the connection.
  void giveBackUnread();
  bool failed() const noexcept { return failed_; }

 private:
  // Waits for `events` within the timeout and the deadline; false on timeout or error.
  bool wait(short events, std::chrono::milliseconds timeout) const;

  Connection& connection_;
  std::chrono::milliseconds readTimeout_;
  std::chrono::milliseconds writeTimeout_;
  Clock::time_point deadline_;
  std::string in_;
  std::size_t inOffset_ = 0;
  std::string out_;
  bool failed_ = false;
};

}  // namespace lathe::serve
