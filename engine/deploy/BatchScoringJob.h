#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/data/Table.h"
#include "engine/jobs/Job.h"

namespace lathe::store {
class Project;
}

namespace lathe::deploy {

// What to score and where the answers go. The rows come from a file (CSV, ARFF, JSON: anything
// DataImporter reads) or a dataset version of the project; `outputPath` empty keeps the result
// in the job only.
struct BatchScoringRequest {
  std::string model;  // "name", "name:3" or "name:production"
  std::string inputPath;
  std::optional<std::int64_t> datasetVersionId;
  std::string outputPath;
  // Columns copied into the result beside the predictions; empty: the id-like ones.
  std::vector<std::string> keys;
};

// Batch scoring with a registered version: its recipes applied as in training, then predictions,
// probabilities and the decision at the version's threshold. Progress and Cancel throughout;
// the output file appears only when complete (written beside it, then renamed).
class BatchScoringJob final : public jobs::Job {
 public:
  BatchScoringJob(std::shared_ptr<const store::Project> project, BatchScoringRequest request);
  std::string name() const override { return "Score a batch"; }
  void run(jobs::JobContext& context) override;

  // Once run() has returned.
  std::shared_ptr<const data::Table> result() const { return result_; }
  const std::string& modelReference() const { return reference_; }

  // The columns that look like row ids ("id", "*_id", "* id"), the default keys.
  static std::vector<std::string> idLikeColumns(const data::Table& table);

 private:
  std::shared_ptr<const store::Project> project_;
  BatchScoringRequest request_;
  std::shared_ptr<const data::Table> result_;
  std::string reference_;
};

}  // namespace lathe::deploy
