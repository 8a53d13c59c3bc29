#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "engine/jobs/Job.h"
#include "engine/monitor/Baseline.h"
#include "engine/monitor/ModelBaseline.h"

namespace lathe::store {
class Database;
class Project;
}

namespace lathe::monitor {

// What a baseline is made from: a project dataset (its newest version, or the version given) or a
// file, and optionally the registered model it watches and the sensitive attribute bias is
// measured on.
struct BaselineRequest {
  std::string name;
  std::string dataset;  // a project dataset's name
  std::optional<std::int64_t> datasetVersionId;
  std::string file;     // or a file
  std::string model;    // "churn", "churn:3", "churn:production"; "" = data only
  std::string sensitiveAttribute;
};

// Computes a baseline and stores it in the project. With a model, the baseline covers the model's
// input columns (not its target) and also holds the model's own picture on the data.
class CreateBaselineJob final : public jobs::Job {
 public:
  CreateBaselineJob(std::shared_ptr<const store::Project> project, BaselineRequest request)
      : project_(std::move(project)), request_(std::move(request)) {}
  std::string name() const override { return "Create baseline"; }
  void run(jobs::JobContext& context) override;

  // The baseline without storing it (a one-off comparison uses it too).
  struct Computed {
    Baseline baseline;
    ModelBaseline model;
  };
  static Computed compute(store::Database& db, const BaselineRequest& request, const jobs::JobContext& context);

  std::int64_t baselineId() const { return baselineId_; }
  const Baseline& baseline() const { return baseline_; }

 private:
  std::shared_ptr<const store::Project> project_;
  BaselineRequest request_;
  std::int64_t baselineId_ = 0;
  Baseline baseline_;
};

}  // namespace lathe::monitor
