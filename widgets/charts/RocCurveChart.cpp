#include "widgets/charts/RocCurveChart.h"

#include <QLocale>
#include <QMouseEvent>
#include <algorithm>
#include <cmath>
#include <limits>

#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/ValueFormat.h"

namespace lathe::widgets {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kHoverPixels = 8.0;
// The marker starts at the usual decision threshold of a probability.
constexpr double kDefaultThreshold = 0.5;

bool finitePoint(const store::RunCurve& curve, std::size_t i) {
  return std::isfinite(curve.x[i]) && std::isfinite(curve.y[i]);
}

bool hasThreshold(const store::RunCurve& curve, std::size_t i) {
  return i < curve.thresholds.size() && std::isfinite(curve.thresholds[i]) && finitePoint(curve, i);
}

bool sameValue(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

}  // namespace

RocCurveChart::RocCurveChart(QWidget* parent)
    : ChartView(QStringLiteral("rocCurveChart"), parent),
      drag_(this, [this](const QPointF& pos, double maxPixels) { return markerPointNear(pos, maxPixels); },
            [this](int index) { moveMarkerTo(index); }) {
  setMinimumSize(200, 180);
  setMouseTracking(true);  // an open hand over the marker says it can be dragged
  rebuild();
}

void RocCurveChart::setCurves(std::vector<RunCurveSeries> curves) {
  const double before = threshold();
  curves_ = drawable(std::move(curves));
  given_ = true;
  drag_.cancel();
  markerIndex_ = std::isnan(before) ? -1 : pointWithThresholdNearest(before);
  if (markerIndex_ < 0) markerIndex_ = pointWithThresholdNearest(kDefaultThreshold);
  rebuild();
  if (!sameValue(before, threshold())) emit thresholdChanged(threshold());
}

void RocCurveChart::clear() {
  const double before = threshold();
  curves_.clear();
  given_ = false;
  drag_.cancel();
  markerIndex_ = -1;
  rebuild();
  if (!std::isnan(before)) emit thresholdChanged(threshold());
}

QString RocCurveChart::curveName(int index) const {
  if (index < 0 || index >= curveCount()) return {};
  return curves_[static_cast<std::size_t>(index)].name;
}

double RocCurveChart::curveArea(int index) const {
  if (index < 0 || index >= curveCount()) return kNaN;
  return curves_[static_cast<std::size_t>(index)].area;
}

QString RocCurveChart::legendText(int index) const {
  if (index < 0 || index >= curveCount()) return {};
  const RunCurveSeries& series = curves_[static_cast<std::size_t>(index)];
  return withArea(series.name, series.area, tr("%1 (AUC %2)", "a run's name and its area under the ROC curve"));
}

double RocCurveChart::threshold() const {
  if (markerIndex_ < 0) return kNaN;
  return curves_.front().curve.thresholds[static_cast<std::size_t>(markerIndex_)];
}

void RocCurveChart::setThreshold(double value) {
  if (markerIndex_ < 0 || std::isnan(value)) return;
  moveMarkerTo(pointWithThresholdNearest(value));
}

QPointF RocCurveChart::markerPoint() const {
  if (markerIndex_ < 0) return {kNaN, kNaN};
  const store::RunCurve& curve = curves_.front().curve;
  const auto i = static_cast<std::size_t>(markerIndex_);
  return {curve.x[i], curve.y[i]};
}

QString RocCurveChart::markerText() const { return markerIndex_ < 0 ? QString() : pointText(0, markerIndex_); }

QString RocCurveChart::toolTipAt(const QPointF& pos) const {
  if (curves_.empty() || !axisRect()->rect().contains(pos.toPoint())) return {};
  const PointRef hit = nearestPoint(this, curves_, pos, kHoverPixels);
  if (hit.curve < 0) return {};
  return ValueFormat::oneLine(curves_[static_cast<std::size_t>(hit.curve)].name) + QLatin1Char('\n') +
         pointText(hit.curve, hit.point);
}

QString RocCurveChart::pointText(int curveIndex, int point) const {
  const store::RunCurve& curve = curves_[static_cast<std::size_t>(curveIndex)].curve;
  const auto i = static_cast<std::size_t>(point);
  if (hasThreshold(curve, i))
    return tr("threshold %1 · TPR %2 · FPR %3").arg(thresholdText(curve.thresholds[i]), rateText(curve.y[i]), rateText(curve.x[i]));
  return tr("TPR %1 · FPR %2").arg(rateText(curve.y[i]), rateText(curve.x[i]));
}

void RocCurveChart::redraw() { rebuild(); }

void RocCurveChart::rebuild() {
  clearPlottables();
  clearItems();  // the empty state, the chance line, the marker and its label
  marker_ = nullptr;
  markerLabel_ = nullptr;
  legend->setVisible(false);
  if (locale() != QLocale()) setLocale(QLocale());  // tick labels in the user's number format
  if (curves_.empty()) {
    showEmptyState(given_ ? tr("The selected runs have no ROC curve.")
                          : tr("Select one or more classification runs to compare their ROC curves."));
    replot();
    return;
  }

  // Chance: a model that ranks at random lies on the diagonal.
  auto* chance = new QCPItemLine(this);
  chance->setObjectName(QStringLiteral("chanceLine"));
  chance->setLayer(QStringLiteral("grid"));  // under the curves
  chance->start->setCoords(0, 0);
  chance->end->setCoords(1, 1);
  chance->setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
  chance->setSelectable(false);

  QStringList legendTexts;
  for (int i = 0; i < curveCount(); ++i) legendTexts << legendText(i);
  drawCurves(this, curves_, legendTexts, tr("False positive rate"), tr("True positive rate"), Qt::AlignRight | Qt::AlignBottom);
  // Room above TPR 1 for the threshold label, so it covers no curve.
  yAxis->setRange(-0.02, 1.1);

  if (markerIndex_ >= 0) {
    marker_ = new QCPItemTracer(this);
    marker_->setObjectName(QStringLiteral("thresholdMarker"));
    marker_->setStyle(QCPItemTracer::tsCircle);
    marker_->setSize(11);
    marker_->setPen(QPen(ChartStyle::seriesColor(0), 2.5));
    marker_->setBrush(palette().color(QPalette::Base));
    marker_->setSelectable(false);

    markerLabel_ = new QCPItemText(this);
    markerLabel_->setObjectName(QStringLiteral("thresholdLabel"));
    markerLabel_->setLayer(QStringLiteral("legend"));
    markerLabel_->position->setType(QCPItemPosition::ptAxisRectRatio);
    markerLabel_->position->setAxisRect(axisRect());
    markerLabel_->position->setCoords(1.0, 0.0);
    markerLabel_->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    markerLabel_->setPadding(QMargins(4, 2, 6, 2));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() > 0 ? small.pointSizeF() * 0.9 : 8.0);
    markerLabel_->setFont(small);
    markerLabel_->setColor(palette().color(QPalette::WindowText));
    markerLabel_->setSelectable(false);
    placeMarker();
  }
  ChartStyle::apply(this);
  replot();
}

