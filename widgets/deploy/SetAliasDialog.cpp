#include "widgets/deploy/SetAliasDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/deploy/ModelVersionTableModel.h"

namespace lathe::widgets {

SetAliasDialog::SetAliasDialog(const deploy::ModelVersionInfo& version, const deploy::ModelVersionInfo* production,
                               QWidget* parent)
    : QDialog(parent),
      version_(version),
      production_(production ? std::optional(*production) : std::nullopt),
      alias_(new QComboBox(this)),
      reason_(new QLineEdit(this)),
      note_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
  setObjectName(QStringLiteral("setAliasDialog"));
  setWindowTitle(tr("Set Alias of %1").arg(QString::fromStdString(version.reference())));
  alias_->setObjectName(QStringLiteral("aliasBox"));
  reason_->setObjectName(QStringLiteral("aliasReason"));
  for (const char* name : {"candidate", "production", "archived"})
    alias_->addItem(ModelVersionTableModel::aliasText(name), QString::fromLatin1(name));
  alias_->addItem(tr("none (remove the alias)"), QString());
  reason_->setPlaceholderText(tr("Why? The history keeps it, e.g. “better recall on March data”"));
  reason_->setMinimumWidth(reason_->fontMetrics().horizontalAdvance(reason_->placeholderText()) + 24);
  note_->setWordWrap(true);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("Set Alias"));

  auto* form = new QFormLayout;
  form->addRow(tr("&Alias:"), alias_);
  form->addRow(tr("&Reason:"), reason_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(note_);
  layout->addWidget(buttons_);

  // The usual next step: a new version becomes production; production goes to archived.
  setAlias(version.alias == "production" ? QStringLiteral("archived") : QStringLiteral("production"));
  connect(alias_, &QComboBox::currentIndexChanged, this, &SetAliasDialog::update);
  connect(reason_, &QLineEdit::textChanged, this, &SetAliasDialog::update);
  connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
    if (canAccept()) accept();
  });
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  update();
}

QString SetAliasDialog::alias() const { return alias_->currentData().toString(); }

void SetAliasDialog::setAlias(const QString& alias) {
  const int index = alias_->findData(alias);
  if (index >= 0) alias_->setCurrentIndex(index);
}

QString SetAliasDialog::reason() const { return reason_->text().trimmed(); }

void SetAliasDialog::setReason(const QString& reason) { reason_->setText(reason); }

bool SetAliasDialog::canAccept() const {
  return !reason().isEmpty() && alias().toStdString() != version_.alias;
}

void SetAliasDialog::update() {
  const std::string chosen = alias().toStdString();
  QString note;
  if (chosen == version_.alias)
    note = chosen.empty() ? tr("%1 has no alias already.").arg(QString::fromStdString(version_.reference()))
                          : tr("%1 is %2 already.")
                                .arg(QString::fromStdString(version_.reference()), ModelVersionTableModel::aliasText(chosen));
  else if (chosen == "production" && production_ && production_->id != version_.id)
    note = tr("v%1, in production now, moves to archived; the history records both moves.").arg(production_->version);
  else if (chosen == "production")
    note = tr("Batch scoring and endpoints that name “%1” without a version use the production version.")
               .arg(QString::fromStdString(version_.model));
  else if (reason().isEmpty())
    note = tr("Give a reason: the history keeps it beside the move.");
  note_->setText(note);
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(canAccept());
}

}  // namespace lathe::widgets
