#pragma once
#include <QDialog>
#include <QStringList>
#include <optional>

#include "engine/monitor/MonitorSchedule.h"
#include "engine/monitor/RetrainComparison.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTableWidget;

namespace lathe::widgets {

// Retraining in two steps. First: the new data (a file or a project dataset) and whether it is
// appended to the training data or replaces it; Retrain asks the app to train (retrainRequested)
// and the dialog shows its progress with Cancel. Then, once setComparison() arrives: the live
// and the retrained model's metrics on the same holdout rows, the KPI first, the better figure
// of each row marked, a plain sentence saying which is better, and the choice to promote the
// retrained model or keep the live one. The dialog runs nothing itself.
class RetrainDialog : public QDialog {
  Q_OBJECT
 public:
  explicit RetrainDialog(QWidget* parent = nullptr);

  // The live model ("churn:production"), named in the title and the table.
  void setLiveModel(const QString& reference);
  void setDatasets(const QStringList& names);

  // Step 1's choices. source() is File or Dataset; mode() is "append" or "replace", as
  // RetrainComparison::mode spells it.
  monitor::BatchSource source() const;
  QString sourceRef() const;
  QString mode() const;
  // Step 1's problem in words; empty when Retrain can start.
  QString validate() const;

  // While the job runs: the inputs are locked, a busy bar and `status` show, and Cancel asks the
  // app to stop (cancelRequested). setBusy(false) unlocks them again (a cancelled or failed job).
  void setBusy(bool busy, const QString& status = {});
  bool isBusy() const { return busy_; }
  QString statusText() const;

  // Step 2: the comparison, and the choice.
  void setComparison(const monitor::RetrainComparison& comparison);
  bool showsComparison() const;
  QTableWidget* comparisonTable() const { return table_; }
  QString verdictText() const;
  QPushButton* promoteButton() const { return promote_; }
  QPushButton* keepButton() const { return keep_; }
  QPushButton* retrainButton() const { return retrain_; }

 signals:
  void retrainRequested();
  void cancelRequested();
  void promoteRequested();
  void keepRequested();

 private:
  void startRetrain();
  void browse();
  void updateInputs();
  QString verdict(const monitor::RetrainComparison& c) const;

  QString live_;
  bool busy_ = false;
  QStackedWidget* steps_;
  QLabel* intro_;
  QRadioButton* fromFile_;
  QRadioButton* fromDataset_;
  QLineEdit* file_;
  QPushButton* browse_;
  QComboBox* dataset_;
  QRadioButton* append_;
  QRadioButton* replace_;
  QLabel* error_;
  QLabel* about_;
  QTableWidget* table_;
  QLabel* verdict_;
  QProgressBar* progress_;
  QLabel* status_;
  QPushButton* cancel_;
  QPushButton* retrain_;
  QPushButton* promote_;
  QPushButton* keep_;
  QPushButton* close_;
};

}  // namespace lathe::widgets
