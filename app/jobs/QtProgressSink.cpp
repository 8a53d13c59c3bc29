#include "app/jobs/QtProgressSink.h"

#include <QMutexLocker>
#include <utility>

namespace lathe::app {

void QtProgressSink::report(double fraction, std::string_view message) {
  fraction_.store(fraction, std::memory_order_relaxed);
  if (!message.empty()) {
    QMutexLocker lock(&mutex_);
    if (message_ != message) message_.assign(message);
  }
  changed_.store(true, std::memory_order_release);
}

void QtProgressSink::point(std::string_view series, double x, double y) {
  QMutexLocker lock(&mutex_);
  if (points_.size() < 100000) points_.push_back({QString::fromUtf8(series.data(), static_cast<qsizetype>(series.size())), x, y});
  changed_.store(true, std::memory_order_release);
}

QVector<JobCurvePoint> QtProgressSink::takePoints() {
  QMutexLocker lock(&mutex_);
  return std::exchange(points_, {});
}

bool QtProgressSink::take(double& fraction, QString& message) {
  if (!changed_.exchange(false, std::memory_order_acq_rel)) return false;
  fraction = fraction_.load(std::memory_order_relaxed);
  QMutexLocker lock(&mutex_);
  message = QString::fromStdString(message_);
  return true;
}

}  // namespace lathe::app
