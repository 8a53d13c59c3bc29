#pragma once
#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace lathe::serve {

// One accepted client socket and what is known of it between requests. It closes its socket
// when the last owner lets go, so a connection dropped anywhere (a full queue, a stopping
// server, an exception) can never leak a descriptor.
struct Connection {
  using Clock = std::chrono::steady_clock;

  // `live`: the server's count of open connections, decremented on close.
  Connection(int socket, std::shared_ptr<std::atomic<std::size_t>> live);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  int fd;
  std::string carry;        // bytes read from the socket that the next request starts with
  std::size_t served = 0;   // requests answered on this connection
  Clock::time_point since;  // when it began waiting in the gate
  Clock::time_point deadline;
  bool lingering = false;   // answered and closing: its input is drained, then it is closed

 private:
  std::shared_ptr<std::atomic<std::size_t>> live_;
};

}  // namespace lathe::serve
