#pragma once
#include <cstdint>
#include <span>
#include <string>

#include "engine/data/Column.h"
#include "engine/monitor/BiasReport.h"

namespace lathe::monitor {

// The gaps between the groups of a sensitive attribute: in how often the model says "positive"
// (demographic parity) and, among the rows truly positive, how often it finds them (equal
// opportunity). Rows whose attribute is missing form the group "(missing)". `actual` holds 1 for
// positive, 0 for negative and -1 for an unknown label; it may be empty (no labels: no recall).
// Groups with fewer than `minRows` rows are listed but left out of the gaps, so one odd row
// cannot make a gap of 1.
class BiasAnalysis {
 public:
  static BiasReport compute(const data::Column& attribute, std::span<const std::uint8_t> predictedPositive,
                            std::span<const std::int8_t> actual, std::string positiveClass, std::uint64_t minRows = 30);
};

}  // namespace lathe::monitor
