#pragma once
#include <QDialog>
#include <optional>

#include "engine/deploy/ModelVersionInfo.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace lathe::widgets {

// Moves a version's alias: candidate, production, archived or none, with a reason the history
// keeps (required: a move nobody can explain later is what the history is there to prevent).
// Says what else moves: production sends the model's current production version to archived.
class SetAliasDialog : public QDialog {
  Q_OBJECT
 public:
  // `production`: the model's version in production now, if any.
  SetAliasDialog(const deploy::ModelVersionInfo& version, const deploy::ModelVersionInfo* production,
                 QWidget* parent = nullptr);

  // The alias as the registry spells it; "" removes the version's alias.
  QString alias() const;
  void setAlias(const QString& alias);
  QString reason() const;
  void setReason(const QString& reason);
  bool canAccept() const;

  QComboBox* aliasBox() const { return alias_; }
  QLineEdit* reasonEdit() const { return reason_; }
  QLabel* noteLabel() const { return note_; }

 private:
  void update();

  deploy::ModelVersionInfo version_;
  std::optional<deploy::ModelVersionInfo> production_;
  QComboBox* alias_;
  QLineEdit* reason_;
  QLabel* note_;
  QDialogButtonBox* buttons_;
};

}  // namespace lathe::widgets
