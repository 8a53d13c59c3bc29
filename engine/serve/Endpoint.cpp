#include "engine/serve/Endpoint.h"

#include <algorithm>
#include <cctype>
#include <random>

#include "engine/data/ColumnGather.h"
#include "engine/serve/PredictRequest.h"
#include "engine/serve/PredictionJson.h"
#include "engine/serve/RequestError.h"

namespace lathe::serve {
namespace {

using Clock = std::chrono::steady_clock;

double millisSince(Clock::time_point started) {
  return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
}

bool sampled(double rate) {
  if (rate <= 0.0) return false;
  if (rate >= 1.0) return true;
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator) < rate;
}

// What one variant made of its share of a request's rows.
struct Group {
  std::vector<std::size_t> rows;  // input rows, in input order
  std::optional<deploy::ScoredRows> scored;
};

}  // namespace

Endpoint::Endpoint(EndpointConfig config)
    : name_(std::move(config.name)), id_(config.id) {
  if (!validName(name_))
    throw Error(ErrorCode::InvalidArgument, "endpoint name \"" + name_.substr(0, 100) +
                                                "\" must be letters, digits, '_', '-' or '.', starting with a letter or digit");
  checkSampleRate(name_, config.sampleRate);
  auto state = makeState(std::move(config.variants));
  state->keyColumn = std::move(config.keyColumn);
  state->sampleRate = config.sampleRate;
  state_ = std::move(state);
}

void Endpoint::checkSampleRate(const std::string& endpoint, double rate) {
  if (!(rate >= 0.0 && rate <= 1.0))
    throw Error(ErrorCode::InvalidArgument, "endpoint \"" + endpoint + "\": the sample rate must be between 0 and 1");
}

bool Endpoint::validName(std::string_view name) {
  if (name.empty() || name.size() > 100 || !std::isalnum(static_cast<unsigned char>(name.front()))) return false;
  for (unsigned char c : name)
    if (!std::isalnum(c) && c != '_' && c != '-' && c != '.') return false;
  return true;
}

std::string Endpoint::errorBody(std::string_view message) {
  std::string out = "{\"error\":";
  PredictionJson::appendString(out, message);
  return out + "}";
}

std::shared_ptr<Endpoint::State> Endpoint::makeState(std::vector<Variant> variants) {
  auto state = std::make_shared<State>();
  state->split = std::make_shared<const TrafficSplit>(std::move(variants));
  for (const auto& variant : state->split->variants()) {
    for (const auto& column : variant.model->inputSchema()) {
      auto same = std::find_if(state->schema.begin(), state->schema.end(), [&](auto& c) { return c.name == column.name; });
      if (same == state->schema.end()) state->schema.push_back(column);
      else if (same->type != column.type)
        throw Error(ErrorCode::InvalidArgument, "variant \"" + variant.name + "\" expects column \"" + column.name +
                                                    "\" as " + std::string(data::columnTypeName(column.type)) +
                                                    ", another variant as " + std::string(data::columnTypeName(same->type)));
    }
  }
  return state;
}

void Endpoint::setVariants(std::vector<Variant> variants) {
  auto next = makeState(std::move(variants));  // validated before anything changes
  const std::lock_guard lock(mutex_);
  next->keyColumn = state_->keyColumn;
  next->sampleRate = state_->sampleRate;
  state_ = std::move(next);
}

void Endpoint::setRequestSettings(std::string keyColumn, double sampleRate) {
  checkSampleRate(name_, sampleRate);
  const std::lock_guard lock(mutex_);
  auto next = std::make_shared<State>(*state_);
  next->keyColumn = std::move(keyColumn);
  next->sampleRate = sampleRate;
  state_ = std::move(next);
}

std::shared_ptr<const Endpoint::State> Endpoint::state() const {
  const std::lock_guard lock(mutex_);
  return state_;
}

std::vector<Variant> Endpoint::variants() const { return state()->split->variants(); }

deploy::InputSchema Endpoint::inputSchema() const { return state()->schema; }

std::shared_ptr<VariantStats> Endpoint::statsFor(const std::string& variant) {
  const std::lock_guard lock(mutex_);
  auto& stats = stats_[variant];
  if (!stats) stats = std::make_shared<VariantStats>();
  return stats;
}

void Endpoint::notify(const RequestHook& hook, RequestEvent event) const {
  if (!hook) return;
  event.endpoint = name_;
  event.endpointId = id_;
  try {
    hook(std::move(event));
  } catch (...) {  // a logging problem must never turn an answer into an error
  }
}

void Endpoint::reject(int status, Clock::time_point started, const RequestHook& hook) {
  rejected_.fetch_add(1, std::memory_order_relaxed);
  RequestEvent event;
  event.at = std::chrono::system_clock::now();
  event.status = status;
  event.latencyMs = millisSince(started);
  notify(hook, std::move(event));
}

