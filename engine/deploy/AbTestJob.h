#pragma once
#include <memory>
#include <string>

#include "engine/deploy/AbLabelJoin.h"
#include "engine/deploy/AbTestResult.h"
#include "engine/deploy/AbTestSettings.h"
#include "engine/jobs/Job.h"

namespace lathe::store {
class Project;
}

namespace lathe::deploy {

// The A/B result of an endpoint: reads the labels file, joins it to the logged answers by key
// (AbLabelJoin) and judges the variants (AbTestAnalysis; its bootstrap can take seconds on a long
// log, hence a job). An empty positive class is taken from the first variant's model (its second
// class) for a binary model.
class AbTestJob final : public jobs::Job {
 public:
  AbTestJob(std::shared_ptr<const store::Project> project, std::string endpoint, std::string labelsPath,
            std::string keyColumn, std::string labelColumn, AbTestSettings settings);
  std::string name() const override { return "Compare variants"; }
  void run(jobs::JobContext& context) override;

  // Once run() has returned.
  const AbTestResult& result() const { return result_; }
  const AbLabelJoin::Result& joined() const { return joined_; }

 private:
  std::shared_ptr<const store::Project> project_;
  std::string endpoint_;
  std::string labelsPath_;
  std::string keyColumn_;
  std::string labelColumn_;
  AbTestSettings settings_;
  AbLabelJoin::Result joined_;
  AbTestResult result_;
};

}  // namespace lathe::deploy
