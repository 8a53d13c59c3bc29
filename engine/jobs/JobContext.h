#pragma once
#include <stop_token>
#include <string_view>

#include "engine/jobs/ProgressSink.h"

namespace lathe::jobs {

// What a running job gets from whoever runs it: a stop token to honour (check it at least every
// ~50 ms of work) and a sink for progress. A context can be narrowed to a sub-range of the
// progress bar so that a step inside a bigger job reports 0..1 of its own share.
class JobContext {
 public:
  JobContext(std::stop_token stop, ProgressSink& sink);

  bool stopRequested() const noexcept { return stop_.stop_requested(); }
  // Throws JobCancelled if a stop was requested.
  void throwIfStopped() const;
  // fraction in [0, 1] of this context's range; clamped.
  void progress(double fraction, std::string_view message = {}) const;
  // A point of a live curve (ProgressSink::point).
  void point(std::string_view series, double x, double y) const { sink_->point(series, x, y); }
  // A context for a part of this job covering [from, to) of its progress.
  JobContext subRange(double from, double to) const;
  const std::stop_token& stopToken() const noexcept { return stop_; }

 private:
  JobContext(std::stop_token stop, ProgressSink& sink, double from, double to);
  std::stop_token stop_;
  ProgressSink* sink_;
  double from_ = 0.0;
  double to_ = 1.0;
};

}  // namespace lathe::jobs
