#pragma once
#include <QMutex>
#include <QString>
#include <atomic>

#include "engine/jobs/ProgressSink.h"

namespace lathe::app {

// Progress from a worker thread, kept for the GUI thread to poll: the job only stores the latest
// fraction and message (no signal per report, so a job reporting a million times costs nothing
// on the GUI side); JobManager reads it on a timer, which is what throttles the display.
class QtProgressSink final : public jobs::ProgressSink {
 public:
  void report(double fraction, std::string_view message) override;
  // Latest progress if it changed since the last take(); false otherwise.
  bool take(double& fraction, QString& message);

 private:
  std::atomic<double> fraction_{0.0};
  std::atomic<bool> changed_{false};
  QMutex mutex_;
  std::string message_;
};

}  // namespace lathe::app
