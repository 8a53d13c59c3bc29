#pragma once
#include <QString>
#include <QWidget>

#include <nlohmann/json.hpp>

class QFormLayout;

namespace lathe::widgets {

// The hyperparameters of one algorithm as a form, built from the engine's defaults (the JSON of
// Estimator::parameters()): a check box for true/false, a spin box for whole numbers, a number
// field for the rest, a choice for words with known alternatives (editable where a number is
// allowed too), and a text field for lists and for values that may be empty ("none"). Each
// editor's objectName is its parameter's key and its tooltip explains it (HyperparameterHints).
class HyperparameterForm : public QWidget {
  Q_OBJECT
 public:
  explicit HyperparameterForm(QWidget* parent = nullptr);

  void setAlgorithm(const QString& algorithm, const nlohmann::json& defaults);
  // The parameters that differ from the defaults, as the engine reads them. Throws nothing: a
  // field that does not parse is left out and named by problem().
  nlohmann::json changedValues() const;
  // The first field that does not hold a valid value ("max_depth: not a number"), else empty.
  QString problem() const;
  // Back to the defaults.
  void reset();
  // Shows `values` (the parameters that differ from the defaults, as changedValues() gives
  // them) in their fields; keys this algorithm does not have are ignored.
  void setValues(const nlohmann::json& values);

 private:
  static void showValue(QWidget* editor, const nlohmann::json& value);
  nlohmann::json valueOf(const std::string& key, const nlohmann::json& fallback, bool* ok) const;

  QFormLayout* layout_;
  QString algorithm_;
  nlohmann::json defaults_;
};

}  // namespace lathe::widgets