Endpoint::Outcome Endpoint::predict(std::string_view body, std::string_view contentType,
                                    const std::optional<std::string>& requestKey, std::size_t maxRows,
                                    Clock::time_point started, const RequestHook& hook) {
  const auto current = state();
  const TrafficSplit& split = *current->split;
  std::optional<PredictRequest> request;
  try {
    request = PredictRequest::parse(body, contentType, current->schema, maxRows, current->keyColumn);
  } catch (const RequestError& e) {
    reject(e.status(), started, hook);
    return {e.status(), errorBody(e.message())};
  } catch (const std::exception& e) {
    reject(500, started, hook);
    return {500, errorBody(std::string("internal error while reading the request: ") + e.what())};
  }
  const data::Table& table = request->table();
  const std::size_t n = table.rowCount();

  // Split the rows between the variants.
  const std::size_t fallback = requestKey ? split.choose(*requestKey) : split.chooseRandom();
  std::vector<Group> groups(split.size());
  std::vector<std::uint32_t> variantOf(n);
  const auto& keys = request->keys();
  for (std::size_t row = 0; row < n; ++row) {
    const bool keyed = row < keys.size() && keys[row].has_value();
    const std::size_t v = keyed ? split.choose(*keys[row]) : fallback;
    variantOf[row] = static_cast<std::uint32_t>(v);
    groups[v].rows.push_back(row);
  }

  // Score each variant's share. The first failure answers the request.
  Outcome outcome;
  std::optional<std::size_t> failedVariant;
  for (std::size_t v = 0; v < groups.size() && !failedVariant; ++v) {
    Group& group = groups[v];
    if (group.rows.empty()) continue;
    const Variant& variant = split.variants()[v];
    try {
      const data::Table share = group.rows.size() == n ? table : data::gatherTable(table, group.rows);
      group.scored = variant.model->score(share);
      if (group.scored->size() != group.rows.size())
        throw Error(ErrorCode::Internal, "the model returned " + std::to_string(group.scored->size()) + " predictions for " +
                                             std::to_string(group.rows.size()) + " rows");
    } catch (const Error& e) {
      failedVariant = v;
      const bool clientData = e.code() == ErrorCode::InvalidArgument || e.code() == ErrorCode::Parse ||
                              e.code() == ErrorCode::Unsupported;
      outcome = {clientData ? 422 : 500, errorBody("variant \"" + variant.name + "\" cannot score these rows: " + e.what())};
    } catch (const std::exception& e) {
      failedVariant = v;
      outcome = {500, errorBody("variant \"" + variant.name + "\": internal error: " + e.what())};
    }
  }

  std::vector<std::optional<PredictionJson>> writers(groups.size());
  if (!failedVariant) {
    std::vector<std::size_t> position(n);
    for (std::size_t v = 0; v < groups.size(); ++v) {
      for (std::size_t i = 0; i < groups[v].rows.size(); ++i) position[groups[v].rows[i]] = i;
      if (groups[v].scored) writers[v].emplace(*groups[v].scored, split.variants()[v].name);
    }
    outcome.body.reserve(64 + n * 96);
    outcome.body = "{\"predictions\":[";
    for (std::size_t row = 0; row < n; ++row) {
      if (row > 0) outcome.body += ',';
      writers[variantOf[row]]->appendPrediction(outcome.body, position[row]);
    }
    outcome.body += "]}";
  }

  // Statistics and the hook, per variant that took part.
  const auto latency = Clock::now() - started;
  const double latencyMs = std::chrono::duration<double, std::milli>(latency).count();
  const bool sample = !failedVariant && sampled(current->sampleRate);
  const auto now = std::chrono::system_clock::now();
  for (std::size_t v = 0; v < groups.size(); ++v) {
    const Group& group = groups[v];
    if (group.rows.empty()) continue;
    const Variant& variant = split.variants()[v];
    const auto stats = statsFor(variant.name);
    stats->recordRequest(group.rows.size(), std::chrono::duration_cast<std::chrono::nanoseconds>(latency),
                         failedVariant == v);
    if (!failedVariant) stats->recordPredictions(*group.scored);
    RequestEvent event;
    event.variant = variant.name;
    event.at = now;
    event.status = outcome.status;
    event.latencyMs = latencyMs;
    event.rows = group.rows.size();
    if (sample) {
      event.input = PredictionJson::rowsJson(table, group.rows);
      std::string output = "[";
      for (std::size_t i = 0; i < group.rows.size(); ++i) {
        if (i > 0) output += ',';
        const std::size_t row = group.rows[i];
        writers[v]->appendLogRow(output, i, row < keys.size() && keys[row] ? keys[row] : requestKey);
      }
      event.output = output + "]";
    }
    notify(hook, std::move(event));
  }
  return outcome;
}

Endpoint::Snapshot Endpoint::snapshot() const {
  Snapshot s;
  s.name = name_;
  s.id = id_;
  const auto current = state();
  s.keyColumn = current->keyColumn;
  s.sampleRate = current->sampleRate;
  s.rejected = rejected_.load(std::memory_order_relaxed);
  for (const auto& variant : current->split->variants()) {
    VariantSnapshot v{variant.name, variant.weight, {}};
    {
      const std::lock_guard lock(mutex_);
      const auto found = stats_.find(variant.name);
      if (found != stats_.end()) v.stats = found->second->snapshot();
    }
    s.variants.push_back(std::move(v));
  }
  return s;
}

nlohmann::json Endpoint::Snapshot::toJson() const {
  nlohmann::json out = {{"name", name},
                        {"key_column", keyColumn.empty() ? nlohmann::json(nullptr) : nlohmann::json(keyColumn)},
                        {"sample_rate", sampleRate},
                        {"rejected", rejected},
                        {"variants", nlohmann::json::array()}};
  for (const auto& v : variants) {
    nlohmann::json entry = v.stats.toJson();
    entry["name"] = v.name;
    entry["weight"] = v.weight;
    out["variants"].push_back(std::move(entry));
  }
  return out;
}

}  // namespace lathe::serve
