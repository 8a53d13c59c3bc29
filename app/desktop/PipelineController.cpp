#include "app/desktop/PipelineController.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QMimeData>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <utility>
#include <vector>

#include "app/commands/AddLinkCommand.h"
#include "app/commands/AddNodeCommand.h"
#include "app/commands/MoveNodesCommand.h"
#include "app/commands/PasteNodesCommand.h"
#include "app/commands/RemoveItemsCommand.h"
#include "app/commands/SetNodeParametersCommand.h"
#include "app/desktop/NodeParametersDialog.h"
#include "app/document/PipelineDocument.h"
#include "app/document/ProjectDocument.h"
#include "engine/pipeline/Executor.h"
#include "engine/pipeline/NodeRegistry.h"
#include "engine/pipeline/PipelineEnvironment.h"
#include "engine/pipeline/RunPipelineJob.h"
#include "widgets/canvas/NodeItem.h"
#include "widgets/canvas/NodePalette.h"
#include "widgets/canvas/NodeTypeNames.h"
#include "widgets/canvas/PipelineCanvasView.h"
#include "widgets/canvas/PipelineScene.h"

namespace lathe::app {

using pipeline::NodeState;

namespace {
const char* const kClipboardMime = "application/x-lathe-pipeline";
constexpr double kPasteOffset = 30.0;
// `lathe run` uses seed 0 unless told otherwise; the window uses the same, so a pipeline gives
// the same metrics in both.
constexpr std::uint64_t kSeed = 0;
}  // namespace

// Takes the Executor's reports on worker threads and hands them to the controller on the GUI
// thread, coalesced: states in order, progress only the latest per node, one posted event per
// burst, so a node reporting a million times costs the GUI little.
class PipelineController::StateRelay final : public pipeline::Executor::Observer {
 public:
  explicit StateRelay(PipelineController* target) : target_(target) {}

  void stateChanged(int node, NodeState state, const std::string& message) override {
    const std::lock_guard lock(mutex_);
    states_.push_back({node, state, QString::fromStdString(message)});
    progress_.erase(node);
    schedule();
  }
  void progress(int node, double fraction, const std::string&) override {
    const std::lock_guard lock(mutex_);
    progress_[node] = fraction;
    schedule();
  }
  // On the GUI thread.
  void flush() {
    std::vector<Change> states;
    std::map<int, double> progress;
    PipelineController* target = nullptr;
    {
      const std::lock_guard lock(mutex_);
      states.swap(states_);
      progress.swap(progress_);
      scheduled_ = false;
      target = target_;
    }
    if (!target) return;
    for (const Change& change : states) target->applyState(change.node, change.state, change.message);
    for (const auto& [node, fraction] : progress) target->scene_->setNodeProgress(node, fraction);
  }
  void detach() {
    const std::lock_guard lock(mutex_);
    target_ = nullptr;
  }

 private:
  struct Change {
    int node;
    NodeState state;
    QString message;
  };
  void schedule() {  // with mutex_ held
    if (scheduled_ || !target_) return;
    scheduled_ = true;
    QMetaObject::invokeMethod(target_, [this] { flush(); }, Qt::QueuedConnection);
  }

