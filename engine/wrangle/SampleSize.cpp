#include "engine/wrangle/SampleSize.h"

#include <algorithm>
#include <cmath>

#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {

SampleSize SampleSize::fromParameters(const nlohmann::json& parameters, const std::string& kind) {
  requireObject(parameters, kind);
  const bool hasRows = parameters.is_object() && parameters.contains("rows");
  const bool hasFraction = parameters.is_object() && parameters.contains("fraction");
  if (hasRows == hasFraction) badParameter(kind, "rows", "or 'fraction' must be given, and only one of them");
  SampleSize size;
  if (hasRows) {
    const auto& rows = parameters.at("rows");
    if (!rows.is_number_integer() || (!rows.is_number_unsigned() && rows.get<std::int64_t>() < 0))
      badParameter(kind, "rows", "must be a non-negative whole number");
    size.rows = rows.get<std::size_t>();
  } else {
    const double fraction = numberParameter(parameters, "fraction", kind);
    if (!(fraction > 0.0 && fraction <= 1.0)) badParameter(kind, "fraction", "must be above 0 and at most 1");
    size.fraction = fraction;
  }
  return size;
}

void SampleSize::writeTo(nlohmann::json& parameters) const {
  if (rows) parameters["rows"] = *rows;
  if (fraction) parameters["fraction"] = *fraction;
}

std::size_t SampleSize::of(std::size_t population) const {
  if (rows) return std::min(*rows, population);
  return std::min(population, static_cast<std::size_t>(std::llround(*fraction * static_cast<double>(population))));
}

std::string SampleSize::describe() const {
  if (rows) return std::to_string(*rows) + " rows";
  return std::to_string(std::llround(*fraction * 100)) + "% of the rows";
}

}  // namespace lathe::wrangle
