#pragma once
// A progress sink that records every fraction and requests a stop once progress reaches `at`:
// how tests cancel a job halfway through, at a point the job itself reports.
#include <stop_token>
#include <string_view>
#include <vector>

#include "engine/jobs/ProgressSink.h"

class StoppingSink final : public lathe::jobs::ProgressSink {
 public:
  StoppingSink(std::stop_source& stop, double at) : stop_(stop), at_(at) {}
  void report(double fraction, std::string_view) override {
    fractions.push_back(fraction);
    if (fraction >= at_) stop_.request_stop();
  }
  std::vector<double> fractions;

 private:
  std::stop_source& stop_;
  double at_;
};