  std::mutex mutex_;
  PipelineController* target_;
  std::vector<Change> states_;
  std::map<int, double> progress_;
  bool scheduled_ = false;
};

PipelineController::PipelineController(ProjectDocument* project, JobManager* jobs, widgets::PipelineCanvasView* view,
                                       widgets::NodePalette* palette,
                                       std::shared_ptr<const pipeline::NodeRegistry> registry, QObject* parent)
    : QObject(parent),
      project_(project),
      jobs_(jobs),
      view_(view),
      palette_(palette),
      registry_(std::move(registry)),
      pipeline_(new PipelineDocument(project, this)),
      scene_(new widgets::PipelineScene(this)),
      executor_(std::make_shared<pipeline::Executor>()),
      relay_(std::make_shared<StateRelay>(this)) {
  executor_->setObserver(relay_.get());
  view_->setScene(scene_);
  view_->centerOn(300, 150);
  if (palette_) {
    palette_->setRegistry(*registry_);
    connect(palette_, &widgets::NodePalette::addRequested, this, &PipelineController::addNodeAtCentre);
  }
  createActions();
  view_->installEventFilter(this);

  connect(pipeline_, &PipelineDocument::pipelineLoaded, this, [this] {
    if (job_ != 0) jobs_->cancel(job_);
    executor_->clear();
    sticky_.clear();
    pasteCount_ = 0;
    // A pipeline just opened shows whole (once its items are on the scene).
    QTimer::singleShot(0, view_, [view = view_] { view->fitToContents(); });
  });
  connect(pipeline_, &PipelineDocument::graphChanged, this, &PipelineController::showGraph);
  connect(scene_, &widgets::PipelineScene::nodeDropped, this, &PipelineController::addNode);
  connect(scene_, &widgets::PipelineScene::linkRequested, this, &PipelineController::connectPorts);
  connect(scene_, &widgets::PipelineScene::linkRefused, this,
          [this](const QString& reason) { emit notice(tr("Cannot connect: %1").arg(reason)); });
  connect(scene_, &widgets::PipelineScene::nodesMoved, this,
          [this](const QMap<int, QPointF>& before, const QMap<int, QPointF>& after) {
            push(tr("Move nodes"), [&] { project_->undoStack()->push(new MoveNodesCommand(pipeline_, before, after)); });
          });
  connect(scene_, &widgets::PipelineScene::deleteRequested, this, [this](const QList<int>& nodes, const QList<int>& links) {
    push(tr("Remove"), [&] { project_->undoStack()->push(new RemoveItemsCommand(pipeline_, nodes, links)); });
  });
  connect(scene_, &widgets::PipelineScene::copyRequested, this, &PipelineController::copySelection);
  connect(scene_, &widgets::PipelineScene::pasteRequested, this, &PipelineController::paste);
  connect(scene_, &widgets::PipelineScene::selectionChanged, this, &PipelineController::runnableChanged);
  connect(scene_, &widgets::PipelineScene::nodeDoubleClicked, this, [this](int node) {
    const pipeline::GraphNode* shown = pipeline_->graph().node(node);
    if (!shown) return;
    const QString type = QString::fromStdString(shown->type);
    emit nodeEditRequested(node, type);
    if (!externallyEdited_.contains(type)) editParameters(node);
  });
  showGraph();
}

PipelineController::~PipelineController() {
  // A run still going (the window shuts the jobs down first) must not report to us any more.
  relay_->detach();
}

bool PipelineController::hasNodes() const { return !pipeline_->graph().nodes().empty(); }

bool PipelineController::hasSelectedNode() const { return !scene_->selectedNodeIds().isEmpty(); }

bool PipelineController::push(const QString& action, const std::function<void()>& pushIt) {
  try {
    pipeline_->ensureProject();  // before the push: opening a project clears the history
  } catch (const std::exception& e) {
    project_->reportFailure(action, QString::fromUtf8(e.what()));
    return false;
  }
  pushIt();
  return true;
}

void PipelineController::addNode(const QString& type, QPointF position) {
  const pipeline::NodeType* kind = registry_->find(type.toStdString());
  if (!kind) return;
  const QString title = widgets::NodeTypeNames::title(*kind);
  push(tr("Add node"), [&] {
    project_->undoStack()->push(new AddNodeCommand(pipeline_, kind->id, title, widgets::NodeItem::snapped(position)));
  });
}

void PipelineController::addNodeAtCentre(const QString& type) {
  QPointF at = widgets::NodeItem::snapped(view_->mapToScene(view_->viewport()->rect().center()));
  // Not on top of another node: step down and right until the place is free.
  auto taken = [this](QPointF place) {
    for (const auto& [id, node] : pipeline_->graph().nodes())
      if (std::abs(node.x - place.x()) < 20 && std::abs(node.y - place.y()) < 20) return true;
    return false;
  };
  for (int step = 0; step < 50 && taken(at); ++step) at += QPointF(30, 30);
  addNode(type, at);
}

void PipelineController::connectPorts(int fromNode, int fromPort, int toNode, int toPort) {
  const QString reason = scene_->refusalReason(fromNode, fromPort, toNode, toPort);
  if (!reason.isEmpty()) {
    emit notice(tr("Cannot connect: %1").arg(reason));
    return;
  }
  push(tr("Connect nodes"), [&] {
    project_->undoStack()->push(new AddLinkCommand(pipeline_, fromNode, fromPort, toNode, toPort));
  });
}

void PipelineController::removeSelection() {
  const QList<int> nodes = scene_->selectedNodeIds();
  const QList<int> links = scene_->selectedLinkIds();
  if (nodes.isEmpty() && links.isEmpty()) return;
  push(tr("Remove"), [&] { project_->undoStack()->push(new RemoveItemsCommand(pipeline_, nodes, links)); });
}

void PipelineController::copySelection() {
  const QList<int> nodes = scene_->selectedNodeIds();
  if (nodes.isEmpty()) return;
  auto* mime = new QMimeData;
  mime->setData(QLatin1String(kClipboardMime),
                QByteArray::fromStdString(PasteNodesCommand::copy(pipeline_->graph(), nodes).dump()));
  QApplication::clipboard()->setMimeData(mime);
  pasteCount_ = 0;
  emit notice(tr("Copied %n node(s)", nullptr, int(nodes.size())));
}

void PipelineController::paste() {
  const QMimeData* mime = QApplication::clipboard()->mimeData();
  if (!mime || !mime->hasFormat(QLatin1String(kClipboardMime))) return;
  const auto copied = nlohmann::json::parse(mime->data(QLatin1String(kClipboardMime)).toStdString(), nullptr, false);
  if (copied.is_discarded()) return;
  ++pasteCount_;
  PasteNodesCommand* command = nullptr;
  push(tr("Paste nodes"), [&] {
    command = new PasteNodesCommand(pipeline_, copied, QPointF(kPasteOffset, kPasteOffset) * pasteCount_);
    project_->undoStack()->push(command);
  });
  // The pasted nodes are selected, so a drag moves them together.
  if (command && !command->isObsolete()) scene_->selectNodes(command->pastedNodes());
}

void PipelineController::align(bool left) {
  const QList<int> nodes = scene_->selectedNodeIds();
  if (nodes.size() < 2) return;
  QMap<int, QPointF> before;
  double edge = std::numeric_limits<double>::max();
  for (const int id : nodes) {
    const pipeline::GraphNode* node = pipeline_->graph().node(id);
    if (!node) continue;
    before.insert(id, QPointF(node->x, node->y));
    edge = std::min(edge, left ? node->x : node->y);
  }
  QMap<int, QPointF> after;
  for (auto it = before.begin(); it != before.end(); ++it)
    after.insert(it.key(), left ? QPointF(edge, it.value().y()) : QPointF(it.value().x(), edge));
  if (after == before) return;
  const QString text = left ? tr("Align left") : tr("Align top");
  push(text, [&] { project_->undoStack()->push(new MoveNodesCommand(pipeline_, before, after, text)); });
}

void PipelineController::alignLeft() { align(true); }

void PipelineController::alignTop() { align(false); }

QString PipelineController::nodeTitle(int node) const {
  const pipeline::GraphNode* shown = pipeline_->graph().node(node);
  const pipeline::NodeType* kind = shown ? registry_->find(shown->type) : nullptr;
  if (!kind) return {};
  return shown->title.empty() ? widgets::NodeTypeNames::title(*kind) : QString::fromStdString(shown->title);
}

void PipelineController::editParameters(int node) {
  const pipeline::GraphNode* shown = pipeline_->graph().node(node);
  const pipeline::NodeType* kind = shown ? registry_->find(shown->type) : nullptr;
  if (!kind) return;
  const QString title = nodeTitle(node);
  auto* dialog = new NodeParametersDialog(title, kind->defaultParameters, shown->parameters, view_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  const nlohmann::json before = shown->parameters;
  connect(dialog, &QDialog::accepted, this, [this, dialog, node, title, before] {
    const nlohmann::json after = dialog->parameters();
    if (after == before || !pipeline_->graph().node(node)) return;
    push(tr("Edit node"), [&] {
      project_->undoStack()->push(new SetNodeParametersCommand(pipeline_, node, title, before, after));
    });
  });
  dialog->open();
}

void PipelineController::runAll() { run({}); }

void PipelineController::runSelected() {
  const QList<int> nodes = scene_->selectedNodeIds();
  if (nodes.isEmpty()) {
    emit notice(tr("Select the node to run first"));
    return;
  }
  run(std::vector<int>(nodes.begin(), nodes.end()));
}

void PipelineController::cancel() {
  if (job_ != 0) jobs_->cancel(job_);
}

void PipelineController::run(const std::vector<int>& targets) {
  if (job_ != 0) {
    emit notice(tr("The pipeline is already running"));
    return;
  }
  if (!hasNodes()) {
    emit notice(tr("Add nodes to the pipeline to run it"));
    return;
  }
  // The job runs a copy of the graph: edits on the canvas meanwhile wait for the next run.
  executor_->setEnvironment(pipeline::PipelineEnvironment::make(project_->project(), kSeed, pipeline_->graph()),
                            pipeline::PipelineEnvironment::fingerprint(kSeed));
  auto job = std::make_shared<pipeline::RunPipelineJob>(executor_, pipeline_->graph(), registry_, targets);
  const std::shared_ptr<StateRelay> relay = relay_;
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, job] {
    const auto& summary = job->summary();
    emit notice(tr("Pipeline done: %1 node(s) ran, %2 reused").arg(summary.ran).arg(summary.reused));
  };
  callbacks.failed = [this](const QString& error) { emit notice(tr("The pipeline stopped: %1").arg(error)); };
  callbacks.ended = [this, relay, job] {
    relay->flush();
    project_->notifyContentChanged();  // the runs its Train nodes recorded, even when it stopped early
    job_ = 0;
    if (job->summary().cancelled) emit notice(tr("Pipeline run cancelled"));
    refreshStates();
    emit runningChanged(false);
    emit runnableChanged();
    if (const auto after = std::exchange(afterRun_, {})) after();
  };
  job_ = jobs_->submit(job, tr("Run pipeline “%1”").arg(pipeline_->name()), std::move(callbacks));
  emit runningChanged(true);
}

void PipelineController::withInputTable(int node, int port,
                                        std::function<void(std::shared_ptr<const data::Table>)> use) {
  const pipeline::GraphLink* link = nullptr;
  for (const auto& [id, candidate] : pipeline_->graph().links())
    if (candidate.toNode == node && candidate.toPort == port) link = &candidate;
  if (!link) {
    use(nullptr);
    return;
  }
  const auto current = [this, from = link->fromNode, fromPort = link->fromPort]() -> std::shared_ptr<const data::Table> {
    try {
      const auto outputs = executor_->outputs(pipeline_->graph(), *registry_, from);
      if (outputs && fromPort >= 0 && static_cast<std::size_t>(fromPort) < outputs->size())
        return (*outputs)[static_cast<std::size_t>(fromPort)].get<data::Table>();
    } catch (const std::exception&) {
      // A graph the executor cannot read: no table; running it says why.
    }
    return nullptr;
  };
  if (auto table = current()) {
    use(std::move(table));
    return;
  }
  if (job_ != 0) {
    emit notice(tr("Wait for the run to finish, then open the node again"));
    return;
  }
  const QString title = nodeTitle(node);
  emit notice(tr("Running the nodes before “%1” to show what reaches it…").arg(title));
  const int from = link->fromNode;
  run({from});
  if (job_ == 0) return;  // refused; run() said why
  afterRun_ = [this, current, use = std::move(use), title] {
    if (auto table = current()) use(std::move(table));
    else emit notice(tr("The nodes before “%1” did not finish: the canvas shows why").arg(title));
  };
}

void PipelineController::showGraph() {
  scene_->setGraph(pipeline_->graph(), *registry_);
  refreshStates();
  emit runnableChanged();
}

void PipelineController::applyState(int node, NodeState state, const QString& message) {
  if (state == NodeState::Failed || state == NodeState::Cancelled) {
    const pipeline::GraphNode* shown = pipeline_->graph().node(node);
    sticky_[node] = {state, message, shown ? shown->parameters : nlohmann::json()};
  } else {
    sticky_.erase(node);
  }
  scene_->setNodeState(node, state, message);
}

void PipelineController::refreshStates() {
  if (job_ != 0) return;  // the run reports states as they change
  std::map<int, NodeState> states;
  try {
    states = executor_->states(pipeline_->graph(), *registry_);
  } catch (const std::exception&) {
    return;
  }
  for (const auto& [id, state] : states) {
    const auto sticky = sticky_.find(id);
    const pipeline::GraphNode* node = pipeline_->graph().node(id);
    if (sticky != sticky_.end() && state != NodeState::Done && node && node->parameters == sticky->second.parameters) {
      scene_->setNodeState(id, sticky->second.state, sticky->second.message);
      continue;
    }
    if (sticky != sticky_.end()) sticky_.erase(sticky);
    scene_->setNodeState(id, state);
  }
}

void PipelineController::createActions() {
  deleteAction_ = new QAction(this);
  connect(deleteAction_, &QAction::triggered, this, &PipelineController::removeSelection);
  copyAction_ = new QAction(this);
  connect(copyAction_, &QAction::triggered, this, &PipelineController::copySelection);
  pasteAction_ = new QAction(this);
  connect(pasteAction_, &QAction::triggered, this, &PipelineController::paste);
  alignLeftAction_ = new QAction(this);
  alignLeftAction_->setObjectName(QStringLiteral("canvas.alignLeft"));
  connect(alignLeftAction_, &QAction::triggered, this, &PipelineController::alignLeft);
  alignTopAction_ = new QAction(this);
  alignTopAction_->setObjectName(QStringLiteral("canvas.alignTop"));
  connect(alignTopAction_, &QAction::triggered, this, &PipelineController::alignTop);
  // The keys themselves reach the scene (Delete, Ctrl+C, Ctrl+V); these show in the context
  // menu with the key to press.
  deleteAction_->setShortcut(QKeySequence::Delete);
  copyAction_->setShortcut(QKeySequence::Copy);
  pasteAction_->setShortcut(QKeySequence::Paste);
  for (QAction* action : {deleteAction_, copyAction_, pasteAction_, alignLeftAction_, alignTopAction_}) {
    action->setShortcutContext(Qt::WidgetShortcut);  // never competes with the data table's Copy
    view_->addAction(action);
  }
  view_->setContextMenuPolicy(Qt::ActionsContextMenu);
  retranslate();
}

void PipelineController::retranslate() {
  deleteAction_->setText(tr("&Delete"));
  copyAction_->setText(tr("&Copy"));
  pasteAction_->setText(tr("&Paste"));
  alignLeftAction_->setText(tr("Align &Left"));
  alignLeftAction_->setToolTip(tr("Line the selected nodes up on the leftmost one"));
  alignTopAction_->setText(tr("Align &Top"));
  alignTopAction_->setToolTip(tr("Line the selected nodes up on the topmost one"));
}

bool PipelineController::eventFilter(QObject* watched, QEvent* event) {
  if (watched == view_ && event->type() == QEvent::LanguageChange) retranslate();
  return QObject::eventFilter(watched, event);
}

}  // namespace lathe::app
