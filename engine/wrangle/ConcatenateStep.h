#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Appending the rows of another dataset version below this table's. Columns match by name;
// a column only one side has is kept and filled with missing values on the other side's rows
// (like pandas.concat). Matched columns must have the same type, except int64 with float64
// (float64) and categorical with categorical (the levels are merged); any other pair is an
// error naming the column and both types. It changes rows, so a recipe skips it when scoring.
class ConcatenateStep final : public RecipeStep {
 public:
  explicit ConcatenateStep(std::int64_t datasetVersion);
  // {"dataset_version":7}
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return "concatenate"; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  bool keepsRows() const override { return false; }
  void resolveInputs(const TableResolver& resolve) override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<ConcatenateStep>(*this); }

 private:
  std::int64_t datasetVersion_;
  std::shared_ptr<const data::Table> other_;
};

}  // namespace lathe::wrangle
