#include "widgets/charts/BusinessValueChart.h"

#include <QLocale>
#include <QMouseEvent>
#include <algorithm>
#include <cmath>
#include <limits>

#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/RocCurveChart.h"
#include "widgets/charts/ValueFormat.h"

namespace lathe::widgets {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kHoverPixels = 8.0;
constexpr int kValueDigits = 3;
// Room above the curves for the legend and the labels, as a share of the values' span.
constexpr double kHeadroom = 0.35;

QString valueText(double value) { return ValueFormat::number(value, kValueDigits, QLocale()); }

QCPItemText* smallText(QCustomPlot* plot, const QString& objectName) {
  auto* text = new QCPItemText(plot);
  text->setObjectName(objectName);
  text->setLayer(QStringLiteral("legend"));
  text->setPadding(QMargins(4, 2, 6, 2));
  QFont small = plot->font();
  small.setPointSizeF(small.pointSizeF() > 0 ? small.pointSizeF() * 0.9 : 8.0);
  text->setFont(small);
  text->setColor(plot->palette().color(QPalette::WindowText));
  text->setSelectable(false);
  return text;
}

}  // namespace

BusinessValueChart::BusinessValueChart(QWidget* parent)
    : ChartView(QStringLiteral("businessValueChart"), parent),
      drag_(this, [this](const QPointF& pos, double maxPixels) { return markerPointNear(pos, maxPixels); },
            [this](int index) { moveMarkerTo(index); },
            [this](const QPointF& pos) {
              return marker_ && QLineF(marker_->position->pixelPosition(), pos).length() <= kGrabPixels;
            }) {
  setMinimumSize(200, 180);
  setMouseTracking(true);  // an open hand over the marker says it can be dragged
  rebuild();
}

void BusinessValueChart::setCurves(std::vector<BusinessValueSeries> curves) {
  const double before = threshold();
  std::erase_if(curves, [](const BusinessValueSeries& s) { return s.curve.points.empty(); });
  for (auto& series : curves) {  // indices past the points (a struct made by hand) point at the last
    series.curve.best = std::min(series.curve.best, series.curve.points.size() - 1);
    series.curve.atDefault = std::min(series.curve.atDefault, series.curve.points.size() - 1);
  }
  curves_ = std::move(curves);
  given_ = true;
  drag_.cancel();
  probabilities_ = true;
  for (const auto& series : curves_)
    for (std::size_t i = 0; i + 1 < series.curve.points.size(); ++i)
      if (!(series.curve.points[i].threshold >= 0 && series.curve.points[i].threshold <= 1)) probabilities_ = false;
  markerIndex_ = std::isnan(before) ? -1 : pointNearestThreshold(before);
  if (markerIndex_ < 0 && !curves_.empty())
    markerIndex_ = static_cast<int>(curves_.front().curve.atDefault);
  rebuild();
  const double after = threshold();
  if (!(before == after || (std::isnan(before) && std::isnan(after)))) emit thresholdChanged(after);
}

void BusinessValueChart::setKpi(const store::Kpi& kpi) {
  kpi_ = kpi;
  rebuild();
}

void BusinessValueChart::setCostMatrix(const store::CostMatrix& costs) {
  costsSet_ = costs.isSet();
  rebuild();
}

void BusinessValueChart::clear() {
  const double before = threshold();
  curves_.clear();
  given_ = false;
  drag_.cancel();
  markerIndex_ = -1;
  rebuild();
  if (!std::isnan(before)) emit thresholdChanged(threshold());
}

QString BusinessValueChart::curveName(int index) const {
  return index < 0 || index >= curveCount() ? QString() : curves_[static_cast<std::size_t>(index)].name;
}

double BusinessValueChart::bestThreshold(int index) const {
  return index < 0 || index >= curveCount() ? kNaN : curves_[static_cast<std::size_t>(index)].curve.bestPoint().threshold;
}

double BusinessValueChart::bestValue(int index) const {
  return index < 0 || index >= curveCount() ? kNaN
                                            : curves_[static_cast<std::size_t>(index)].curve.bestPoint().expectedValue;
}

QString BusinessValueChart::legendText(int index) const {
  if (index < 0 || index >= curveCount()) return {};
  return tr("%1 (best %2 per row)", "a run's name and its best expected value per row")
      .arg(ValueFormat::oneLine(curveName(index)), valueText(bestValue(index)));
}

