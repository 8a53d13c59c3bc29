#pragma once
#include <any>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/pipeline/NodeValue.h"
#include "engine/pipeline/PortType.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::pipeline {

// One input or output of a node kind. An optional input may stay unconnected.
struct PortSpec {
  std::string name;
  PortType type = PortType::Table;
  bool optional = false;
};

// What a node's run function gets.
struct NodeRunInput {
  int node = 0;                 // the node's id in the graph (for messages)
  nlohmann::json parameters;    // the node's parameters over its type's defaults
  // One entry per input port, in port order; empty for an unconnected optional input.
  std::vector<std::optional<NodeValue>> inputs;
  // Whatever the caller of Executor::run supplied for this run (later: the project, the seed),
  // by convention a std::shared_ptr<const SomeStruct> so copying it is cheap. Empty if none.
  std::any environment;

  // The shared_ptr<const T> on input `port`, or null when unconnected or of another C++ type.
  template <typename T>
  std::shared_ptr<const T> input(std::size_t port) const {
    if (port >= inputs.size() || !inputs[port]) return nullptr;
    return inputs[port]->get<T>();
  }
  // The environment as T (e.g. std::shared_ptr<const Env>), or null.
  template <typename T>
  const T* environmentAs() const {
    return std::any_cast<T>(&environment);
  }
};

// A kind of node in the registry ("import", "train", ...): its ports, default parameters, a
// parameter check and the function that does the work. Plain data, filled in once by whoever
// registers the kind; the Executor calls `run` on worker threads, so it must not touch shared
// mutable state.
struct NodeType {
  // Problems with a node's parameters in the user's words ("\"folds\" must be 2 or more");
  // empty when they are fine. Gets the parameters already merged over the defaults.
  using Check = std::function<std::vector<std::string>(const nlohmann::json& parameters)>;
  // Computes one value per output port, in port order. Throws lathe::Error on failure and
  // calls context.throwIfStopped() every few milliseconds of work.
  using Run = std::function<std::vector<NodeValue>(const NodeRunInput& input, jobs::JobContext& context)>;
  // What the node reads from outside the graph, as a short key that changes when that changes
  // (an imported file's size and modification time). Part of the node's fingerprint.
  using ExternalState = std::function<std::string(const nlohmann::json& parameters, const std::any& environment)>;

  std::string id;     // stable, lowercase: "train"
  std::string title;  // what the palette shows: "Train"
  std::vector<PortSpec> inputs;
  std::vector<PortSpec> outputs;
  nlohmann::json defaultParameters = nlohmann::json::object();
  Check check;                  // optional
  Run run;                      // required
  ExternalState externalState;  // optional

  // `parameters` (an object) over the defaults, one level deep: a key the node sets wins.
  nlohmann::json effectiveParameters(const nlohmann::json& parameters) const;
  // Every problem with these (not yet merged) parameters: not an object, or what `check` says.
  // A check that throws is reported as a problem, never passed on.
  std::vector<std::string> parameterProblems(const nlohmann::json& parameters) const;
};

}  // namespace lathe::pipeline
