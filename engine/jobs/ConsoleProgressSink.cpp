#include "engine/jobs/ConsoleProgressSink.h"

#include <unistd.h>

namespace lathe::jobs {

ConsoleProgressSink::ConsoleProgressSink(std::FILE* stream)
    : stream_(stream), interactive_(isatty(fileno(stream)) != 0) {}

ConsoleProgressSink::~ConsoleProgressSink() { finish(); }

void ConsoleProgressSink::report(double fraction, std::string_view message) {
  if (!interactive_) return;
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  drawn_ = true;
  std::fprintf(stream_, "\r\033[K%3d%% %.*s", static_cast<int>(fraction * 100.0 + 0.5),
               static_cast<int>(message.size()), message.data());
  std::fflush(stream_);
}

void ConsoleProgressSink::finish() {
  std::lock_guard lock(mutex_);
  if (!drawn_) return;
  std::fputs("\r\033[K", stream_);
  std::fflush(stream_);
  drawn_ = false;
}

}  // namespace lathe::jobs
