#pragma once
#include <string>
#include <vector>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Removes the listed columns; every other column is shared unchanged.
// Parameters: {"columns": ["name", ...]}. A listed column the table lacks is an error.
class DropColumnsStep final : public RecipeStep {
 public:
  static constexpr const char* kKind = "drop_columns";
  explicit DropColumnsStep(std::vector<std::string> columns);
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return kKind; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<DropColumnsStep>(*this); }

  const std::vector<std::string>& columns() const { return columns_; }

 private:
  std::vector<std::string> columns_;
};

}  // namespace lathe::wrangle
