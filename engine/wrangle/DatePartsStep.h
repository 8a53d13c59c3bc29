#pragma once
#include <string>
#include <vector>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Date parts of datetime columns as int64 columns "<column>_year", "_month", "_day",
// "_weekday" (Monday = 0, like pandas' dayofweek) and "_hour", in UTC, placed right after the
// column, which stays. The user picks which parts; a missing date gives missing parts.
class DatePartsStep final : public RecipeStep {
 public:
  DatePartsStep(std::vector<std::string> columns, std::vector<std::string> parts);
  // {"columns":[..], "parts":["year","month","day","weekday","hour"]} (all five by default)
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return "date_parts"; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<DatePartsStep>(*this); }

  static const std::vector<std::string>& allParts();

 private:
  std::vector<std::string> columns_;
  std::vector<std::string> parts_;
};

}  // namespace lathe::wrangle
