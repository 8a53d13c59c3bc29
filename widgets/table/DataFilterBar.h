#pragma once
#include <QWidget>

class QLabel;
class QLineEdit;

namespace lathe::widgets {

// The line above the Data table where users filter rows with a formula (`[Body Mass (g)] > 4000
// and Species == "Adelie"`). Enter asks for the filter, clearing the line (or Esc) asks to show
// every row; the app runs the filter as a job and answers with setResult or setError.
class DataFilterBar : public QWidget {
  Q_OBJECT
 public:
  explicit DataFilterBar(QWidget* parent = nullptr);

  QString formula() const;
  // A new table: an empty line, no status.
  void reset();
  // Shows `formula` as the filter in force (the app kept it for a new table), without asking.
  void setFormula(const QString& formula);
  // Column names offered as completions, written as [name] references.
  void setColumns(const QStringList& names);
  void setBusy(bool busy);
  // The filter ran: `shown` of `total` rows are left.
  void setResult(qint64 shown, qint64 total);
  // The formula cannot run; `position` is the 1-based character of the problem (0: unknown).
  void setError(const QString& message, int position = 0);

 signals:
  void filterRequested(const QString& formula);
  void filterCleared();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void submit();
  void showStatus(const QString& text, bool problem);

  QLineEdit* edit_;
  QLabel* status_;
  QString applied_;  // the formula the table shows now; empty: every row
};

}  // namespace lathe::widgets
