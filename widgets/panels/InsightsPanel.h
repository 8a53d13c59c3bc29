#pragma once
#include <QStringList>
#include <QWidget>
#include <vector>

#include "engine/insights/DataInsight.h"

class QComboBox;
class QLabel;
class QTreeWidget;

namespace lathe::widgets {

class PlaceholderStack;

// The data quality report: one line per insight (severity icon, a message written from the
// insight's kind and numbers, a tooltip on why it matters) with a Fix button where the insight
// carries a fix, and a target picker, since imbalance and leakage need a target. It shows what
// setInsights gives it and emits what the user asked for; the caller runs the analysis, turns
// fixRequested into an undoable recipe step, and calls setInsights again.
class InsightsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit InsightsPanel(QWidget* parent = nullptr);

  // The columns offered as target, after "(no target)". Keeps the target while it is among
  // them, else selects no target. Emits no signal.
  void setColumns(const QStringList& names);
  // Selects `name` (no target when empty or not a column). Emits no signal.
  void setTarget(const QString& name);
  // The selected target column; empty for none.
  QString target() const;
  // While busy the list makes way for "Analysing…"; setInsights and clear end it.
  void setBusy(bool busy);
  bool isBusy() const { return busy_; }
  // Shows these insights in their order, or "No problems found" when there are none.
  void setInsights(std::vector<insights::DataInsight> insights);
  const std::vector<insights::DataInsight>& insights() const { return insights_; }
  // Back to the state before any analysis (the columns and target stay).
  void clear();

  // The translated texts the panel shows, for other views (a status line, a report).
  static QString message(const insights::DataInsight& insight);
  static QString explanation(insights::InsightKind kind);
  static QString fixText(const insights::InsightFix& fix);

 signals:
  void fixRequested(const lathe::insights::DataInsight& insight);
  void targetChanged(const QString& target);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void fillList();
  void showState();

  std::vector<insights::DataInsight> insights_;
  bool busy_ = false;
  bool analysed_ = false;
  QLabel* targetLabel_;
  QComboBox* target_;
  QTreeWidget* list_;
  PlaceholderStack* stack_;
};

}  // namespace lathe::widgets
