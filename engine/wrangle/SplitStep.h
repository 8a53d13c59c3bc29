#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Marks every row train, validation or test in a categorical column "split" (levels in that
// order), replacing a "split" column already there. The rows are shuffled with the seed and cut
// by the fractions (rounded by largest remainder, so the counts add up to the rows); with a
// stratify column each of its classes is cut the same way, so every part keeps the class shares.
// The same table and seed give every row the same label. After this step a recipe fits the
// later steps on the "train" rows only.
// Parameters: {"train": 0.7, "validation": 0.15, "test": 0.15, "seed": 0, "stratify": "col"?}
// (the fractions are >= 0 and add up to 1).
class SplitStep final : public RecipeStep {
 public:
  static constexpr const char* kKind = "split";
  static constexpr const char* kColumn = "split";
  static constexpr const char* kTrain = "train";

  SplitStep(double train, double validation, double test, std::uint64_t seed,
            std::optional<std::string> stratify = std::nullopt);
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return kKind; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<SplitStep>(*this); }

 private:
  double train_, validation_, test_;
  std::uint64_t seed_;
  std::optional<std::string> stratify_;
};

}  // namespace lathe::wrangle
