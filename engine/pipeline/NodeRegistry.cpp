#include "engine/pipeline/NodeRegistry.h"

#include "engine/core/Error.h"

namespace lathe::pipeline {

void NodeRegistry::add(NodeType type) {
  if (type.id.empty()) throw Error(ErrorCode::InvalidArgument, "a node type needs an id");
  if (!type.run) throw Error(ErrorCode::InvalidArgument, "node type \"" + type.id + "\" has no run function");
  if (!type.defaultParameters.is_object())
    throw Error(ErrorCode::InvalidArgument, "node type \"" + type.id + "\": default parameters must be an object");
  if (types_.contains(type.id))
    throw Error(ErrorCode::InvalidArgument, "node type \"" + type.id + "\" is already registered");
  if (type.title.empty()) type.title = type.id;
  auto id = type.id;
  types_.emplace(std::move(id), std::make_unique<const NodeType>(std::move(type)));
}

const NodeType* NodeRegistry::find(std::string_view id) const {
  const auto found = types_.find(id);
  return found == types_.end() ? nullptr : found->second.get();
}

std::vector<const NodeType*> NodeRegistry::list() const {
  std::vector<const NodeType*> out;
  out.reserve(types_.size());
  for (const auto& [id, type] : types_) out.push_back(type.get());
  return out;
}

}  // namespace lathe::pipeline
