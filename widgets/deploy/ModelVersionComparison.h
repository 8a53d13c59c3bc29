#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/data/ColumnType.h"
#include "engine/deploy/ModelVersionInfo.h"

namespace lathe::widgets {

// A version against the model's production version, as the Models panel shows it: every metric
// either holds, per split (test, validation, cv, then the rest), with which way is better; the
// input columns one expects and the other does not (or with another type); and whether both
// learned from the same data. Plain data, built once per selection.
struct ModelVersionComparison {
  struct MetricRow {
    std::string split;
    std::string metric;
    std::optional<double> version;
    std::optional<double> production;
    // nullopt for a metric Lathe does not know the direction of: its difference is not coloured.
    std::optional<bool> higherIsBetter;
  };
  struct ColumnChange {
    std::string column;
    std::optional<data::ColumnType> version;     // nullopt: the version does not expect it
    std::optional<data::ColumnType> production;  // nullopt: production does not expect it
  };

  std::vector<MetricRow> metrics;
  std::vector<ColumnChange> schema;  // only the columns that differ, by name
  // Both hashes known and equal; `dataKnown` is false when either version has none (a pipeline's
  // run trains on rows that never were a stored dataset version).
  bool sameData = false;
  bool dataKnown = false;

  static ModelVersionComparison of(const deploy::ModelVersionInfo& version, const deploy::ModelVersionInfo& production);
};

}  // namespace lathe::widgets
