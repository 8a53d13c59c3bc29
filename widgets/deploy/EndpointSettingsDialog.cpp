#include "widgets/deploy/EndpointSettingsDialog.h"

#include <QCheckBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lathe::widgets {

EndpointSettingsDialog::EndpointSettingsDialog(const QString& endpoint, const Values& values, const QStringList& columns,
                                               QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Settings of %1").arg(endpoint));
  sampling_ = new QDoubleSpinBox(this);
  sampling_->setObjectName(QStringLiteral("samplingBox"));
  sampling_->setRange(0.0, 100.0);
  sampling_->setDecimals(2);
  sampling_->setSuffix(QStringLiteral(" %"));
  sampling_->setValue(values.sampling * 100.0);
  sampling_->setToolTip(tr("The share of requests whose inputs and answers are kept for monitoring and A/B results."));
  keyColumn_ = new QLineEdit(values.keyColumn, this);
  keyColumn_->setObjectName(QStringLiteral("keyColumnEdit"));
  keyColumn_->setPlaceholderText(tr("none: each request goes to a random variant"));
  keyColumn_->setCompleter(new QCompleter(columns, keyColumn_));
  keyColumn_->setMaxLength(200);
  retention_ = new QSpinBox(this);
  retention_->setObjectName(QStringLiteral("retentionBox"));
  retention_->setRange(1, 36500);
  retention_->setSuffix(tr(" days"));
  retention_->setValue(values.logRetentionDays > 0 ? values.logRetentionDays : 30);
  keepAll_ = new QCheckBox(tr("Keep every request"), this);
  keepAll_->setObjectName(QStringLiteral("keepAllBox"));
  keepAll_->setChecked(values.logRetentionDays <= 0);
  retention_->setEnabled(!keepAll_->isChecked());
  connect(keepAll_, &QCheckBox::toggled, retention_, [this](bool all) { retention_->setEnabled(!all); });

  auto* note = new QLabel(tr("A running server follows these within a second."), this);
  note->setWordWrap(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  auto* form = new QFormLayout;
  form->addRow(tr("Log in full:"), sampling_);
  form->addRow(tr("Key column:"), keyColumn_);
  form->addRow(tr("Keep the log for:"), retention_);
  form->addRow(QString(), keepAll_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(note);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

EndpointSettingsDialog::Values EndpointSettingsDialog::values() const {
  return {sampling_->value() / 100.0, keyColumn_->text().trimmed(), keepAll_->isChecked() ? 0 : retention_->value()};
}

}  // namespace lathe::widgets
