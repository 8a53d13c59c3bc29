#include "engine/store/RunRepository.h"

#include <zstd.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <utility>

#include "engine/core/Error.h"
#include "engine/store/ContentHash.h"
#include "engine/store/Database.h"
#include "engine/store/Timestamp.h"
#include "engine/store/Transaction.h"

namespace lathe::store {
namespace {

using nlohmann::json;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

[[noreturn]] void invalid(const std::string& message, const std::string& value = {}) {
  throw Error(ErrorCode::InvalidArgument, message, {}, value);
}

void requireWritable(Database& db) {
  if (db.readOnly()) throw Error(ErrorCode::Io, "the project is open read-only; runs cannot be changed", {db.path()});
}

void requireName(const std::string& name, const char* what) {
  if (name.empty()) invalid(std::string(what) + " must not be empty");
}

void requireObject(const std::string& text, const char* what) {
  // nlohmann stops at a NUL byte as if the text ended there; JSON text never holds one.
  const json parsed = json::parse(text, nullptr, false);
  if (text.find('\0') != std::string::npos || parsed.is_discarded() || !parsed.is_object()) invalid(std::string(what) + " must be a JSON object", text);
}

void validate(const ExperimentRun& run) {
  requireName(run.name, "a run's name");
  requireName(run.algorithm, "a run's algorithm");
  if (!std::isfinite(run.durationSeconds) || run.durationSeconds < 0.0)
    invalid("a run's duration must be a finite number of seconds >= 0", std::to_string(run.durationSeconds));
  requireObject(run.validationJson, "a run's validation scheme");
  requireObject(run.parametersJson, "a run's parameters");
  requireObject(run.timingsJson, "a run's timings");
  for (const auto& f : run.featureImportances) requireName(f.feature, "a feature importance's feature");
  for (const auto& tag : run.tags) requireName(tag, "a tag");
  std::set<std::pair<std::string, std::string>> metrics;
  for (const auto& m : run.metrics) {
    requireName(m.split, "a metric's split");
    requireName(m.name, "a metric's name");
    if (!metrics.emplace(m.split, m.name).second) invalid("metric given twice: " + m.split + " " + m.name, m.name);
  }
  for (const auto& c : run.curves) {
    requireName(c.kind, "a curve's kind");
    requireName(c.split, "a curve's split");
    if (c.x.size() != c.y.size()) invalid("a curve needs as many y values as x values", c.kind);
  }
  for (const auto& c : run.confusions) {
    requireName(c.split, "a confusion matrix's split");
    if (c.counts.size() != c.labels.size()) invalid("a confusion matrix needs one row per label", c.split);
    for (const auto& row : c.counts) {
      if (row.size() != c.labels.size()) invalid("a confusion matrix needs one count per label in each row", c.split);
      for (const std::int64_t count : row)
        if (count < 0) invalid("a confusion matrix's counts must be >= 0", std::to_string(count));
    }
  }
}

// JSON has no NaN: nlohmann writes it as null, and null reads back as NaN.
double numberOrNaN(const json& value) { return value.is_number() ? value.get<double>() : kNaN; }

json importancesJson(const std::vector<FeatureImportance>& importances) {
  json out = json::array();
  for (const auto& f : importances) out.push_back({{"feature", f.feature}, {"importance", f.importance}});
  return out;
}

[[noreturn]] void damaged(Database& db, std::int64_t id, const std::string& what) {
  throw Error(ErrorCode::Corrupt, "run " + std::to_string(id) + " is damaged: " + what, {db.path()});
}

json parseStored(Database& db, std::int64_t id, const std::string& text, const char* what) {
  json parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded()) damaged(db, id, std::string("its ") + what + " is not JSON");
  return parsed;
}

std::vector<double> numbers(Database& db, std::int64_t id, const json& doc, const char* key) {
  std::vector<double> out;
  const auto it = doc.find(key);
  if (it == doc.end()) return out;
  if (!it->is_array()) damaged(db, id, std::string("a curve's ") + key + " is not an array");
  out.reserve(it->size());
  for (const auto& v : *it) out.push_back(numberOrNaN(v));
  return out;
}

std::optional<std::int64_t> optionalInt(const Statement& s, int column) {
  if (s.isNull(column)) return std::nullopt;
  return s.int64(column);
}

RunStatus statusFrom(Database& db, std::int64_t id, const std::string& text) {
  const auto status = runStatusFromName(text);
  if (!status) damaged(db, id, "unknown status '" + text + "'");
  return *status;
}

}  // namespace

