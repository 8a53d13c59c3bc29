#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/ExperimentRun.h"

namespace lathe::store {

class Database;

// Experiment runs in the project: each with its metrics, curves, confusion matrices, tags and
// (optionally) its trained model, zstd-compressed with its SHA-256. Every write is one
// transaction. Deleting only hides a run, so undo can bring it back with everything it had.
// Failures throw lathe::Error: InvalidArgument for a bad run or an unknown id, Io for a
// read-only project, Corrupt for a damaged model or a damaged stored row.
class RunRepository {
 public:
  // Models above this size are refused on add and treated as damaged on read (bounded memory).
  static constexpr std::int64_t kMaxModelBytes = std::int64_t{1} << 31;

  explicit RunRepository(Database& db) : db_(db) {}

  // Stores the run and everything it carries (its id is ignored); returns the new id. Metric
  // values that are not finite are stored as NULL and read back as NaN. Marking it a candidate
  // clears every other run's mark.
  std::int64_t add(const ExperimentRun& run, const ModelArtifact* model = nullptr);
  // Adds scores made after the run was stored (a pipeline's Evaluate node scores the model on
  // its test rows) to run `id`: the metrics, curves and confusion matrices of `results`,
  // replacing those the run had for the same splits; everything else in `results` is ignored.
  // One transaction.
  void addResults(std::int64_t id, const ExperimentRun& results);

  // The runs not deleted, oldest first, with their tags and metrics: a few set-based queries,
  // not one per run, so 10,000 runs list in a fraction of a second.
  std::vector<RunSummary> list();
  // A run by id, deleted or not (undo and lineage need deleted ones too); nullopt if none.
  std::optional<ExperimentRun> get(std::int64_t id);
  // The runs not deleted that carry `tag` (a tuning's trials), oldest first, with their
  // parameters, validation, metrics and tags but without curves, confusion matrices or models:
  // set-based queries, so a tuning of a thousand trials loads at once.
  std::vector<ExperimentRun> tagged(const std::string& tag);
  // The run's model, decompressed and checked against its size and SHA-256; nullopt if the run
  // has none. Error(Corrupt) when the stored bytes do not match.
  std::optional<ModelArtifact> model(std::int64_t id);
  // Whether the run kept a model, without reading it.
  bool hasModel(std::int64_t id);

  void rename(std::int64_t id, const std::string& name);
  void setNotes(std::int64_t id, const std::string& notes);
  // Replaces the run's feature importances (a tuning's winner gets them once refitted on all rows).
  void setFeatureImportances(std::int64_t id, const std::vector<FeatureImportance>& importances);
  // Replaces the run's tags (duplicates kept once).
  void setTags(std::int64_t id, const std::vector<std::string>& tags);
  // Marking a run clears every other run's mark: a project has at most one candidate.
  void setCandidate(std::int64_t id, bool candidate);
  void setStatus(std::int64_t id, RunStatus status);
  // Hides (or restores) a run; its data stays in the file.
  void setDeleted(std::int64_t id, bool deleted);
  // Gives a stored run its model (replacing one it had): a tuning fits the model of its best
  // trial only once the search has found it. One transaction.
  void attachModel(std::int64_t id, const ModelArtifact& model);

  // Runs not deleted, and the models of those runs.
  std::int64_t count();
  std::int64_t modelCount();

 private:
  void insertDetails(std::int64_t id, const ExperimentRun& run);
  void insertModel(std::int64_t id, const ModelArtifact& model);
  // Runs a one-row UPDATE of `sql` (?1 = the id, ?2 = the value); an unknown id is an error.
  template <typename Value>
  void updateOne(const char* sql, std::int64_t id, const Value& value);

  Database& db_;
};

}  // namespace lathe::store
