#include "engine/deploy/AbTestJob.h"

#include "engine/data/DataImporter.h"
#include "engine/deploy/AbTestAnalysis.h"
#include "engine/deploy/EndpointRegistry.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/jobs/JobContext.h"
#include "engine/store/Project.h"

namespace lathe::deploy {

AbTestJob::AbTestJob(std::shared_ptr<const store::Project> project, std::string endpoint, std::string labelsPath,
                     std::string keyColumn, std::string labelColumn, AbTestSettings settings)
    : project_(std::move(project)),
      endpoint_(std::move(endpoint)),
      labelsPath_(std::move(labelsPath)),
      keyColumn_(std::move(keyColumn)),
      labelColumn_(std::move(labelColumn)),
      settings_(std::move(settings)) {}

void AbTestJob::run(jobs::JobContext& context) {
  store::Database db = project_->connect();
  const auto info = EndpointRegistry(db).get(endpoint_);
  if (settings_.positiveClass.empty() && !info.variants.empty()) {
    const auto model = ModelRegistry(db).load(info.variants.front().modelVersionId);
    if (model->classes().size() == 2) settings_.positiveClass = model->classes()[1];
  }
  data::ImportRequest request;
  request.path = labelsPath_;
  // The server logs each key as the text the client sent: read the labels' keys as text too, so
  // that "007" meets "007" rather than the number 7.
  request.csv.columnTypes[keyColumn_] = data::ColumnType::Text;
  const data::Table labels = data::DataImporter::import(request, context.subRange(0.0, 0.3)).table;
  context.progress(0.3, "joining the labels");
  joined_ = AbLabelJoin::join(db, info.id, labels, keyColumn_, labelColumn_, settings_.positiveClass);
  context.throwIfStopped();
  context.progress(0.5, "comparing the variants");
  result_ = AbTestAnalysis::analyze(joined_.records, settings_);
  context.progress(1.0, "compared");
}

}  // namespace lathe::deploy
