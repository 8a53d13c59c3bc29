#pragma once
#include <QObject>
#include <QString>
#include <functional>

#include "engine/pipeline/Graph.h"

namespace lathe::app {

class ProjectDocument;

// The pipeline open on the canvas: the Graph of the project's pipeline. When a project opens it
// loads the project's first pipeline, or starts an empty one called "Pipeline" when there is
// none (stored by its first edit). Every edit (the undo commands in app/commands call edit()) is saved to the project at
// once, one transaction, and then shown (graphChanged), so the file always holds what the
// canvas shows.
class PipelineDocument : public QObject {
  Q_OBJECT
 public:
  explicit PipelineDocument(ProjectDocument* project, QObject* parent = nullptr);

  ProjectDocument* project() const { return project_; }
  const pipeline::Graph& graph() const { return graph_; }
  // The stored pipeline's name; "Pipeline" for a new one.
  QString name() const { return name_; }

  // Makes sure there is a project to keep the pipeline in (Lathe's scratch project if none is
  // open), so the first node dropped is never only in memory. Call it before pushing an edit:
  // opening a project clears the undo history. Throws lathe::Error.
  void ensureProject();
  // Applies `change` to a copy of the graph, saves the copy, then makes it the pipeline and
  // emits graphChanged. If the change or the save throws (lathe::Error), nothing changes.
  void edit(const std::function<void(pipeline::Graph&)>& change);
  // Reads the project's pipeline again.
  void reload();

 signals:
  void graphChanged();
  // Another pipeline is open (another project, or none): outputs cached for the old one are void.
  void pipelineLoaded();

 private:
  void save(const pipeline::Graph& graph);

  ProjectDocument* project_;
  pipeline::Graph graph_;
  QString name_;
};

}  // namespace lathe::app
