#include "engine/pipeline/ExecutionCache.h"

#include "engine/store/ContentHash.h"

namespace lathe::pipeline {

std::optional<std::vector<NodeValue>> ExecutionCache::find(int node, const std::string& fingerprint) const {
  std::lock_guard lock(mutex_);
  const auto found = entries_.find(node);
  if (found == entries_.end() || !found->second.valid || found->second.fingerprint != fingerprint) return std::nullopt;
  return found->second.outputs;
}

bool ExecutionCache::ranBefore(int node) const {
  std::lock_guard lock(mutex_);
  return entries_.contains(node);
}

void ExecutionCache::store(int node, std::string fingerprint, std::vector<NodeValue> outputs) {
  std::lock_guard lock(mutex_);
  entries_[node] = Entry{std::move(fingerprint), std::move(outputs), true};
}

void ExecutionCache::invalidate(int node) {
  std::lock_guard lock(mutex_);
  ++generations_[node];
  if (const auto found = entries_.find(node); found != entries_.end()) {
    found->second.outputs.clear();  // free the memory now; the entry still says it ran before
    found->second.valid = false;
  }
}

std::uint64_t ExecutionCache::generation(int node) const {
  std::lock_guard lock(mutex_);
  const auto found = generations_.find(node);
  return found == generations_.end() ? 0 : found->second;
}

void ExecutionCache::keepOnly(const std::set<int>& nodes) {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const auto& entry) { return !nodes.contains(entry.first); });
  std::erase_if(generations_, [&](const auto& entry) { return !nodes.contains(entry.first); });
}

void ExecutionCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

std::string ExecutionCache::fingerprint(const std::string& type, const nlohmann::json& parameters,
                                        const std::string& externalState, const std::string& environment,
                                        std::uint64_t generation,
                                        const std::vector<std::optional<std::string>>& inputs) {
  // Each field is length-prefixed so no two different field lists hash the same bytes.
  store::ContentHash hash;
  const auto field = [&](std::string_view text) {
    hash.update(std::to_string(text.size()));
    hash.update(":");
    hash.update(text);
  };
  field("lathe-node-v1");
  field(type);
  field(parameters.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  field(externalState);
  field(environment);
  field(std::to_string(generation));
  for (const auto& input : inputs) field(input ? "+" + *input : "-");
  return hash.hex();
}

std::string ExecutionCache::outputFingerprint(const std::string& node, int port) {
  return store::ContentHash::of(node + "/" + std::to_string(port));
}

}  // namespace lathe::pipeline
