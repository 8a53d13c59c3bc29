#include "engine/wrangle/CategoryLevels.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {

using data::Column;
using data::ColumnType;

// Distinct values by row order, without a per-row string for categorical columns.
std::vector<std::string> inAppearanceOrder(const Column& column) {
  std::vector<std::string> out;
  if (column.type() == ColumnType::Categorical) {
    std::vector<std::uint8_t> seen(column.levels().size(), 0);
    const auto codes = column.codes();
    for (std::size_t row = 0; row < column.size(); ++row) {
      const std::int32_t code = codes[row];
      if (code < 0 || !column.isValid(row) || seen[static_cast<std::size_t>(code)]) continue;
      seen[static_cast<std::size_t>(code)] = 1;
      out.push_back(column.levels()[static_cast<std::size_t>(code)]);
    }
    return out;
  }
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t row = 0; row < column.size(); ++row) {
    if (!column.isValid(row)) continue;
    std::string value = column.displayText(row);
    if (seen.emplace(value, out.size()).second) out.push_back(std::move(value));
  }
  return out;
}

}  // namespace

std::vector<std::string> CategoryLevels::distinct(const Column& column, Order order) {
  std::vector<std::string> out = inAppearanceOrder(column);
  if (order == Order::Appearance) return out;
  const bool numeric = column.isNumeric() && column.type() != ColumnType::Bool;
  if (numeric) {
    std::vector<std::pair<double, std::string>> keyed;
    keyed.reserve(out.size());
    for (auto& level : out) keyed.emplace_back(std::strtod(level.c_str(), nullptr), std::move(level));
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < keyed.size(); ++i) out[i] = std::move(keyed[i].second);
  } else {
    std::sort(out.begin(), out.end());
  }
  return out;
}

std::vector<std::int32_t> CategoryLevels::positions(const Column& column, const std::vector<std::string>& levels) {
  std::unordered_map<std::string, std::int32_t> index;
  for (std::size_t i = 0; i < levels.size(); ++i) index.emplace(levels[i], static_cast<std::int32_t>(i));
  const std::size_t n = column.size();
  std::vector<std::int32_t> out(n, -1);
  if (column.type() == ColumnType::Categorical) {
    std::vector<std::int32_t> byCode(column.levels().size(), -2);
    for (std::size_t code = 0; code < byCode.size(); ++code)
      if (const auto it = index.find(column.levels()[code]); it != index.end()) byCode[code] = it->second;
    const auto codes = column.codes();
    const bool anyMissing = column.validity().hasMissing();
    for (std::size_t row = 0; row < n; ++row) {
      const std::int32_t code = codes[row];
      out[row] = code < 0 || (anyMissing && !column.isValid(row)) ? -1 : byCode[static_cast<std::size_t>(code)];
    }
    return out;
  }
  for (std::size_t row = 0; row < n; ++row) {
    if (!column.isValid(row)) continue;
    const auto it = index.find(column.displayText(row));
    out[row] = it == index.end() ? -2 : it->second;
  }
  return out;
}

std::int64_t CategoryLevels::firstUnseenRow(std::span<const std::int32_t> positions) {
  for (std::size_t row = 0; row < positions.size(); ++row)
    if (positions[row] == -2) return static_cast<std::int64_t>(row);
  return -1;
}

nlohmann::json CategoryLevels::toState(const PerColumn& levels) {
  if (levels.empty()) return nlohmann::json::object();
  nlohmann::json byColumn = nlohmann::json::object();
  for (const auto& [column, list] : levels) byColumn[column] = list;
  return {{"levels", byColumn}};
}

CategoryLevels::PerColumn CategoryLevels::fromState(const nlohmann::json& state, const std::string& step) {
  requireStateObject(state, step, "the fitted state");
  PerColumn restored;
  if (state.empty()) return restored;
  const nlohmann::json& byColumn = stateField(state, step, "levels");
  requireStateObject(byColumn, step, "the fitted levels");
  for (const auto& [column, list] : byColumn.items()) restored[column] = readStrings(list, step, "levels");
  return restored;
}

}  // namespace lathe::wrangle
