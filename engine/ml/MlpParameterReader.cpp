#include "engine/ml/MlpParameterReader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

#include "engine/core/Error.h"

namespace lathe::ml {
namespace {

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

// A JSON number, or text that is one number and nothing else.
bool asDouble(const nlohmann::json& value, double& out) {
  if (value.is_number()) {
    out = value.get<double>();
    return true;
  }
  if (!value.is_string()) return false;
  const std::string text = trimmed(value.get<std::string>());
  if (text.empty()) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

std::string shown(const nlohmann::json& value) {
  std::string text = value.dump();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

}  // namespace

MlpParameterReader::MlpParameterReader(std::string algorithm, const nlohmann::json& parameters,
                                       std::initializer_list<std::string_view> known)
    : algorithm_(std::move(algorithm)), parameters_(parameters.is_null() ? nlohmann::json::object() : parameters) {
  if (!parameters_.is_object())
    throw Error(ErrorCode::InvalidArgument, algorithm_ + ": parameters must be an object of name: value, got " +
                                                shown(parameters_));
  for (const auto& [key, value] : parameters_.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string names;
      for (const auto name : known) names += (names.empty() ? "" : ", ") + std::string(name);
      throw Error(ErrorCode::InvalidArgument,
                  algorithm_ + ": unknown parameter '" + key + "' (known: " + names + ")", {}, key);
    }
  }
}

bool MlpParameterReader::has(const std::string& name) const {
  return parameters_.contains(name) && !parameters_.at(name).is_null();
}

void MlpParameterReader::fail(const std::string& name, const std::string& expected, const nlohmann::json& got) const {
  throw Error(ErrorCode::InvalidArgument,
              algorithm_ + ": parameter '" + name + "' must be " + expected + ", got " + shown(got), {}, shown(got));
}

double MlpParameterReader::number(const std::string& name, double fallback, double min, double max) const {
  if (!has(name)) return fallback;
  const auto& value = parameters_.at(name);
  double out = 0;
  std::ostringstream expected;
  expected << "a number from " << min << " to " << max;
  if (!asDouble(value, out) || !std::isfinite(out) || out < min || out > max) fail(name, expected.str(), value);
  return out;
}

std::int64_t MlpParameterReader::integer(const std::string& name, std::int64_t fallback, std::int64_t min,
                                         std::int64_t max) const {
  if (!has(name)) return fallback;
  const auto& value = parameters_.at(name);
  double out = 0;
  const std::string expected = "an integer from " + std::to_string(min) + " to " + std::to_string(max);
  if (!asDouble(value, out) || !std::isfinite(out) || out != std::floor(out) || out < static_cast<double>(min) ||
      out > static_cast<double>(max))
    fail(name, expected, value);
  return static_cast<std::int64_t>(out);
}

bool MlpParameterReader::boolean(const std::string& name, bool fallback) const {
  if (!has(name)) return fallback;
  const auto& value = parameters_.at(name);
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_string()) {
    const std::string text = trimmed(value.get<std::string>());
    if (text == "true" || text == "True" || text == "1") return true;
    if (text == "false" || text == "False" || text == "0") return false;
  }
  if (value.is_number_integer() && (value.get<std::int64_t>() == 0 || value.get<std::int64_t>() == 1))
    return value.get<std::int64_t>() == 1;
  fail(name, "true or false", value);
}

std::string MlpParameterReader::choice(const std::string& name, const std::string& fallback,
                                       std::initializer_list<std::string_view> options) const {
  if (!has(name)) return fallback;
  const auto& value = parameters_.at(name);
  std::string names;
  for (const auto option : options) names += (names.empty() ? "" : " or ") + std::string(option);
  if (value.is_string()) {
    const std::string text = trimmed(value.get<std::string>());
    if (std::find(options.begin(), options.end(), text) != options.end()) return text;
  }
  fail(name, names, value);
}

std::vector<std::int64_t> MlpParameterReader::integers(const std::string& name, std::vector<std::int64_t> fallback,
                                                       std::size_t maxCount, std::int64_t min,
                                                       std::int64_t max) const {
  if (!has(name)) return fallback;
  const auto& value = parameters_.at(name);
  const std::string expected = "a list of 1 to " + std::to_string(maxCount) + " integers from " +
                               std::to_string(min) + " to " + std::to_string(max);
  std::vector<nlohmann::json> items;
  if (value.is_array()) {
    items.assign(value.begin(), value.end());
  } else if (value.is_number()) {
    items.push_back(value);
  } else if (value.is_string()) {
    std::string text = trimmed(value.get<std::string>());
    if (text.size() >= 2 && (text.front() == '[' || text.front() == '(') && (text.back() == ']' || text.back() == ')'))
      text = text.substr(1, text.size() - 2);
    std::size_t start = 0;
    while (start <= text.size() && items.size() <= maxCount) {
      const std::size_t comma = std::min(text.find(',', start), text.size());
      const std::string piece = trimmed(std::string_view(text).substr(start, comma - start));
      if (!(piece.empty() && comma == text.size() && !items.empty())) items.emplace_back(piece);  // "100," allowed
      start = comma + 1;
    }
  } else {
    fail(name, expected, value);
  }
  if (items.empty() || items.size() > maxCount) fail(name, expected, value);
  std::vector<std::int64_t> out;
  for (const auto& item : items) {
    double number = 0;
    if (!asDouble(item, number) || !std::isfinite(number) || number != std::floor(number) ||
        number < static_cast<double>(min) || number > static_cast<double>(max))
      fail(name, expected, value);
    out.push_back(static_cast<std::int64_t>(number));
  }
  return out;
}

}  // namespace lathe::ml
