#pragma once
#include <string>
#include <vector>

#include "engine/data/ColumnType.h"
#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Converts columns to another type. A value that does not convert (the text "abc" to int64, 2.5
// to int64, 7 to bool) becomes missing, and warnings() says how many per column and the first
// such row, so nothing turns missing silently. Text read as numbers, dates or bools uses the
// importer's rules (engine/data/ValueParsing.h); missing tokens ("NA", "?", "") are missing, not
// failures. Numbers to bool: 0 and 1 only. Datetimes to numbers: microseconds since 1970.
// Parameters: {"columns": [...], "type": "float64|int64|bool|categorical|text|datetime"}.
class ChangeTypeStep final : public RecipeStep {
 public:
  static constexpr const char* kKind = "change_type";
  ChangeTypeStep(std::vector<std::string> columns, data::ColumnType type);
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return kKind; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<ChangeTypeStep>(*this); }

  // One line per column where values did not convert, from the latest apply() (empty when all did).
  std::vector<std::string> warnings() const { return warnings_; }
  // The same as numbers: column name -> count, from the latest apply().
  const std::vector<std::pair<std::string, std::size_t>>& failedCounts() const { return failed_; }

  // `column` as `type`; `failed` counts present values that did not convert, `firstFailedRow`
  // the first of them (0-based). Shares `column` when it already has that type.
  static std::shared_ptr<const data::Column> convert(const std::shared_ptr<const data::Column>& column,
                                                     data::ColumnType type, std::size_t& failed,
                                                     std::size_t& firstFailedRow);

 private:
  std::vector<std::string> columns_;
  data::ColumnType type_;
  // Filled by apply(), which is const for the recipe: a report about the latest run, not state.
  mutable std::vector<std::string> warnings_;
  mutable std::vector<std::pair<std::string, std::size_t>> failed_;
};

}  // namespace lathe::wrangle
