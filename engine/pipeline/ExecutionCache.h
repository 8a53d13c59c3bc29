#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/pipeline/NodeValue.h"

namespace lathe::pipeline {

// The Executor's memory between runs: for each node, the outputs of its last successful run
// and the fingerprint they were made under. One entry per node, so memory stays bounded by the
// graph, not by how often it ran. Thread-safe: workers store while the GUI asks for states.
class ExecutionCache {
 public:
  // The outputs of `node` if they were made under `fingerprint`.
  std::optional<std::vector<NodeValue>> find(int node, const std::string& fingerprint) const;
  // Whether `node` ever completed (its entry may be out of date).
  bool ranBefore(int node) const;
  void store(int node, std::string fingerprint, std::vector<NodeValue> outputs);
  // Drops the outputs of `node` and changes its generation, which is part of its fingerprint,
  // so it and, through the fingerprints of its outputs, everything downstream is stale.
  void invalidate(int node);
  std::uint64_t generation(int node) const;
  // Forgets nodes not in `nodes` (removed from the graph).
  void keepOnly(const std::set<int>& nodes);
  void clear();

  // SHA-256 (hex) over everything that decides what a node makes: its type, its parameters
  // (canonical JSON: keys sorted), what it reads from outside, the run's environment, its
  // generation, and the fingerprints of its inputs (nullopt: an unconnected optional input).
  static std::string fingerprint(const std::string& type, const nlohmann::json& parameters,
                                 const std::string& externalState, const std::string& environment,
                                 std::uint64_t generation, const std::vector<std::optional<std::string>>& inputs);
  // The fingerprint of output `port` of a node with fingerprint `node`, for values that bring
  // no content hash of their own.
  static std::string outputFingerprint(const std::string& node, int port);

 private:
  struct Entry {
    std::string fingerprint;
    std::vector<NodeValue> outputs;
    bool valid = false;
  };
  mutable std::mutex mutex_;
  std::map<int, Entry> entries_;
  std::map<int, std::uint64_t> generations_;
};

}  // namespace lathe::pipeline