QString BusinessValueChart::bestText() const {
  if (curves_.empty()) return {};
  const auto& curve = curves_.front().curve;
  if (curve.best + 1 == curve.points.size())
    return tr("best: flag no one · %1 per row").arg(valueText(curve.bestPoint().expectedValue));
  return tr("best threshold %1 · %2 per row")
      .arg(thresholdText(curve.bestPoint().threshold), valueText(curve.bestPoint().expectedValue));
}

double BusinessValueChart::drawnThreshold(double threshold) const {
  return probabilities_ && threshold > 1.0 ? 1.0 : threshold;
}

double BusinessValueChart::threshold() const {
  if (markerIndex_ < 0) return kNaN;
  return curves_.front().curve.points[static_cast<std::size_t>(markerIndex_)].threshold;
}

void BusinessValueChart::setThreshold(double value) {
  if (markerIndex_ < 0 || std::isnan(value)) return;
  moveMarkerTo(pointNearestThreshold(value));
}

QString BusinessValueChart::markerText() const {
  return markerIndex_ < 0 ? QString() : pointText(0, static_cast<std::size_t>(markerIndex_));
}

QString BusinessValueChart::thresholdText(double threshold) const { return RocCurveChart::thresholdText(threshold); }

QString BusinessValueChart::pointText(std::size_t curveIndex, std::size_t point) const {
  const auto& curve = curves_[curveIndex].curve;
  const auto& p = curve.points[point];
  QString text = point + 1 == curve.points.size()
                     ? tr("flag no one · %1 per row").arg(valueText(p.expectedValue))
                     : tr("threshold %1 · %2 per row").arg(thresholdText(p.threshold), valueText(p.expectedValue));
  if (std::isfinite(p.kpiValue) && !kpi_.metric.empty())
    text = tr("%1 · %2 %3", "a point's text, the KPI metric and its value")
               .arg(text, QString::fromStdString(kpi_.metric), RocCurveChart::rateText(p.kpiValue));
  return text;
}

QString BusinessValueChart::toolTipAt(const QPointF& pos) const {
  if (curves_.empty() || !axisRect()->rect().contains(pos.toPoint())) return {};
  double bestDistance = kHoverPixels * kHoverPixels;
  int hitCurve = -1, hitPoint = -1;
  for (std::size_t c = 0; c < curves_.size(); ++c) {
    const auto& points = curves_[c].curve.points;
    for (std::size_t i = 0; i < points.size(); ++i) {
      const double dx = xAxis->coordToPixel(drawnThreshold(points[i].threshold)) - pos.x();
      const double dy = yAxis->coordToPixel(points[i].expectedValue) - pos.y();
      const double distance = dx * dx + dy * dy;
      if (distance < bestDistance || (hitCurve < 0 && distance <= bestDistance)) {  // ties: the first run
        bestDistance = distance;
        hitCurve = static_cast<int>(c);
        hitPoint = static_cast<int>(i);
      }
    }
  }
  if (hitCurve < 0) return {};
  return ValueFormat::oneLine(curves_[static_cast<std::size_t>(hitCurve)].name) + QLatin1Char('\n') +
         pointText(static_cast<std::size_t>(hitCurve), static_cast<std::size_t>(hitPoint));
}

void BusinessValueChart::redraw() { rebuild(); }

bool BusinessValueChart::kpiDrawn() const {
  return !kpi_.metric.empty() && std::any_of(curves_.begin(), curves_.end(), [](const BusinessValueSeries& s) {
           return s.curve.kpiDependsOnThreshold;
         });
}

