#pragma once
#include <any>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/pipeline/PortType.h"

namespace lathe::pipeline {

// What travels on a link from an output port to an input port. `value` holds an immutable,
// cheaply copied snapshot, by convention a std::shared_ptr<const T> (T = data::Table for a
// table port), so one output feeds many inputs and stays cached without copies.
//
// `fingerprint` identifies the value for staleness: a content hash when the node can compute
// one cheaply (then a rerun that makes the same content leaves the downstream nodes cached), or
// empty, in which case the Executor fills in a hash of how the value was made (the node's
// fingerprint and the port).
struct NodeValue {
  PortType type = PortType::Table;
  std::any value;
  std::string fingerprint;
  // For a table: how it was made from the data the pipeline read (TableLineage), so a model
  // trained on it is registered with the recipes to repeat on raw rows. Null: not known.
  std::shared_ptr<const nlohmann::json> lineage;

  // The shared_ptr<const T> held in `value`, or null when it holds something else.
  template <typename T>
  std::shared_ptr<const T> get() const {
    if (const auto* held = std::any_cast<std::shared_ptr<const T>>(&value)) return *held;
    return nullptr;
  }

  template <typename T>
  static NodeValue of(PortType type, std::shared_ptr<const T> value, std::string fingerprint = {}) {
    return NodeValue{type, std::any(std::move(value)), std::move(fingerprint), nullptr};
  }
};

}  // namespace lathe::pipeline
