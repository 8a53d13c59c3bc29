#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/pipeline/NodeType.h"

namespace lathe::pipeline {

// The node kinds a pipeline can use, by id. Filled once at start-up (the node catalogue
// registers its kinds), then only read, which is safe from any number of threads; the canvas
// palette lists it and the Executor looks kinds up in it.
class NodeRegistry {
 public:
  // Throws lathe::Error(InvalidArgument) for an empty or duplicate id, a missing run function,
  // or defaults that are not a JSON object.
  void add(NodeType type);
  // The kind with this id, or null. The pointer stays valid while the registry lives.
  const NodeType* find(std::string_view id) const;
  bool contains(std::string_view id) const { return find(id) != nullptr; }
  // Every kind, by id.
  std::vector<const NodeType*> list() const;
  std::size_t size() const noexcept { return types_.size(); }

 private:
  std::map<std::string, std::unique_ptr<const NodeType>, std::less<>> types_;
};

}  // namespace lathe::pipeline
