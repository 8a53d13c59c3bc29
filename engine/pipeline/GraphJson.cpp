// Graph's JSON form: writing it, and reading it back from text nobody vouched for.
#include <cmath>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/Error.h"
#include "engine/data/JsonErrorText.h"
#include "engine/pipeline/Graph.h"

namespace lathe::pipeline {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxTextBytes = 64u << 20;
constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxTypeBytes = 200;
constexpr std::size_t kMaxTitleBytes = 4096;

[[noreturn]] void bad(const std::string& where, const std::string& message) {
  throw Error(ErrorCode::Parse, "pipeline: " + where + ": " + message);
}

// The whole number in `value` if it is one within [min, max].
std::optional<std::int64_t> wholeNumber(const json& value, std::int64_t min, std::int64_t max) {
  if (value.is_number_unsigned()) {
    const auto n = value.get<std::uint64_t>();
    if (n > static_cast<std::uint64_t>(max) || (min > 0 && n < static_cast<std::uint64_t>(min))) return std::nullopt;
    return static_cast<std::int64_t>(n);
  }
  if (!value.is_number_integer()) return std::nullopt;
  const auto n = value.get<std::int64_t>();
  if (n < min || n > max) return std::nullopt;
  return n;
}

int requireInt(const json& object, const char* key, std::int64_t min, std::int64_t max, const std::string& where) {
  const auto found = object.find(key);
  if (found == object.end()) bad(where, std::string("\"") + key + "\" is missing");
  const auto n = wholeNumber(*found, min, max);
  if (!n)
    bad(where, std::string("\"") + key + "\" must be a whole number from " + std::to_string(min) + " to " +
                   std::to_string(max));
  return static_cast<int>(*n);
}

double optionalCoordinate(const json& object, const char* key, const std::string& where) {
  const auto found = object.find(key);
  if (found == object.end()) return 0.0;
  if (!found->is_number() || !std::isfinite(found->get<double>()))
    bad(where, std::string("\"") + key + "\" must be a finite number");
  return found->get<double>();
}

std::string optionalString(const json& object, const char* key, std::size_t maxBytes, const std::string& where) {
  const auto found = object.find(key);
  if (found == object.end()) return {};
  if (!found->is_string()) bad(where, std::string("\"") + key + "\" must be text");
  const auto& text = found->get_ref<const std::string&>();
  if (text.size() > maxBytes) bad(where, std::string("\"") + key + "\" is longer than " + std::to_string(maxBytes) + " bytes");
  return text;
}

// Whether `value` nests deeper than `limit`, walked without recursion.
bool nestsDeeperThan(const json& value, int limit) {
  std::vector<std::pair<const json*, int>> stack{{&value, 1}};
  while (!stack.empty()) {
    const auto [at, depth] = stack.back();
    stack.pop_back();
    if (!at->is_structured()) continue;
    if (depth > limit) return true;
    for (const auto& child : *at) stack.emplace_back(&child, depth + 1);
  }
  return false;
}

GraphNode readNode(const json& item, std::size_t index) {
  std::string where = "node #" + std::to_string(index + 1) + " in the list";
  if (!item.is_object()) bad(where, "must be an object");
  GraphNode node;
  node.id = requireInt(item, "id", 1, Graph::kMaxId, where);
  where = "node " + std::to_string(node.id);
  const auto type = item.find("type");
  if (type == item.end() || !type->is_string() || type->get_ref<const std::string&>().empty())
    bad(where, "\"type\" must be a node type's name");
  if (type->get_ref<const std::string&>().size() > kMaxTypeBytes) bad(where, "\"type\" is too long");
  node.type = type->get<std::string>();
  node.title = optionalString(item, "title", kMaxTitleBytes, where);
  if (const auto parameters = item.find("parameters"); parameters != item.end()) {
    if (!parameters->is_object()) bad(where, "\"parameters\" must be an object");
    if (nestsDeeperThan(*parameters, kMaxDepth)) bad(where, "\"parameters\" nest too deeply");
    node.parameters = *parameters;
  }
  node.x = optionalCoordinate(item, "x", where);
  node.y = optionalCoordinate(item, "y", where);
  return node;
}

GraphLink readLink(const json& item, std::size_t index) {
  std::string where = "link #" + std::to_string(index + 1) + " in the list";
  if (!item.is_object()) bad(where, "must be an object");
  GraphLink link;
  link.id = requireInt(item, "id", 1, Graph::kMaxId, where);
  where = "link " + std::to_string(link.id);
  link.fromNode = requireInt(item, "fromNode", 1, Graph::kMaxId, where);
  link.fromPort = requireInt(item, "fromPort", 0, Graph::kMaxPort, where);
  link.toNode = requireInt(item, "toNode", 1, Graph::kMaxId, where);
  link.toPort = requireInt(item, "toPort", 0, Graph::kMaxPort, where);
  return link;
}

}  // namespace

