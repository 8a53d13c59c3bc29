#pragma once
#include <string>
#include <vector>

#include "engine/ml/Task.h"

namespace lathe::ml {

class ModelWriter;
class ModelReader;

// What a fitted tree or forest saves besides its trees: the task, the feature names, the class
// labels and the importances. read() checks them against each other (lathe::Error(Parse)).
struct TreeModelState {
  Task task = Task::Regression;
  std::vector<std::string> features;
  std::vector<std::string> classes;
  std::vector<double> importances;

  std::size_t valueSize() const noexcept { return isClassification(task) ? classes.size() : 1; }
  void write(ModelWriter& out) const;
  static TreeModelState read(ModelReader& in);
};

}  // namespace lathe::ml
