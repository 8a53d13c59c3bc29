#pragma once
#include <QDialog>
#include <QMap>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace lathe::widgets {

// Asks for the model name a run's model is registered under. The names already in the registry
// are offered (choosing one makes its next version); a new name starts at version 1. Says which
// version the registration will make, and refuses what the registry would refuse.
class RegisterModelDialog : public QDialog {
  Q_OBJECT
 public:
  // `newestVersions`: each registered model's newest version number.
  RegisterModelDialog(const QString& runName, const QMap<QString, int>& newestVersions, const QString& defaultName,
                      QWidget* parent = nullptr);

  QString name() const;
  void setName(const QString& name);
  // Why the name cannot be used, or empty.
  QString problem() const;

  QComboBox* nameBox() const { return name_; }
  QLabel* noteLabel() const { return note_; }

  static constexpr int kMaxNameLength = 200;  // as ModelRegistry allows

 private:
  void update();

  QMap<QString, int> newest_;
  QComboBox* name_;
  QLabel* note_;
  QDialogButtonBox* buttons_;
};

}  // namespace lathe::widgets
