#include "widgets/charts/PrCurveChart.h"

#include <QLocale>
#include <cmath>
#include <limits>

#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/RocCurveChart.h"
#include "widgets/charts/ValueFormat.h"

namespace lathe::widgets {

namespace {
constexpr double kHoverPixels = 8.0;
}  // namespace

PrCurveChart::PrCurveChart(QWidget* parent) : ChartView(QStringLiteral("prCurveChart"), parent) {
  setMinimumSize(200, 180);
  rebuild();
}

void PrCurveChart::setCurves(std::vector<RunCurveSeries> curves) {
  curves_ = RocCurveChart::drawable(std::move(curves));
  given_ = true;
  rebuild();
}

void PrCurveChart::clear() {
  curves_.clear();
  given_ = false;
  rebuild();
}

QString PrCurveChart::curveName(int index) const {
  if (index < 0 || index >= curveCount()) return {};
  return curves_[static_cast<std::size_t>(index)].name;
}

double PrCurveChart::curveArea(int index) const {
  if (index < 0 || index >= curveCount()) return std::numeric_limits<double>::quiet_NaN();
  return curves_[static_cast<std::size_t>(index)].area;
}

QString PrCurveChart::legendText(int index) const {
  if (index < 0 || index >= curveCount()) return {};
  const RunCurveSeries& series = curves_[static_cast<std::size_t>(index)];
  return RocCurveChart::withArea(series.name, series.area, tr("%1 (AP %2)", "a run's name and its average precision"));
}

QString PrCurveChart::toolTipAt(const QPointF& pos) const {
  if (curves_.empty() || !axisRect()->rect().contains(pos.toPoint())) return {};
  const RocCurveChart::PointRef hit = RocCurveChart::nearestPoint(this, curves_, pos, kHoverPixels);
  if (hit.curve < 0) return {};
  const RunCurveSeries& series = curves_[static_cast<std::size_t>(hit.curve)];
  const auto i = static_cast<std::size_t>(hit.point);
  const QString recall = RocCurveChart::rateText(series.curve.x[i]);
  const QString precision = RocCurveChart::rateText(series.curve.y[i]);
  // The last point (recall 0, precision 1) has no threshold.
  const bool thresholded = i < series.curve.thresholds.size() && std::isfinite(series.curve.thresholds[i]);
  const QString point = thresholded ? tr("threshold %1 · precision %2 · recall %3")
                                          .arg(RocCurveChart::thresholdText(series.curve.thresholds[i]), precision, recall)
                                    : tr("precision %1 · recall %2").arg(precision, recall);
  return ValueFormat::oneLine(series.name) + QLatin1Char('\n') + point;
}

void PrCurveChart::redraw() { rebuild(); }

void PrCurveChart::rebuild() {
  clearPlottables();
  clearItems();
  legend->setVisible(false);
  if (locale() != QLocale()) setLocale(QLocale());  // tick labels in the user's number format
  if (curves_.empty()) {
    showEmptyState(given_ ? tr("The selected runs have no precision-recall curve.")
                          : tr("Select one or more classification runs to compare their precision-recall curves."));
    replot();
    return;
  }
  QStringList legendTexts;
  for (int i = 0; i < curveCount(); ++i) legendTexts << legendText(i);
  // Good curves keep to the top right; the bottom left stays free for the legend.
  RocCurveChart::drawCurves(this, curves_, legendTexts, tr("Recall"), tr("Precision"), Qt::AlignLeft | Qt::AlignBottom);
  ChartStyle::apply(this);
  replot();
}

}  // namespace lathe::widgets
