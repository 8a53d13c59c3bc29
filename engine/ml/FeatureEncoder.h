#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"
#include "engine/ml/FeatureMatrix.h"
#include "engine/ml/TrainingData.h"

namespace lathe::ml {

// Turns a table's feature columns into the numbers estimators see, the same way at fit and at
// predict time: float64/int64 as they are, bool as 0/1, datetime as seconds since the epoch,
// categorical one-hot (one column per level seen when fitting, "name=level"; an unseen level
// gives all zeros) or as its level code (Codes, for trees), text refused (TF-IDF in the recipe
// makes numbers of text). Missing values become NaN. The target is encoded as TrainingData
// says (sorted class labels; numeric for regression). The fitted state is JSON so it is saved
// with the model.
class FeatureEncoder {
 public:
  enum class Categories { OneHot, Codes };
  // What the target is: detected (below), or as the user chose: classes (any numeric target
  // with at most kMaxOneHotLevels distinct values) or values (regression; a numeric target only).
  enum class TargetKind { Detect, Classes, Values };
  // More levels than this in one categorical feature is refused with a message suggesting
  // ordinal encoding or dropping the column (BAD_INPUTS: 10,000 categories).
  static constexpr std::size_t kMaxOneHotLevels = 1000;

  // `features` empty: every column but the target. Throws lathe::Error(InvalidArgument) naming
  // the column for a missing column, a text feature, or a target it cannot use.
  static FeatureEncoder fit(const data::Table& table, const std::string& target, std::vector<std::string> features = {},
                            Categories categories = Categories::OneHot, TargetKind kind = TargetKind::Detect);

  // The task fit() would give `target`, without looking at the features (cheap enough to call
  // whenever the user picks a target). Throws as fit() does for a target it cannot use.
  static Task taskOf(const data::Table& table, const std::string& target, TargetKind kind = TargetKind::Detect);

  // The encoded features of any table holding the feature columns (extra columns ignored).
  FeatureMatrix encode(const data::Table& table) const;
  // Features and target; `task` empty-optional: detected (bool/categorical/text target, or a
  // numeric one with at most 20 distinct whole values -> classification; else regression).
  // Rows whose target is missing are dropped.
  TrainingData encodeTraining(const data::Table& table) const;

  Task task() const noexcept { return task_; }
  const std::vector<std::string>& classes() const noexcept { return classes_; }
  const std::vector<std::string>& outputNames() const noexcept { return outputNames_; }
  // Per output column, the table column it came from and how (TrainingData::origins).
  std::vector<FeatureOrigin> origins() const;
  nlohmann::json state() const;
  static FeatureEncoder fromState(const nlohmann::json& state);

 private:
  // Detects (or applies `kind` to) the target: task_ and classes_.
  void fitTarget(const data::Table& table, TargetKind kind);

  struct Feature {
    std::string column;
    data::ColumnType type = data::ColumnType::Float64;
    std::vector<std::string> levels;  // categorical, OneHot: the levels seen when fitting
  };
  std::string target_;
  Task task_ = Task::Regression;
  std::vector<std::string> classes_;
  Categories categories_ = Categories::OneHot;
  std::vector<Feature> features_;
  std::vector<std::string> outputNames_;
};

}  // namespace lathe::ml
