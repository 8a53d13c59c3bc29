#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/deploy/EndpointInfo.h"

namespace lathe::store {
class Database;
}

namespace lathe::deploy {

// The project's endpoints: each a name, a token, its variants with their weights, and every
// change recorded as an event. One transaction per change.
class EndpointRegistry {
 public:
  explicit EndpointRegistry(store::Database& db) : db_(db) {}

  // Weights must each be finite and in [0, 1] and sum to 1 (within 1e-9); names unique and the
  // versions registered. Throws lathe::Error(InvalidArgument) naming the variant.
  static void validate(const std::vector<EndpointVariant>& variants);
  // Settings (see EndpointInfo): "sampling" a number in [0, 1], "key_column" a column name (1 to
  // 200 characters), "log_retention_days" a number >= 0, "canary" valid CanarySettings; other
  // keys are kept as they are. Throws lathe::Error(InvalidArgument) naming the setting.
  static void validateSettings(const nlohmann::json& settings);
  // A fresh random token (32 bytes, hex) from the system's random source.
  static std::string newToken();

  // Creates the endpoint with a new token; throws for a name already taken or bad variants.
  EndpointInfo create(const std::string& name, const std::vector<EndpointVariant>& variants,
                      const nlohmann::json& settings = nlohmann::json::object());
  std::vector<EndpointInfo> list();
  std::optional<EndpointInfo> find(const std::string& name);
  EndpointInfo get(const std::string& name);  // throws naming the endpoint when there is none

  // Replaces the variants (weights, a canary added or removed) and records the change.
  void setVariants(const std::string& name, const std::vector<EndpointVariant>& variants, const std::string& kind,
                   const std::string& reason);
  // Replaces the settings (validated as above) and records the change; a running server
  // follows it within about a second.
  void setSettings(const std::string& name, const nlohmann::json& settings, const std::string& reason);
  std::string regenerateToken(const std::string& name);
  void record(std::int64_t endpointId, const std::string& kind, const nlohmann::json& detail, const std::string& reason);
  std::vector<EndpointEvent> events(const std::string& name);
  // Time of the endpoint's latest change: a running server reloads when it moves.
  std::string modifiedAt(const std::string& name);

 private:
  store::Database& db_;
};

}  // namespace lathe::deploy
