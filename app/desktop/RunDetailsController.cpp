#include "app/desktop/RunDetailsController.h"

#include <QUndoStack>

#include "app/commands/SetRunNotesCommand.h"
#include "app/document/ProjectDocument.h"
#include "engine/core/Error.h"
#include "engine/experiments/BusinessValueCurve.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/experiments/TreeDiagram.h"
#include "widgets/panels/ExperimentsPanel.h"
#include "widgets/panels/RunDetailsPanel.h"

namespace lathe::app {

RunDetailsController::RunDetailsController(ProjectDocument* document, widgets::ExperimentsPanel* experiments,
                                           widgets::RunDetailsPanel* panel, QObject* parent)
    : QObject(parent), document_(document), panel_(panel) {
  connect(experiments, &widgets::ExperimentsPanel::selectionChanged, this, [this](const QList<qint64>& ids) {
    if (ids.size() == 1) show(ids.front());
  });
  connect(document_, &ProjectDocument::contentChanged, this, &RunDetailsController::refresh);
  connect(document_, &ProjectDocument::projectChanged, this, [this] { show(0); });
  connect(panel_, &widgets::RunDetailsPanel::notesEdited, this, [this](qint64 id, const QString& notes) {
    const auto run = document_->run(id);
    if (!run) return;
    const QString before = QString::fromStdString(run->notes);
    if (before != notes)
      document_->undoStack()->push(
          new SetRunNotesCommand(document_, id, QString::fromStdString(run->name), before, notes));
  });
}

void RunDetailsController::show(qint64 id) {
  const bool changed = id != shown_;
  shown_ = id;
  refresh();
  if (changed && shown_ != 0) emit shown(shown_);
}

void RunDetailsController::refresh() {
  if (shown_ == 0 || !document_->hasProject()) {
    shown_ = treeOf_ = 0;
    panel_->clear();
    return;
  }
  try {
    const auto run = document_->run(shown_);
    if (!run) {
      shown_ = treeOf_ = 0;
      panel_->clear();
      return;
    }
    const store::ProjectInfo info = document_->info();
    panel_->setRun(*run, info.kpi);
    panel_->setRegisterable(run->status == store::RunStatus::Finished && document_->runHasModel(run->id));
    panel_->setBusinessValue(experiments::BusinessValueCurve::of(*run, info.costs, info.kpi), info.kpi, info.costs);
    if (treeOf_ != run->id) {
      treeOf_ = run->id;
      std::optional<experiments::TreeDiagram> tree;
      if (run->algorithm == "tree")
        if (const auto model = document_->runModel(run->id))
          tree = experiments::TreeDiagram::of(experiments::TrainedModel::deserialize(
              std::string_view(reinterpret_cast<const char*>(model->bytes.data()), model->bytes.size())));
      panel_->setTree(std::move(tree));
    }
  } catch (const Error& e) {
    document_->reportFailure(tr("Show run"), QString::fromStdString(e.message()));
  }
}

}  // namespace lathe::app
