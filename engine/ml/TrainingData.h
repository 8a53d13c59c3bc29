#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/ml/FeatureMatrix.h"
#include "engine/ml/Task.h"

namespace lathe::ml {

// Where a feature came from, so a fill step treats one category's indicator columns as one:
// a number, a category's level code (trees), or one level's 0/1 indicator (one-hot; the
// indicators of one table column share `column`).
struct FeatureOrigin {
  enum class Kind : std::uint8_t { Number, CategoryCode, CategoryIndicator };
  std::size_t column = 0;  // the table column's index among the encoder's features
  Kind kind = Kind::Number;
};

// Features and the target, ready to fit. For classification `y` holds class indices
// (0 .. classes.size()-1, as doubles) and `classes` their labels in a fixed order (sorted, as
// scikit-learn's LabelEncoder); for regression `y` holds the values and `classes` is empty;
// for clustering `y` is empty.
struct TrainingData {
  FeatureMatrix x;
  std::vector<double> y;
  Task task = Task::Regression;
  std::vector<std::string> classes;
  std::string target;  // the target column's name
  // One per feature, from FeatureEncoder; empty when built by hand (every feature a number).
  std::vector<FeatureOrigin> origins = {};

  std::size_t classCount() const noexcept { return classes.size(); }
  TrainingData selectRows(std::span<const std::size_t> rows) const {
    TrainingData out{x.selectRows(rows), {}, task, classes, target, origins};
    if (!y.empty()) {
      out.y.reserve(rows.size());
      for (std::size_t r : rows) out.y.push_back(y[r]);
    }
    return out;
  }
};

}  // namespace lathe::ml
