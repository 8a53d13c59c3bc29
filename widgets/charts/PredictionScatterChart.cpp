#include "widgets/charts/PredictionScatterChart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "widgets/charts/ChartStyle.h"

namespace lathe::widgets {

PredictionScatterChart::PredictionScatterChart(Mode mode, QWidget* parent)
    : ChartView(mode == Mode::Residuals ? QStringLiteral("residualChart") : QStringLiteral("predictedActualChart"),
                parent),
      mode_(mode) {
  clear();
}

void PredictionScatterChart::setSeries(std::vector<Series> series) {
  std::erase_if(series, [](const Series& s) { return s.points.x.empty() || s.points.x.size() != s.points.y.size(); });
  series_ = std::move(series);
  redraw();
}

void PredictionScatterChart::clear() {
  series_.clear();
  redraw();
}

QPointF PredictionScatterChart::pointAt(int s, int index) const {
  if (s < 0 || s >= seriesCount() || index < 0 || index >= static_cast<int>(series_[std::size_t(s)].points.x.size()))
    return {std::nan(""), std::nan("")};
  const auto& p = series_[std::size_t(s)].points;
  const double actual = p.x[std::size_t(index)], predicted = p.y[std::size_t(index)];
  return {actual, mode_ == Mode::Residuals ? predicted - actual : predicted};
}

void PredictionScatterChart::redraw() {
  clearGraphs();
  clearItems();
  if (series_.empty()) {
    showEmptyState(tr("Compare regression runs to see their predictions against the true values."));
    replot();
    return;
  }
  hideEmptyState();
  legend->setVisible(series_.size() > 1);
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (std::size_t s = 0; s < series_.size(); ++s) {
    auto* graph = addGraph();
    graph->setName(series_[s].name);
    graph->setLineStyle(QCPGraph::lsNone);
    QColor color = ChartStyle::seriesColor(static_cast<int>(s));
    color.setAlpha(150);
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 5));
    QVector<double> xs, ys;
    for (int i = 0; i < static_cast<int>(series_[s].points.x.size()); ++i) {
      const QPointF p = pointAt(static_cast<int>(s), i);
      xs << p.x();
      ys << p.y();
      low = std::min({low, p.x(), mode_ == Mode::Residuals ? low : p.y()});
      high = std::max({high, p.x(), mode_ == Mode::Residuals ? high : p.y()});
    }
    graph->setData(xs, ys);
  }
  rescaleAxes();
  // The reference a perfect model sits on: the diagonal, or zero residual.
  auto* reference = new QCPItemStraightLine(this);
  reference->setObjectName(QStringLiteral("referenceLine"));
  reference->setPen(QPen(Qt::gray, 1, Qt::DashLine));
  if (mode_ == Mode::Residuals) {
    reference->point1->setCoords(low, 0);
    reference->point2->setCoords(high, 0);
  } else {
    reference->point1->setCoords(low, low);
    reference->point2->setCoords(high, high);
  }
  xAxis->setLabel(tr("Actual"));
  yAxis->setLabel(mode_ == Mode::Residuals ? tr("Residual (predicted − actual)") : tr("Predicted"));
  xAxis->scaleRange(1.05);
  yAxis->scaleRange(1.1);
  replot();
}

QString PredictionScatterChart::toolTipAt(const QPointF& pos) const {
  for (int s = 0; s < seriesCount(); ++s)
    for (int i = 0; i < static_cast<int>(series_[std::size_t(s)].points.x.size()); ++i) {
      const QPointF p = pointAt(s, i);
      const QPointF at(xAxis->coordToPixel(p.x()), yAxis->coordToPixel(p.y()));
      if (QLineF(at, pos).length() <= 6) {
        const auto& points = series_[std::size_t(s)].points;
        return tr("%1\nactual %2 · predicted %3")
            .arg(series_[std::size_t(s)].name, numberText(points.x[std::size_t(i)]), numberText(points.y[std::size_t(i)]));
      }
    }
  return {};
}

}  // namespace lathe::widgets
