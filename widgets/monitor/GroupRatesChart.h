#pragma once
#include <QStringList>
#include <optional>

#include "engine/monitor/BiasReport.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// The groups of a sensitive attribute side by side: how often the model says "positive" and,
// with labels, how many of the truly positive it finds (recall), as two bars per group in
// percent. Bias is a gap between the bars of one colour.
class GroupRatesChart : public ChartView {
  Q_OBJECT
 public:
  explicit GroupRatesChart(QWidget* parent = nullptr);

  void setReport(const monitor::BiasReport& report);
  void clear();

  QStringList groups() const { return groups_; }
  // Bars drawn per series (recall only for the groups that have one).
  int positiveRateBars() const;
  int recallBars() const;

  QString toolTipAt(const QPointF& pos) const override;

 protected:
  void redraw() override;

 private:
  std::optional<monitor::BiasReport> report_;
  QStringList groups_;
  QCPBars* positive_ = nullptr;
  QCPBars* recall_ = nullptr;
  QCPBarsGroup* group_;
  QCPTextElement* heading_;
};

}  // namespace lathe::widgets
