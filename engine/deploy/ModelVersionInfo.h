#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/deploy/InputColumn.h"

namespace lathe::deploy {

// A registered model version without its bytes: what the Models panel and `lathe model list`
// show. `alias` is "", "candidate", "production" or "archived".
struct ModelVersionInfo {
  std::int64_t id = 0;
  std::string model;
  int version = 0;
  std::optional<std::int64_t> runId;
  std::string task;
  std::string algorithm;
  std::string target;
  InputSchema inputSchema;
  std::string trainingDataHash;
  nlohmann::json metrics = nlohmann::json::object();  // {split: {metric: value}}
  std::optional<double> threshold;
  std::string alias;
  std::string createdAt;

  std::string reference() const { return model + ":" + std::to_string(version); }
};

// What registering stores: the info above (id, version, alias and time are set by the registry)
// and the model itself.
struct ModelVersionContent {
  ModelVersionInfo info;
  std::string modelBytes;                              // TrainedModel::serialize()
  nlohmann::json recipes = nlohmann::json::array();  // [{definition, state}], oldest first
};

// One move of an alias, as the registry records it.
struct AliasEvent {
  std::int64_t versionId = 0;
  std::string model;
  int version = 0;
  std::string fromAlias;
  std::string toAlias;
  std::string reason;
  std::string at;
};

}  // namespace lathe::deploy
