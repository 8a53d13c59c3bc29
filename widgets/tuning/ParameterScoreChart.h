#pragma once
#include <QString>
#include <QStringList>

#include "engine/tune/TuningHistory.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// One hyperparameter against the objective: a dot per scored trial that set it. Numbers on a
// linear axis, or a logarithmic one when they are all positive and span two decades or more;
// choices (text, true/false) one column each, named below. A colour per algorithm family when
// several were searched; pruned trials hollow and grey. It draws what it is given.
class ParameterScoreChart : public ChartView {
  Q_OBJECT
 public:
  explicit ParameterScoreChart(QWidget* parent = nullptr);

  // The parameters whose value differs between trials, in name order: the ones worth a chart.
  static QStringList parametersOf(const tune::TuningHistory& history);

  void setHistory(const tune::TuningHistory& history, const QString& parameter);
  void clear();

  QString parameter() const { return parameter_; }
  int pointCount() const;
  bool logarithmic() const;
  // The choices along the x axis, empty for a numeric parameter.
  QStringList categories() const { return categories_; }
  QString toolTipAt(const QPointF& pos) const override;

 protected:
  void redraw() override;

 private:
  tune::TuningHistory history_;
  QString parameter_;
  QStringList categories_;
};

}  // namespace lathe::widgets
