#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace lathe::insights {

// What a data insight is about; the widget writes the translated message from the kind and the
// numbers, so the engine holds no English prose.
enum class InsightKind {
  ConstantColumn,      // one distinct present value
  NearConstantColumn,  // one value holds almost every present row
  HighCardinality,     // a different value in (almost) every row: an ID, a name, free text
  DuplicateRows,       // rows equal to an earlier row in every column
  MissingValues,       // rows without a value in a column
  ClassImbalance,      // the target's rarest class is rare
  TargetLeakage,       // a feature alone gives the target away
};

enum class InsightSeverity { Info, Warning, High };

// A one-click fix: a recipe step exactly as StepRegistry::create accepts it.
struct InsightFix {
  std::string stepKind;
  nlohmann::json parameters;
};

// One warning about a dataset. Which figure each field holds, per kind:
//   kind                column   share                            count                 detail
//   ConstantColumn      column   1                                rows with a value     the value
//   NearConstantColumn  column   top value / rows with a value    rows with top value   the value
//   HighCardinality     column   distinct / rows with a value     distinct values       -
//   DuplicateRows       -        duplicates / rows                duplicate rows        -
//   MissingValues       column   missing / rows                   missing rows          -
//   ClassImbalance      target   rarest class / rows with target  rows of rarest class  the class
//   TargetLeakage       feature  leakage score (0..1)             rows scored           the target
// Values in `detail` are as the data table shows them (Column::displayText).
struct DataInsight {
  InsightKind kind = InsightKind::MissingValues;
  InsightSeverity severity = InsightSeverity::Info;
  std::string column;  // empty for table-wide insights
  double share = 0.0;
  std::uint64_t count = 0;
  std::string detail;
  std::optional<InsightFix> fix;
};

}  // namespace lathe::insights
