#include "engine/expr/FormulaFunctionCatalog.h"

#include <array>
#include <vector>

#include "engine/expr/ClosestName.h"

namespace lathe::expr {
namespace {

constexpr std::array kFunctions = {
    FormulaFunction{"if", 3, 3, "if(condition, then, else)"},
    FormulaFunction{"is_missing", 1, 1, "is_missing(x)"},
    FormulaFunction{"coalesce", 1, kVariadic, "coalesce(a, b, ...)"},
    FormulaFunction{"abs", 1, 1, "abs(x)"},
    FormulaFunction{"sqrt", 1, 1, "sqrt(x)"},
    FormulaFunction{"log", 1, 1, "log(x)"},
    FormulaFunction{"log10", 1, 1, "log10(x)"},
    FormulaFunction{"log1p", 1, 1, "log1p(x)"},
    FormulaFunction{"exp", 1, 1, "exp(x)"},
    FormulaFunction{"round", 1, 2, "round(x[, digits])"},
    FormulaFunction{"floor", 1, 1, "floor(x)"},
    FormulaFunction{"ceil", 1, 1, "ceil(x)"},
    FormulaFunction{"min", 2, 2, "min(a, b)"},
    FormulaFunction{"max", 2, 2, "max(a, b)"},
    FormulaFunction{"clip", 3, 3, "clip(x, lo, hi)"},
    FormulaFunction{"len", 1, 1, "len(text)"},
    FormulaFunction{"lower", 1, 1, "lower(text)"},
    FormulaFunction{"upper", 1, 1, "upper(text)"},
    FormulaFunction{"trim", 1, 1, "trim(text)"},
    FormulaFunction{"contains", 2, 2, "contains(text, part)"},
    FormulaFunction{"starts_with", 2, 2, "starts_with(text, prefix)"},
    FormulaFunction{"ends_with", 2, 2, "ends_with(text, suffix)"},
    FormulaFunction{"replace", 3, 3, "replace(text, old, new)"},
    FormulaFunction{"substr", 2, 3, "substr(text, start[, length])"},
    FormulaFunction{"to_number", 1, 1, "to_number(text)"},
    FormulaFunction{"to_text", 1, 1, "to_text(x)"},
    FormulaFunction{"year", 1, 1, "year(date)"},
    FormulaFunction{"month", 1, 1, "month(date)"},
    FormulaFunction{"day", 1, 1, "day(date)"},
    FormulaFunction{"weekday", 1, 1, "weekday(date)"},
    FormulaFunction{"hour", 1, 1, "hour(date)"},
    FormulaFunction{"minute", 1, 1, "minute(date)"},
    FormulaFunction{"date_diff_days", 2, 2, "date_diff_days(a, b)"},
};

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (x != b[i]) return false;
  }
  return true;
}

}  // namespace

std::span<const FormulaFunction> FormulaFunctionCatalog::all() { return kFunctions; }

const FormulaFunction* FormulaFunctionCatalog::find(std::string_view name) {
  for (const auto& function : kFunctions)
    if (equalsIgnoringAsciiCase(name, function.name)) return &function;
  return nullptr;
}

std::string FormulaFunctionCatalog::unknownMessage(std::string_view name) {
  for (std::string_view clock : {"today", "now", "rand", "random"})
    if (equalsIgnoringAsciiCase(name, clock))
      return std::string(name) + "() is not available: a formula gives the same result every time it runs";
  std::vector<std::string> names;
  for (const auto& function : kFunctions) names.emplace_back(function.name);
  std::string message = "unknown function '" + std::string(name) + "'";
  if (auto closest = closestName(name, names)) message += "; did you mean '" + *closest + "'?";
  return message;
}

}  // namespace lathe::expr
