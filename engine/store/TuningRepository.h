#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/ExperimentRun.h"

namespace lathe::store {

class Database;

// A tuning as the project keeps it: the request that drives it (JSON) and how it ended.
struct TuningRecord {
  std::int64_t id = 0;
  std::string name;
  std::string algorithm;
  std::string target;
  std::optional<std::int64_t> datasetVersionId;
  std::string requestJson = "{}";
  RunStatus status = RunStatus::Running;
  std::optional<std::int64_t> bestRunId;
  std::string createdAt;
  std::string modifiedAt;
};

// The project's tunings. Their trials are ordinary runs tagged "tuning:<id>" (trialTag).
class TuningRepository {
 public:
  explicit TuningRepository(Database& db) : db_(db) {}

  static std::string trialTag(std::int64_t tuningId) { return "tuning:" + std::to_string(tuningId); }

  // Stores a new tuning (its id, status and times are set here); returns its id.
  std::int64_t add(const TuningRecord& tuning);
  std::optional<TuningRecord> get(std::int64_t id);
  // Newest first.
  std::vector<TuningRecord> list();
  void finish(std::int64_t id, RunStatus status, std::optional<std::int64_t> bestRunId);

 private:
  Database& db_;
};

}  // namespace lathe::store
