#pragma once
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/monitor/FeatureDrift.h"
#include "engine/monitor/Violation.h"

namespace lathe::monitor {

// One batch compared with a baseline: drift per feature (in the baseline's order) and the
// constraints it broke.
struct DriftReport {
  std::uint64_t rows = 0;
  std::vector<FeatureDrift> features;
  std::vector<Violation> violations;

  std::size_t driftedCount() const;
};

// {"rows", "features": [...], "violations": [...]}
void to_json(nlohmann::json& out, const DriftReport& report);
void from_json(const nlohmann::json& in, DriftReport& report);

}  // namespace lathe::monitor
