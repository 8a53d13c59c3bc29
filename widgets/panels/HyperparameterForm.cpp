#include "widgets/panels/HyperparameterForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <cmath>
#include <limits>

#include "widgets/panels/HyperparameterHints.h"

namespace lathe::widgets {

namespace {

QString jsonText(const nlohmann::json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return QString::fromStdString(value.get<std::string>());
  return QString::fromStdString(value.dump());
}

// Text as the engine reads it: empty is null, JSON when it parses (numbers, lists), else a word.
nlohmann::json parseText(const QString& text) {
  const QString trimmed = text.trimmed();
  if (trimmed.isEmpty() || trimmed.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) return nullptr;
  nlohmann::json value = nlohmann::json::parse(trimmed.toStdString(), nullptr, false);
  return value.is_discarded() ? nlohmann::json(trimmed.toStdString()) : value;
}

}  // namespace

HyperparameterForm::HyperparameterForm(QWidget* parent) : QWidget(parent), layout_(new QFormLayout(this)) {
  setObjectName(QStringLiteral("hyperparameters"));
  layout_->setContentsMargins(0, 0, 0, 0);
  layout_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void HyperparameterForm::setAlgorithm(const QString& algorithm, const nlohmann::json& defaults) {
  while (layout_->rowCount() > 0) layout_->removeRow(0);
  algorithm_ = algorithm;
  defaults_ = defaults.is_object() ? defaults : nlohmann::json::object();
  for (const auto& [key, value] : defaults_.items()) {
    const QString name = QString::fromStdString(key);
    const HyperparameterHint hint = HyperparameterHints::hint(algorithm, name);
    QWidget* editor = nullptr;
    if (value.is_boolean()) {
      editor = new QCheckBox(this);
    } else if (value.is_number_integer() && hint.choices.isEmpty()) {
      auto* spin = new QSpinBox(this);
      spin->setRange(static_cast<int>(hint.minimum.value_or(std::numeric_limits<int>::min())),
                     static_cast<int>(std::min<double>(hint.maximum.value_or(std::numeric_limits<int>::max()),
                                                       std::numeric_limits<int>::max())));
      editor = spin;
    } else if (!hint.choices.isEmpty()) {
      auto* combo = new QComboBox(this);
      combo->addItems(hint.choices);
      // max_features takes a number as well as a word.
      combo->setEditable(key == "max_features");
      editor = combo;
    } else {
      auto* line = new QLineEdit(this);
      if (value.is_null()) line->setPlaceholderText(tr("none"));
      editor = line;
    }
    showValue(editor, value);
    editor->setObjectName(name);
    QString tip = hint.toolTip;
    if (hint.minimum && hint.maximum)
      tip += QLatin1Char('\n') + tr("From %1 to %2.").arg(*hint.minimum).arg(*hint.maximum);
    tip += QLatin1Char('\n') + tr("Default: %1").arg(value.is_null() ? tr("none") : jsonText(value));
    editor->setToolTip(tip.trimmed());
    auto* label = new QLabel(name, this);
    label->setToolTip(editor->toolTip());
    layout_->addRow(label, editor);
  }
}

nlohmann::json HyperparameterForm::valueOf(const std::string& key, const nlohmann::json& fallback, bool* ok) const {
  *ok = true;
  auto* editor = findChild<QWidget*>(QString::fromStdString(key));
  if (auto* box = qobject_cast<QCheckBox*>(editor)) return box->isChecked();
  if (auto* spin = qobject_cast<QSpinBox*>(editor)) return spin->value();
  if (auto* combo = qobject_cast<QComboBox*>(editor)) {
    // A choice is a word ("none" included), or a number typed into an editable one.
    const nlohmann::json value = parseText(combo->currentText());
    return value.is_number() ? value : nlohmann::json(combo->currentText().trimmed().toStdString());
  }
  if (auto* line = qobject_cast<QLineEdit*>(editor)) {
    const nlohmann::json value = parseText(line->text());
    // A number field must hold a number (or be left empty where the default is empty).
    if (fallback.is_number() && !value.is_number()) *ok = false;
    return value;
  }
  return fallback;
}

nlohmann::json HyperparameterForm::changedValues() const {
  nlohmann::json changed = nlohmann::json::object();
  for (const auto& [key, fallback] : defaults_.items()) {
    bool ok = false;
    const nlohmann::json value = valueOf(key, fallback, &ok);
    if (!ok) continue;
    const bool same = value == fallback || (value.is_number() && fallback.is_number() &&
                                            value.get<double>() == fallback.get<double>());
    if (!same) changed[key] = value;
  }
  return changed;
}

QString HyperparameterForm::problem() const {
  for (const auto& [key, fallback] : defaults_.items()) {
    bool ok = false;
    valueOf(key, fallback, &ok);
    if (!ok) return tr("%1: not a number").arg(QString::fromStdString(key));
  }
  return {};
}

void HyperparameterForm::reset() { setAlgorithm(algorithm_, defaults_); }

void HyperparameterForm::setValues(const nlohmann::json& values) {
  if (!values.is_object()) return;
  for (const auto& [key, value] : values.items())
    if (defaults_.contains(key))
      if (auto* editor = findChild<QWidget*>(QString::fromStdString(key))) showValue(editor, value);
}

void HyperparameterForm::showValue(QWidget* editor, const nlohmann::json& value) {
  if (auto* box = qobject_cast<QCheckBox*>(editor)) {
    if (value.is_boolean()) box->setChecked(value.get<bool>());
  } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
    if (value.is_number()) spin->setValue(static_cast<int>(std::lround(value.get<double>())));
  } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
    combo->setCurrentText(jsonText(value));
  } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
    line->setText(jsonText(value));
  }
}

}  // namespace lathe::widgets
