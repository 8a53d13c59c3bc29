#include "widgets/deploy/NewEndpointDialog.h"

#include <QCheckBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace lathe::widgets {

NewEndpointDialog::NewEndpointDialog(const QList<Version>& versions, const QStringList& columns, QWidget* parent)
    : QDialog(parent), versions_(versions) {
  setWindowTitle(tr("New Endpoint"));
  name_ = new QLineEdit(this);
  name_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")), name_));
  name_->setPlaceholderText(tr("e.g. credit-risk"));
  table_ = new QTableWidget(static_cast<int>(versions.size()), 3, this);
  table_->setHorizontalHeaderLabels({tr("Model version"), tr("Weight"), tr("Canary")});
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  for (int row = 0; row < versions.size(); ++row) {
    auto* label = new QTableWidgetItem(versions[row].label);
    label->setFlags(Qt::ItemIsEnabled);
    table_->setItem(row, 0, label);
    auto* weight = new QDoubleSpinBox(table_);
    weight->setRange(0.0, 1.0);
    weight->setDecimals(3);
    weight->setSingleStep(0.05);
    weight->setValue(row == 0 ? 1.0 : 0.0);
    table_->setCellWidget(row, 1, weight);
    auto* canary = new QCheckBox(table_);
    table_->setCellWidget(row, 2, canary);
    connect(weight, &QDoubleSpinBox::valueChanged, this, &NewEndpointDialog::check);
    connect(canary, &QCheckBox::toggled, this, &NewEndpointDialog::check);
  }
  keyColumn_ = new QLineEdit(this);
  keyColumn_->setPlaceholderText(tr("none: each request goes to a random variant"));
  keyColumn_->setCompleter(new QCompleter(columns, keyColumn_));
  sampling_ = new QDoubleSpinBox(this);
  sampling_->setRange(0.0, 100.0);
  sampling_->setSuffix(QStringLiteral(" %"));
  sampling_->setValue(10.0);
  sampling_->setToolTip(tr("The share of requests whose inputs and answers are kept for monitoring and A/B results."));
  problem_ = new QLabel(this);
  problem_->setWordWrap(true);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

  auto* form = new QFormLayout;
  form->addRow(tr("Name:"), name_);
  form->addRow(tr("Key column:"), keyColumn_);
  form->addRow(tr("Log in full:"), sampling_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(new QLabel(tr("Versions and their share of the traffic (the weights sum to 1):"), this));
  layout->addWidget(table_, 1);
  layout->addWidget(problem_);
  layout->addWidget(buttons_);
  connect(name_, &QLineEdit::textChanged, this, &NewEndpointDialog::check);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  resize(560, 420);
  check();
}

QString NewEndpointDialog::name() const { return name_->text(); }
QString NewEndpointDialog::keyColumn() const { return keyColumn_->text().trimmed(); }
double NewEndpointDialog::sampling() const { return sampling_->value() / 100.0; }

QList<NewEndpointDialog::Choice> NewEndpointDialog::choices() const {
  QList<Choice> out;
  for (int row = 0; row < versions_.size(); ++row) {
    const double weight = static_cast<QDoubleSpinBox*>(table_->cellWidget(row, 1))->value();
    const bool canary = static_cast<QCheckBox*>(table_->cellWidget(row, 2))->isChecked();
    if (weight > 0.0 || canary) out.push_back({versions_[row].id, weight, canary});
  }
  return out;
}

void NewEndpointDialog::check() {
  const auto chosen = choices();
  double sum = 0.0;
  int canaries = 0;
  for (const auto& c : chosen) {
    sum += c.weight;
    canaries += c.canary;
  }
  QString problem;
  if (name_->text().isEmpty()) problem = tr("Give the endpoint a name: it becomes part of its address.");
  else if (chosen.isEmpty()) problem = tr("Give at least one version a weight.");
  else if (std::abs(sum - 1.0) > 1e-9) problem = tr("The weights sum to %1; they must sum to 1.").arg(sum, 0, 'f', 3);
  else if (canaries > 1) problem = tr("Only one version can be the canary.");
  problem_->setText(problem);
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

}  // namespace lathe::widgets
