#include "widgets/panels/StepParameterForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QTableWidget>
#include <algorithm>
#include <cmath>
#include <optional>

#include "widgets/panels/RecipeStepSummary.h"

namespace lathe::widgets {
namespace {

using Kind = RecipeParameterSpec::Kind;
using nlohmann::json;

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

// The shown text of a scalar parameter (strings without quotes; absent: empty).
QString scalarText(const json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return fromStd(value.get<std::string>());
  if (value.is_number_float())  // 1.0 shows as "1", 0.1 as "0.1"; parsed back the same
    return QString::number(value.get<double>(), 'g', QLocale::FloatingPointShortest);
  return fromStd(value.dump());
}

QStringList namesOf(const json& value) {
  QStringList out;
  if (value.is_array())
    for (const auto& v : value)
      if (v.is_string()) out << fromStd(v.get<std::string>());
  return out;
}

// A finite number typed either way ("0.5", or the user's locale's "0,5").
std::optional<double> parseNumber(const QString& text) {
  bool ok = false;
  double v = text.toDouble(&ok);
  if (!ok) v = QLocale().toDouble(text, &ok);
  return ok && std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

// A check list whose items carry `value` as data; reading it back uses the data.
QListWidgetItem* addCheckItem(QListWidget* list, const QString& label, const QString& value, bool checked) {
  auto* item = new QListWidgetItem(label, list);
  item->setData(Qt::UserRole, value);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
  item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
  return item;
}

json checkedValues(const QListWidget* list) {
  json values = json::array();
  for (int i = 0; i < list->count(); ++i)
    if (list->item(i)->checkState() == Qt::Checked)
      values.push_back(list->item(i)->data(Qt::UserRole).toString().toStdString());
  return values;
}

// Join's right keys after the left keys became `on`: each key keeps the partner it had; a new
// key pairs with the same name. Null when every key pairs with its own name (the default).
json remapRightKeys(const json& oldOn, const json& oldRight, const json& on) {
  const QStringList before = namesOf(oldOn), partners = namesOf(oldRight), now = namesOf(on);
  json right = json::array();
  bool differs = false;
  for (const QString& key : now) {
    const qsizetype at = before.indexOf(key);
    const QString partner = at >= 0 && at < partners.size() ? partners[at] : key;
    differs = differs || partner != key;
    right.push_back(partner.toStdString());
  }
  return differs ? right : json();
}

}  // namespace

StepParameterForm::StepParameterForm(QWidget* parent) : QWidget(parent), layout_(new QFormLayout(this)) {
  layout_->setContentsMargins(0, 0, 0, 0);
  layout_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void StepParameterForm::discard(QWidget* widget) {
  // Out of the tree at once (findChild no longer sees it), deleted later: this may run inside
  // a signal of the very editor that goes.
  widget->hide();
  widget->setParent(nullptr);
  widget->deleteLater();
}

void StepParameterForm::clearRows(QFormLayout* layout) {
  while (layout->rowCount() > 0) {
    const QFormLayout::TakeRowResult row = layout->takeRow(0);
    for (QLayoutItem* item : {row.labelItem, row.fieldItem}) {
      if (!item) continue;
      if (QWidget* w = item->widget()) discard(w);
      delete item;
    }
  }
}

void StepParameterForm::clear() {
  clearRows(layout_);
  kind_.clear();
  parameters_ = json::object();
  range_ = nullptr;
  rightKeys_ = nullptr;
}

void StepParameterForm::setDatasets(const DatasetVersions& versions, ColumnsOf columnsOf) {
  datasets_ = versions;
  columnsOf_ = std::move(columnsOf);
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
  updateDependents("method");
}

void StepParameterForm::commit(const std::string& key, const json& value) {
  json next = parameters_;
  if (value.is_null()) next.erase(key);
  else next[key] = value;
  if (key == "on" && rightKeys_) {
    const json right = remapRightKeys(parameters_.value("on", json()), parameters_.value("right_on", json()), value);
    if (right.is_null()) next.erase("right_on");
    else next["right_on"] = right;
  }
  if (next == parameters_) return;
  parameters_ = next;
  updateDependents(key);
  emit parametersEdited(parameters_);
}

void StepParameterForm::updateDependents(const std::string& key) {
  if (key == "method" && range_) {
    const bool minMax = parameters_.value("method", json()) == json("min_max");
    range_->setEnabled(minMax);
    range_->setToolTip(minMax ? QString() : tr("Used by min–max scaling only"));
  }
  // Other keys, or another dataset: other pickers.
  if ((key == "on" || key == "dataset_version") && rightKeys_) fillRightKeys(rightKeys_);
}

QWidget* StepParameterForm::editorFor(const RecipeParameterSpec& spec) {
  const json current = parameters_.contains(spec.key) ? parameters_.at(spec.key) : json();
  switch (spec.kind) {
    case Kind::Columns: return columnsEditor(spec.key, current);
    case Kind::Column:
    case Kind::Choice: return choiceEditor(spec, current);
    case Kind::Choices: return choicesEditor(spec, current);
    case Kind::Renames: return renamesEditor(spec.key, current);
    case Kind::Range: range_ = rangeEditor(spec.key, current); return range_;
    case Kind::Dataset: return datasetEditor(spec.key, current);
    case Kind::RightKeys: return rightKeysEditor();
    case Kind::Bool: {
      auto* check = new QCheckBox(this);
      check->setChecked(current.is_boolean() ? current.get<bool>() : spec.defaultValue.is_boolean() && spec.defaultValue.get<bool>());
      connect(check, &QCheckBox::toggled, this, [this, key = spec.key](bool on) { commit(key, on); });
      return check;
    }
    case Kind::Number:
    case Kind::Integer:
    case Kind::Text:
    case Kind::Formula: return lineEditor(spec, current);
  }
  return new QWidget(this);
}

QWidget* StepParameterForm::columnsEditor(const std::string& key, const json& current) {
  auto* list = new QListWidget(this);
  const QStringList chosen = namesOf(current);
  QStringList shown = columns_;
  for (const auto& name : chosen)  // a chosen column the table lacks stays visible (and fails)
    if (!shown.contains(name)) shown << name;
  for (const auto& name : shown) addCheckItem(list, name, name, chosen.contains(name));
  list->setMaximumHeight(140);
  connect(list, &QListWidget::itemChanged, this, [this, list, key] { commit(key, checkedValues(list)); });
  return list;
}

QWidget* StepParameterForm::choiceEditor(const RecipeParameterSpec& spec, const json& current) {
  auto* box = new QComboBox(this);
  if (spec.optional) box->addItem(QString());  // no data: left out of the parameters
  if (spec.kind == Kind::Column)
    for (const QString& name : columns_) box->addItem(name, name);
  else
    for (const auto& c : spec.choices) box->addItem(c.label, fromStd(c.value));
  const QString value = scalarText(current);
  if (!value.isEmpty() && box->findData(value) < 0) box->addItem(value, value);  // shown as it is, so it can be fixed
  box->setCurrentIndex(value.isEmpty() ? 0 : std::max(0, box->findData(value)));
  connect(box, &QComboBox::activated, this, [this, box, key = spec.key] {
    if (box->currentIndex() < 0) return;
    const QVariant data = box->currentData();
    commit(key, data.isValid() ? json(data.toString().toStdString()) : json());
  });
  return box;
}

QWidget* StepParameterForm::choicesEditor(const RecipeParameterSpec& spec, const json& current) {
  auto* list = new QListWidget(this);
  const bool all = current.is_null();  // absent: the engine takes every choice
  const QStringList chosen = namesOf(current);
  for (const auto& c : spec.choices) addCheckItem(list, c.label, fromStd(c.value), all || chosen.contains(fromStd(c.value)));
  for (const QString& value : chosen)  // a value this build does not offer stays visible (and fails)
    if (std::none_of(spec.choices.begin(), spec.choices.end(), [&](const RecipeChoice& c) { return fromStd(c.value) == value; }))
      addCheckItem(list, value, value, true);
  list->setMaximumHeight(120);
  connect(list, &QListWidget::itemChanged, this, [this, list, key = spec.key] { commit(key, checkedValues(list)); });
  return list;
}

QWidget* StepParameterForm::renamesEditor(const std::string& key, const json& current) {
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

QWidget* StepParameterForm::lineEditor(const RecipeParameterSpec& spec, const json& current) {
  auto* line = new QLineEdit(scalarText(current), this);
  if (spec.kind == Kind::Formula) line->setFont(QFont(QStringLiteral("monospace")));
  connect(line, &QLineEdit::editingFinished, this, [this, line, key = spec.key, kind = spec.kind] {
    const QString text = line->text().trimmed();
    if (text.isEmpty()) return commit(key, json());
    if (kind == Kind::Integer) {
      bool ok = false;
      const qlonglong v = text.toLongLong(&ok);
      return commit(key, ok ? json(v) : json(text.toStdString()));  // the engine names a bad value
    }
    const auto number = parseNumber(text);
    if (kind == Kind::Number) return commit(key, number ? json(*number) : json(text.toStdString()));
    if (key == "value" && number) return commit(key, *number);  // a constant fill: a number stays a number
    commit(key, line->text().toStdString());
  });
  return line;
}

QWidget* StepParameterForm::rangeEditor(const std::string& key, const json& current) {
  auto* box = new QWidget(this);
  auto* row = new QHBoxLayout(box);
  row->setContentsMargins(0, 0, 0, 0);
  const bool pair = current.is_array() && current.size() == 2;
  QLineEdit* ends[2] = {};
  for (int i = 0; i < 2; ++i) {
    ends[i] = new QLineEdit(pair ? scalarText(current[static_cast<std::size_t>(i)]) : QString(), box);
    ends[i]->setObjectName(i == 0 ? QStringLiteral("range.low") : QStringLiteral("range.high"));
    ends[i]->setPlaceholderText(QLocale().toString(i));  // the engine's default range is 0 to 1
    if (i == 1) row->addWidget(new QLabel(tr("to"), box));
    row->addWidget(ends[i], 1);
  }
  for (QLineEdit* end : ends)
    connect(end, &QLineEdit::editingFinished, this, [this, key, low = ends[0], high = ends[1]] {
      const QString lowText = low->text().trimmed(), highText = high->text().trimmed();
      if (lowText.isEmpty() && highText.isEmpty()) return commit(key, json());
      // An empty end is the default's; text that is no number goes to the engine, which names it.
      const auto read = [](const QString& text, double fallback) {
        if (text.isEmpty()) return json(fallback);
        const auto v = parseNumber(text);
        return v ? json(*v) : json(text.toStdString());
      };
      commit(key, json::array({read(lowText, 0.0), read(highText, 1.0)}));
    });
  return box;
}

QWidget* StepParameterForm::datasetEditor(const std::string& key, const json& current) {
  auto* box = new QComboBox(this);
  for (const auto& [id, name] : datasets_) box->addItem(name, id);
  if (current.is_number_integer()) {
    const auto id = current.get<qint64>();
    if (box->findData(id) < 0)  // gone from the project, or not listed yet: still shown
      box->addItem(RecipeStepSummary::datasetName(id, datasets_), id);
    box->setCurrentIndex(box->findData(id));
  } else {
    box->setCurrentIndex(-1);  // the user has to pick one
  }
  connect(box, &QComboBox::activated, this, [this, box, key] {
    bool ok = false;
    const qlonglong id = box->currentData().toLongLong(&ok);
    if (ok) commit(key, id);
  });
  return box;
}

QWidget* StepParameterForm::rightKeysEditor() {
  auto* box = new QWidget(this);
  auto* form = new QFormLayout(box);
  form->setContentsMargins(0, 0, 0, 0);
  fillRightKeys(box);
  rightKeys_ = box;
  return box;
}

void StepParameterForm::fillRightKeys(QWidget* box) {
  auto* form = static_cast<QFormLayout*>(box->layout());
  clearRows(form);
  const QStringList left = namesOf(parameters_.value("on", json()));
  const QStringList right = namesOf(parameters_.value("right_on", json()));
  if (left.isEmpty()) {
    form->addRow(new QLabel(tr("Choose the keys first"), box));
    return;
  }
  const json version = parameters_.value("dataset_version", json());
  const QStringList otherColumns =
      columnsOf_ && version.is_number_integer() ? columnsOf_(version.get<qint64>()) : QStringList();
  QList<QComboBox*> pickers;
  for (qsizetype i = 0; i < left.size(); ++i) {
    auto* picker = new QComboBox(box);
    picker->setObjectName(QStringLiteral("right_on.%1").arg(i));
    picker->addItem(tr("Same name"));  // no data: the key's own name
    for (const QString& name : otherColumns) picker->addItem(name, name);
    const QString partner = i < right.size() && right[i] != left[i] ? right[i] : QString();
    if (!partner.isEmpty() && picker->findData(partner) < 0) picker->addItem(partner, partner);
    picker->setCurrentIndex(partner.isEmpty() ? 0 : picker->findData(partner));
    form->addRow(RecipeStepSummary::elide(left[i], RecipeStepSummary::kMaxNameLength), picker);
    pickers << picker;
  }
  for (QComboBox* picker : pickers)
    connect(picker, &QComboBox::activated, this, [this, left, pickers] {
      json keys = json::array();
      bool differs = false;
      for (qsizetype i = 0; i < pickers.size(); ++i) {
        const QVariant data = pickers[i]->currentData();
        const QString name = data.isValid() ? data.toString() : left[i];
        differs = differs || name != left[i];
        keys.push_back(name.toStdString());
      }
      commit("right_on", differs ? keys : json());
    });
}

}  // namespace lathe::widgets
