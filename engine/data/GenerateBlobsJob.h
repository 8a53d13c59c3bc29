#pragma once
#include "engine/data/BlobsGenerator.h"
#include "engine/jobs/Job.h"

namespace lathe::data {

// generateBlobs() as a background job; the caller takes result() once the job has finished.
class GenerateBlobsJob final : public jobs::Job {
 public:
  explicit GenerateBlobsJob(BlobsSpec spec) : spec_(spec) {}
  std::string name() const override;
  void run(jobs::JobContext& context) override;

  const BlobsSpec& spec() const noexcept { return spec_; }
  const Blobs& result() const noexcept { return result_; }

 private:
  BlobsSpec spec_;
  Blobs result_;
};

}  // namespace lathe::data
