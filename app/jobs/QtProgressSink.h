#pragma once
#include <QMutex>
#include <QString>
#include <QVector>
#include <atomic>

#include "engine/jobs/ProgressSink.h"

namespace lathe::app {

struct JobCurvePoint {
  QString series;
  double x = 0.0;
  double y = 0.0;
};

// Progress from a worker thread, kept for the GUI thread to poll: the job only stores the latest
// fraction and message (no signal per report, so a job reporting a million times costs nothing
// on the GUI side); JobManager reads it on a timer, which is what throttles the display.
class QtProgressSink final : public jobs::ProgressSink {
 public:
  void report(double fraction, std::string_view message) override;
  // Latest progress if it changed since the last take(); false otherwise.
  bool take(double& fraction, QString& message);
  void point(std::string_view series, double x, double y) override;
  // The curve points reported since the last call, oldest first.
  QVector<JobCurvePoint> takePoints();

 private:
  std::atomic<double> fraction_{0.0};
  std::atomic<bool> changed_{false};
  QMutex mutex_;
  std::string message_;
  QVector<JobCurvePoint> points_;  // bounded: a job reports a point per epoch or fold, not per row
};

}  // namespace lathe::app
