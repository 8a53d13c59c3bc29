#pragma once
#include <QDialog>
#include <QMap>

#include <nlohmann/json.hpp>

class QLineEdit;

namespace lathe::app {

// The plain editor for a node's parameters, for kinds without an editor of their own: one line
// per parameter (the node's value, else the default). Text is read back as JSON where it parses
// (numbers, true/false, lists), and kept as text for parameters that hold text.
class NodeParametersDialog : public QDialog {
  Q_OBJECT
 public:
  NodeParametersDialog(const QString& nodeTitle, const nlohmann::json& defaults, const nlohmann::json& parameters,
                       QWidget* parent = nullptr);

  // Every parameter as edited (a JSON object).
  nlohmann::json parameters() const;
  QLineEdit* field(const QString& key) const { return fields_.value(key); }

 private:
  nlohmann::json shown_;  // what each field started from, to know which hold text
  QMap<QString, QLineEdit*> fields_;
};

}  // namespace lathe::app
