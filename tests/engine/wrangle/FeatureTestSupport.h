#pragma once
// Shared by the feature-step tests: importing the real datasets, taking rows, catching errors.
#include <QtTest>

#include <cmath>
#include <numeric>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "engine/core/Error.h"
#include "engine/data/ColumnGather.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "engine/wrangle/RecipeStep.h"
#include "engine/wrangle/StepRegistry.h"
#include "TestPaths.h"

namespace feature_test {

inline const std::string kDatasets = LATHE_DATASETS_DIR;

inline lathe::data::Table importDataset(const std::string& name) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::data::ImportRequest request;
  request.path = kDatasets + "/" + name;
  return lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink)).table;
}

// Rows [from, to) of `table`.
inline lathe::data::Table rowsOf(const lathe::data::Table& table, std::size_t from, std::size_t to) {
  std::vector<std::size_t> rows(to - from);
  std::iota(rows.begin(), rows.end(), from);
  return lathe::data::gatherTable(table, rows);
}

inline const lathe::data::Column& columnOf(const lathe::data::Table& table, const std::string& name) {
  const auto index = table.indexOf(name);
  if (!index) throw std::runtime_error("no column " + name);
  return table.column(*index);
}

inline std::vector<std::string> namesOf(const lathe::data::Table& table) {
  std::vector<std::string> names;
  for (const auto& column : table.columns()) names.push_back(column->name());
  return names;
}

inline std::size_t countTrue(const lathe::data::Column& column) {
  std::size_t n = 0;
  for (auto v : column.boolValues()) n += v != 0;
  return n;
}

// The lathe::Error `body` throws, or nothing.
template <typename Body>
std::optional<lathe::Error> errorOf(Body&& body) {
  try {
    body();
  } catch (const lathe::Error& e) {
    return e;
  }
  return std::nullopt;
}

// A copy of `step` made the way a project reloads it: parameters through the registry, then the
// fitted state, both through JSON text.
inline std::unique_ptr<lathe::wrangle::RecipeStep> reloaded(const lathe::wrangle::RecipeStep& step) {
  const auto parameters = nlohmann::json::parse(step.parameters().dump());
  auto copy = lathe::wrangle::StepRegistry::create(step.kind(), parameters);
  copy->restoreFittedState(nlohmann::json::parse(step.fittedState().dump()));
  return copy;
}

// Two tables with the same names, types, validity and values (text as shown).
inline bool sameTable(const lathe::data::Table& a, const lathe::data::Table& b) {
  if (a.rowCount() != b.rowCount() || a.columnCount() != b.columnCount()) return false;
  for (std::size_t c = 0; c < a.columnCount(); ++c) {
    const auto& x = a.column(c);
    const auto& y = b.column(c);
    if (x.name() != y.name() || x.type() != y.type()) return false;
    for (std::size_t row = 0; row < a.rowCount(); ++row)
      if (x.isValid(row) != y.isValid(row) || x.displayText(row) != y.displayText(row)) return false;
  }
  return true;
}

}  // namespace feature_test
