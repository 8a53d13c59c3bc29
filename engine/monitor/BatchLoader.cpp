#include "engine/monitor/BatchLoader.h"

#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/store/Database.h"
#include "engine/store/DatasetRepository.h"

namespace lathe::monitor {
namespace {

store::DatasetVersionInfo findVersion(store::Database& db, const std::string& name, std::optional<std::int64_t> versionId) {
  store::DatasetRepository datasets(db);
  for (const auto& dataset : datasets.list()) {
    if (dataset.name != name || dataset.versions.empty()) continue;
    if (!versionId) return dataset.versions.back();
    for (const auto& v : dataset.versions)
      if (v.id == *versionId) return v;
  }
  throw Error(ErrorCode::InvalidArgument, "the project has no dataset \"" + name + "\"" +
                                              (versionId ? " with version id " + std::to_string(*versionId) : ""),
              {}, name);
}

}  // namespace

data::Table BatchLoader::file(const std::string& path, const Baseline* baseline, const jobs::JobContext& context) {
  data::ImportRequest request;
  request.path = path;
  if (baseline)
    for (const auto& feature : baseline->features)
      if (feature.type == "categorical" || feature.type == "text")
        request.csv.columnTypes[feature.name] = *data::columnTypeFromName(feature.type);
  return data::DataImporter::import(request, context).table;
}

data::Table BatchLoader::dataset(store::Database& db, const std::string& name, std::optional<std::int64_t> versionId,
                                 const jobs::JobContext& context) {
  const auto version = findVersion(db, name, versionId);
  return store::DatasetRepository(db).loadTable(version.id, {}, &context);
}

std::string BatchLoader::datasetLabel(store::Database& db, const std::string& name, std::optional<std::int64_t> versionId) {
  return "dataset " + name + " v" + std::to_string(findVersion(db, name, versionId).version);
}

}  // namespace lathe::monitor
