#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/data/Table.h"

namespace lathe::deploy {
class ScoringModel;
}
namespace lathe::jobs {
class JobContext;
}

namespace lathe::monitor {

// How much each input feature moves a model's predictions: shuffle the feature's values among
// the rows and measure how far the predictions move (binary: the mean change of the positive
// class's probability; multiclass: the mean total-variation distance of the probabilities;
// regression: the mean absolute change over the predictions' spread). Permutation importance
// without labels, so it can be measured on any batch, as SageMaker measures SHAP attributions
// on live traffic. At most `maxRows` rows (a seeded sample), one shuffle per feature.
class PredictionSensitivity {
 public:
  static std::vector<std::pair<std::string, double>> compute(const deploy::ScoringModel& model, const data::Table& rows,
                                                             std::size_t maxRows = 2000, std::uint64_t seed = 0,
                                                             const jobs::JobContext* context = nullptr);
};

}  // namespace lathe::monitor
