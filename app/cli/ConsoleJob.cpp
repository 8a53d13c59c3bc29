#include "app/cli/ConsoleJob.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <exception>
#include <thread>

#include "engine/jobs/ConsoleProgressSink.h"

namespace lathe::cli {
namespace {
volatile std::sig_atomic_t interrupted = 0;
extern "C" void onInterrupt(int) { interrupted = 1; }
}  // namespace

void runConsoleJob(jobs::Job& job) {
  interrupted = 0;
  auto* previous = std::signal(SIGINT, onInterrupt);
  jobs::ConsoleProgressSink sink;
  std::stop_source stop;
  std::exception_ptr error;
  std::atomic<bool> done{false};
  {
    std::jthread worker([&] {
      try {
        jobs::JobContext context(stop.get_token(), sink);
        job.run(context);
      } catch (...) {
        error = std::current_exception();
      }
      done = true;
    });
    // The signal handler only sets a flag; this thread turns it into a stop request.
    while (!done) {
      if (interrupted) stop.request_stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  sink.finish();
  std::signal(SIGINT, previous);
  if (error) std::rethrow_exception(error);
}

}  // namespace lathe::cli
