#pragma once
#include <QElapsedTimer>
#include <QMap>
#include <QPointF>

#include "app/commands/PipelineCommand.h"

namespace lathe::app {

// Moves nodes (a drag of the selection, or Align). Moves of the same nodes that follow each
// other within half a second merge into one step, so a drag reported in pieces undoes at once.
class MoveNodesCommand : public PipelineCommand {
 public:
  MoveNodesCommand(PipelineDocument* document, QMap<int, QPointF> before, QMap<int, QPointF> after,
                   const QString& text = {});
  void undo() override;
  void redo() override;
  int id() const override { return kId; }
  bool mergeWith(const QUndoCommand* other) override;

  static constexpr int kMergeMs = 500;

 private:
  static constexpr int kId = 0x504d;  // "PM"
  void place(const QMap<int, QPointF>& positions);

  QMap<int, QPointF> before_;
  QMap<int, QPointF> after_;
  QElapsedTimer made_;
};

}  // namespace lathe::app
