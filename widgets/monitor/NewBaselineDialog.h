#pragma once
#include <QDialog>
#include <QMap>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;

namespace lathe::widgets {

// Asks what a new baseline is made from: its name, the project dataset (the training data), and
// optionally the registered model it watches and the sensitive attribute bias is measured on.
class NewBaselineDialog : public QDialog {
  Q_OBJECT
 public:
  explicit NewBaselineDialog(QWidget* parent = nullptr);

  // Each dataset's name and its columns (the sensitive attribute is one of them).
  void setDatasets(const QMap<QString, QStringList>& columnsByDataset);
  void setModels(const QStringList& references);

  QString name() const;
  QString dataset() const;
  QString model() const;
  QString sensitiveAttribute() const;

  void accept() override;

 private:
  void updateColumns();

  QMap<QString, QStringList> columns_;
  QLineEdit* name_;
  QComboBox* dataset_;
  QComboBox* model_;
  QComboBox* sensitive_;
  QLabel* error_;
};

}  // namespace lathe::widgets
