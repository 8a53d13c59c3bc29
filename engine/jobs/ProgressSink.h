#pragma once
#include <string_view>

namespace lathe::jobs {

// Where a running job reports how far it is. Called from the job's thread, often: an
// implementation must be cheap and thread-safe, and throttle on its own side if it draws.
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  // fraction in [0, 1]; message says what is being done ("Reading rows", "Fold 2 of 5").
  virtual void report(double fraction, std::string_view message) = 0;
  // A point of a live curve the job draws as it learns ("loss" per epoch, "fold score" per
  // fold); a sink that does not draw ignores it.
  virtual void point(std::string_view /*series*/, double /*x*/, double /*y*/) {}
};

// A sink that drops everything, for callers that do not watch progress.
class NullProgressSink final : public ProgressSink {
 public:
  void report(double, std::string_view) override {}
};

}  // namespace lathe::jobs
