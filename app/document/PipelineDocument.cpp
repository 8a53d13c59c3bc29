#include "app/document/PipelineDocument.h"

#include "app/document/ProjectDocument.h"
#include "engine/core/Error.h"
#include "engine/store/PipelineRepository.h"

namespace lathe::app {
namespace {
// Stored names are data, not UI text: the CLI finds the pipeline by it (`--pipeline Pipeline`).
const char* const kDefaultName = "Pipeline";
}  // namespace

PipelineDocument::PipelineDocument(ProjectDocument* project, QObject* parent)
    : QObject(parent), project_(project), name_(QLatin1String(kDefaultName)) {
  connect(project_, &ProjectDocument::projectChanged, this, &PipelineDocument::reload);
  reload();
}

void PipelineDocument::ensureProject() { project_->ensureProject(); }

void PipelineDocument::reload() {
  graph_ = pipeline::Graph();
  name_ = QLatin1String(kDefaultName);
  if (project_->hasProject()) {
    try {
      store::PipelineRepository pipelines(project_->project()->db());
      const auto stored = pipelines.list();
      // With none stored, "Pipeline" is written by the first edit: opening a project never
      // writes to it.
      if (!stored.empty()) {
        name_ = QString::fromStdString(stored.front().name);
        graph_ = pipeline::Graph::fromJsonText(stored.front().definitionJson);
      }
    } catch (const std::exception& e) {
      // A damaged pipeline opens empty and says why; the project itself stays usable.
      graph_ = pipeline::Graph();
      project_->reportFailure(tr("Open pipeline “%1”").arg(name_), QString::fromUtf8(e.what()));
    }
  }
  emit pipelineLoaded();
  emit graphChanged();
}

void PipelineDocument::save(const pipeline::Graph& graph) {
  if (!project_->hasProject()) throw Error(ErrorCode::InvalidArgument, "no project is open");
  store::PipelineRepository(project_->project()->db()).save(name_.toStdString(), graph.toJson().dump());
}

void PipelineDocument::edit(const std::function<void(pipeline::Graph&)>& change) {
  pipeline::Graph changed = graph_;
  change(changed);
  save(changed);
  graph_ = std::move(changed);
  emit graphChanged();
}

}  // namespace lathe::app
