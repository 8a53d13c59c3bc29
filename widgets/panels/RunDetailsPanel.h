#pragma once
#include <QWidget>
#include <optional>

#include "engine/experiments/BusinessValueCurve.h"
#include "engine/experiments/TreeDiagram.h"
#include "engine/store/ExperimentRun.h"
#include "engine/store/ProjectInfo.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace lathe::widgets {

class BusinessValueChart;
class DecisionTreeView;

// One run in full: what was trained on what and how (algorithm, target, dataset version,
// validation, seed, duration), its metrics on every split, its hyperparameters, the user's notes,
// the business value of its decisions at every threshold (binary runs) and, for a decision tree,
// the tree itself. It draws what it is given; notes the user types come back as notesEdited.
class RunDetailsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit RunDetailsPanel(QWidget* parent = nullptr);

  // Shows `run`. The same run shown again keeps the notes the user is typing.
  void setRun(const store::ExperimentRun& run, const store::Kpi& kpi);
  // The business value under the project's cost matrix; nullopt (not a binary run) or an unset
  // matrix shows the chart's sentence saying why there is no curve.
  void setBusinessValue(std::optional<experiments::BusinessValueCurve> curve, const store::Kpi& kpi,
                        const store::CostMatrix& costs);
  // The tree of a decision-tree run; nullopt hides the Tree tab.
  void setTree(std::optional<experiments::TreeDiagram> tree);
  // Register Model… is offered for a finished run that kept its model.
  void setRegisterable(bool registerable);
  void clear();

  qint64 runId() const { return runId_; }
  QString notes() const;
  QTabWidget* tabs() const { return tabs_; }
  QTableWidget* metricsTable() const { return metrics_; }
  QTableWidget* parametersTable() const { return parameters_; }
  QPlainTextEdit* notesEditor() const { return notes_; }
  BusinessValueChart* businessValueChart() const { return value_; }
  QPushButton* registerButton() const { return register_; }
  DecisionTreeView* treeView() const { return tree_; }

 signals:
  // The user changed the notes of run `id` (after a short pause in typing, or on leaving the editor).
  void notesEdited(qint64 id, const QString& notes);
  // Register Model… on the shown run.
  void registerRequested(qint64 id);

 protected:
  void changeEvent(QEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void retranslate();
  void updateRegisterTip();
  void fillSummary();
  void fillTables();
  void flushNotes();

  QLabel* title_;
  QPushButton* register_;
  QLabel* summary_;
  QTableWidget* metrics_;
  QTableWidget* parameters_;
  QLabel* notesLabel_;
  QPlainTextEdit* notes_;
  QTimer* notesTimer_;
  QTabWidget* tabs_;
  QWidget* overview_;
  BusinessValueChart* value_;
  DecisionTreeView* tree_;
  std::optional<store::ExperimentRun> run_;
  store::Kpi kpi_;
  qint64 runId_ = 0;
  QString savedNotes_;  // the notes as last stored, so an unchanged editor emits nothing
};

}  // namespace lathe::widgets
