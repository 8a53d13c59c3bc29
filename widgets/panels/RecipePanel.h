#pragma once
#include <QList>
#include <QPair>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

class QLabel;
class QListWidget;
class QMenu;
class QPushButton;
class QToolButton;

namespace lathe::widgets {

class NodeEditingBanner;
class StepParameterForm;

// One step as the panel lists it.
struct RecipeStepView {
  std::string kind;
  nlohmann::json parameters;
  bool enabled = true;
  QString summary;  // the engine's describe(): shown only for a kind this build cannot summarise
  QString error;    // why the preview failed at this step; empty when it did not
};

// The Recipe dock: the steps in order (check box = enabled), Add step (a menu by group),
// Remove, Move up/down, Apply, the selected step's parameters, and a status line. It shows
// what setSteps gives it and emits what the user asked for; the caller makes undoable
// commands of the signals and calls setSteps again. Each row reads "N. Title — summary", the
// summary in the user's language (RecipeStepSummary); a language change redraws everything.
class RecipePanel : public QWidget {
  Q_OBJECT
 public:
  explicit RecipePanel(QWidget* parent = nullptr);

  // Keeps the selected row where it can. Emits no signal.
  void setSteps(const std::vector<RecipeStepView>& steps);
  // The columns of the table the recipe starts from (for the column pickers).
  void setColumns(const QStringList& names);
  // The dataset versions a join or an append may read, as (version id, "penguins v2"); the
  // pickers show the names and commit the id as "dataset_version".
  void setDatasetVersions(QList<QPair<qint64, QString>> versions);
  // Where the other dataset's columns come from (join's keys in the other dataset); may return
  // an empty list. Called on the GUI thread when a join step's editor is built.
  void setDatasetColumnLookup(std::function<QStringList(qint64 versionId)> columnsOf);
  const QList<QPair<qint64, QString>>& datasetVersions() const { return datasets_; }
  // While the recipe is a pipeline node's: the banner on top, and no Apply (new version).
  void setNodeEditing(const QString& nodeTitle);
  void clearNodeEditing();
  bool isEditingNode() const;
  NodeEditingBanner* nodeBanner() const { return banner_; }
  void setPreviewStatus(const QString& text);
  // Marks step `index` as failing (an empty text clears it).
  void setError(int index, const QString& text);
  void setApplyEnabled(bool enabled);

  int currentIndex() const;
  void setCurrentIndex(int index);
  int stepCount() const { return static_cast<int>(steps_.size()); }
  QString previewStatus() const;
  QString stepText(int index) const;
  QString stepToolTip(int index) const;

 signals:
  void addRequested(const QString& kind);
  void removeRequested(int index);
  void moveRequested(int from, int to);
  void enabledToggled(int index, bool enabled);
  void parametersEdited(int index, const nlohmann::json& parameters);
  void applyRequested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void buildAddMenu();
  // Rebuilds the parameter editors of the selected step.
  void rebuildForm();
  void refreshRow(int index);
  void showSelected();
  void updateButtons();

  std::vector<RecipeStepView> steps_;
  QStringList columns_;
  QList<QPair<qint64, QString>> datasets_;
  std::function<QStringList(qint64)> columnsOf_;
  QListWidget* list_;
  QToolButton* add_;
  QMenu* addMenu_;
  QPushButton* remove_;
  QPushButton* up_;
  QPushButton* down_;
  QPushButton* apply_;
  StepParameterForm* form_;
  QLabel* status_;
  NodeEditingBanner* banner_;
  int formIndex_ = -1;
  bool applyEnabled_ = true;
};

}  // namespace lathe::widgets
