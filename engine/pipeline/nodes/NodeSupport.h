#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"
#include "engine/pipeline/NodeType.h"
#include "engine/pipeline/PipelineEnvironment.h"

namespace lathe::store {
class Project;
}

namespace lathe::pipeline {

// What the standard nodes share: reading their inputs, parameters and environment, and
// checking parameters in the user's words.
class NodeSupport {
 public:
  // The table on input `port`; throws lathe::Error(InvalidArgument) naming `what` when missing.
  static std::shared_ptr<const data::Table> table(const NodeRunInput& input, std::size_t port, const std::string& what);
  // The run's project; throws lathe::Error(InvalidArgument) saying why `who` needs one.
  static std::shared_ptr<const store::Project> project(const NodeRunInput& input, const std::string& who);
  // The node's "seed" parameter, or the environment's seed when it is null (0 without one).
  static std::uint64_t seed(const NodeRunInput& input);
  static std::string title(const NodeRunInput& input, const std::string& fallback);

  // Parameter checks: each appends a problem when `parameters[key]` is not what it should be.
  static void requireString(const nlohmann::json& parameters, const std::string& key, std::vector<std::string>& problems,
                            bool nonEmpty = false);
  static void requireSeed(const nlohmann::json& parameters, std::vector<std::string>& problems);
  static void requireFraction(const nlohmann::json& parameters, const std::string& key,
                              std::vector<std::string>& problems);

  // A value of parameters[key] when it has that type, else `fallback` (run functions read
  // parameters that were checked already, but never trust that).
  static std::string text(const nlohmann::json& parameters, const std::string& key, const std::string& fallback = {});

  // `path` as given when absolute, else relative to the project's folder (when there is a
  // project), so a project and its data files can move together.
  static std::string resolvePath(const NodeRunInput& input, const std::string& path);
  static std::string resolvePath(const std::any& environment, const std::string& path);
};

}  // namespace lathe::pipeline
