#pragma once
#include <string>
#include <vector>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Drops rows equal to an earlier row, keeping the first (pandas' drop_duplicates(keep="first")),
// comparing the listed columns or, with none listed, every column. Missing equals missing, and
// NaN equals NaN, as in pandas. A row step: the recipe skips it when scoring a batch.
// Parameters: {"columns": [...]} (optional; [] or absent means all columns).
class DropDuplicatesStep final : public RecipeStep {
 public:
  static constexpr const char* kKind = "drop_duplicates";
  explicit DropDuplicatesStep(std::vector<std::string> columns = {});
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return kKind; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  bool keepsRows() const override { return false; }
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<DropDuplicatesStep>(*this); }

  // The rows kept: the first of each group of equal rows, in table order.
  static std::vector<std::size_t> firstOfEach(const data::Table& table, const std::vector<std::size_t>& columns,
                                              const jobs::JobContext* context);

 private:
  std::vector<std::string> columns_;
};

}  // namespace lathe::wrangle