void BusinessValueChart::rebuild() {
  clearPlottables();
  clearItems();  // the empty state, the lines, the labels and the marker
  kpiLine_ = nullptr;
  marker_ = nullptr;
  markerLabel_ = nullptr;
  legend->setVisible(false);
  yAxis2->setVisible(false);
  if (locale() != QLocale()) setLocale(QLocale());  // tick labels in the user's number format
  if (!given_ || !costsSet_ || curves_.empty()) {
    showEmptyState(!given_      ? tr("Select a binary classification run to see what its decisions are worth.")
                   : !costsSet_ ? tr("Set the cost matrix in the project's goal to see the business value.")
                                : tr("The selected runs are not binary classifiers with a stored ROC curve."));
    replot();
    return;
  }
  for (QCPAxis* axis : {xAxis, yAxis}) {
    axis->setVisible(true);
    axis->grid()->setVisible(true);
  }
  xAxis->setLabel(tr("Threshold"));
  yAxis->setLabel(tr("Expected value per row"));

  double low = 0.0, high = 0.0;
  for (std::size_t c = 0; c < curves_.size(); ++c) {
    auto* graph = addGraph(xAxis, yAxis);
    graph->setObjectName(QStringLiteral("valueCurve_%1").arg(c));
    graph->setName(legendText(static_cast<int>(c)));
    graph->setPen(QPen(ChartStyle::seriesColor(static_cast<int>(c)), 2));
    graph->setSelectable(QCP::stNone);
    for (const auto& p : curves_[c].curve.points) {
      graph->addData(drawnThreshold(p.threshold), p.expectedValue);
      low = std::min(low, p.expectedValue);
      high = std::max(high, p.expectedValue);
    }
    graph->addToLegend();
  }
  const double span = high > low ? high - low : 1.0;
  yAxis->setRange(low - 0.05 * span, high + kHeadroom * span);
  if (probabilities_) xAxis->setRange(-0.02, 1.02);
  else xAxis->rescale();

  // Above zero the decisions earn, below they cost.
  auto* zero = new QCPItemStraightLine(this);
  zero->setObjectName(QStringLiteral("zeroLine"));
  zero->setLayer(QStringLiteral("grid"));
  zero->point1->setCoords(0, 0);
  zero->point2->setCoords(1, 0);
  zero->setPen(QPen(palette().color(QPalette::Mid), 1));
  zero->setSelectable(false);

  drawBest();
  drawKpi();
  drawMarker();
  legend->setVisible(true);
  axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignLeft | Qt::AlignTop);
  ChartStyle::apply(this);
  replot();
}

