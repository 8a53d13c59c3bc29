#include "engine/deploy/ModelRegistry.h"

#include <algorithm>

#include "engine/core/Error.h"
#include "engine/store/Database.h"
#include "engine/store/Statement.h"
#include "engine/store/Timestamp.h"
#include "engine/store/Transaction.h"

namespace lathe::deploy {
namespace {

using nlohmann::json;
constexpr std::size_t kMaxNameLength = 200;
constexpr const char* kColumns =
    "v.id, m.name, v.version, v.run_id, v.task, v.algorithm, v.target, v.input_schema, v.training_data_hash, "
    "v.metrics, v.threshold, COALESCE(a.alias, ''), v.created_at "
    "FROM model_version v JOIN model m ON m.id = v.model_id LEFT JOIN model_alias a ON a.version_id = v.id ";

[[noreturn]] void invalid(const std::string& message, const std::string& value = {}) {
  throw Error(ErrorCode::InvalidArgument, message, {}, value);
}

void requireWritable(store::Database& db) {
  if (db.readOnly()) throw Error(ErrorCode::Io, "the project is open read-only; the registry cannot be changed", {db.path()});
}

json schemaJson(const InputSchema& schema) {
  json out = json::array();
  for (const auto& column : schema) out.push_back({{"name", column.name}, {"type", data::columnTypeName(column.type)}});
  return out;
}

InputSchema schemaOf(const std::string& text) {
  InputSchema schema;
  const json parsed = json::parse(text, nullptr, false);
  if (!parsed.is_array()) return schema;
  for (const auto& column : parsed) {
    if (!column.is_object() || !column.contains("name") || !column["name"].is_string()) continue;
    const auto type = data::columnTypeFromName(column.value("type", std::string("float64")));
    schema.push_back({column["name"].get<std::string>(), type.value_or(data::ColumnType::Float64)});
  }
  return schema;
}

ModelVersionInfo read(const store::Statement& row) {
  ModelVersionInfo info;
  info.id = row.int64(0);
  info.model = row.text(1);
  info.version = static_cast<int>(row.int64(2));
  if (!row.isNull(3)) info.runId = row.int64(3);
  info.task = row.text(4);
  info.algorithm = row.text(5);
  info.target = row.text(6);
  info.inputSchema = schemaOf(row.text(7));
  info.trainingDataHash = row.text(8);
  info.metrics = json::parse(row.text(9), nullptr, false);
  if (info.metrics.is_discarded()) info.metrics = json::object();
  info.threshold = row.optionalReal(10);
  info.alias = row.text(11);
  info.createdAt = row.text(12);
  return info;
}

}  // namespace

bool ModelRegistry::isAlias(const std::string& alias) {
  return std::find(std::begin(kAliases), std::end(kAliases), alias) != std::end(kAliases);
}

ModelVersionInfo ModelRegistry::add(const ModelVersionContent& content) {
  requireWritable(db_);
  const std::string& name = content.info.model;
  if (name.empty()) invalid("a model needs a name");
  if (name.size() > kMaxNameLength) invalid("a model name has at most 200 characters", name);
  if (name.find(':') != std::string::npos) invalid("a model name cannot hold ':' (it separates the version)", name);
  if (content.modelBytes.empty()) invalid("there is no model to register");
  const std::string now = store::timestampNow();
  store::Transaction transaction(db_);
  store::Statement insertModel = db_.prepare("INSERT OR IGNORE INTO model (name, created_at) VALUES (?1, ?2)");
  insertModel.bind(1, name).bind(2, now).run();
  store::Statement findModel = db_.prepare("SELECT id FROM model WHERE name = ?1");
  findModel.bind(1, name);
  findModel.step();
  const std::int64_t modelId = findModel.int64(0);
  store::Statement next = db_.prepare("SELECT COALESCE(MAX(version), 0) + 1 FROM model_version WHERE model_id = ?1");
  next.bind(1, modelId);
  next.step();
  const std::int64_t version = next.int64(0);
  const auto& info = content.info;
  store::Statement insert = db_.prepare(
      "INSERT INTO model_version (model_id, version, run_id, task, algorithm, target, model, recipes, input_schema, "
      "training_data_hash, metrics, threshold, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  insert.bind(1, modelId).bind(2, version);
  info.runId ? insert.bind(3, *info.runId) : insert.bindNull(3);
  insert.bind(4, info.task).bind(5, info.algorithm).bind(6, info.target);
  insert.bindBlob(7, std::span(reinterpret_cast<const std::uint8_t*>(content.modelBytes.data()), content.modelBytes.size()));
  insert.bind(8, content.recipes.dump()).bind(9, schemaJson(info.inputSchema).dump()).bind(10, info.trainingDataHash);
  insert.bind(11, info.metrics.dump()).bind(12, info.threshold).bind(13, now);
  insert.run();
  const std::int64_t id = db_.lastInsertId();
  transaction.commit();
  return *this->version(id);
}

std::vector<std::string> ModelRegistry::models() {
  std::vector<std::string> names;
  store::Statement rows = db_.prepare("SELECT name FROM model ORDER BY name");
  while (rows.step()) names.push_back(rows.text(0));
  return names;
}

std::vector<ModelVersionInfo> ModelRegistry::versions(const std::string& model) {
  std::vector<ModelVersionInfo> out;
  store::Statement rows = db_.prepare(std::string("SELECT ") + kColumns + "WHERE m.name = ?1 ORDER BY v.version");
  rows.bind(1, model);
  while (rows.step()) out.push_back(read(rows));
  return out;
}

std::vector<ModelVersionInfo> ModelRegistry::allVersions() {
  std::vector<ModelVersionInfo> out;
  store::Statement rows = db_.prepare(std::string("SELECT ") + kColumns + "ORDER BY m.name, v.version");
  while (rows.step()) out.push_back(read(rows));
  return out;
}

std::optional<ModelVersionInfo> ModelRegistry::version(std::int64_t versionId) {
  store::Statement row = db_.prepare(std::string("SELECT ") + kColumns + "WHERE v.id = ?1");
  row.bind(1, versionId);
  if (!row.step()) return std::nullopt;
  return read(row);
}

std::optional<ModelVersionInfo> ModelRegistry::production(const std::string& model) {
  for (auto& info : versions(model))
    if (info.alias == "production") return info;
  return std::nullopt;
}

ModelVersionInfo ModelRegistry::resolve(const std::string& reference) {
  const auto colon = reference.rfind(':');
  const std::string name = colon == std::string::npos ? reference : reference.substr(0, colon);
  const std::string which = colon == std::string::npos ? "" : reference.substr(colon + 1);
  auto all = versions(name);
  if (all.empty()) invalid("there is no registered model \"" + name + "\"", name);
  if (which.empty()) {
    if (auto live = production(name)) return *live;
    return all.back();
  }
  if (isAlias(which)) {
    for (auto& info : all)
      if (info.alias == which) return info;
    invalid("no version of \"" + name + "\" is " + which, reference);
  }
  for (auto& info : all)
    if (std::to_string(info.version) == which) return info;
  invalid("model \"" + name + "\" has no version " + which, reference);
}

std::string ModelRegistry::modelBytes(std::int64_t versionId) {
  store::Statement row = db_.prepare("SELECT model FROM model_version WHERE id = ?1");
  row.bind(1, versionId);
  if (!row.step()) invalid("there is no model version " + std::to_string(versionId));
  const auto blob = row.blob(0);
  return std::string(reinterpret_cast<const char*>(blob.data()), blob.size());
}

nlohmann::json ModelRegistry::recipes(std::int64_t versionId) {
  store::Statement row = db_.prepare("SELECT recipes FROM model_version WHERE id = ?1");
  row.bind(1, versionId);
  if (!row.step()) invalid("there is no model version " + std::to_string(versionId));
  json parsed = json::parse(row.text(0), nullptr, false);
  if (parsed.is_discarded()) throw Error(ErrorCode::Parse, "model version " + std::to_string(versionId) + " has damaged recipes");
  return parsed;
}

std::shared_ptr<const ScoringModel> ModelRegistry::load(std::int64_t versionId) {
  const auto info = version(versionId);
  if (!info) invalid("there is no model version " + std::to_string(versionId));
  return ScoringModel::load(modelBytes(versionId), recipes(versionId), info->inputSchema, info->target, info->threshold);
}

ModelVersionContent ModelRegistry::content(std::int64_t versionId) {
  const auto info = version(versionId);
  if (!info) invalid("there is no model version " + std::to_string(versionId));
  return {*info, modelBytes(versionId), recipes(versionId)};
}

void ModelRegistry::setAlias(std::int64_t versionId, const std::string& alias, const std::string& reason) {
  requireWritable(db_);
  if (!alias.empty() && !isAlias(alias)) invalid("\"" + alias + "\" is not an alias (candidate, production, archived)", alias);
  const auto info = version(versionId);
  if (!info) invalid("there is no model version " + std::to_string(versionId));
  if (info->alias == alias) return;
  store::Transaction transaction(db_);
  if (alias == "production")
    if (const auto live = production(info->model)) {
      store::Statement archive = db_.prepare("UPDATE model_alias SET alias = 'archived' WHERE version_id = ?1");
      archive.bind(1, live->id).run();
      recordMove(live->id, "production", "archived", "replaced by version " + std::to_string(info->version));
    }
  if (alias.empty()) {
    store::Statement remove = db_.prepare("DELETE FROM model_alias WHERE version_id = ?1");
    remove.bind(1, versionId).run();
  } else {
    store::Statement set = db_.prepare(
        "INSERT INTO model_alias (version_id, alias) VALUES (?1, ?2) ON CONFLICT(version_id) DO UPDATE SET alias = ?2");
    set.bind(1, versionId).bind(2, alias).run();
  }
  recordMove(versionId, info->alias, alias, reason);
  transaction.commit();
}

void ModelRegistry::recordMove(std::int64_t versionId, const std::string& from, const std::string& to,
                               const std::string& reason) {
  store::Statement insert = db_.prepare(
      "INSERT INTO model_alias_event (version_id, from_alias, to_alias, reason, at) VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, versionId).bind(2, from).bind(3, to).bind(4, reason).bind(5, store::timestampNow()).run();
}

std::vector<AliasEvent> ModelRegistry::history(const std::string& model) {
  std::vector<AliasEvent> events;
  store::Statement rows = db_.prepare(
      "SELECT e.version_id, m.name, v.version, e.from_alias, e.to_alias, e.reason, e.at FROM model_alias_event e "
      "JOIN model_version v ON v.id = e.version_id JOIN model m ON m.id = v.model_id WHERE m.name = ?1 ORDER BY e.id");
  rows.bind(1, model);
  while (rows.step())
    events.push_back({rows.int64(0), rows.text(1), static_cast<int>(rows.int64(2)), rows.text(3), rows.text(4),
                      rows.text(5), rows.text(6)});
  return events;
}

}  // namespace lathe::deploy
