#include "engine/deploy/BatchScoringJob.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "engine/core/Error.h"
#include "engine/data/CsvWriter.h"
#include "engine/data/DataImporter.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/jobs/JobContext.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"

namespace lathe::deploy {

BatchScoringJob::BatchScoringJob(std::shared_ptr<const store::Project> project, BatchScoringRequest request)
    : project_(std::move(project)), request_(std::move(request)) {}

std::vector<std::string> BatchScoringJob::idLikeColumns(const data::Table& table) {
  std::vector<std::string> keys;
  for (const auto& column : table.columns()) {
    std::string name = column->name();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name == "id" || (name.size() > 3 && (name.ends_with("_id") || name.ends_with(" id")))) keys.push_back(column->name());
  }
  return keys;
}

void BatchScoringJob::run(jobs::JobContext& context) {
  store::Database db = project_->connect();
  ModelRegistry registry(db);
  const ModelVersionInfo version = registry.resolve(request_.model);
  reference_ = version.reference();
  const auto model = registry.load(version.id);

  const auto reading = context.subRange(0.0, 0.35);
  data::Table input;
  if (request_.datasetVersionId) {
    input = store::DatasetRepository(db).loadTable(*request_.datasetVersionId, {}, &reading);
  } else {
    if (request_.inputPath.empty()) throw Error(ErrorCode::InvalidArgument, "there is nothing to score: no file and no dataset");
    data::ImportRequest file;
    file.path = request_.inputPath;
    // A column the model knew as categories is read as such: left to guess, a CSV reader takes
    // "yes"/"no" for true/false, and the levels the model learned would never match again.
    for (const auto& column : model->inputSchema())
      if (column.type == data::ColumnType::Categorical || column.type == data::ColumnType::Text)
        file.csv.columnTypes[column.name] = column.type;
    input = data::DataImporter::import(file, reading).table;
  }
  if (input.rowCount() == 0) throw Error(ErrorCode::InvalidArgument, "there are no rows to score", {request_.inputPath});
  const auto scoring = context.subRange(0.35, 0.8);
  const ScoredRows scored = model->score(input, &scoring);
  const auto keys = request_.keys.empty() ? idLikeColumns(input) : request_.keys;
  result_ = std::make_shared<const data::Table>(model->toTable(input, scored, keys));
  context.throwIfStopped();
  if (request_.outputPath.empty()) return;
  const std::string partial = request_.outputPath + ".partial";
  try {
    data::writeCsv(*result_, partial, {}, context.subRange(0.8, 1.0));
  } catch (...) {
    std::remove(partial.c_str());
    throw;
  }
  if (std::rename(partial.c_str(), request_.outputPath.c_str()) != 0) {
    std::remove(partial.c_str());
    throw Error(ErrorCode::Io, "cannot write the predictions", {request_.outputPath});
  }
}

}  // namespace lathe::deploy
