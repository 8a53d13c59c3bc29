#pragma once
#include <QObject>
#include <QPointF>
#include <QSet>
#include <functional>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/jobs/JobManager.h"
#include "engine/data/Table.h"
#include "engine/pipeline/NodeState.h"

class QAction;

namespace lathe::pipeline {
class Executor;
class NodeRegistry;
}  // namespace lathe::pipeline

namespace lathe::widgets {
class NodePalette;
class PipelineCanvasView;
class PipelineScene;
}  // namespace lathe::widgets

namespace lathe::app {

class PipelineDocument;
class ProjectDocument;

// Drives the pipeline canvas: the scene mirrors the PipelineDocument's graph, and what the user
// does there (drop a node type, link ports, move, delete, copy and paste, align) becomes an undo
// command on the project's stack. Run all / Run node run a RunPipelineJob through the JobManager
// with one Executor kept between runs (so done nodes are reused); node states and progress come
// back from worker threads through an Executor::Observer that posts them to the GUI thread.
// Double-clicking a node emits nodeEditRequested; kinds nobody else edits get a parameters form.
class PipelineController : public QObject {
  Q_OBJECT
 public:
  PipelineController(ProjectDocument* project, JobManager* jobs, widgets::PipelineCanvasView* view,
                     widgets::NodePalette* palette, std::shared_ptr<const pipeline::NodeRegistry> registry,
                     QObject* parent = nullptr);
  ~PipelineController() override;

  PipelineDocument* document() const { return pipeline_; }
  widgets::PipelineScene* scene() const { return scene_; }
  const std::shared_ptr<pipeline::Executor>& executor() const { return executor_; }
  const pipeline::NodeRegistry& registry() const { return *registry_; }
  bool hasNodes() const;
  bool hasSelectedNode() const;
  // The node's title as the canvas shows it (its type's name when it has none); empty if no node.
  QString nodeTitle(int node) const;
  bool isRunning() const { return job_ != 0; }
  JobManager::JobId runningJob() const { return job_; }

  // Node kinds whose double-click someone else handles (PipelineNodeEditors: the data wrangler
  // for Recipe, the training panel for Train); every other kind opens the parameters form.
  void setExternallyEdited(const QSet<QString>& types) { externallyEdited_ = types; }

  // Calls `use` with the table reaching input `port` of `node`: the linked node's output when it
  // is current, else once a run of that node (and what it needs) has made it. Nothing linked:
  // `use(nullptr)` at once. When the run fails, `use` is not called (the canvas shows why).
  void withInputTable(int node, int port, std::function<void(std::shared_ptr<const data::Table>)> use);

  // The canvas's edit actions (also in its context menu), for a menu to show.
  QAction* deleteAction() const { return deleteAction_; }
  QAction* copyAction() const { return copyAction_; }
  QAction* pasteAction() const { return pasteAction_; }
  QAction* alignLeftAction() const { return alignLeftAction_; }
  QAction* alignTopAction() const { return alignTopAction_; }

 public slots:
  void addNode(const QString& type, QPointF position);
  void addNodeAtCentre(const QString& type);
  void connectPorts(int fromNode, int fromPort, int toNode, int toPort);
  void removeSelection();
  void copySelection();
  void paste();
  void alignLeft();
  void alignTop();
  void editParameters(int node);
  // F5: every stale node. Run node: the selected nodes and what they need.
  void runAll();
  void runSelected();
  void cancel();

 signals:
  void nodeEditRequested(int nodeId, const QString& type);
  // A sentence for the status bar: a refused link, a finished run.
  void notice(const QString& text);
  void runningChanged(bool running);
  // The pipeline's nodes or the selection changed: Run's enabled state may change.
  void runnableChanged();

 private:
  class StateRelay;

  bool push(const QString& action, const std::function<void()>& pushIt);
  void run(const std::vector<int>& targets);
  void showGraph();
  void refreshStates();
  void applyState(int node, pipeline::NodeState state, const QString& message);
  void align(bool left);
  void createActions();
  void retranslate();
  bool eventFilter(QObject* watched, QEvent* event) override;

  ProjectDocument* project_;
  JobManager* jobs_;
  widgets::PipelineCanvasView* view_;
  widgets::NodePalette* palette_;
  std::shared_ptr<const pipeline::NodeRegistry> registry_;
  PipelineDocument* pipeline_;
  widgets::PipelineScene* scene_;
  std::shared_ptr<pipeline::Executor> executor_;
  std::shared_ptr<StateRelay> relay_;
  JobManager::JobId job_ = 0;
  int pasteCount_ = 0;
  QSet<QString> externallyEdited_;
  // A failure or cancel stays on its node until the node's parameters change or it runs again.
  struct Sticky {
    pipeline::NodeState state;
    QString message;
    nlohmann::json parameters;
  };
  std::map<int, Sticky> sticky_;
  std::function<void()> afterRun_;  // withInputTable's, once the run it started ends
  QAction* deleteAction_ = nullptr;
  QAction* copyAction_ = nullptr;
  QAction* pasteAction_ = nullptr;
  QAction* alignLeftAction_ = nullptr;
  QAction* alignTopAction_ = nullptr;
};

}  // namespace lathe::app
