#pragma once
// Real data for the engine's tests: a file of the shared datasets folder (LATHE_DATASETS_DIR)
// through the real importer, as the studio reads it, and a column of a table by name.
#include <QtGlobal>
#include <stop_token>
#include <string>

#include "engine/data/Column.h"
#include "engine/data/DataImporter.h"
#include "engine/data/Table.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "TestPaths.h"

// `name` (e.g. "penguins.csv") imported with the importer's defaults.
inline lathe::data::Table importDataset(const std::string& name) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::data::ImportRequest request;
  request.path = std::string(LATHE_DATASETS_DIR) + "/" + name;
  return lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink)).table;
}

// The column called `name`; the test stops when the table has none.
inline const lathe::data::Column& columnNamed(const lathe::data::Table& table, const std::string& name) {
  const auto index = table.indexOf(name);
  if (!index) qFatal("no column %s", name.c_str());
  return table.column(*index);
}
