#pragma once
#include <QString>
#include <QVector>

#include "engine/tune/TuningHistory.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// A search's objective against its trials, in the order they ran: one dot per scored trial
// (a colour per algorithm family when several were searched; pruned trials hollow and grey, at
// the mean of the folds they ran) and the best so far as a step line. It draws the history it
// is given and computes nothing but the running best.
class TrialScoreChart : public ChartView {
  Q_OBJECT
 public:
  explicit TrialScoreChart(QWidget* parent = nullptr);

  void setHistory(const tune::TuningHistory& history);
  void clear();

  // Dots drawn (complete and pruned trials with a score).
  int pointCount() const;
  // The best-so-far line's values, one per trial from the first scored one.
  QVector<double> bestSoFar() const;
  QString toolTipAt(const QPointF& pos) const override;

 protected:
  void redraw() override;

 private:
  tune::TuningHistory history_;
};

}  // namespace lathe::widgets