std::int64_t RunRepository::add(const ExperimentRun& run, const ModelArtifact* model) {
  requireWritable(db_);
  validate(run);
  if (model) {
    requireName(model->format, "a model's format");
    if (model->bytes.empty()) invalid("a model has no bytes");
    if (static_cast<std::int64_t>(model->bytes.size()) > kMaxModelBytes)
      invalid("a model is larger than 2 GiB", std::to_string(model->bytes.size()));
  }
  const json importances = importancesJson(run.featureImportances);

  Transaction transaction(db_);
  if (run.candidate) db_.execute("UPDATE run SET candidate = 0 WHERE candidate <> 0");
  Statement insert = db_.prepare(
      "INSERT INTO run (name, algorithm, task, status, dataset_version_id, recipe_hash, target, seed, validation, "
      "parameters, timings, feature_importances, started_at, duration_seconds, notes, candidate, lineage) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
  insert.bind(1, run.name).bind(2, run.algorithm).bind(3, run.task).bind(4, runStatusName(run.status));
  if (run.datasetVersionId) insert.bind(5, *run.datasetVersionId); else insert.bindNull(5);
  insert.bind(6, run.recipeHash).bind(7, run.target);
  if (run.seed) insert.bind(8, *run.seed); else insert.bindNull(8);
  insert.bind(9, run.validationJson).bind(10, run.parametersJson).bind(11, run.timingsJson);
  insert.bind(12, importances.dump());
  insert.bind(13, run.startedAt.empty() ? timestampNow() : run.startedAt);
  insert.bind(14, run.durationSeconds).bind(15, run.notes).bind(16, run.candidate ? 1 : 0);
  insert.bind(17, run.lineageJson);
  insert.run();
  const std::int64_t id = db_.lastInsertId();
  insertDetails(id, run);
  if (model) insertModel(id, *model);
  transaction.commit();
  return id;
}

void RunRepository::addResults(std::int64_t id, const ExperimentRun& results) {
  requireWritable(db_);
  ExperimentRun scores;  // only what this call stores, validated as a run's would be
  scores.name = "scores";
  scores.algorithm = "scores";
  scores.metrics = results.metrics;
  scores.curves = results.curves;
  scores.confusions = results.confusions;
  validate(scores);
  std::set<std::string> splits;
  for (const auto& m : scores.metrics) splits.insert(m.split);
  for (const auto& c : scores.curves) splits.insert(c.split);
  for (const auto& c : scores.confusions) splits.insert(c.split);

  Transaction transaction(db_);
  Statement exists = db_.prepare("SELECT 1 FROM run WHERE id = ?1");
  exists.bind(1, id);
  if (!exists.step()) invalid("there is no run " + std::to_string(id), std::to_string(id));
  for (const char* table : {"run_metric", "run_curve", "run_confusion"}) {
    Statement clear = db_.prepare(std::string("DELETE FROM ") + table + " WHERE run_id = ?1 AND split = ?2");
    for (const auto& split : splits) {
      clear.bind(1, id).bind(2, split);
      clear.run();
      clear.reset();
    }
  }
  insertDetails(id, scores);
  transaction.commit();
}

void RunRepository::insertDetails(std::int64_t id, const ExperimentRun& run) {
  Statement metric = db_.prepare("INSERT INTO run_metric (run_id, split, name, value) VALUES (?1, ?2, ?3, ?4)");
  for (const auto& m : run.metrics) {
    metric.bind(1, id).bind(2, m.split).bind(3, m.name);
    if (std::isfinite(m.value)) metric.bind(4, m.value); else metric.bindNull(4);
    metric.run();
    metric.reset();
  }
  Statement curve = db_.prepare("INSERT INTO run_curve (run_id, kind, split, label, points) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const auto& c : run.curves) {
    const json points = {{"x", c.x}, {"y", c.y}, {"thresholds", c.thresholds}};
    curve.bind(1, id).bind(2, c.kind).bind(3, c.split).bind(4, c.label).bind(5, points.dump());
    curve.run();
    curve.reset();
  }
  Statement confusion = db_.prepare("INSERT INTO run_confusion (run_id, split, labels, counts) VALUES (?1, ?2, ?3, ?4)");
  for (const auto& c : run.confusions) {
    confusion.bind(1, id).bind(2, c.split).bind(3, json(c.labels).dump()).bind(4, json(c.counts).dump());
    confusion.run();
    confusion.reset();
  }
  Statement tag = db_.prepare("INSERT OR IGNORE INTO run_tag (run_id, tag) VALUES (?1, ?2)");
  for (const auto& t : run.tags) {
    tag.bind(1, id).bind(2, t);
    tag.run();
    tag.reset();
  }
}

void RunRepository::attachModel(std::int64_t id, const ModelArtifact& model) {
  requireWritable(db_);
  requireName(model.format, "a model's format");
  if (model.bytes.empty()) invalid("a model has no bytes");
  if (static_cast<std::int64_t>(model.bytes.size()) > kMaxModelBytes)
    invalid("a model is larger than 2 GiB", std::to_string(model.bytes.size()));
  Transaction transaction(db_);
  Statement exists = db_.prepare("SELECT 1 FROM run WHERE id = ?1");
  exists.bind(1, id);
  if (!exists.step()) invalid("there is no run " + std::to_string(id));
  Statement erase = db_.prepare("DELETE FROM model_artifact WHERE run_id = ?1");
  erase.bind(1, id);
  erase.run();
  insertModel(id, model);
  transaction.commit();
}

void RunRepository::insertModel(std::int64_t id, const ModelArtifact& model) {
  std::vector<std::uint8_t> packed(ZSTD_compressBound(model.bytes.size()));
  const std::size_t size = ZSTD_compress(packed.data(), packed.size(), model.bytes.data(), model.bytes.size(), 3);
  if (ZSTD_isError(size)) throw Error(ErrorCode::Internal, std::string("cannot compress the model: ") + ZSTD_getErrorName(size));
  packed.resize(size);
  Statement insert = db_.prepare("INSERT INTO model_artifact (run_id, format, raw_bytes, sha256, data) VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, id).bind(2, model.format).bind(3, static_cast<std::int64_t>(model.bytes.size()));
  insert.bind(4, ContentHash::of(std::span<const std::uint8_t>(model.bytes))).bindBlob(5, packed);
  insert.run();
}

bool RunRepository::hasModel(std::int64_t id) {
  Statement found = db_.prepare("SELECT EXISTS (SELECT 1 FROM model_artifact WHERE run_id = ?1)");
  found.bind(1, id);
  return found.step() && found.int64(0) != 0;
}

std::vector<RunSummary> RunRepository::list() {
  std::vector<RunSummary> runs;
  std::unordered_map<std::int64_t, std::size_t> index;
  Statement rows = db_.prepare(
      "SELECT r.id, r.name, r.algorithm, r.task, r.status, r.dataset_version_id, r.started_at, r.duration_seconds, "
      "r.candidate, m.run_id IS NOT NULL FROM run r LEFT JOIN model_artifact m ON m.run_id = r.id "
      "WHERE r.deleted = 0 ORDER BY r.id");
  while (rows.step()) {
    RunSummary s;
    s.id = rows.int64(0);
    s.name = rows.text(1);
    s.algorithm = rows.text(2);
    s.task = rows.text(3);
    s.status = statusFrom(db_, s.id, rows.text(4));
    s.datasetVersionId = optionalInt(rows, 5);
    s.startedAt = rows.text(6);
    s.durationSeconds = rows.real(7);
    s.candidate = rows.int64(8) != 0;
    s.hasModel = rows.int64(9) != 0;
    index.emplace(s.id, runs.size());
    runs.push_back(std::move(s));
  }
  // One pass over each detail table; rows of deleted runs find no entry and are skipped.
  Statement metrics = db_.prepare("SELECT run_id, split, name, value FROM run_metric");
  while (metrics.step()) {
    const auto it = index.find(metrics.int64(0));
    if (it == index.end()) continue;
    runs[it->second].metrics.push_back({metrics.text(1), metrics.text(2), metrics.optionalReal(3).value_or(kNaN)});
  }
  Statement tags = db_.prepare("SELECT run_id, tag FROM run_tag");
  while (tags.step()) {
    const auto it = index.find(tags.int64(0));
    if (it != index.end()) runs[it->second].tags.push_back(tags.text(1));
  }
  return runs;
}

namespace {

// The run table's columns that ExperimentRun holds, in the order runFrom reads them.
constexpr const char* kRunColumns =
    "name, algorithm, task, status, dataset_version_id, recipe_hash, target, seed, validation, parameters, "
    "timings, feature_importances, started_at, duration_seconds, notes, candidate, lineage";

// A run's own row, its columns (kRunColumns) starting at `at`: no metrics, curves or tags.
ExperimentRun runFrom(Database& db, std::int64_t id, const Statement& row, int at) {
  ExperimentRun run;
  run.id = id;
  run.name = row.text(at + 0);
  run.algorithm = row.text(at + 1);
  run.task = row.text(at + 2);
  run.status = statusFrom(db, id, row.text(at + 3));
  run.datasetVersionId = optionalInt(row, at + 4);
  run.recipeHash = row.text(at + 5);
  run.target = row.text(at + 6);
  run.seed = optionalInt(row, at + 7);
  run.validationJson = row.text(at + 8);
  run.parametersJson = row.text(at + 9);
  run.timingsJson = row.text(at + 10);
  const json importances = parseStored(db, id, row.text(at + 11), "feature importances");
  if (!importances.is_array()) damaged(db, id, "its feature importances are not a list");
  for (const auto& f : importances) {
    if (!f.is_object() || !f.contains("feature") || !f["feature"].is_string()) damaged(db, id, "a feature importance");
    run.featureImportances.push_back({f["feature"].get<std::string>(), f.contains("importance") ? numberOrNaN(f["importance"]) : kNaN});
  }
  run.startedAt = row.text(at + 12);
  run.durationSeconds = row.real(at + 13);
  run.notes = row.text(at + 14);
  run.candidate = row.int64(at + 15) != 0;
  run.lineageJson = row.text(at + 16);
  return run;
}

}  // namespace

std::vector<ExperimentRun> RunRepository::tagged(const std::string& tag) {
  std::vector<ExperimentRun> runs;
  std::unordered_map<std::int64_t, std::size_t> index;
  Statement rows = db_.prepare(std::string("SELECT r.id, ") + kRunColumns +
                               " FROM run r WHERE r.deleted = 0 AND r.id IN (SELECT run_id FROM run_tag WHERE tag = ?1) "
                               "ORDER BY r.id");
  rows.bind(1, tag);
  while (rows.step()) {
    const std::int64_t id = rows.int64(0);
    index.emplace(id, runs.size());
    runs.push_back(runFrom(db_, id, rows, 1));
  }
  Statement metrics = db_.prepare(
      "SELECT m.run_id, m.split, m.name, m.value FROM run_metric m JOIN run_tag t ON t.run_id = m.run_id WHERE t.tag = ?1");
  metrics.bind(1, tag);
  while (metrics.step())
    if (const auto it = index.find(metrics.int64(0)); it != index.end())
      runs[it->second].metrics.push_back({metrics.text(1), metrics.text(2), metrics.optionalReal(3).value_or(kNaN)});
  Statement tags = db_.prepare("SELECT t.run_id, t.tag FROM run_tag t JOIN run_tag mine ON mine.run_id = t.run_id WHERE mine.tag = ?1");
  tags.bind(1, tag);
  while (tags.step())
    if (const auto it = index.find(tags.int64(0)); it != index.end()) runs[it->second].tags.push_back(tags.text(1));
  return runs;
}

std::optional<ExperimentRun> RunRepository::get(std::int64_t id) {
  Statement row = db_.prepare(std::string("SELECT ") + kRunColumns + " FROM run WHERE id = ?1");
  row.bind(1, id);
  if (!row.step()) return std::nullopt;
  ExperimentRun run = runFrom(db_, id, row, 0);

  Statement metrics = db_.prepare("SELECT split, name, value FROM run_metric WHERE run_id = ?1");
  metrics.bind(1, id);
  while (metrics.step()) run.metrics.push_back({metrics.text(0), metrics.text(1), metrics.optionalReal(2).value_or(kNaN)});

  Statement curves = db_.prepare("SELECT kind, split, label, points FROM run_curve WHERE run_id = ?1");
  curves.bind(1, id);
  while (curves.step()) {
    const json points = parseStored(db_, id, curves.text(3), "curve");
    if (!points.is_object()) damaged(db_, id, "a curve is not a JSON object");
    RunCurve c{curves.text(0), curves.text(1), curves.text(2), numbers(db_, id, points, "x"),
               numbers(db_, id, points, "y"), numbers(db_, id, points, "thresholds")};
    if (c.x.size() != c.y.size()) damaged(db_, id, "a curve has more x than y values or the reverse");
    run.curves.push_back(std::move(c));
  }

  Statement confusions = db_.prepare("SELECT split, labels, counts FROM run_confusion WHERE run_id = ?1");
  confusions.bind(1, id);
  while (confusions.step()) {
    const json labels = parseStored(db_, id, confusions.text(1), "confusion labels");
    const json counts = parseStored(db_, id, confusions.text(2), "confusion counts");
    RunConfusion c{confusions.text(0), {}, {}};
    try {
      c.labels = labels.get<std::vector<std::string>>();
      c.counts = counts.get<std::vector<std::vector<std::int64_t>>>();
    } catch (const json::exception&) {
      damaged(db_, id, "a confusion matrix has the wrong shape");
    }
    if (c.counts.size() != c.labels.size()) damaged(db_, id, "a confusion matrix has the wrong shape");
    for (const auto& r : c.counts)
      if (r.size() != c.labels.size()) damaged(db_, id, "a confusion matrix has the wrong shape");
    run.confusions.push_back(std::move(c));
  }

  Statement tags = db_.prepare("SELECT tag FROM run_tag WHERE run_id = ?1");
  tags.bind(1, id);
  while (tags.step()) run.tags.push_back(tags.text(0));
  return run;
}

std::optional<ModelArtifact> RunRepository::model(std::int64_t id) {
  Statement row = db_.prepare("SELECT format, raw_bytes, sha256, data FROM model_artifact WHERE run_id = ?1");
  row.bind(1, id);
  if (!row.step()) return std::nullopt;
  const std::int64_t rawBytes = row.int64(1);
  const std::span<const std::uint8_t> packed = row.blob(3);
  // Check the sizes before allocating: a damaged header must not ask for terabytes.
  if (rawBytes <= 0 || rawBytes > kMaxModelBytes) damaged(db_, id, "its model has an impossible size");
  const unsigned long long frameSize = ZSTD_getFrameContentSize(packed.data(), packed.size());
  if (frameSize != static_cast<unsigned long long>(rawBytes)) damaged(db_, id, "its model's compressed data is damaged");
  ModelArtifact model{row.text(0), std::vector<std::uint8_t>(static_cast<std::size_t>(rawBytes))};
  const std::size_t size = ZSTD_decompress(model.bytes.data(), model.bytes.size(), packed.data(), packed.size());
  if (ZSTD_isError(size) || size != model.bytes.size()) damaged(db_, id, "its model's compressed data is damaged");
  if (ContentHash::of(std::span<const std::uint8_t>(model.bytes)) != row.text(2))
    damaged(db_, id, "its model does not match its SHA-256");
  return model;
}

template <typename Value>
void RunRepository::updateOne(const char* sql, std::int64_t id, const Value& value) {
  requireWritable(db_);
  Statement update = db_.prepare(sql);
  update.bind(1, id).bind(2, value);
  update.run();
  if (db_.changes() == 0) invalid("there is no run " + std::to_string(id), std::to_string(id));
}

void RunRepository::rename(std::int64_t id, const std::string& name) {
  requireName(name, "a run's name");
  updateOne("UPDATE run SET name = ?2 WHERE id = ?1", id, name);
}

void RunRepository::setFeatureImportances(std::int64_t id, const std::vector<FeatureImportance>& importances) {
  for (const auto& f : importances) requireName(f.feature, "a feature importance's feature");
  updateOne("UPDATE run SET feature_importances = ?2 WHERE id = ?1", id, importancesJson(importances).dump());
}

void RunRepository::setNotes(std::int64_t id, const std::string& notes) {
  updateOne("UPDATE run SET notes = ?2 WHERE id = ?1", id, notes);
}

void RunRepository::setTags(std::int64_t id, const std::vector<std::string>& tags) {
  for (const auto& tag : tags) requireName(tag, "a tag");
  requireWritable(db_);
  Transaction transaction(db_);
  if (db_.queryInt("SELECT count(*) FROM run WHERE id = " + std::to_string(id)) == 0)
    invalid("there is no run " + std::to_string(id), std::to_string(id));
  Statement clear = db_.prepare("DELETE FROM run_tag WHERE run_id = ?1");
  clear.bind(1, id);
  clear.run();
  Statement insert = db_.prepare("INSERT OR IGNORE INTO run_tag (run_id, tag) VALUES (?1, ?2)");
  for (const auto& tag : tags) {
    insert.bind(1, id).bind(2, tag);
    insert.run();
    insert.reset();
  }
  transaction.commit();
}

void RunRepository::setCandidate(std::int64_t id, bool candidate) {
  requireWritable(db_);
  Transaction transaction(db_);
  updateOne("UPDATE run SET candidate = ?2 WHERE id = ?1", id, std::int64_t{candidate ? 1 : 0});
  if (candidate) {
    Statement others = db_.prepare("UPDATE run SET candidate = 0 WHERE candidate <> 0 AND id <> ?1");
    others.bind(1, id);
    others.run();
  }
  transaction.commit();
}

void RunRepository::setStatus(std::int64_t id, RunStatus status) {
  updateOne("UPDATE run SET status = ?2 WHERE id = ?1", id, runStatusName(status));
}

void RunRepository::setDeleted(std::int64_t id, bool deleted) {
  updateOne("UPDATE run SET deleted = ?2 WHERE id = ?1", id, std::int64_t{deleted ? 1 : 0});
}

std::int64_t RunRepository::count() { return db_.queryInt("SELECT count(*) FROM run WHERE deleted = 0"); }

std::int64_t RunRepository::modelCount() {
  return db_.queryInt("SELECT count(*) FROM model_artifact m JOIN run r ON r.id = m.run_id WHERE r.deleted = 0");
}

}  // namespace lathe::store
