#include "app/commands/MoveNodesCommand.h"

#include <QCoreApplication>

namespace lathe::app {

MoveNodesCommand::MoveNodesCommand(PipelineDocument* document, QMap<int, QPointF> before, QMap<int, QPointF> after,
                                   const QString& text)
    : PipelineCommand(document, text.isEmpty() ? QCoreApplication::translate("MoveNodesCommand", "Move %n node(s)",
                                                                               nullptr, int(after.size()))
                                               : text),
      before_(std::move(before)),
      after_(std::move(after)) {
  made_.start();
}

void MoveNodesCommand::place(const QMap<int, QPointF>& positions) {
  attempt([&positions](pipeline::Graph& graph) {
    for (auto it = positions.begin(); it != positions.end(); ++it)
      if (graph.node(it.key())) graph.move(it.key(), it.value().x(), it.value().y());
  });
}

void MoveNodesCommand::redo() { place(after_); }

void MoveNodesCommand::undo() { place(before_); }

bool MoveNodesCommand::mergeWith(const QUndoCommand* other) {
  const auto* next = dynamic_cast<const MoveNodesCommand*>(other);
  if (!next || next->after_.keys() != after_.keys() || next->text() != text()) return false;
  if (made_.elapsed() > kMergeMs) return false;
  after_ = next->after_;  // keep our `before`: undo returns to where the gesture began
  made_.start();
  return true;
}

}  // namespace lathe::app
