#include "engine/wrangle/ScaleStep.h"

#include <cmath>

#include "engine/core/Error.h"
#include "engine/wrangle/NumericColumnValues.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {
using nlohmann::json;
const std::string kStep = "scaling";

const char* methodName(ScaleStep::Method method) {
  switch (method) {
    case ScaleStep::Method::Standard: return "standard";
    case ScaleStep::Method::MinMax: return "min_max";
    case ScaleStep::Method::Robust: return "robust";
  }
  return "standard";
}

double nonZero(double scale) { return scale == 0.0 || !std::isfinite(scale) ? 1.0 : scale; }

ScaleStep::Fitted fitStandard(const std::vector<double>& values) {
  double sum = 0.0;
  std::size_t n = 0;
  for (double v : values)
    if (!std::isnan(v)) sum += v, ++n;
  if (n == 0) return {};
  const double mean = sum / static_cast<double>(n);
  double squares = 0.0;  // two passes: no cancellation on large means
  for (double v : values)
    if (!std::isnan(v)) squares += (v - mean) * (v - mean);
  return {mean, nonZero(std::sqrt(squares / static_cast<double>(n))), 0.0};
}

}  // namespace

ScaleStep::ScaleStep(std::vector<std::string> columns, Method method, double low, double high)
    : columns_(std::move(columns)), method_(method), low_(low), high_(high) {
  if (!(low_ < high_)) throw Error(ErrorCode::InvalidArgument, kStep + ": the range's low end must be below its high end");
}

std::unique_ptr<RecipeStep> ScaleStep::fromParameters(const json& parameters) {
  const std::string method = readChoice(parameters, kStep, "method", {"standard", "min_max", "robust"});
  double low = 0.0, high = 1.0;
  if (parameters.is_object() && parameters.contains("range") && !parameters["range"].is_null()) {
    const auto range = readNumbers(parameters["range"], kStep, "parameter 'range'");
    if (range.size() != 2 || !std::isfinite(range[0]) || !std::isfinite(range[1]) || !(range[0] < range[1]))
      throw Error(ErrorCode::Parse, kStep + ": parameter 'range' must be [low, high] with low < high", {}, "range");
    low = range[0];
    high = range[1];
  }
  return std::make_unique<ScaleStep>(readColumnList(parameters, kStep),
                                     method == "min_max" ? Method::MinMax
                                     : method == "robust" ? Method::Robust
                                                          : Method::Standard,
                                     low, high);
}

json ScaleStep::parameters() const {
  return {{"columns", columns_}, {"method", methodName(method_)}, {"range", {low_, high_}}};
}

std::string ScaleStep::describe() const {
  std::string names;
  for (const auto& column : columns_) names += (names.empty() ? "" : ", ") + column;
  return std::string(methodName(method_)) + " scale " + names;
}

void ScaleStep::fit(const data::Table& training, const jobs::JobContext* context) {
  std::map<std::string, Fitted> fitted;
  for (const auto& name : columns_) {
    throwIfStopped(context);
    const std::vector<double> values = numericValues(requireNumericColumn(training, name, kStep));
    Fitted f;
    if (method_ == Method::Standard) {
      f = fitStandard(values);
    } else {
      const std::vector<double> sorted = sortedFinite(values);
      if (!sorted.empty() && method_ == Method::MinMax) {
        f = {sorted.front(), nonZero(sorted.back() - sorted.front()) / (high_ - low_), low_};
      } else if (!sorted.empty()) {
        f = {linearQuantile(sorted, 0.5), nonZero(linearQuantile(sorted, 0.75) - linearQuantile(sorted, 0.25)), 0.0};
      }
    }
    fitted[name] = f;
  }
  fitted_ = std::move(fitted);
}

data::Table ScaleStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  data::Table out = table;
  for (const auto& name : columns_) {
    throwIfStopped(context);
    const Fitted& f = fitted(name);
    const std::size_t index = requireColumnIndex(out, name, kStep);
    std::vector<double> values = numericValues(requireNumericColumn(out, name, kStep));
    for (double& v : values) v = (v - f.center) / f.scale + f.offset;
    out = replaceColumn(out, index, {float64Column(name, std::move(values))});
  }
  return out;
}

const ScaleStep::Fitted& ScaleStep::fitted(const std::string& column) const {
  const auto it = fitted_.find(column);
  if (it == fitted_.end()) throwNotFitted(kStep, column);
  return it->second;
}

json ScaleStep::fittedState() const {
  if (fitted_.empty()) return json::object();
  json columns = json::object();
  for (const auto& [column, f] : fitted_) columns[column] = {{"center", f.center}, {"scale", f.scale}, {"offset", f.offset}};
  return {{"columns", columns}};
}

void ScaleStep::restoreFittedState(const json& state) {
  requireStateObject(state, kStep, "the fitted state");
  std::map<std::string, Fitted> restored;
  if (!state.empty()) {
    const json& columns = stateField(state, kStep, "columns");
    requireStateObject(columns, kStep, "the fitted columns");
    for (const auto& [column, f] : columns.items()) {
      const auto numbers = readNumbers(json::array({stateField(f, kStep, "center"), stateField(f, kStep, "scale"),
                                                    stateField(f, kStep, "offset")}),
                                       kStep, "the fitted center, scale and offset");
      if (!(numbers[1] != 0.0) || !std::isfinite(numbers[1]))
        throw Error(ErrorCode::Parse, kStep + ": the fitted scale of '" + column + "' must be a non-zero number");
      restored[column] = {numbers[0], numbers[1], numbers[2]};
    }
  }
  fitted_ = std::move(restored);
}

}  // namespace lathe::wrangle
