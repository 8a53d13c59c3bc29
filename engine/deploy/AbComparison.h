#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "engine/deploy/ConfidenceInterval.h"

namespace lathe::deploy {

// Whether a variant beats the reference yet. The GUI translates by this value; `sentence` is the
// engine's English wording for the CLI and logs.
enum class AbVerdict { NotEnoughData, NoDifferenceYet, Better, Worse };

// One non-reference variant against the reference: difference = variant's KPI - reference's
// (whatever the metric's direction), its interval and the two-sided p-value of "no difference".
// moreRowsNeeded: while the difference is not significant, about how many more labelled rows per
// variant would detect a difference of this size (80% power); for NotEnoughData, how many more the
// smaller variant needs to reach the minimum.
struct AbComparison {
  std::string variant;
  std::string reference;
  double difference = 0.0;
  ConfidenceInterval interval;
  double pValue = 1.0;
  AbVerdict verdict = AbVerdict::NotEnoughData;
  std::optional<std::size_t> moreRowsNeeded;
  std::string sentence;
};

}  // namespace lathe::deploy
