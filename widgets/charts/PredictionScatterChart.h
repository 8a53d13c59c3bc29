#pragma once
#include <QString>
#include <vector>

#include "engine/store/ExperimentRun.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// A regression run's predictions against the truth, from its stored "predicted" curve (x =
// actual, y = predicted): either predicted against actual with the diagonal a perfect model
// would sit on, or the residuals (predicted − actual) against actual around zero, where a
// pattern shows what the model misses. One colour per run; it computes only the residuals it
// draws.
class PredictionScatterChart : public ChartView {
  Q_OBJECT
 public:
  enum class Mode { PredictedAgainstActual, Residuals };
  struct Series {
    QString name;
    store::RunCurve points;
  };

  PredictionScatterChart(Mode mode, QWidget* parent = nullptr);

  void setSeries(std::vector<Series> series);
  void clear();
  int seriesCount() const { return static_cast<int>(series_.size()); }
  // The drawn (x, y) of point `index` of series `s`; (NaN, NaN) out of range.
  QPointF pointAt(int s, int index) const;
  QString toolTipAt(const QPointF& pos) const override;

 protected:
  void redraw() override;

 private:
  Mode mode_;
  std::vector<Series> series_;
};

}  // namespace lathe::widgets
