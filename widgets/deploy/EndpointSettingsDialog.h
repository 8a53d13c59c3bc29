#pragma once
#include <QDialog>
#include <QStringList>

class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace lathe::widgets {

// What an endpoint logs and how it keys its traffic: the share of requests kept in full (for
// monitoring and A/B results), the column whose value sends a row to its variant, and how many
// days the request log keeps. A running server follows the change within a second.
class EndpointSettingsDialog : public QDialog {
  Q_OBJECT
 public:
  struct Values {
    double sampling = 0.1;     // 0..1
    QString keyColumn;         // empty: none
    int logRetentionDays = 30; // 0 keeps every request
  };
  // `columns`: the endpoint's input columns, offered for the key.
  EndpointSettingsDialog(const QString& endpoint, const Values& values, const QStringList& columns, QWidget* parent = nullptr);
  Values values() const;

 private:
  QDoubleSpinBox* sampling_;
  QLineEdit* keyColumn_;
  QSpinBox* retention_;
  QCheckBox* keepAll_;
};

}  // namespace lathe::widgets
