#pragma once
// Shared by the recipe step tests: penguins.csv through the real importer, and small helpers to
// build and read columns.
#include <QtTest>
#include <cmath>
#include <stop_token>
#include <string>
#include <vector>

#include "engine/data/DataImporter.h"
#include "engine/data/Table.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "TestPaths.h"

namespace wrangle_test {

inline lathe::data::Table importDataset(const std::string& name) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::data::ImportRequest request;
  request.path = std::string(LATHE_DATASETS_DIR) + "/" + name;
  return lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink)).table;
}

// penguins.csv: 344 rows; Species, Island, Sex categorical; four float64 measurements with 2
// missing each (rows 4 and 340, 1-based); Sex with 10 missing and one "." (pandas agrees).
inline const lathe::data::Table& penguins() {
  static const lathe::data::Table table = importDataset("penguins.csv");
  return table;
}

inline const lathe::data::Column& col(const lathe::data::Table& table, const std::string& name) {
  const auto index = table.indexOf(name);
  if (!index) qFatal("no column %s", name.c_str());
  return table.column(*index);
}

inline std::vector<std::string> names(const lathe::data::Table& table) {
  std::vector<std::string> out;
  for (const auto& column : table.columns()) out.push_back(column->name());
  return out;
}

inline double sumPresent(const lathe::data::Column& column) {
  double sum = 0;
  for (std::size_t row = 0; row < column.size(); ++row)
    if (column.isValid(row)) sum += column.numericAt(row);
  return sum;
}

inline bool close(double a, double b, double tolerance = 1e-9) {
  return std::abs(a - b) <= tolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

inline std::shared_ptr<const lathe::data::Column> textColumn(const std::string& name,
                                                             const std::vector<std::string>& cells,
                                                             const std::vector<bool>& missing = {}) {
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  lathe::data::Validity validity;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    bytes += cells[i];
    offsets.push_back(bytes.size());
    if (i < missing.size() && missing[i]) validity.setMissing(i, cells.size());
  }
  return lathe::data::Column::text(name, std::move(offsets), std::move(bytes), std::move(validity));
}

}  // namespace wrangle_test
