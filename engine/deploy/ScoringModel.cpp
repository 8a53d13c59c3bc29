#include "engine/deploy/ScoringModel.h"

#include <cmath>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/wrangle/ChangeTypeStep.h"

namespace lathe::deploy {

std::shared_ptr<const ScoringModel> ScoringModel::load(std::string_view modelBytes, const nlohmann::json& recipes,
                                                       InputSchema schema, std::string target,
                                                       std::optional<double> threshold) {
  std::shared_ptr<ScoringModel> model(new ScoringModel());
  model->model_ = experiments::TrainedModel::deserialize(modelBytes);
  if (!recipes.is_array()) throw Error(ErrorCode::Parse, "the model's recipes are not a list");
  for (std::size_t i = 0; i < recipes.size(); ++i) {
    const auto& entry = recipes[i];
    if (!entry.is_object() || !entry.contains("definition") || !entry.contains("state"))
      throw Error(ErrorCode::Parse, "recipe " + std::to_string(i + 1) + " of the model has no definition or state");
    wrangle::Recipe recipe = wrangle::Recipe::fromJson(entry["definition"]);
    recipe.restoreFittedState(entry["state"]);
    model->recipes_.push_back(std::move(recipe));
  }
  if (threshold && !std::isfinite(*threshold)) throw Error(ErrorCode::Parse, "the model's decision threshold is not a number");
  model->schema_ = std::move(schema);
  model->target_ = std::move(target);
  model->threshold_ = model->model_.encoder.task() == ml::Task::Binary ? threshold : std::nullopt;
  return model;
}

ml::Task ScoringModel::task() const noexcept { return model_.encoder.task(); }

const std::vector<std::string>& ScoringModel::classes() const noexcept { return model_.encoder.classes(); }

data::Table ScoringModel::conform(const data::Table& input) const {
  auto columns = input.columns();
  for (const auto& wanted : schema_) {
    const auto index = input.indexOf(wanted.name);
    if (!index)
      throw Error(ErrorCode::InvalidArgument, "the data has no column \"" + wanted.name + "\", which the model needs", {},
                  wanted.name);
    if (columns[*index]->type() == wanted.type) continue;
    std::size_t failed = 0;
    std::size_t firstFailedRow = 0;
    columns[*index] = wrangle::ChangeTypeStep::convert(columns[*index], wanted.type, failed, firstFailedRow);
    if (failed > 0)
      throw Error(ErrorCode::InvalidArgument,
                  "column \"" + wanted.name + "\" holds \"" + input.column(*index).displayText(firstFailedRow) +
                      "\" in row " + std::to_string(firstFailedRow + 1) + ", which is not " +
                      std::string(data::columnTypeName(wanted.type)) + " as in training",
                  {}, wanted.name);
  }
  return data::Table(std::move(columns));
}

ScoredRows ScoringModel::score(const data::Table& input, const jobs::JobContext* context) const {
  const auto step = [&](double fraction, const char* what) {
    if (!context) return;
    context->throwIfStopped();
    context->progress(fraction, what);
  };
  step(0.0, "applying the recipe");
  data::Table prepared = conform(input);
  for (const auto& recipe : recipes_) prepared = recipe.apply(prepared, wrangle::Recipe::Mode::Scoring);
  step(0.3, "encoding");
  const ml::FeatureMatrix x = model_.encoder.encode(prepared);
  step(0.4, "predicting");
  ScoredRows scored;
  scored.task = task();
  scored.classes = classes();
  // One pass for both: the server's hot path, where XGBoost would otherwise boost twice.
  auto prediction = model_.estimator->predictWithProbabilities(x);
  scored.predicted = std::move(prediction.values);
  if (scored.predicted.size() != input.rowCount())
    throw Error(ErrorCode::Internal, "the model gave " + std::to_string(scored.predicted.size()) + " predictions for " +
                                         std::to_string(input.rowCount()) + " rows");
  if (ml::isClassification(scored.task)) {
    step(0.7, "probabilities");
    scored.probabilities = std::move(prediction.probabilities);
    if (scored.probabilities.rows != input.rowCount() || scored.probabilities.classes != scored.classes.size())
      scored.probabilities = {};
    if (threshold_ && scored.probabilities.classes == 2) {
      scored.threshold = threshold_;
      scored.decision.resize(input.rowCount());
      for (std::size_t row = 0; row < input.rowCount(); ++row)
        scored.decision[row] = scored.probabilities.at(row, 1) >= *threshold_ ? 1 : 0;
    }
  }
  step(1.0, "scored");
  return scored;
}

std::shared_ptr<const data::Column> ScoringModel::predictionColumn(const ScoredRows& scored) {
  const std::size_t rows = scored.size();
  if (!ml::isClassification(scored.task)) return data::Column::float64("prediction", scored.predicted);
  std::vector<std::int32_t> codes(rows, -1);
  data::Validity validity;
  for (std::size_t row = 0; row < rows; ++row) {
    const double k = scored.predicted[row];
    if (std::isfinite(k) && k >= 0.0 && k < static_cast<double>(scored.classes.size())) codes[row] = static_cast<std::int32_t>(k);
    else validity.setMissing(row, rows);
  }
  return data::Column::categorical("prediction", std::move(codes), scored.classes, std::move(validity));
}

data::Table ScoringModel::toTable(const data::Table& input, const ScoredRows& scored, const std::vector<std::string>& keys) {
  const std::size_t rows = scored.size();
  std::vector<std::shared_ptr<const data::Column>> columns;
  for (const auto& key : keys) {
    const auto index = input.indexOf(key);
    if (!index) throw Error(ErrorCode::InvalidArgument, "there is no key column \"" + key + "\" in the data", {}, key);
    columns.push_back(input.columnPtr(*index));
  }
  columns.push_back(predictionColumn(scored));
  if (!ml::isClassification(scored.task)) return data::Table(std::move(columns));
  const auto& classes = scored.classes;
  for (std::size_t k = 0; k < scored.probabilities.classes; ++k) {
    std::vector<double> values(rows);
    for (std::size_t row = 0; row < rows; ++row) values[row] = scored.probabilities.at(row, k);
    columns.push_back(data::Column::float64("probability_" + classes[k], std::move(values)));
  }
  if (!scored.decision.empty()) {
    std::vector<std::int32_t> decided(rows);
    for (std::size_t row = 0; row < rows; ++row) decided[row] = scored.decision[row];
    columns.push_back(data::Column::categorical("decision", std::move(decided), classes));
  }
  return data::Table(std::move(columns));
}

}  // namespace lathe::deploy
