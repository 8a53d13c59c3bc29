#pragma once
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

#include "engine/jobs/ProgressSink.h"

namespace lathe::jobs {

// Progress for the CLI: one line on a stream (stderr), redrawn at most ~5 times a second and
// only when the stream is a terminal, so scripts that read stdout or logs see no noise.
class ConsoleProgressSink final : public ProgressSink {
 public:
  explicit ConsoleProgressSink(std::FILE* stream = stderr);
  ~ConsoleProgressSink() override;
  void report(double fraction, std::string_view message) override;
  // Clears the progress line, if one was drawn.
  void finish();

 private:
  std::FILE* stream_;
  bool interactive_;
  bool drawn_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace lathe::jobs
