#include "engine/wrangle/LogTransformStep.h"

#include <cmath>
#include <limits>

#include "engine/wrangle/NumericColumnValues.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {
using nlohmann::json;
const std::string kStep = "log transform";

}  // namespace

LogTransformStep::LogTransformStep(std::vector<std::string> columns, bool log1p)
    : columns_(std::move(columns)), log1p_(log1p) {}

std::unique_ptr<RecipeStep> LogTransformStep::fromParameters(const json& parameters) {
  return std::make_unique<LogTransformStep>(readColumnList(parameters, kStep),
                                            readFlag(parameters, kStep, "log1p", false));
}

json LogTransformStep::parameters() const { return {{"columns", columns_}, {"log1p", log1p_}}; }

std::string LogTransformStep::describe() const {
  std::string names;
  for (const auto& column : columns_) names += (names.empty() ? "" : ", ") + column;
  return (log1p_ ? "log(1 + x) of " : "log of ") + names;
}

data::Table LogTransformStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
  data::Table out = table;
  for (const auto& name : columns_) {
    throwIfStopped(context);
    const std::size_t index = requireColumnIndex(out, name, kStep);
    std::vector<double> values = numericValues(requireNumericColumn(out, name, kStep));
    for (double& v : values) {
      if (log1p_) v = v > -1.0 ? std::log1p(v) : kMissing;
      else v = v > 0.0 ? std::log(v) : kMissing;
    }
    out = replaceColumn(out, index, {float64Column(name, std::move(values))});
  }
  return out;
}

}  // namespace lathe::wrangle