json Graph::toJson() const {
  json nodes = json::array();
  for (const auto& [id, node] : nodes_)
    nodes.push_back({{"id", id}, {"type", node.type}, {"title", node.title}, {"parameters", node.parameters},
                     {"x", node.x}, {"y", node.y}});
  json links = json::array();
  for (const auto& [id, link] : links_)
    links.push_back({{"id", id}, {"fromNode", link.fromNode}, {"fromPort", link.fromPort}, {"toNode", link.toNode},
                     {"toPort", link.toPort}});
  return {{"version", kVersion}, {"nodes", std::move(nodes)}, {"links", std::move(links)}};
}

Graph Graph::fromJson(const json& document) {
  if (!document.is_object()) throw Error(ErrorCode::Parse, "pipeline: must be a JSON object");
  const auto version = document.find("version");
  if (version == document.end() || !wholeNumber(*version, 1, kMaxId))
    throw Error(ErrorCode::Parse, "pipeline: must have \"version\": 1");
  if (*wholeNumber(*version, 1, kMaxId) != kVersion)
    throw Error(ErrorCode::Unsupported, "pipeline: version " + version->dump() +
                                            " comes from a newer Lathe (this one reads version 1)");
  const auto nodes = document.find("nodes");
  if (nodes == document.end() || !nodes->is_array()) throw Error(ErrorCode::Parse, "pipeline: must have a \"nodes\" list");
  if (nodes->size() > kMaxNodes)
    throw Error(ErrorCode::Parse, "pipeline: " + std::to_string(nodes->size()) + " nodes; at most " +
                                      std::to_string(kMaxNodes) + " are allowed");
  Graph graph;
  for (std::size_t i = 0; i < nodes->size(); ++i) {
    GraphNode node = readNode((*nodes)[i], i);
    if (graph.nodes_.contains(node.id)) bad("node " + std::to_string(node.id), "the id is used twice");
    graph.nextNodeId_ = std::max(graph.nextNodeId_, node.id + 1);
    const int id = node.id;
    graph.nodes_.emplace(id, std::move(node));
  }

  const auto links = document.find("links");
  if (links == document.end()) return graph;
  if (!links->is_array()) throw Error(ErrorCode::Parse, "pipeline: \"links\" must be a list");
  if (links->size() > kMaxLinks)
    throw Error(ErrorCode::Parse, "pipeline: " + std::to_string(links->size()) + " links; at most " +
                                      std::to_string(kMaxLinks) + " are allowed");
  std::set<std::pair<int, int>> linkedInputs;  // (node, port): checked here in O(log n), not by a scan
  for (std::size_t i = 0; i < links->size(); ++i) {
    const GraphLink link = readLink((*links)[i], i);
    const std::string where = "link " + std::to_string(link.id);
    if (graph.links_.contains(link.id)) bad(where, "the id is used twice");
    if (!graph.nodes_.contains(link.fromNode))
      bad(where, "comes from node " + std::to_string(link.fromNode) + ", which is not in the pipeline");
    if (!graph.nodes_.contains(link.toNode))
      bad(where, "goes to node " + std::to_string(link.toNode) + ", which is not in the pipeline");
    if (link.fromNode == link.toNode) bad(where, "links node " + std::to_string(link.fromNode) + " to itself");
    if (!linkedInputs.emplace(link.toNode, link.toPort).second)
      bad(where, "input " + std::to_string(link.toPort) + " of node " + std::to_string(link.toNode) +
                     " is already linked");
    graph.nextLinkId_ = std::max(graph.nextLinkId_, link.id + 1);
    graph.links_.emplace(link.id, link);
  }
  return graph;
}

Graph Graph::fromJsonText(std::string_view text) {
  if (text.size() > kMaxTextBytes)
    throw Error(ErrorCode::Parse, "pipeline: the definition is larger than 64 MiB");
  struct TooDeep {};
  const json::parser_callback_t limitDepth = [](int depth, json::parse_event_t event, json&) {
    if ((event == json::parse_event_t::object_start || event == json::parse_event_t::array_start) && depth >= kMaxDepth)
      throw TooDeep{};
    return true;
  };
  json document;
  try {
    document = json::parse(text.begin(), text.end(), limitDepth);
  } catch (const TooDeep&) {
    throw Error(ErrorCode::Parse, "pipeline: the JSON nests more than " + std::to_string(kMaxDepth) + " levels deep");
  } catch (const json::parse_error& e) {
    throw Error(ErrorCode::Parse, "pipeline: " + data::describeJsonError(e.what()),
                ErrorLocation{{}, -1, -1, static_cast<std::int64_t>(e.byte)});
  } catch (const json::exception& e) {  // e.g. a number too large for a double ("1e400")
    throw Error(ErrorCode::Parse, "pipeline: " + data::describeJsonError(e.what()));
  }
  return fromJson(document);
}

}  // namespace lathe::pipeline
