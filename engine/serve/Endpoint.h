#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/deploy/InputColumn.h"
#include "engine/serve/RequestEvent.h"
#include "engine/serve/TrafficSplit.h"
#include "engine/serve/VariantStats.h"

namespace lathe::serve {

struct EndpointConfig {
  std::string name;                // letters, digits, '_', '-', '.'; starts with a letter or digit
  std::int64_t id = 0;             // the endpoint's row in the project; passed to the hook as is
  std::vector<Variant> variants;   // weights sum to 1
  std::string keyColumn;           // each row's value of it keys its variant ("" = none)
  double sampleRate = 0.0;         // share of requests whose inputs and outputs go to the hook
};

// One served endpoint: its variants (swapped whole while serving), their statistics, and the
// predict path itself, free of HTTP so it can be tested and timed on its own.
//
// Which variant scores a row: the row's value of the key column when the endpoint has one and
// the row gives it; else the request's key (the X-Request-Key header); else one random choice
// for the whole request. Rows of one request may so go to different variants; the answer keeps
// the input order and names each row's variant.
//
// The request is read against the union of the variants' input schemas (each variant ignores
// the columns it does not use), so every variant can score any row.
class Endpoint {
 public:
  struct Outcome {
    int status = 200;
    std::string body;  // JSON: {"predictions": [...]} or {"error": "..."}
  };
  struct VariantSnapshot {
    std::string name;
    double weight = 0.0;
    VariantStats::Snapshot stats;
  };
  struct Snapshot {
    std::string name;
    std::int64_t id = 0;
    std::string keyColumn;
    double sampleRate = 0.0;
    std::uint64_t rejected = 0;  // requests refused before reaching a variant (bad body, ...)
    std::vector<VariantSnapshot> variants;
    nlohmann::json toJson() const;
  };

  // Throws lathe::Error(InvalidArgument) for a bad name, bad weights (TrafficSplit), a sample
  // rate outside [0, 1], or variants that disagree on a column's type.
  explicit Endpoint(EndpointConfig config);

  const std::string& name() const noexcept { return name_; }
  std::int64_t id() const noexcept { return id_; }
  // Swaps the variants while requests are served (a canary step, a rollback); a request in
  // flight finishes with the variants it started with. Throws as the constructor does, and
  // then the current variants stay.
  void setVariants(std::vector<Variant> variants);
  // Changes the key column and the sample rate while requests are served (the Deploy panel's
  // Settings, `lathe endpoint settings`); a request in flight keeps the ones it started with.
  // Throws lathe::Error(InvalidArgument) for a sample rate outside [0, 1], and then nothing changes.
  void setRequestSettings(std::string keyColumn, double sampleRate);
  std::vector<Variant> variants() const;
  deploy::InputSchema inputSchema() const;

  // Reads, splits, scores and answers one request. Never throws: every failure is an Outcome
  // (4xx for the client's mistakes, 422 for rows a model cannot score, 500 for a bug).
  // `started`: when the server began handling it, for latency.
  Outcome predict(std::string_view body, std::string_view contentType, const std::optional<std::string>& requestKey,
                  std::size_t maxRows, std::chrono::steady_clock::time_point started, const RequestHook& hook);

  // Counts a request refused before predict() (too large, rate-limited) and tells the hook.
  void reject(int status, std::chrono::steady_clock::time_point started, const RequestHook& hook);
  Snapshot snapshot() const;
  std::shared_ptr<VariantStats> statsFor(const std::string& variant);

  static bool validName(std::string_view name);
  static std::string errorBody(std::string_view message);

 private:
  // Everything a request reads, swapped whole so that one request sees one version of it.
  struct State {
    std::shared_ptr<const TrafficSplit> split;
    deploy::InputSchema schema;
    std::string keyColumn;
    double sampleRate = 0.0;
  };
  static std::shared_ptr<State> makeState(std::vector<Variant> variants);
  static void checkSampleRate(const std::string& endpoint, double rate);
  std::shared_ptr<const State> state() const;
  void notify(const RequestHook& hook, RequestEvent event) const;

  std::string name_;
  std::int64_t id_;
  mutable std::mutex mutex_;  // guards state_ and stats_ (held for a pointer copy, never longer)
  std::shared_ptr<const State> state_;
  std::map<std::string, std::shared_ptr<VariantStats>> stats_;
  std::atomic<std::uint64_t> rejected_{0};
};

}  // namespace lathe::serve
