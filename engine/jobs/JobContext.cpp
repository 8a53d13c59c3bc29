#include "engine/jobs/JobContext.h"

#include <algorithm>

#include "engine/jobs/JobCancelled.h"

namespace lathe::jobs {

JobContext::JobContext(std::stop_token stop, ProgressSink& sink)
    : stop_(std::move(stop)), sink_(&sink) {}

JobContext::JobContext(std::stop_token stop, ProgressSink& sink, double from, double to)
    : stop_(std::move(stop)), sink_(&sink), from_(from), to_(to) {}

void JobContext::throwIfStopped() const {
  if (stop_.stop_requested()) throw JobCancelled();
}

void JobContext::progress(double fraction, std::string_view message) const {
  fraction = std::clamp(fraction, 0.0, 1.0);
  sink_->report(from_ + (to_ - from_) * fraction, message);
}

JobContext JobContext::subRange(double from, double to) const {
  from = std::clamp(from, 0.0, 1.0);
  to = std::clamp(to, from, 1.0);
  const double span = to_ - from_;
  return JobContext(stop_, *sink_, from_ + span * from, from_ + span * to);
}

}  // namespace lathe::jobs
