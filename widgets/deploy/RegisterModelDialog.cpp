#include "widgets/deploy/RegisterModelDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lathe::widgets {

RegisterModelDialog::RegisterModelDialog(const QString& runName, const QMap<QString, int>& newestVersions,
                                         const QString& defaultName, QWidget* parent)
    : QDialog(parent),
      newest_(newestVersions),
      name_(new QComboBox(this)),
      note_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
  setObjectName(QStringLiteral("registerModelDialog"));
  setWindowTitle(tr("Register Model"));
  name_->setObjectName(QStringLiteral("modelName"));
  name_->setEditable(true);
  name_->setInsertPolicy(QComboBox::NoInsert);
  name_->addItems(newest_.keys());
  name_->setMinimumWidth(name_->fontMetrics().averageCharWidth() * 36);
  note_->setWordWrap(true);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("Register"));

  auto* intro = new QLabel(tr("Register the model of run “%1” as a new, unchangeable version: with its recipe, "
                              "the columns it expects, the training data's hash and its metrics.")
                               .arg(runName),
                           this);
  intro->setWordWrap(true);
  auto* form = new QFormLayout;
  form->addRow(tr("Model &name:"), name_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addLayout(form);
  layout->addWidget(note_);
  layout->addWidget(buttons_);

  setName(defaultName);
  connect(name_, &QComboBox::editTextChanged, this, &RegisterModelDialog::update);
  connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
    if (problem().isEmpty()) accept();
  });
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  update();
}

QString RegisterModelDialog::name() const { return name_->currentText().trimmed(); }

void RegisterModelDialog::setName(const QString& name) {
  name_->setEditText(name);
  name_->lineEdit()->selectAll();
}

QString RegisterModelDialog::problem() const {
  const QString chosen = name();
  if (chosen.isEmpty()) return tr("Give the model a name.");
  if (chosen.contains(u':')) return tr("A model name cannot hold “:” (it separates the version, as in credit:2).");
  if (chosen.toUtf8().size() > kMaxNameLength) return tr("A model name has at most %1 characters.").arg(kMaxNameLength);
  return {};
}

void RegisterModelDialog::update() {
  QString note = problem();
  if (note.isEmpty()) {
    const auto it = newest_.constFind(name());
    note = it != newest_.constEnd() ? tr("“%1” exists: this registers its version %2.").arg(name()).arg(*it + 1)
                                    : tr("A new model: this registers its version 1.");
  }
  note_->setText(note);
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(problem().isEmpty());
}

}  // namespace lathe::widgets