void BusinessValueChart::drawBest() {
  for (std::size_t c = 0; c < curves_.size(); ++c) {
    const double x = drawnThreshold(curves_[c].curve.bestPoint().threshold);
    auto* line = new QCPItemStraightLine(this);
    line->setObjectName(QStringLiteral("bestLine_%1").arg(c));
    line->point1->setCoords(x, 0);
    line->point2->setCoords(x, 1);
    line->setPen(QPen(ChartStyle::seriesColor(static_cast<int>(c)), 1.5, Qt::DashLine));
    line->setSelectable(false);
  }
  const double x = drawnThreshold(curves_.front().curve.bestPoint().threshold);
  auto* label = smallText(this, QStringLiteral("bestLabel"));
  label->position->setTypeX(QCPItemPosition::ptPlotCoords);
  label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
  label->position->setAxisRect(axisRect());
  label->position->setCoords(x, 0.0);
  // On the side of the line with more room.
  const bool left = x > xAxis->range().center();
  label->setPositionAlignment((left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
  label->setText(bestText());
}

void BusinessValueChart::drawKpi() {
  if (!kpiDrawn()) {
    if (!kpi_.metric.empty())
      addNote(this, tr("KPI %1 does not depend on the threshold").arg(QString::fromStdString(kpi_.metric)));
    return;
  }
  const QString metric = QString::fromStdString(kpi_.metric);
  yAxis2->setVisible(true);
  yAxis2->setLabel(tr("%1 (dotted)", "the KPI metric's axis").arg(metric));
  yAxis2->setRange(-0.02, 1.02 + kHeadroom);  // the threshold metrics are rates in [0, 1]
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();  // no ticks in the headroom above 1
  for (int i = 0; i <= 4; ++i) ticker->addTick(i / 4.0, QLocale().toString(i / 4.0, 'f', 2));
  yAxis2->setTicker(ticker);
  for (std::size_t c = 0; c < curves_.size(); ++c) {
    auto* graph = addGraph(xAxis, yAxis2);
    graph->setObjectName(QStringLiteral("kpiCurve_%1").arg(c));
    graph->setPen(QPen(ChartStyle::seriesColor(static_cast<int>(c)), 1.5, Qt::DotLine));
    graph->setSelectable(QCP::stNone);
    for (const auto& p : curves_[c].curve.points)
      if (std::isfinite(p.kpiValue)) graph->addData(drawnThreshold(p.threshold), p.kpiValue);
  }
  if (!kpi_.target || !std::isfinite(*kpi_.target)) return;
  kpiLine_ = new QCPItemStraightLine(this);
  kpiLine_->setObjectName(QStringLiteral("kpiTargetLine"));
  for (QCPItemPosition* point : {kpiLine_->point1, kpiLine_->point2}) point->setAxes(xAxis, yAxis2);
  kpiLine_->point1->setCoords(0, *kpi_.target);
  kpiLine_->point2->setCoords(1, *kpi_.target);
  kpiLine_->setPen(QPen(palette().color(QPalette::WindowText), 1, Qt::DashLine));
  kpiLine_->setSelectable(false);
  auto* label = smallText(this, QStringLiteral("kpiTargetLabel"));
  label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
  label->position->setAxisRect(axisRect());
  label->position->setAxes(xAxis, yAxis2);
  label->position->setCoords(1.0, *kpi_.target);
  label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
  label->setText(kpi_.higherIsBetter ? tr("KPI target %1 ≥ %2").arg(metric, RocCurveChart::rateText(*kpi_.target))
                                     : tr("KPI target %1 ≤ %2").arg(metric, RocCurveChart::rateText(*kpi_.target)));
}

void BusinessValueChart::drawMarker() {
  if (markerIndex_ < 0) return;
  marker_ = new QCPItemTracer(this);
  marker_->setObjectName(QStringLiteral("thresholdMarker"));
  marker_->setStyle(QCPItemTracer::tsCircle);
  marker_->setSize(11);
  marker_->setPen(QPen(ChartStyle::seriesColor(0), 2.5));
  marker_->setBrush(palette().color(QPalette::Base));
  marker_->setSelectable(false);
  markerLabel_ = smallText(this, QStringLiteral("thresholdLabel"));
  markerLabel_->position->setType(QCPItemPosition::ptAxisRectRatio);
  markerLabel_->position->setAxisRect(axisRect());
  markerLabel_->position->setCoords(0.0, 1.0);
  markerLabel_->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
  placeMarker();
}

void BusinessValueChart::placeMarker() {
  if (!marker_ || markerIndex_ < 0) return;
  const auto& p = curves_.front().curve.points[static_cast<std::size_t>(markerIndex_)];
  marker_->position->setCoords(drawnThreshold(p.threshold), p.expectedValue);
  markerLabel_->setText(markerText());
}

int BusinessValueChart::pointNearestThreshold(double value) const {
  if (curves_.empty()) return -1;
  const auto& points = curves_.front().curve.points;
  int best = -1;
  for (std::size_t i = 0; i < points.size(); ++i)
    if (best < 0 || std::abs(points[i].threshold - value) < std::abs(points[static_cast<std::size_t>(best)].threshold - value))
      best = static_cast<int>(i);
  return best;
}

int BusinessValueChart::markerPointNear(const QPointF& pos, double maxPixels) const {
  if (markerIndex_ < 0) return -1;
  const auto& points = curves_.front().curve.points;
  const bool anywhere = std::isinf(maxPixels);  // dragging: the nearest threshold left or right
  int best = -1;
  double bestDistance = maxPixels * maxPixels;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double dx = xAxis->coordToPixel(drawnThreshold(points[i].threshold)) - pos.x();
    const double dy = anywhere ? 0.0 : yAxis->coordToPixel(points[i].expectedValue) - pos.y();
    if (dx * dx + dy * dy <= bestDistance) {
      best = static_cast<int>(i);
      bestDistance = dx * dx + dy * dy;
    }
  }
  return best;
}

void BusinessValueChart::moveMarkerTo(int index) {
  if (index < 0 || index == markerIndex_) return;
  markerIndex_ = index;
  placeMarker();
  replot(rpQueuedReplot);
  emit thresholdChanged(threshold());
}

void BusinessValueChart::mousePressEvent(QMouseEvent* event) {
  if (!drag_.press(event)) ChartView::mousePressEvent(event);
}

void BusinessValueChart::mouseMoveEvent(QMouseEvent* event) {
  if (!drag_.move(event)) ChartView::mouseMoveEvent(event);
}

void BusinessValueChart::mouseReleaseEvent(QMouseEvent* event) {
  if (!drag_.release(event)) ChartView::mouseReleaseEvent(event);
}

}  // namespace lathe::widgets
