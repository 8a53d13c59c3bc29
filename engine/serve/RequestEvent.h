#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace lathe::serve {

// One answered predict request, per variant it went to (a request whose rows were split
// between two variants is two events): what the server hands its request hook, so that the
// request log (deploy::RequestLog), the GUI or a test can see each request without the server
// knowing about SQLite. A request refused before any variant was chosen (a malformed body, a
// bad token) has an empty variant.
struct RequestEvent {
  std::string endpoint;
  std::int64_t endpointId = 0;  // EndpointConfig::id, passed through
  std::string variant;
  std::chrono::system_clock::time_point at;
  int status = 200;
  double latencyMs = 0.0;
  std::size_t rows = 0;
  // Only for the endpoint's sampled share of requests (EndpointConfig::sampleRate).
  std::optional<std::string> input;   // [{"column": value, ...}, ...]
  std::optional<std::string> output;  // [{"key", "label" or "value", "p"}, ...]
};

// Called on the server's worker threads, once per event, after the answer is ready: keep it
// short (queue, don't write). It must not throw; what it throws is swallowed.
using RequestHook = std::function<void(RequestEvent&&)>;

}  // namespace lathe::serve
