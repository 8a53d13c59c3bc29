#pragma once
#include <QString>
#include <vector>

#include "engine/store/ExperimentRun.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// One run's learning curve as the chart draws it: the score on the rows fitted (train) and on
// the rows held out (validation) against the number of training rows, and the verdict in words.
struct RunLearningCurve {
  QString name;
  store::RunCurve train;
  store::RunCurve validation;
  QString verdict;  // "Overfit: ..." (translated by the caller); empty for none
};

// Learning curves of one or more runs: validation solid, train dashed, one colour per run; with
// one run its verdict is the chart's note. It draws what it is given and computes nothing.
class LearningCurveChart : public ChartView {
  Q_OBJECT
 public:
  explicit LearningCurveChart(QWidget* parent = nullptr);

  void setCurves(std::vector<RunLearningCurve> curves, const QString& metric);
  void clear();
  int curveCount() const { return static_cast<int>(curves_.size()); }
  QString noteText() const;
  QString toolTipAt(const QPointF& pos) const override;

 protected:
  void redraw() override;

 private:
  std::vector<RunLearningCurve> curves_;
  QString metric_;
};

}  // namespace lathe::widgets
