#pragma once
#include <QList>
#include <QPair>
#include <QPointer>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <vector>

#include <nlohmann/json.hpp>

#include "widgets/panels/RecipeStepCatalog.h"

class QFormLayout;

namespace lathe::widgets {

// The editor of one recipe step's parameters, built from its RecipeStepSpec. Emits
// parametersEdited with the whole parameter object when the user commits a change: at once for
// lists, choices and check boxes, on Enter or leaving the field for text, numbers and formulas.
// Each editor's objectName is its parameter's key; choices show translated labels and keep the
// engine's value as the item's data (Qt::UserRole), which is what is committed.
class StepParameterForm : public QWidget {
  Q_OBJECT
 public:
  // (dataset version id, "penguins v2").
  using DatasetVersions = QList<QPair<qint64, QString>>;
  // The column names of a dataset version (empty when unknown).
  using ColumnsOf = std::function<QStringList(qint64 versionId)>;

  explicit StepParameterForm(QWidget* parent = nullptr);

  // Shows `parameters` of a step of `kind` (an unknown kind: nothing to edit). Emits nothing.
  void setStep(const std::string& kind, const nlohmann::json& parameters, const QStringList& columns);
  // What the dataset pickers (join, append) offer, and where the other dataset's key columns
  // come from. Used by the next setStep.
  void setDatasets(const DatasetVersions& versions, ColumnsOf columnsOf);
  void clear();
  const nlohmann::json& parameters() const { return parameters_; }
  const std::string& kind() const { return kind_; }

 signals:
  void parametersEdited(const nlohmann::json& parameters);

 private:
  QWidget* editorFor(const RecipeParameterSpec& spec);
  QWidget* columnsEditor(const std::string& key, const nlohmann::json& current);
  QWidget* choiceEditor(const RecipeParameterSpec& spec, const nlohmann::json& current);
  QWidget* choicesEditor(const RecipeParameterSpec& spec, const nlohmann::json& current);
  QWidget* renamesEditor(const std::string& key, const nlohmann::json& current);
  QWidget* lineEditor(const RecipeParameterSpec& spec, const nlohmann::json& current);
  QWidget* rangeEditor(const std::string& key, const nlohmann::json& current);
  QWidget* datasetEditor(const std::string& key, const nlohmann::json& current);
  // Join's right_on: a picker of the other dataset's columns for each key of "on".
  QWidget* rightKeysEditor();
  void fillRightKeys(QWidget* box);
  void commit(const std::string& key, const nlohmann::json& value);
  // After a commit: the editors that depend on another parameter follow it.
  void updateDependents(const std::string& key);
  // Out of the form and the widget tree at once; deleted once its own signals are done.
  static void discard(QWidget* widget);
  static void clearRows(QFormLayout* layout);

  QFormLayout* layout_;
  std::string kind_;
  nlohmann::json parameters_;
  QStringList columns_;
  DatasetVersions datasets_;
  ColumnsOf columnsOf_;
  QPointer<QWidget> range_;      // scale's range: used by min–max only
  QPointer<QWidget> rightKeys_;  // join's right_on: one picker per key of "on"
};

}  // namespace lathe::widgets
