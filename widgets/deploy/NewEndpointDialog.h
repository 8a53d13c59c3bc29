#pragma once
#include <QDialog>
#include <QList>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QDialogButtonBox;

namespace lathe::widgets {

// New Endpoint: a name, the registered versions it serves with their weights (one may be the
// canary), the column whose value keys a row's variant, and the share of requests logged in
// full. OK stays off until the weights sum to 1.
class NewEndpointDialog : public QDialog {
  Q_OBJECT
 public:
  struct Version {
    qint64 id = 0;
    QString label;  // "credit:3 (production)"
  };
  struct Choice {
    qint64 versionId = 0;
    double weight = 0.0;
    bool canary = false;
  };

  NewEndpointDialog(const QList<Version>& versions, const QStringList& columns, QWidget* parent = nullptr);

  QString name() const;
  QList<Choice> choices() const;  // the versions with a weight above 0, or the canary
  QString keyColumn() const;
  double sampling() const;

 private:
  void check();

  QList<Version> versions_;
  QLineEdit* name_;
  QTableWidget* table_;
  QLineEdit* keyColumn_;
  QDoubleSpinBox* sampling_;
  QLabel* problem_;
  QDialogButtonBox* buttons_;
};

}  // namespace lathe::widgets
