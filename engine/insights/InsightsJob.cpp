#include "engine/insights/InsightsJob.h"

#include "engine/insights/DataInsights.h"

namespace lathe::insights {

InsightsJob::InsightsJob(std::shared_ptr<const data::Table> table, std::string target)
    : table_(table ? std::move(table) : std::make_shared<const data::Table>()), target_(std::move(target)) {}

void InsightsJob::run(jobs::JobContext& context) { results_ = DataInsights::of(*table_, target_, context); }

}  // namespace lathe::insights
