#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/ExperimentRun.h"
#include "engine/store/TuningRepository.h"
#include "engine/tune/Trial.h"

namespace lathe::store {
class Database;
}

namespace lathe::tune {

// One stored trial with the algorithm it tried (AutoML mixes families) and its run.
struct TrialRecord {
  std::string algorithm;
  Trial trial;
};

// A tuning or AutoML search as the project holds it: its record, its objective and direction,
// and its trials read back from their runs (tagged "tuning:<id>"), in the order they ran. What
// resume() carries on from and what the studio's tuning view draws.
struct TuningHistory {
  store::TuningRecord record;
  std::string objective;
  bool maximize = true;
  std::vector<TrialRecord> trials;
  // The runs behind the trials (same order), without curves: parallel coordinates draw them.
  std::vector<store::ExperimentRun> runs;

  // Throws lathe::Error(InvalidArgument) for an unknown tuning.
  static TuningHistory load(store::Database& db, std::int64_t tuningId);
  // The best complete trial, null when none scored.
  const TrialRecord* best() const;
  // A run as a trial (its "tuning" block in the validation JSON); nullopt for a run that is not one.
  static std::optional<TrialRecord> trialOf(const store::ExperimentRun& run);
};

}  // namespace lathe::tune
