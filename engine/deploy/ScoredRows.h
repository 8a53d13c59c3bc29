#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/ml/Estimator.h"
#include "engine/ml/Task.h"

namespace lathe::deploy {

// What a model said of a batch of rows, before it becomes a table (batch scoring) or JSON (the
// server). Classification: `predicted` holds class indexes into `classes` (NaN when the model
// gave none), `probabilities` one row per input row (empty when the model has none), and for a
// binary model with a chosen threshold `decision` holds 0/1 per row. Regression: `predicted`
// holds the values.
struct ScoredRows {
  ml::Task task = ml::Task::Regression;
  std::vector<std::string> classes;
  std::vector<double> predicted;
  ml::ClassProbabilities probabilities;
  std::optional<double> threshold;
  std::vector<std::uint8_t> decision;

  std::size_t size() const noexcept { return predicted.size(); }
};

}  // namespace lathe::deploy
