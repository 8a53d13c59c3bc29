#include "engine/eval/CrossValidationJob.h"

#include "engine/core/Error.h"

namespace lathe::eval {

CrossValidationJob::CrossValidationJob(const ml::Estimator& prototype, std::shared_ptr<const ml::TrainingData> data,
                                       CrossValidationOptions options)
    : prototype_(prototype.clone()), data_(std::move(data)), options_(std::move(options)) {
  if (!data_) throw Error(ErrorCode::InvalidArgument, "cross-validation: no data given");
}

std::string CrossValidationJob::name() const {
  return "Cross-validate " + prototype_->algorithm() + " (" + std::to_string(options_.split.folds) + " folds)";
}

void CrossValidationJob::run(jobs::JobContext& context) {
  result_ = CrossValidation::run(*prototype_, *data_, options_, context);
}

}  // namespace lathe::eval
