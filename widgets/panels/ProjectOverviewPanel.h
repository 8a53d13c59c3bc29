#pragma once
#include <QSet>
#include <QWidget>

#include "widgets/panels/ProjectOverview.h"

class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace lathe::widgets {

class CostMatrixEditor;
class KpiEditor;
class PlaceholderStack;

// The Project dock: the project's name, file, goal, KPI and decision costs, its counts, and its
// datasets with their versions and lineage. It shows a ProjectOverview and emits what the user
// asked for; the caller turns each signal into an undoable command and calls setOverview again.
class ProjectOverviewPanel : public QWidget {
  Q_OBJECT
 public:
  explicit ProjectOverviewPanel(QWidget* parent = nullptr);

  // Shows `overview`, keeping the tree's expanded datasets, selection and scroll position and
  // any text the user is typing. Emits no signal.
  void setOverview(const ProjectOverview& overview);
  // The overview last shown, with the edits committed since.
  const ProjectOverview& overview() const { return overview_; }

 signals:
  // One per committed edit of the name, description, goal, KPI or decision costs.
  void infoEdited(const lathe::store::ProjectInfo& before, const lathe::store::ProjectInfo& after);
  void datasetVersionActivated(qint64 versionId);
  // "Run AutoML" on a version: show it and search every algorithm on it.
  void autoMlRequested(qint64 versionId);
  void renameDatasetRequested(qint64 datasetId, const QString& newName);
  void deleteDatasetRequested(qint64 datasetId);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  QWidget* buildAboutSection();
  void retranslate();
  void commitInfo(const store::ProjectInfo& after);
  void commitName();
  void commitTexts();
  void fillTree();
  void updateCounts();
  void updateActions();
  void showContextMenu(const QPoint& pos);
  void renameFromTree(QTreeWidgetItem* item, int column);
  void activate(QTreeWidgetItem* item);
  const store::DatasetInfo* datasetOf(QTreeWidgetItem* item) const;
  QString originText(const store::DatasetVersionInfo& version) const;
  QString versionToolTip(const store::DatasetVersionInfo& version) const;

  ProjectOverview overview_;
  QLabel* banner_;
  QLineEdit* name_;
  QLineEdit* filePath_;
  QLabel* counts_;
  QPlainTextEdit* description_;
  QPlainTextEdit* goal_;
  KpiEditor* kpi_;
  QToolButton* costsToggle_;
  CostMatrixEditor* costs_;
  QLabel* datasetsTitle_;
  QTreeWidget* tree_;
  PlaceholderStack* datasets_;
  QAction* showInData_;
  QAction* autoMl_;
  QAction* rename_;
  QAction* delete_;
  QList<QLabel*> formLabels_;
  QSet<qint64> knownDatasets_;
};

}  // namespace lathe::widgets