void RocCurveChart::placeMarker() {
  if (!marker_ || markerIndex_ < 0) return;
  const QPointF at = markerPoint();
  marker_->position->setCoords(at.x(), at.y());
  markerLabel_->setText(markerText());
}

int RocCurveChart::pointWithThresholdNearest(double value) const {
  if (curves_.empty()) return -1;
  const store::RunCurve& curve = curves_.front().curve;
  int best = -1;
  double bestDistance = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < curve.x.size(); ++i) {
    if (!hasThreshold(curve, i)) continue;
    const double distance = std::abs(curve.thresholds[i] - value);
    if (best < 0 || distance < bestDistance) {
      best = static_cast<int>(i);
      bestDistance = distance;
    }
  }
  return best;
}

int RocCurveChart::markerPointNear(const QPointF& pos, double maxPixels) const {
  if (markerIndex_ < 0) return -1;
  const store::RunCurve& curve = curves_.front().curve;
  int best = -1;
  double bestDistance = maxPixels * maxPixels;
  for (std::size_t i = 0; i < curve.x.size(); ++i) {
    if (!hasThreshold(curve, i)) continue;
    const double dx = xAxis->coordToPixel(curve.x[i]) - pos.x();
    const double dy = yAxis->coordToPixel(curve.y[i]) - pos.y();
    const double distance = dx * dx + dy * dy;
    if (distance <= bestDistance) {
      best = static_cast<int>(i);
      bestDistance = distance;
    }
  }
  return best;
}

