#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "engine/ml/FeatureMatrix.h"
#include "engine/ml/Task.h"

namespace lathe::ml {

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

  std::size_t classCount() const noexcept { return classes.size(); }
  TrainingData selectRows(std::span<const std::size_t> rows) const {
    TrainingData out{x.selectRows(rows), {}, task, classes, target};
    if (!y.empty()) {
      out.y.reserve(rows.size());
      for (std::size_t r : rows) out.y.push_back(y[r]);
    }
    return out;
  }
};

}  // namespace lathe::ml
