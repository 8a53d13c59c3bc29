#pragma once
#include <QDialog>

class QComboBox;
class QLineEdit;

namespace lathe::widgets {

// Compare Variants: the file of labels that arrived (CSV, ARFF…), its key column and its label
// column, and the KPI to judge by.
class AbTestDialog : public QDialog {
  Q_OBJECT
 public:
  AbTestDialog(const QStringList& metrics, const QString& metric, const QString& keyColumn, QWidget* parent = nullptr);

  QString labelsPath() const;
  QString keyColumn() const;
  QString labelColumn() const;
  QString metric() const;

 private:
  QLineEdit* path_;
  QLineEdit* key_;
  QLineEdit* label_;
  QComboBox* metric_;
};

}  // namespace lathe::widgets
