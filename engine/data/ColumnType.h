#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace lathe::data {

// The six column types of the CLI contract, spelled as it spells them.
enum class ColumnType : std::uint8_t { Float64, Int64, Bool, Categorical, Text, Datetime };

constexpr std::string_view columnTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::Float64: return "float64";
    case ColumnType::Int64: return "int64";
    case ColumnType::Bool: return "bool";
    case ColumnType::Categorical: return "categorical";
    case ColumnType::Text: return "text";
    case ColumnType::Datetime: return "datetime";
  }
  return "text";
}

constexpr std::optional<ColumnType> columnTypeFromName(std::string_view name) {
  for (auto type : {ColumnType::Float64, ColumnType::Int64, ColumnType::Bool, ColumnType::Categorical,
                    ColumnType::Text, ColumnType::Datetime})
    if (columnTypeName(type) == name) return type;
  return std::nullopt;
}

}  // namespace lathe::data
