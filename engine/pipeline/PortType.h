#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace lathe::pipeline {

// What a port carries. Two ports connect only when their types are equal.
enum class PortType { Table, Recipe, Model, Predictions, Metrics };

inline constexpr std::array<PortType, 5> kAllPortTypes = {PortType::Table, PortType::Recipe, PortType::Model,
                                                         PortType::Predictions, PortType::Metrics};

// The stable lowercase name used in pipeline JSON and messages: "table", "recipe", ...
constexpr std::string_view portTypeName(PortType type) {
  switch (type) {
    case PortType::Table: return "table";
    case PortType::Recipe: return "recipe";
    case PortType::Model: return "model";
    case PortType::Predictions: return "predictions";
    case PortType::Metrics: return "metrics";
  }
  return "unknown";
}

// The type named `name` (exact, lowercase), or nothing.
constexpr std::optional<PortType> parsePortType(std::string_view name) {
  for (const PortType type : kAllPortTypes)
    if (portTypeName(type) == name) return type;
  return std::nullopt;
}

}  // namespace lathe::pipeline
