#pragma once
#include <memory>
#include <string>

#include "engine/eval/CrossValidation.h"
#include "engine/jobs/Job.h"
#include "engine/ml/Estimator.h"
#include "engine/ml/TrainingData.h"

namespace lathe::eval {

// CrossValidation::run as a background job. It keeps its own unfitted copy of the estimator and a
// shared, immutable snapshot of the data, so the caller may change or drop its own after start.
class CrossValidationJob final : public jobs::Job {
 public:
  CrossValidationJob(const ml::Estimator& prototype, std::shared_ptr<const ml::TrainingData> data,
                     CrossValidationOptions options = {});

  std::string name() const override;
  void run(jobs::JobContext& context) override;

  // Valid once run() has returned normally.
  const CrossValidationResult& result() const noexcept { return result_; }

 private:
  std::unique_ptr<ml::Estimator> prototype_;
  std::shared_ptr<const ml::TrainingData> data_;
  CrossValidationOptions options_;
  CrossValidationResult result_;
};

}  // namespace lathe::eval
