#include "widgets/charts/LearningCurveChart.h"

#include "widgets/charts/ChartStyle.h"

namespace lathe::widgets {

LearningCurveChart::LearningCurveChart(QWidget* parent) : ChartView(QStringLiteral("learningCurveChart"), parent) {
  clear();
}

void LearningCurveChart::setCurves(std::vector<RunLearningCurve> curves, const QString& metric) {
  std::erase_if(curves, [](const RunLearningCurve& c) { return c.validation.x.empty(); });
  curves_ = std::move(curves);
  metric_ = metric;
  redraw();
}

void LearningCurveChart::clear() {
  curves_.clear();
  redraw();
}

QString LearningCurveChart::noteText() const {
  return curves_.size() == 1 ? curves_.front().verdict : QString();
}

void LearningCurveChart::redraw() {
  clearGraphs();
  clearItems();
  if (curves_.empty()) {
    showEmptyState(tr("Train with \"Draw the learning curve\" on to see whether more data would help."));
    replot();
    return;
  }
  hideEmptyState();
  legend->setVisible(true);
  axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
  for (std::size_t i = 0; i < curves_.size(); ++i) {
    const auto& c = curves_[i];
    const QColor color = ChartStyle::seriesColor(static_cast<int>(i));
    auto* validation = addGraph();
    validation->setName(tr("%1 (validation)").arg(c.name));
    validation->setPen(QPen(color, 2));
    validation->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
    for (std::size_t p = 0; p < c.validation.x.size() && p < c.validation.y.size(); ++p)
      validation->addData(c.validation.x[p], c.validation.y[p]);
    auto* train = addGraph();
    train->setName(tr("%1 (train)").arg(c.name));
    train->setPen(QPen(color, 1.5, Qt::DashLine));
    for (std::size_t p = 0; p < c.train.x.size() && p < c.train.y.size(); ++p) train->addData(c.train.x[p], c.train.y[p]);
  }
  xAxis->setLabel(tr("Training rows"));
  yAxis->setLabel(metric_);
  rescaleAxes();
  yAxis->scaleRange(1.1);
  if (!noteText().isEmpty()) addNote(this, noteText());
  replot();
}

QString LearningCurveChart::toolTipAt(const QPointF& pos) const {
  for (int g = 0; g < graphCount(); ++g) {
    const QCPGraph* graph = const_cast<LearningCurveChart*>(this)->graph(g);
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
      const QPointF at(xAxis->coordToPixel(it->key), yAxis->coordToPixel(it->value));
      if (QLineF(at, pos).length() <= 8)
        return tr("%1\n%2 rows: %3").arg(graph->name(), countText(static_cast<std::uint64_t>(it->key)), numberText(it->value));
    }
  }
  return {};
}

}  // namespace lathe::widgets
