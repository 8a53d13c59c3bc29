#include "engine/wrangle/SplitStep.h"

#include <cmath>
#include <numeric>

#include "engine/wrangle/RowSampling.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {

SplitStep::SplitStep(double train, double validation, double test, std::uint64_t seed,
                     std::optional<std::string> stratify)
    : train_(train), validation_(validation), test_(test), seed_(seed), stratify_(std::move(stratify)) {}

std::unique_ptr<RecipeStep> SplitStep::fromParameters(const nlohmann::json& parameters) {
  double fractions[3] = {};
  const char* names[3] = {"train", "validation", "test"};
  for (int i = 0; i < 3; ++i) {
    fractions[i] = numberParameter(parameters, names[i], kKind);
    if (fractions[i] < 0 || fractions[i] > 1) badParameter(kKind, names[i], "must be between 0 and 1");
  }
  if (std::abs(fractions[0] + fractions[1] + fractions[2] - 1.0) > 1e-9)
    badParameter(kKind, "train", "validation and test fractions must add up to 1");
  std::optional<std::string> stratify;
  if (parameters.contains("stratify") && !parameters.at("stratify").is_null())
    stratify = stringParameter(parameters, "stratify", kKind);
  return std::make_unique<SplitStep>(fractions[0], fractions[1], fractions[2], seedParameter(parameters, kKind),
                                     std::move(stratify));
}

nlohmann::json SplitStep::parameters() const {
  nlohmann::json out = {{"train", train_}, {"validation", validation_}, {"test", test_}, {"seed", seed_}};
  if (stratify_) out["stratify"] = *stratify_;
  return out;
}

std::string SplitStep::describe() const {
  const auto percent = [](double f) { return std::to_string(std::llround(f * 100)); };
  return "split " + percent(train_) + "/" + percent(validation_) + "/" + percent(test_) + " into train/validation/test" +
         (stratify_ ? " keeping the shares of " + *stratify_ : std::string()) + " (seed " + std::to_string(seed_) + ")";
}

data::Table SplitStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  const std::size_t rows = table.rowCount();
  std::vector<std::vector<std::size_t>> groups;
  if (stratify_) {
    groups = RowSampling::groupRows(table.column(requireColumnIndex(table, *stratify_, kKind)));
  } else {
    groups.emplace_back(rows);
    std::iota(groups.front().begin(), groups.front().end(), std::size_t{0});
  }
  std::vector<std::int32_t> codes(rows, 0);
  RowSampling sampling(seed_);
  for (auto& group : groups) {
    throwIfStopped(context);
    sampling.shuffle(group);
    const auto parts = RowSampling::apportion({train_, validation_, test_}, group.size());
    std::size_t at = 0;
    for (std::int32_t label = 0; label < 3; ++label)
      for (std::size_t k = 0; k < parts[static_cast<std::size_t>(label)]; ++k) codes[group[at++]] = label;
  }
  auto column = data::Column::categorical(kColumn, std::move(codes), {kTrain, "validation", "test"});
  if (const auto index = table.indexOf(kColumn)) return replaceColumn(table, *index, {std::move(column)});
  auto columns = table.columns();
  columns.push_back(std::move(column));
  return data::Table(std::move(columns));
}

}  // namespace lathe::wrangle
