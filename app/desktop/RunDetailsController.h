#pragma once
#include <QObject>

namespace lathe::widgets {
class ExperimentsPanel;
class RunDetailsPanel;
}  // namespace lathe::widgets

namespace lathe::app {

class ProjectDocument;

// Fills the Run dock with the one run selected in Experiments: the run itself, its business value
// under the project's current cost matrix and, for a decision tree, the tree read from its stored
// model. Notes typed there become undoable commands.
class RunDetailsController : public QObject {
  Q_OBJECT
 public:
  RunDetailsController(ProjectDocument* document, widgets::ExperimentsPanel* experiments,
                       widgets::RunDetailsPanel* panel, QObject* parent = nullptr);

  // Shows run `id` (0: none).
  void show(qint64 id);
  qint64 shownRun() const { return shown_; }

 signals:
  // A run is shown: the window may bring its dock forward.
  void shown(qint64 id);

 private:
  void refresh();

  ProjectDocument* document_;
  widgets::RunDetailsPanel* panel_;
  qint64 shown_ = 0;
  qint64 treeOf_ = 0;  // the run whose tree the panel holds: a tree is read once per run
};

}  // namespace lathe::app
