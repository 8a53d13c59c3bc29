#include "widgets/deploy/AbTestDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lathe::widgets {

AbTestDialog::AbTestDialog(const QStringList& metrics, const QString& metric, const QString& keyColumn, QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Compare Variants"));
  path_ = new QLineEdit(this);
  auto* browse = new QPushButton(tr("Browse…"), this);
  key_ = new QLineEdit(keyColumn, this);
  label_ = new QLineEdit(this);
  label_->setPlaceholderText(tr("the column with the true outcome"));
  metric_ = new QComboBox(this);
  metric_->addItems(metrics);
  metric_->setCurrentText(metric);
  auto* file = new QHBoxLayout;
  file->addWidget(path_, 1);
  file->addWidget(browse);
  auto* form = new QFormLayout;
  form->addRow(tr("Labels file:"), file);
  form->addRow(tr("Key column:"), key_);
  form->addRow(tr("Label column:"), label_);
  form->addRow(tr("Judge by:"), metric_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString chosen = QFileDialog::getOpenFileName(this, tr("Labels"), {}, tr("Data files (*.csv *.tsv *.arff *.json *.jsonl);;All files (*)"));
    if (!chosen.isEmpty()) path_->setText(chosen);
  });
  const auto check = [this, buttons] {
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!path_->text().isEmpty() && !key_->text().isEmpty() && !label_->text().isEmpty());
  };
  connect(path_, &QLineEdit::textChanged, this, check);
  connect(key_, &QLineEdit::textChanged, this, check);
  connect(label_, &QLineEdit::textChanged, this, check);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  check();
  resize(480, 200);
}

QString AbTestDialog::labelsPath() const { return path_->text(); }
QString AbTestDialog::keyColumn() const { return key_->text().trimmed(); }
QString AbTestDialog::labelColumn() const { return label_->text().trimmed(); }
QString AbTestDialog::metric() const { return metric_->currentText(); }

}  // namespace lathe::widgets
