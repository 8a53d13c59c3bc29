#include "app/desktop/NodeParametersDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace lathe::app {

NodeParametersDialog::NodeParametersDialog(const QString& nodeTitle, const nlohmann::json& defaults,
                                           const nlohmann::json& parameters, QWidget* parent)
    : QDialog(parent) {
  setObjectName(QStringLiteral("nodeParametersDialog"));
  setWindowTitle(tr("Parameters of “%1”").arg(nodeTitle));
  shown_ = defaults.is_object() ? defaults : nlohmann::json::object();
  if (parameters.is_object())
    for (const auto& [key, value] : parameters.items()) shown_[key] = value;

  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  for (const auto& [key, value] : shown_.items()) {
    const QString name = QString::fromStdString(key);
    auto* edit = new QLineEdit(QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump()), this);
    edit->setObjectName(QStringLiteral("parameter.") + name);
    fields_.insert(name, edit);
    form->addRow(name, edit);
  }
  if (fields_.isEmpty()) layout->addWidget(new QLabel(tr("This node has no parameters."), this));
  layout->addLayout(form);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
}

nlohmann::json NodeParametersDialog::parameters() const {
  nlohmann::json out = nlohmann::json::object();
  for (auto it = fields_.begin(); it != fields_.end(); ++it) {
    const std::string key = it.key().toStdString();
    const std::string text = it.value()->text().toStdString();
    if (shown_.at(key).is_string()) {
      out[key] = text;
      continue;
    }
    auto parsed = nlohmann::json::parse(text, nullptr, false);
    out[key] = parsed.is_discarded() ? nlohmann::json(text) : parsed;
  }
  return out;
}

}  // namespace lathe::app
