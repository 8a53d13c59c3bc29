#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"
#include "engine/deploy/InputColumn.h"
#include "engine/deploy/ScoredRows.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/wrangle/Recipe.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::deploy {

// A registered model ready to score: the fitted recipes that made its training data from the
// source data (applied in Scoring mode, so no row is dropped), then the model's encoder and
// estimator, then the decision threshold. Built once, then shared by threads: score() is const
// and keeps no state between calls.
class ScoringModel {
 public:
  // `recipes`: JSON array of {"definition": Recipe::toJson(), "state": Recipe::fittedState()},
  // oldest first. Throws lathe::Error(Parse) for a model or recipe it cannot read.
  static std::shared_ptr<const ScoringModel> load(std::string_view modelBytes, const nlohmann::json& recipes,
                                                  InputSchema schema, std::string target,
                                                  std::optional<double> threshold);

  const InputSchema& inputSchema() const noexcept { return schema_; }
  const std::string& target() const noexcept { return target_; }
  ml::Task task() const noexcept;
  const std::vector<std::string>& classes() const noexcept;
  std::optional<double> threshold() const noexcept { return threshold_; }
  const experiments::TrainedModel& model() const noexcept { return model_; }

  // Scores every row of `input` (the schema's columns; extra columns are ignored). Throws
  // lathe::Error(InvalidArgument) naming the column when one the model needs is missing or has
  // a type the recipe cannot take, and naming the recipe step when a step fails.
  ScoredRows score(const data::Table& input, const jobs::JobContext* context = nullptr) const;
  // Batch scoring's table: `keys` (columns copied from the input), "prediction", one
  // "probability_<class>" per class, and "decision" for a binary model with a threshold.
  static data::Table toTable(const data::Table& input, const ScoredRows& scored, const std::vector<std::string>& keys);
  // "prediction": the class (categorical, missing where the model gave none) or the value.
  static std::shared_ptr<const data::Column> predictionColumn(const ScoredRows& scored);
  // `input` with each schema column converted to its training type (a file may read "7" as a
  // number where training had a category). Throws naming the column and the first row that
  // does not convert, and naming a column that is missing.
  data::Table conform(const data::Table& input) const;

 private:
  ScoringModel() = default;

  InputSchema schema_;
  std::string target_;
  std::optional<double> threshold_;
  std::vector<wrangle::Recipe> recipes_;
  experiments::TrainedModel model_;
};

}  // namespace lathe::deploy
