#include "widgets/monitor/NewBaselineDialog.h"

#include <QComboBox>
#include <QPushButton>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include "widgets/monitor/MonitorFormat.h"

namespace lathe::widgets {

NewBaselineDialog::NewBaselineDialog(QWidget* parent)
    : QDialog(parent),
      name_(new QLineEdit(this)),
      dataset_(new QComboBox(this)),
      model_(new QComboBox(this)),
      sensitive_(new QComboBox(this)),
      error_(new QLabel(this)) {
  setWindowTitle(tr("New Baseline"));
  name_->setObjectName(QStringLiteral("baselineName"));
  name_->setPlaceholderText(tr("e.g. churn at training"));
  dataset_->setObjectName(QStringLiteral("baselineDataset"));
  model_->setObjectName(QStringLiteral("baselineModel"));
  sensitive_->setObjectName(QStringLiteral("baselineSensitive"));
  auto* intro = new QLabel(tr("A baseline records what the training data looked like, column by column, and "
                              "suggests the limits new data is checked against. With a model, it also records "
                              "what the model predicted and which features moved it most."),
                           this);
  intro->setWordWrap(true);
  auto* form = new QFormLayout;
  form->addRow(tr("Name:"), name_);
  form->addRow(tr("Training data:"), dataset_);
  form->addRow(tr("Model (optional):"), model_);
  form->addRow(tr("Sensitive attribute (optional):"), sensitive_);
  MonitorFormat::styleAsError(error_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Create Baseline"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addLayout(form);
  layout->addWidget(error_);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &NewBaselineDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &NewBaselineDialog::reject);
  connect(dataset_, &QComboBox::currentTextChanged, this, &NewBaselineDialog::updateColumns);
}

void NewBaselineDialog::setDatasets(const QMap<QString, QStringList>& columnsByDataset) {
  columns_ = columnsByDataset;
  dataset_->clear();
  dataset_->addItems(columns_.keys());
  if (name_->text().isEmpty() && dataset_->count() > 0) name_->setText(tr("%1 at training").arg(dataset_->currentText()));
  updateColumns();
}

void NewBaselineDialog::setModels(const QStringList& references) {
  model_->clear();
  model_->addItem(tr("none"), QString());
  for (const auto& reference : references) model_->addItem(reference, reference);
}

void NewBaselineDialog::updateColumns() {
  sensitive_->clear();
  sensitive_->addItem(tr("none"), QString());
  for (const auto& column : columns_.value(dataset_->currentText())) sensitive_->addItem(column, column);
}

QString NewBaselineDialog::name() const { return name_->text().trimmed(); }
QString NewBaselineDialog::dataset() const { return dataset_->currentText(); }
QString NewBaselineDialog::model() const { return model_->currentData().toString(); }
QString NewBaselineDialog::sensitiveAttribute() const { return sensitive_->currentData().toString(); }

void NewBaselineDialog::accept() {
  QString problem;
  if (name().isEmpty()) problem = tr("Give the baseline a name.");
  else if (dataset().isEmpty()) problem = tr("Choose the training data: import a dataset into the project first.");
  else if (!sensitiveAttribute().isEmpty() && model().isEmpty())
    problem = tr("Bias is measured on a model's decisions: choose the model too, or no sensitive attribute.");
  error_->setText(problem);
  error_->setVisible(!problem.isEmpty());
  if (problem.isEmpty()) QDialog::accept();
}

}  // namespace lathe::widgets
