#pragma once
#include <QList>
#include <QSet>
#include <QStringList>
#include <QWidget>
#include <vector>

#include "engine/store/ExperimentRun.h"
#include "engine/store/ProjectInfo.h"

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace lathe::widgets {

class PlaceholderStack;
class RunTableModel;

// The experiments table: search, sort by any column, choose the columns, select runs, and ask for
// what to do with them. It computes nothing and changes nothing: every action is a signal the
// caller turns into an undoable command, then it calls setRuns with the project's runs again.
class ExperimentsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit ExperimentsPanel(QWidget* parent = nullptr);

  // Shows these runs, keeping the selection of runs still present, the sort, the search and the
  // hidden columns.
  void setRuns(std::vector<store::RunSummary> runs);
  void setKpi(store::Kpi kpi);

  // The selected runs' ids, in the order the table shows them.
  QList<qint64> selectedRunIds() const;
  // Selects the shown runs among `ids` (and no other run).
  void selectRuns(const QList<qint64>& ids);

  // Hidden columns by key ("algorithm", "metric:roc_auc", ...), so the caller can remember them.
  QStringList hiddenColumns() const;
  void setHiddenColumns(const QStringList& keys);

  RunTableModel* model() const { return model_; }
  QSortFilterProxyModel* proxy() const { return proxy_; }

 signals:
  void compareRequested(const QList<qint64>& ids);
  void openRequested(qint64 id);
  void renameRequested(qint64 id, const QString& name);
  void tagsRequested(qint64 id, const QStringList& tags);
  void candidateRequested(qint64 id, bool candidate);
  // Register Model… on one finished run that kept its model.
  void registerRequested(qint64 id);
  void deleteRequested(const QList<qint64>& ids);
  void selectionChanged(const QList<qint64>& ids);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void rebuildColumnMenu();
  void applyHiddenColumns();
  void updateActions();
  void updateCount();
  void onSelectionChanged();
  void askRename();
  void askTags();
  // The selected rows of the proxy, ascending.
  std::vector<int> selectedRows() const;
  // The one selected run's row in the model, or -1 unless exactly one run is selected.
  int singleSelectedRow() const;

  RunTableModel* model_;
  QSortFilterProxyModel* proxy_;
  QLineEdit* search_;
  QLabel* count_;
  QToolButton* columnsButton_;
  QMenu* columnsMenu_;
  QTableView* table_;
  PlaceholderStack* stack_;
  QAction* compare_;
  QAction* rename_;
  QAction* tags_;
  QAction* candidate_;
  QAction* register_;
  QAction* delete_;
  QSet<QString> hidden_;
  QSet<QString> sized_;  // columns whose width was set from their contents
  QList<qint64> lastSelection_;
  bool resetting_ = false;
};

}  // namespace lathe::widgets