void RocCurveChart::moveMarkerTo(int index) {
  if (index < 0 || index == markerIndex_) return;
  markerIndex_ = index;
  placeMarker();
  replot(rpQueuedReplot);
  emit thresholdChanged(threshold());
}

void RocCurveChart::mousePressEvent(QMouseEvent* event) {
  if (!drag_.press(event)) ChartView::mousePressEvent(event);
}

void RocCurveChart::mouseMoveEvent(QMouseEvent* event) {
  if (!drag_.move(event)) ChartView::mouseMoveEvent(event);
}

void RocCurveChart::mouseReleaseEvent(QMouseEvent* event) {
  if (!drag_.release(event)) ChartView::mouseReleaseEvent(event);
}

std::vector<RunCurveSeries> RocCurveChart::drawable(std::vector<RunCurveSeries> curves) {
  std::vector<RunCurveSeries> kept;
  for (RunCurveSeries& series : curves) {
    const std::size_t points = std::min(series.curve.x.size(), series.curve.y.size());
    series.curve.x.resize(points);
    series.curve.y.resize(points);
    bool any = false;
    for (std::size_t i = 0; i < points && !any; ++i) any = finitePoint(series.curve, i);
    if (any) kept.push_back(std::move(series));
  }
  return kept;
}

void RocCurveChart::drawCurves(QCustomPlot* plot, const std::vector<RunCurveSeries>& curves, const QStringList& legendTexts,
                               const QString& xTitle, const QString& yTitle, Qt::Alignment legendCorner) {
  auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
  ticker->setTickStep(0.2);
  ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
  for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
    axis->setVisible(true);
    axis->grid()->setVisible(true);
    axis->setTicker(ticker);
    axis->setNumberFormat(QStringLiteral("f"));
    axis->setNumberPrecision(1);
    axis->setRange(-0.02, 1.02);
  }
  plot->xAxis->setLabel(xTitle);
  plot->yAxis->setLabel(yTitle);

  for (std::size_t c = 0; c < curves.size(); ++c) {
    const store::RunCurve& curve = curves[c].curve;
    QVector<double> t, x, y;
    for (std::size_t i = 0; i < curve.x.size(); ++i) {
      t << static_cast<double>(i);
      x << curve.x[i];
      y << curve.y[i];
    }
    // A QCPCurve keeps the points in their order: an ROC curve has vertical steps (equal x).
    auto* drawn = new QCPCurve(plot->xAxis, plot->yAxis);
    drawn->setObjectName(QStringLiteral("runCurve_%1").arg(c));
    drawn->setName(legendTexts.value(static_cast<int>(c)));
    drawn->setData(t, x, y, true);
    drawn->setPen(QPen(ChartStyle::seriesColor(static_cast<int>(c)), 2));
    drawn->setSelectable(QCP::stNone);
    drawn->addToLegend();
  }
  plot->axisRect()->insetLayout()->setInsetAlignment(0, legendCorner);
  plot->legend->setVisible(!curves.empty());
}

RocCurveChart::PointRef RocCurveChart::nearestPoint(const QCustomPlot* plot, const std::vector<RunCurveSeries>& curves,
                                                    const QPointF& pos, double maxPixels) {
  PointRef best;
  double bestDistance = maxPixels * maxPixels;
  for (std::size_t c = 0; c < curves.size(); ++c) {
    const store::RunCurve& curve = curves[c].curve;
    for (std::size_t i = 0; i < curve.x.size(); ++i) {
      if (!finitePoint(curve, i)) continue;
      const double dx = plot->xAxis->coordToPixel(curve.x[i]) - pos.x();
      const double dy = plot->yAxis->coordToPixel(curve.y[i]) - pos.y();
      const double distance = dx * dx + dy * dy;
      if (distance <= bestDistance) {
        best = {static_cast<int>(c), static_cast<int>(i)};
        bestDistance = distance;
      }
    }
  }
  return best;
}

QString RocCurveChart::withArea(const QString& name, double area, const QString& areaFormat) {
  const QString shown = ValueFormat::oneLine(name);
  return std::isfinite(area) ? areaFormat.arg(shown, rateText(area, 3)) : shown;
}

QString RocCurveChart::rateText(double value, int decimals) { return QLocale().toString(value, 'f', decimals); }

QString RocCurveChart::thresholdText(double value) { return QLocale().toString(value, 'g', 3); }

}  // namespace lathe::widgets
