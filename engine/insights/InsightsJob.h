#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/data/Table.h"
#include "engine/insights/DataInsight.h"
#include "engine/jobs/Job.h"

namespace lathe::insights {

// DataInsights::of off the GUI thread, on an immutable snapshot of a table; the caller takes
// results() once the job has finished.
class InsightsJob final : public jobs::Job {
 public:
  InsightsJob(std::shared_ptr<const data::Table> table, std::string target);
  std::string name() const override { return "Data insights"; }
  void run(jobs::JobContext& context) override;

  const std::shared_ptr<const data::Table>& table() const { return table_; }
  const std::string& target() const { return target_; }
  const std::vector<DataInsight>& results() const { return results_; }
  std::vector<DataInsight>& results() { return results_; }  // to move them out

 private:
  std::shared_ptr<const data::Table> table_;
  std::string target_;
  std::vector<DataInsight> results_;
};

}  // namespace lathe::insights
