#include "widgets/panels/StepParameterForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QTableWidget>
#include <cmath>

namespace lathe::widgets {
namespace {

using Kind = RecipeParameterSpec::Kind;
using nlohmann::json;

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

// The shown text of a scalar parameter (strings without quotes; absent: empty).
QString scalarText(const json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return fromStd(value.get<std::string>());
  return fromStd(value.dump());
}

QStringList namesOf(const json& value) {
  QStringList out;
  if (value.is_array())
    for (const auto& v : value)
      if (v.is_string()) out << fromStd(v.get<std::string>());
  return out;
}

}  // namespace

StepParameterForm::StepParameterForm(QWidget* parent) : QWidget(parent), layout_(new QFormLayout(this)) {
  layout_->setContentsMargins(0, 0, 0, 0);
  layout_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void StepParameterForm::clear() {
  // deleteLater: clear() may run inside a signal of one of these editors.
  while (layout_->rowCount() > 0) {
    const QFormLayout::TakeRowResult row = layout_->takeRow(0);
    for (QLayoutItem* item : {row.labelItem, row.fieldItem}) {
      if (!item) continue;
      if (QWidget* w = item->widget()) {
        w->hide();
        w->deleteLater();
      }
      delete item;
    }
  }
  kind_.clear();
  parameters_ = json::object();
}

void StepParameterForm::setStep(const std::string& kind, const json& parameters, const QStringList& columns) {
  clear();
  kind_ = kind;
  parameters_ = parameters.is_object() ? parameters : json::object();
  columns_ = columns;
  const auto all = RecipeStepCatalog::steps();
  const auto* spec = RecipeStepCatalog::find(all, kind);
  if (!spec) return;
  for (const auto& p : spec->parameters) {
    QWidget* editor = editorFor(p);
    editor->setObjectName(fromStd(p.key));
    layout_->addRow(p.label, editor);
  }
}

void StepParameterForm::commit(const std::string& key, const json& value) {
  json next = parameters_;
  if (value.is_null()) next.erase(key);
  else next[key] = value;
  if (next == parameters_) return;
  parameters_ = next;
  emit parametersEdited(parameters_);
}

QWidget* StepParameterForm::editorFor(const RecipeParameterSpec& spec) {
  const std::string key = spec.key;
  const json current = parameters_.contains(key) ? parameters_.at(key) : json();
  switch (spec.kind) {
    case Kind::Columns: {
      auto* list = new QListWidget(this);
      const QStringList chosen = namesOf(current);
      QStringList shown = columns_;
      for (const auto& name : chosen)  // a chosen column the table lacks stays visible (and fails)
        if (!shown.contains(name)) shown << name;
      for (const auto& name : shown) {
        auto* item = new QListWidgetItem(name, list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(chosen.contains(name) ? Qt::Checked : Qt::Unchecked);
      }
      list->setMaximumHeight(140);
      connect(list, &QListWidget::itemChanged, this, [this, list, key] {
        json names = json::array();
        for (int i = 0; i < list->count(); ++i)
          if (list->item(i)->checkState() == Qt::Checked) names.push_back(list->item(i)->text().toStdString());
        commit(key, names);
      });
      return list;
    }
    case Kind::Column:
    case Kind::Choice: {
      auto* box = new QComboBox(this);
      QStringList items = spec.kind == Kind::Column ? columns_ : spec.choices;
      const QString value = scalarText(current);
      if (!value.isEmpty() && !items.contains(value)) items << value;
      if (spec.optional) items.prepend(QString());
      box->addItems(items);
      box->setCurrentIndex(std::max(0, static_cast<int>(items.indexOf(value))));
      connect(box, &QComboBox::activated, this, [this, box, key] {
        const QString text = box->currentText();
        commit(key, text.isEmpty() ? json() : json(text.toStdString()));
      });
      return box;
    }
    case Kind::Bool: {
      auto* check = new QCheckBox(this);
      check->setChecked(current.is_boolean() ? current.get<bool>() : spec.defaultValue.is_boolean() && spec.defaultValue.get<bool>());
      connect(check, &QCheckBox::toggled, this, [this, key](bool on) { commit(key, on); });
      return check;
    }
    case Kind::Renames: {
      auto* table = new QTableWidget(static_cast<int>(columns_.size()), 2, this);
      table->horizontalHeader()->setStretchLastSection(true);
      table->verticalHeader()->hide();
      table->setHorizontalHeaderLabels({tr("Column"), tr("New name")});
      for (int row = 0; row < columns_.size(); ++row) {
        auto* old = new QTableWidgetItem(columns_[row]);
        old->setFlags(Qt::ItemIsEnabled);
        table->setItem(row, 0, old);
        const std::string from = columns_[row].toStdString();
        const bool renamed = current.is_object() && current.contains(from) && current.at(from).is_string();
        table->setItem(row, 1, new QTableWidgetItem(renamed ? fromStd(current.at(from).get<std::string>()) : QString()));
      }
      table->setMaximumHeight(180);
      connect(table, &QTableWidget::itemChanged, this, [this, table, key] {
        json renames = json::object();
        for (int row = 0; row < table->rowCount(); ++row) {
          const QString to = table->item(row, 1) ? table->item(row, 1)->text().trimmed() : QString();
          if (!to.isEmpty()) renames[table->item(row, 0)->text().toStdString()] = to.toStdString();
        }
        commit(key, renames);
      });
      return table;
    }
    case Kind::Number:
    case Kind::Integer:
    case Kind::Text:
    case Kind::Formula: {
      auto* line = new QLineEdit(scalarText(current), this);
      if (spec.kind == Kind::Formula) line->setFont(QFont(QStringLiteral("monospace")));
      const Kind kind = spec.kind;
      connect(line, &QLineEdit::editingFinished, this, [this, line, key, kind] {
        const QString text = line->text().trimmed();
        if (text.isEmpty()) return commit(key, json());
        if (kind == Kind::Integer) {
          bool ok = false;
          const qlonglong v = text.toLongLong(&ok);
          return commit(key, ok ? json(v) : json(text.toStdString()));  // the engine names a bad value
        }
        if (kind == Kind::Number) {
          bool ok = false;
          const double v = text.toDouble(&ok);
          return commit(key, ok && std::isfinite(v) ? json(v) : json(text.toStdString()));
        }
        if (key == "value") {  // a constant fill: a number stays a number
          bool ok = false;
          const double v = text.toDouble(&ok);
          if (ok && std::isfinite(v)) return commit(key, v);
        }
        commit(key, line->text().toStdString());
      });
      return line;
    }
  }
  return new QWidget(this);
}

}  // namespace lathe::widgets
