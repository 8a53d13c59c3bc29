#include "engine/serve/Connection.h"

#include <unistd.h>

namespace lathe::serve {

Connection::Connection(int socket, std::shared_ptr<std::atomic<std::size_t>> live)
    : fd(socket), since(Clock::now()), deadline(since), live_(std::move(live)) {
  if (live_) live_->fetch_add(1, std::memory_order_relaxed);
}

Connection::~Connection() {
  if (fd >= 0) ::close(fd);
  if (live_) live_->fetch_sub(1, std::memory_order_relaxed);
}

}  // namespace lathe::serve
