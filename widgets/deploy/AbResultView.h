#pragma once
#include <QWidget>

#include "engine/deploy/AbTestResult.h"

class QLabel;
class QTableWidget;

namespace lathe::widgets {

// The A/B result view: each variant's KPI with its confidence interval, each one against the
// reference (difference, interval, p-value) and, in plain words, whether the difference is real
// yet.
class AbResultView : public QWidget {
  Q_OBJECT
 public:
  explicit AbResultView(QWidget* parent = nullptr);

  void setResult(const deploy::AbTestResult& result);
  void clear();
  // The plain-words verdict of each comparison, one line each.
  QString verdictText() const;
  QTableWidget* table() const { return table_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  QString sentence(const deploy::AbComparison& comparison) const;

  QTableWidget* table_;
  QLabel* verdict_;
  deploy::AbTestResult result_;
  bool hasResult_ = false;
};

}  // namespace lathe::widgets
