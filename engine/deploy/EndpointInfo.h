#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lathe::deploy {

// One model version an endpoint serves and its share of the traffic. `role` is "variant" or
// "canary" (the one a canary release steps up or rolls back).
struct EndpointVariant {
  std::string name;  // "churn:3" unless named otherwise
  std::int64_t modelVersionId = 0;
  double weight = 0.0;
  std::string role = "variant";
};

// An endpoint as the project stores it. Settings (JSON): "sampling" (share of requests whose
// inputs and outputs are logged, 0..1, default 0.1), "key_column" (the column whose value keys
// a row's variant), "canary" (CanarySettings), "log_retention_days" (how long the request log
// keeps a request, default 30; 0 keeps everything). A running server follows every change.
struct EndpointInfo {
  std::int64_t id = 0;
  std::string name;
  std::string token;
  nlohmann::json settings = nlohmann::json::object();
  std::vector<EndpointVariant> variants;
  std::string createdAt;
  std::string modifiedAt;

  static constexpr double kDefaultSampling = 0.1;
  static constexpr double kDefaultLogRetentionDays = 30.0;
  // The settings as typed values, their defaults when unset; a value of the wrong type (a
  // project edited by hand) reads as the default rather than failing.
  double sampling() const { return number("sampling", kDefaultSampling); }
  double logRetentionDays() const { return number("log_retention_days", kDefaultLogRetentionDays); }
  std::string keyColumn() const {
    const auto found = settings.find("key_column");
    return found != settings.end() && found->is_string() ? found->get<std::string>() : std::string();
  }

 private:
  double number(const char* key, double fallback) const {
    const auto found = settings.find(key);
    return found != settings.end() && found->is_number() ? found->get<double>() : fallback;
  }
};

// One recorded change of an endpoint.
struct EndpointEvent {
  std::int64_t id = 0;
  std::string kind;  // created, weights, canary_step, rollback, promote, started, stopped, settings
  nlohmann::json detail = nlohmann::json::object();
  std::string reason;
  std::string at;
};

}  // namespace lathe::deploy
