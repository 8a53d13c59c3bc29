#include "engine/ml/LinearInputs.h"

#include <cmath>

#include "engine/core/Error.h"

namespace lathe::ml {

void LinearInputs::requireFinite(const FeatureMatrix& x, const std::string& algorithm) {
  for (std::size_t c = 0; c < x.cols(); ++c) {
    const auto values = x.column(c);
    for (std::size_t r = 0; r < values.size(); ++r)
      if (!std::isfinite(values[r]))
        throw Error(ErrorCode::InvalidArgument,
                    algorithm + ": feature '" + x.names()[c] + "' has " +
                        (std::isnan(values[r]) ? "a missing value" : "an infinite value") + " in row " +
                        std::to_string(r + 1) + "; add a fill step to the recipe, drop those rows, or train with impute=median",
                    {}, x.names()[c]);
  }
}

void LinearInputs::requireFiniteTarget(const std::vector<double>& y, const std::string& algorithm) {
  for (std::size_t r = 0; r < y.size(); ++r)
    if (!std::isfinite(y[r]))
      throw Error(ErrorCode::InvalidArgument,
                  algorithm + ": the target has a missing or infinite value in row " + std::to_string(r + 1));
}

void LinearInputs::requireColumns(const FeatureMatrix& x, std::size_t expected, const std::string& algorithm) {
  if (x.cols() != expected)
    throw Error(ErrorCode::InvalidArgument, algorithm + ": the model was trained on " + std::to_string(expected) +
                                                " features, the data has " + std::to_string(x.cols()));
}

void LinearInputs::meanAndStd(const FeatureMatrix& x, std::vector<double>& mean, std::vector<double>& std) {
  mean.assign(x.cols(), 0.0);
  std.assign(x.cols(), 0.0);
  const double n = static_cast<double>(x.rows());
  if (x.rows() == 0) return;
  for (std::size_t c = 0; c < x.cols(); ++c) {
    const auto values = x.column(c);
    double sum = 0;
    for (double v : values) sum += v;
    const double m = sum / n;
    double sq = 0;
    for (double v : values) sq += (v - m) * (v - m);
    mean[c] = m;
    std[c] = std::sqrt(sq / n);
  }
}

void LinearInputs::requireKnown(const nlohmann::json& parameters, std::initializer_list<const char*> known,
                                const std::string& algorithm) {
  if (parameters.is_null()) return;
  if (!parameters.is_object())
    throw Error(ErrorCode::InvalidArgument, algorithm + ": parameters must be a JSON object");
  for (const auto& [key, value] : parameters.items()) {
    bool found = false;
    std::string list;
    for (const char* name : known) {
      found = found || key == name;
      list += (list.empty() ? "" : ", ") + std::string(name);
    }
    if (!found)
      throw Error(ErrorCode::InvalidArgument,
                  algorithm + ": unknown parameter '" + key + "' (known: " + list + ")", {}, key);
  }
}

double LinearInputs::number(const nlohmann::json& parameters, const char* name, double fallback, double low,
                            bool lowOpen, double high, const std::string& algorithm) {
  if (!parameters.is_object() || !parameters.contains(name)) return fallback;
  const auto& value = parameters.at(name);
  const std::string range = std::string(lowOpen ? "(" : "[") + std::to_string(low) + ", " + std::to_string(high) + "]";
  if (!value.is_number())
    throw Error(ErrorCode::InvalidArgument,
                algorithm + ": parameter '" + name + "' must be a number in " + range + ", got " + value.dump(), {},
                value.dump());
  const double v = value.get<double>();
  if (!std::isfinite(v) || v < low || (lowOpen && v == low) || v > high)
    throw Error(ErrorCode::InvalidArgument,
                algorithm + ": parameter '" + name + "' must be a number in " + range + ", got " + value.dump(), {},
                value.dump());
  return v;
}

bool LinearInputs::boolean(const nlohmann::json& parameters, const char* name, bool fallback,
                           const std::string& algorithm) {
  if (!parameters.is_object() || !parameters.contains(name)) return fallback;
  const auto& value = parameters.at(name);
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_string() && (value == "true" || value == "false")) return value == "true";
  throw Error(ErrorCode::InvalidArgument,
              algorithm + ": parameter '" + name + "' must be true or false, got " + value.dump(), {}, value.dump());
}

std::string LinearInputs::choice(const nlohmann::json& parameters, const char* name, const std::string& fallback,
                                 std::initializer_list<const char*> allowed, const std::string& algorithm) {
  if (!parameters.is_object() || !parameters.contains(name)) return fallback;
  const auto& value = parameters.at(name);
  std::string list;
  for (const char* a : allowed) {
    if (value.is_string() && value.get<std::string>() == a) return a;
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  throw Error(ErrorCode::InvalidArgument,
              algorithm + ": parameter '" + name + "' must be one of " + list + ", got " + value.dump(), {},
              value.dump());
}

std::vector<double> LinearInputs::importances(const std::vector<double>& coef, const std::vector<double>& std) {
  std::vector<double> out(std.size(), 0.0);
  if (std.empty()) return out;
  for (std::size_t i = 0; i < coef.size(); ++i) out[i % std.size()] += std::abs(coef[i]) * std[i % std.size()];
  double total = 0;
  for (double v : out) total += v;
  if (total > 0)
    for (double& v : out) v /= total;
  return out;
}

}  // namespace lathe::ml
