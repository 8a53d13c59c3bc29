#pragma once
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
class StepParameterForm : public QWidget {
  Q_OBJECT
 public:
  explicit StepParameterForm(QWidget* parent = nullptr);

  // Shows `parameters` of a step of `kind` (an unknown kind: nothing to edit). Emits nothing.
  void setStep(const std::string& kind, const nlohmann::json& parameters, const QStringList& columns);
  void clear();
  const nlohmann::json& parameters() const { return parameters_; }
  const std::string& kind() const { return kind_; }

 signals:
  void parametersEdited(const nlohmann::json& parameters);

 private:
  QWidget* editorFor(const RecipeParameterSpec& spec);
  void commit(const std::string& key, const nlohmann::json& value);

  QFormLayout* layout_;
  std::string kind_;
  nlohmann::json parameters_;
  QStringList columns_;
};

}  // namespace lathe::widgets
