#pragma once
#include <optional>
#include <string_view>

namespace lathe::ml {

// What a model predicts, as the CLI contract spells it.
enum class Task { Binary, Multiclass, Regression, Clustering };

constexpr std::string_view taskName(Task task) {
  switch (task) {
    case Task::Binary: return "binary";
    case Task::Multiclass: return "multiclass";
    case Task::Regression: return "regression";
    case Task::Clustering: return "clustering";
  }
  return "regression";
}

constexpr bool isClassification(Task task) { return task == Task::Binary || task == Task::Multiclass; }

}  // namespace lathe::ml
