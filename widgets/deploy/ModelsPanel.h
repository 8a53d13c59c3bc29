#pragma once
#include <QHash>
#include <QWidget>
#include <map>
#include <string>
#include <vector>

#include "engine/deploy/ModelVersionInfo.h"
#include "engine/store/ProjectInfo.h"

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;
class QTreeView;

namespace lathe::widgets {

class AliasHistoryView;
class ModelComparisonView;
class ModelJobRow;
class ModelVersionTableModel;
class PlaceholderStack;

// The Models dock: the registry's models and their versions (ModelVersionTableModel), actions on
// the selected version (Set Alias…, Compare with Production, Score a File…, Score a Dataset…, Export Bundle…,
// History), and beside the list (below it when the dock is tall) the selected version against
// production and its model's alias history. A running registration, scoring or export shows its progress and Cancel here. It
// changes nothing itself: every action is a signal the caller carries out, then it calls
// setModels again.
class ModelsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit ModelsPanel(QWidget* parent = nullptr);

  // Shows the registry, keeping the selection when the selected version is still there.
  void setModels(std::vector<deploy::ModelVersionInfo> versions,
                 std::map<std::string, std::vector<deploy::AliasEvent>> histories, store::Kpi kpi,
                 QHash<qint64, QString> runNames = {});
  // A read-only project can be browsed and scored, not changed.
  void setReadOnly(bool readOnly);

  void selectVersion(qint64 versionId);
  // 0 when a model row or nothing is selected.
  qint64 selectedVersionId() const;
  // The selected row's model name (either kind of row), or empty.
  QString selectedModel() const;
  // Brings the comparison or the history below the list forward.
  void showComparison();
  void showHistory();

  // The job line under the list: progress and Cancel, then what the job did.
  ModelJobRow* job() const { return job_; }
  void setRunning(bool running);
  bool isRunning() const;
  void setProgress(double fraction, const QString& message);
  void setStatus(const QString& text);
  QString status() const;
  void offerFolder(const QString& folder);

  ModelVersionTableModel* model() const { return model_; }
  QTreeView* tree() const { return tree_; }
  ModelComparisonView* comparison() const { return comparison_; }
  AliasHistoryView* history() const { return history_; }
  QTabWidget* details() const { return details_; }
  QAction* setAliasAction() const { return setAlias_; }
  QAction* compareAction() const { return compare_; }
  QAction* scoreAction() const { return score_; }
  QAction* scoreDatasetAction() const { return scoreDataset_; }
  QAction* exportAction() const { return export_; }
  QAction* historyAction() const { return showHistory_; }

 signals:
  void aliasRequested(qint64 versionId, const QString& alias, const QString& reason);
  void scoreRequested(qint64 versionId);
  void scoreDatasetRequested(qint64 versionId);
  void exportRequested(qint64 versionId);
  void cancelRequested();

 protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void retranslate();
  void updateActions();
  void updateCount();
  void fitColumns();
  // The comparison beside the list in a wide dock, else below it; `rowsChanged` refits the list.
  void arrange(bool rowsChanged);
  void shareSplitter();
  void onSelectionChanged();
  void askAlias();

  ModelVersionTableModel* model_;
  QTreeView* tree_;
  QTabWidget* details_;
  QSplitter* splitter_;
  ModelComparisonView* comparison_;
  QLabel* historyLabel_;
  AliasHistoryView* history_;
  QLabel* count_;
  ModelJobRow* job_;
  PlaceholderStack* stack_;
  QAction* setAlias_;
  QAction* compare_;
  QAction* score_;
  QAction* scoreDataset_;
  QAction* export_;
  QAction* showHistory_;
  std::map<std::string, std::vector<deploy::AliasEvent>> histories_;
  bool readOnly_ = false;
};

}  // namespace lathe::widgets
