#pragma once
#include <map>
#include <string>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Renames columns, all at once (so "a"->"b" with "b"->"a" swaps them), keeping their place.
// Parameters: {"renames": {"old name": "new name", ...}}. A missing old name, or a result with
// two columns of one name, is an error.
class RenameColumnsStep final : public RecipeStep {
 public:
  static constexpr const char* kKind = "rename_columns";
  explicit RenameColumnsStep(std::map<std::string, std::string> renames);
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return kKind; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<RenameColumnsStep>(*this); }

 private:
  std::map<std::string, std::string> renames_;
};

}  // namespace lathe::wrangle
