#include "engine/expr/FormulaFunctions.h"

#include "engine/core/Error.h"

namespace lathe::expr {

FormulaValues FormulaFunctions::call(const std::string& name, ValueKind result,
                                     const std::vector<FormulaValues>& args) const {
  for (const auto& arg : args)
    if (arg.kind == ValueKind::Null) return FormulaValues::missing(result);
  static const char* const kMath[] = {"abs", "sqrt", "log", "log10", "log1p", "exp", "round",
                                      "floor", "ceil", "min", "max", "clip"};
  static const char* const kDate[] = {"year", "month", "day", "weekday", "hour", "minute", "date_diff_days"};
  for (const char* math : kMath)
    if (name == math) return this->math(name, result, args);
  for (const char* part : kDate)
    if (name == part) return date(name, args);
  static const char* const kText[] = {"len", "lower", "upper", "trim", "contains", "starts_with",
                                      "ends_with", "replace", "substr", "to_number", "to_text"};
  for (const char* function : kText)
    if (name == function) return text(name, args);
  throw Error(ErrorCode::Internal, "formula function '" + name + "' has no implementation");
}

}  // namespace lathe::expr
