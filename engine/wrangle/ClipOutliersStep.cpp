#include "engine/wrangle/ClipOutliersStep.h"

#include <algorithm>
#include <cmath>

#include "engine/core/Error.h"
#include "engine/wrangle/NumericColumnValues.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {
using nlohmann::json;
const std::string kStep = "outlier clipping";

}  // namespace

ClipOutliersStep::ClipOutliersStep(std::vector<std::string> columns, Method method, double factor)
    : columns_(std::move(columns)), method_(method), factor_(factor) {
  if (!(factor_ > 0) || !std::isfinite(factor_))
    throw Error(ErrorCode::InvalidArgument, kStep + ": the factor must be a positive number");
}

std::unique_ptr<RecipeStep> ClipOutliersStep::fromParameters(const json& parameters) {
  const std::string method = readChoice(parameters, kStep, "method", {"iqr", "zscore"});
  const bool iqr = method == "iqr";
  const double factor = iqr ? readNumber(parameters, kStep, "k", 1.5, 1e-9, 1e6)
                            : readNumber(parameters, kStep, "threshold", 3.0, 1e-9, 1e6);
  return std::make_unique<ClipOutliersStep>(readColumnList(parameters, kStep), iqr ? Method::Iqr : Method::ZScore,
                                            factor);
}

json ClipOutliersStep::parameters() const {
  json p = {{"columns", columns_}, {"method", method_ == Method::Iqr ? "iqr" : "zscore"}};
  p[method_ == Method::Iqr ? "k" : "threshold"] = factor_;
  return p;
}

std::string ClipOutliersStep::describe() const {
  std::string names;
  for (const auto& column : columns_) names += (names.empty() ? "" : ", ") + column;
  return "clip outliers of " + names +
         (method_ == Method::Iqr ? " beyond " + json(factor_).dump() + " IQR" : " beyond " + json(factor_).dump() + " std");
}

void ClipOutliersStep::fit(const data::Table& training, const jobs::JobContext* context) {
  std::map<std::string, std::pair<double, double>> fitted;
  for (const auto& name : columns_) {
    throwIfStopped(context);
    const std::vector<double> sorted = sortedFinite(numericValues(requireNumericColumn(training, name, kStep)));
    if (sorted.empty())
      throw Error(ErrorCode::InvalidArgument, kStep + ": column '" + name + "' has no values in the training rows", {},
                  name);
    if (method_ == Method::Iqr) {
      const double q1 = linearQuantile(sorted, 0.25), q3 = linearQuantile(sorted, 0.75);
      fitted[name] = {q1 - factor_ * (q3 - q1), q3 + factor_ * (q3 - q1)};
    } else {
      double sum = 0.0;
      for (double v : sorted) sum += v;
      const double mean = sum / static_cast<double>(sorted.size());
      double squares = 0.0;
      for (double v : sorted) squares += (v - mean) * (v - mean);
      const double sd = std::sqrt(squares / static_cast<double>(sorted.size()));
      fitted[name] = {mean - factor_ * sd, mean + factor_ * sd};
    }
  }
  bounds_ = std::move(fitted);
}

data::Table ClipOutliersStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  data::Table out = table;
  for (const auto& name : columns_) {
    throwIfStopped(context);
    const auto [low, high] = bounds(name);
    const std::size_t index = requireColumnIndex(out, name, kStep);
    std::vector<double> values = numericValues(requireNumericColumn(out, name, kStep));
    for (double& v : values)
      if (!std::isnan(v)) v = std::clamp(v, low, high);
    out = replaceColumn(out, index, {float64Column(name, std::move(values))});
  }
  return out;
}

std::pair<double, double> ClipOutliersStep::bounds(const std::string& column) const {
  const auto it = bounds_.find(column);
  if (it == bounds_.end()) throwNotFitted(kStep, column);
  return it->second;
}

json ClipOutliersStep::fittedState() const {
  if (bounds_.empty()) return json::object();
  json bounds = json::object();
  for (const auto& [column, b] : bounds_) bounds[column] = {b.first, b.second};
  return {{"bounds", bounds}};
}

void ClipOutliersStep::restoreFittedState(const json& state) {
  requireStateObject(state, kStep, "the fitted state");
  std::map<std::string, std::pair<double, double>> restored;
  if (!state.empty()) {
    const json& bounds = stateField(state, kStep, "bounds");
    requireStateObject(bounds, kStep, "the fitted bounds");
    for (const auto& [column, b] : bounds.items()) {
      const std::vector<double> pair = readNumbers(b, kStep, "the bounds");
      if (pair.size() != 2 || !(pair[0] <= pair[1]))
        throw Error(ErrorCode::Parse, kStep + ": the bounds of '" + column + "' must be [low, high]");
      restored[column] = {pair[0], pair[1]};
    }
  }
  bounds_ = std::move(restored);
}

}  // namespace lathe::wrangle
