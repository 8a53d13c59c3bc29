#pragma once
// Measures how responsive the GUI thread stays: a 10 ms timer on it, and the longest gap between
// two of its ticks is the worst stall. Start it, do the work, stop it, then read the figures.
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>

class GuiStallMeter {
 public:
  static constexpr int kIntervalMs = 10;

  GuiStallMeter() {
    timer_.setInterval(kIntervalMs);
    QObject::connect(&timer_, &QTimer::timeout, [this] {
      worstGapNs_ = std::max(worstGapNs_, sinceTick_.nsecsElapsed());
      sinceTick_.restart();
      ++ticks_;
    });
  }
  void start() {
    clock_.start();
    sinceTick_.start();
    timer_.start();
  }
  void stop() {
    timer_.stop();
    seconds_ = clock_.nsecsElapsed() / 1e9;
  }
  int ticks() const { return ticks_; }
  double seconds() const { return seconds_; }
  // How much longer than the timer's interval the worst gap was, in ms (0 at best).
  double worstStallMs() const { return std::max(0.0, worstGapNs_ / 1e6 - kIntervalMs); }
  // At least a quarter of the ticks an idle GUI thread would have made.
  bool tickedEnough() const { return ticks_ > seconds_ * 1000 / kIntervalMs / 4; }

 private:
  QTimer timer_;
  QElapsedTimer clock_;
  QElapsedTimer sinceTick_;
  qint64 worstGapNs_ = 0;
  int ticks_ = 0;
  double seconds_ = 0;
};
