#pragma once
#include <exception>

namespace lathe::jobs {

// Thrown by JobContext::throwIfStopped() when the user asked the job to stop. Runners catch it
// and report "cancelled", never "failed".
class JobCancelled : public std::exception {
 public:
  const char* what() const noexcept override { return "cancelled"; }
};

}  // namespace lathe::jobs
