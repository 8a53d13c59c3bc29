#include "engine/data/GenerateBlobsJob.h"

namespace lathe::data {

std::string GenerateBlobsJob::name() const {
  return "Generate " + std::to_string(spec_.rows) + " synthetic rows";
}

void GenerateBlobsJob::run(jobs::JobContext& context) { result_ = generateBlobs(spec_, context); }

}  // namespace lathe::data
