#include "engine/deploy/EndpointRegistry.h"

#include <cmath>
#include <random>
#include <set>

#include "engine/core/Error.h"
#include "engine/deploy/CanarySettings.h"
#include "engine/store/Database.h"
#include "engine/store/Statement.h"
#include "engine/store/Timestamp.h"
#include "engine/store/Transaction.h"

namespace lathe::deploy {
namespace {

using nlohmann::json;

[[noreturn]] void invalid(const std::string& message, const std::string& value = {}) {
  throw Error(ErrorCode::InvalidArgument, message, {}, value);
}

void requireWritable(store::Database& db) {
  if (db.readOnly()) throw Error(ErrorCode::Io, "the project is open read-only; endpoints cannot be changed", {db.path()});
}

json variantsJson(const std::vector<EndpointVariant>& variants) {
  json out = json::array();
  for (const auto& v : variants)
    out.push_back({{"name", v.name}, {"model_version", v.modelVersionId}, {"weight", v.weight}, {"role", v.role}});
  return out;
}

void insertVariants(store::Database& db, std::int64_t endpointId, const std::vector<EndpointVariant>& variants) {
  store::Statement remove = db.prepare("DELETE FROM endpoint_variant WHERE endpoint_id = ?1");
  remove.bind(1, endpointId).run();
  store::Statement insert = db.prepare(
      "INSERT INTO endpoint_variant (endpoint_id, name, model_version_id, weight, role) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const auto& v : variants) {
    insert.bind(1, endpointId).bind(2, v.name).bind(3, v.modelVersionId).bind(4, v.weight).bind(5, v.role).run();
    insert.reset();
  }
}

}  // namespace

void EndpointRegistry::validate(const std::vector<EndpointVariant>& variants) {
  if (variants.empty()) invalid("an endpoint needs at least one model version");
  std::set<std::string> names;
  double sum = 0.0;
  int canaries = 0;
  for (const auto& v : variants) {
    if (v.name.empty()) invalid("a variant needs a name");
    if (!names.insert(v.name).second) invalid("variant \"" + v.name + "\" is named twice", v.name);
    if (!std::isfinite(v.weight)) invalid("variant \"" + v.name + "\" has a weight that is not a number", v.name);
    if (v.weight < 0.0 || v.weight > 1.0)
      invalid("variant \"" + v.name + "\" has weight " + std::to_string(v.weight) + "; weights are between 0 and 1", v.name);
    if (v.role != "variant" && v.role != "canary") invalid("variant \"" + v.name + "\" has an unknown role", v.role);
    canaries += v.role == "canary";
    if (canaries > 1) invalid("variant \"" + v.name + "\" is a second canary; an endpoint has at most one canary", v.name);
    sum += v.weight;
  }
  if (std::abs(sum - 1.0) > 1e-9) invalid("the weights sum to " + std::to_string(sum) + ", not 1");
}

void EndpointRegistry::validateSettings(const json& settings) {
  if (!settings.is_object()) invalid("an endpoint's settings are a JSON object");
  if (const auto s = settings.find("sampling"); s != settings.end())
    if (!s->is_number() || !(s->get<double>() >= 0.0 && s->get<double>() <= 1.0))
      invalid("the sampling is the share of requests logged, between 0 and 1", s->dump());
  if (const auto k = settings.find("key_column"); k != settings.end())
    if (!k->is_string() || k->get<std::string>().empty() || k->get<std::string>().size() > 200)
      invalid("the key column is a column's name (1 to 200 characters)", k->dump().substr(0, 200));
  if (const auto d = settings.find("log_retention_days"); d != settings.end())
    if (!d->is_number() || !(d->get<double>() >= 0.0 && std::isfinite(d->get<double>())))
      invalid("the log retention is a number of days, 0 or more (0 keeps every request)", d->dump());
  if (const auto c = settings.find("canary"); c != settings.end()) CanarySettings::fromJson(*c).validate();
}

std::string EndpointRegistry::newToken() {
  std::random_device source;  // the system's random source (/dev/urandom), not a seeded generator
  static constexpr char kHex[] = "0123456789abcdef";
  std::string token;
  for (int i = 0; i < 16; ++i) {
    const unsigned value = source();
    for (int b = 0; b < 4; ++b) token.push_back(kHex[(value >> (4 * b)) & 0xF]);
  }
  return token;
}

EndpointInfo EndpointRegistry::create(const std::string& name, const std::vector<EndpointVariant>& variants,
                                      const json& settings) {
  requireWritable(db_);
  if (name.empty() || name.size() > 100) invalid("an endpoint needs a name of 1 to 100 characters", name);
  for (const char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
      invalid("an endpoint's name may hold letters, digits, '-', '_' and '.' only (it is part of its address)", name);
  validate(variants);
  validateSettings(settings);
  if (find(name)) invalid("there is already an endpoint \"" + name + "\"", name);
  const std::string now = store::timestampNow();
  store::Transaction transaction(db_);
  store::Statement insert =
      db_.prepare("INSERT INTO endpoint (name, token, settings, created_at, modified_at) VALUES (?1, ?2, ?3, ?4, ?4)");
  insert.bind(1, name).bind(2, newToken()).bind(3, settings.dump()).bind(4, now).run();
  const std::int64_t id = db_.lastInsertId();
  insertVariants(db_, id, variants);
  record(id, "created", {{"variants", variantsJson(variants)}}, "");
  transaction.commit();
  return get(name);
}

std::vector<EndpointInfo> EndpointRegistry::list() {
  std::vector<EndpointInfo> out;
  std::vector<std::string> names;
  store::Statement rows = db_.prepare("SELECT name FROM endpoint ORDER BY name");
  while (rows.step()) names.push_back(rows.text(0));
  for (const auto& name : names) out.push_back(get(name));
  return out;
}

std::optional<EndpointInfo> EndpointRegistry::find(const std::string& name) {
  store::Statement row = db_.prepare("SELECT id, name, token, settings, created_at, modified_at FROM endpoint WHERE name = ?1");
  row.bind(1, name);
  if (!row.step()) return std::nullopt;
  EndpointInfo info;
  info.id = row.int64(0);
  info.name = row.text(1);
  info.token = row.text(2);
  info.settings = json::parse(row.text(3), nullptr, false);
  if (!info.settings.is_object()) info.settings = json::object();
  info.createdAt = row.text(4);
  info.modifiedAt = row.text(5);
  store::Statement variants = db_.prepare(
      "SELECT name, model_version_id, weight, role FROM endpoint_variant WHERE endpoint_id = ?1 ORDER BY role DESC, name");
  variants.bind(1, info.id);
  while (variants.step())
    info.variants.push_back({variants.text(0), variants.int64(1), variants.real(2), variants.text(3)});
  return info;
}

EndpointInfo EndpointRegistry::get(const std::string& name) {
  auto info = find(name);
  if (!info) invalid("there is no endpoint \"" + name + "\"", name);
  return *info;
}

void EndpointRegistry::setVariants(const std::string& name, const std::vector<EndpointVariant>& variants,
                                   const std::string& kind, const std::string& reason) {
  requireWritable(db_);
  validate(variants);
  const auto info = get(name);
  store::Transaction transaction(db_);
  insertVariants(db_, info.id, variants);
  record(info.id, kind, {{"from", variantsJson(info.variants)}, {"to", variantsJson(variants)}}, reason);
  transaction.commit();
}

void EndpointRegistry::setSettings(const std::string& name, const json& settings, const std::string& reason) {
  requireWritable(db_);
  validateSettings(settings);
  const auto info = get(name);
  store::Transaction transaction(db_);
  store::Statement update = db_.prepare("UPDATE endpoint SET settings = ?2 WHERE id = ?1");
  update.bind(1, info.id).bind(2, settings.dump()).run();
  record(info.id, "settings", {{"from", info.settings}, {"to", settings}}, reason);
  transaction.commit();
}

std::string EndpointRegistry::regenerateToken(const std::string& name) {
  requireWritable(db_);
  const auto info = get(name);
  const std::string token = newToken();
  store::Transaction transaction(db_);
  store::Statement update = db_.prepare("UPDATE endpoint SET token = ?2 WHERE id = ?1");
  update.bind(1, info.id).bind(2, token).run();
  record(info.id, "token", json::object(), "a new token");
  transaction.commit();
  return token;
}

void EndpointRegistry::record(std::int64_t endpointId, const std::string& kind, const json& detail,
                              const std::string& reason) {
  const std::string now = store::timestampNow();
  store::Statement insert =
      db_.prepare("INSERT INTO endpoint_event (endpoint_id, kind, detail, reason, at) VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, endpointId).bind(2, kind).bind(3, detail.dump()).bind(4, reason).bind(5, now).run();
  store::Statement touch = db_.prepare("UPDATE endpoint SET modified_at = ?2 WHERE id = ?1");
  touch.bind(1, endpointId).bind(2, now).run();
}

std::vector<EndpointEvent> EndpointRegistry::events(const std::string& name) {
  const auto info = get(name);
  std::vector<EndpointEvent> out;
  store::Statement rows =
      db_.prepare("SELECT id, kind, detail, reason, at FROM endpoint_event WHERE endpoint_id = ?1 ORDER BY id");
  rows.bind(1, info.id);
  while (rows.step()) {
    json detail = json::parse(rows.text(2), nullptr, false);
    out.push_back({rows.int64(0), rows.text(1), detail.is_discarded() ? json::object() : detail, rows.text(3), rows.text(4)});
  }
  return out;
}

std::string EndpointRegistry::modifiedAt(const std::string& name) {
  store::Statement row = db_.prepare("SELECT modified_at FROM endpoint WHERE name = ?1");
  row.bind(1, name);
  return row.step() ? row.text(0) : std::string();
}

}  // namespace lathe::deploy
