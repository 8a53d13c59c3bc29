#include "widgets/charts/ParallelCoordinatesChart.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/ValueFormat.h"

namespace lathe::widgets {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Above this many lines they are drawn thin, translucent and without antialiasing, so a tuning
// study of a thousand trials still redraws at once.
constexpr int kManyLines = 300;
constexpr int kMaxCategoryLabels = 12;
constexpr int kMaxNameLength = 24;
// An axis's ends and the colour scale are labels, not readouts (the tooltip gives six digits).
constexpr int kEndDigits = 3;
constexpr int kScaleDigits = 4;

// Worst to best: Okabe-Ito blue, reddish purple, vermilion; readable on light and dark
// backgrounds and apart from the grey of runs without the metric.
QCPColorGradient metricGradient() {
  QCPColorGradient gradient;
  gradient.clearColorStops();
  gradient.setColorStopAt(0.0, QColor(0x0072B2));
  gradient.setColorStopAt(0.5, QColor(0xCC79A7));
  gradient.setColorStopAt(1.0, QColor(0xD55E00));
  gradient.setColorInterpolation(QCPColorGradient::ciRGB);
  gradient.setLevelCount(256);
  return gradient;
}

QString elided(const QString& text) {
  const QString line = ValueFormat::oneLine(text);
  return line.size() <= kMaxNameLength ? line : line.left(kMaxNameLength - 1) + QChar(0x2026);
}

double squaredDistanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b) {
  const double dx = b.x() - a.x(), dy = b.y() - a.y();
  const double length = dx * dx + dy * dy;
  double t = length > 0 ? ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = a.x() + t * dx - p.x(), ey = a.y() + t * dy - p.y();
  return ex * ex + ey * ey;
}

}  // namespace

ParallelCoordinatesChart::ParallelCoordinatesChart(QWidget* parent)
    : ChartView(QStringLiteral("parallelCoordinatesChart"), parent) {
  setMinimumSize(240, 180);
  setMouseTracking(true);  // hovering highlights a line
  // The highlighted line lives on its own buffered layer: hovering repaints it alone.
  layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmBuffered);
  rebuild();
}

void ParallelCoordinatesChart::setCoordinates(const experiments::ParallelCoordinates& coordinates) {
  coordinates_ = coordinates;
  colorAxis_ = coordinates.metric.empty() ? -1 : static_cast<int>(coordinates.axes.size()) - 1;
  rebuild();
}

void ParallelCoordinatesChart::clear() {
  coordinates_.reset();
  colorAxis_ = -1;
  rebuild();
}

int ParallelCoordinatesChart::axisCount() const {
  return curves_.empty() ? 0 : static_cast<int>(coordinates_->axes.size());
}

QString ParallelCoordinatesChart::axisName(int axis) const {
  if (axis < 0 || axis >= axisCount()) return {};
  return QString::fromStdString(coordinates_->axes[static_cast<std::size_t>(axis)].name);
}

QStringList ParallelCoordinatesChart::tickLabels(int axis) const {
  if (axis < 0 || axis >= static_cast<int>(tickLabels_.size())) return {};
  return tickLabels_[static_cast<std::size_t>(axis)];
}

int ParallelCoordinatesChart::lineCount() const { return static_cast<int>(curves_.size()); }

QVector<QPointF> ParallelCoordinatesChart::linePoints(int line) const {
  if (line < 0 || line >= lineCount()) return {};
  QVector<QPointF> points;
  const auto data = curves_[static_cast<std::size_t>(line)]->data();
  for (int i = 0; i < data->size(); ++i) points.append(QPointF(i, data->at(i)->value));
  return points;
}

QColor ParallelCoordinatesChart::lineColor(int line) const {
  if (line < 0 || line >= lineCount()) return {};
  return colors_[static_cast<std::size_t>(line)];
}

void ParallelCoordinatesChart::setColorAxis(int axis) {
  if (axis < 0 || axis >= axisCount() || axis == colorAxis_) return;
  colorAxis_ = axis;
  rebuild();
}

QStringList ParallelCoordinatesChart::colorScaleLabels() const { return colorScaleLabels_; }

void ParallelCoordinatesChart::redraw() { rebuild(); }

void ParallelCoordinatesChart::rebuild() {
  clearPlottables();
  clearItems();
  removeColorScale();
  curves_.clear();
  colors_.clear();
  tickLabels_.clear();
  colorScaleLabels_.clear();
  highlightCurve_ = nullptr;
  highlighted_ = -1;
  legend->setVisible(false);
  xAxis2->setVisible(false);
  if (locale() != QLocale()) setLocale(QLocale());
  if (!coordinates_) {
    showEmptyState(tr("Select runs to compare their hyperparameters."));
    replot();
    return;
  }
  if (coordinates_->lines.empty() || coordinates_->parameterAxisCount() == 0) {
    showEmptyState(tr("These runs have no hyperparameters to compare"));
    replot();
    return;
  }
  const auto axes = static_cast<double>(coordinates_->axes.size());
  for (QCPAxis* axis : {xAxis, yAxis}) {
    axis->setVisible(false);
    axis->grid()->setVisible(false);
  }
  // Room right of the last axis for its tick labels.
  xAxis->setRange(-0.2, axes - 1 + 0.8);
  yAxis->setRange(-0.05, 1.05);
  drawAxes();
  drawLines();
  drawColorScale();
  ChartStyle::apply(this);
  // The top axis only carries the names: no line, no ticks.
  xAxis2->setBasePen(Qt::NoPen);
  xAxis2->setTickPen(Qt::NoPen);
  xAxis2->setSubTickPen(Qt::NoPen);
  xAxis2->grid()->setVisible(false);
  replot();
}

void ParallelCoordinatesChart::drawAxes() {
  const QColor text = palette().color(QPalette::WindowText);
  QColor labelBackground = palette().color(QPalette::Base);
  labelBackground.setAlpha(190);
  QFont small = font();
  small.setPointSizeF(small.pointSizeF() > 0 ? small.pointSizeF() * 0.85 : 8.0);

  auto names = QSharedPointer<QCPAxisTickerText>::create();
  auto* marks = new QCPCurve(xAxis, yAxis);
  marks->setObjectName(QStringLiteral("axisTickMarks"));
  marks->setLayer(QStringLiteral("axes"));
  marks->setLineStyle(QCPCurve::lsNone);
  QPainterPath dash;
  dash.moveTo(-4, 0);
  dash.lineTo(4, 0);
  marks->setScatterStyle(QCPScatterStyle(dash, QPen(text, 1), Qt::NoBrush, 8));
  marks->setSelectable(QCP::stNone);
  QVector<QCPCurveData> markData;

  const int count = static_cast<int>(coordinates_->axes.size());
  for (int a = 0; a < count; ++a) {
    names->addTick(a, elided(QString::fromStdString(coordinates_->axes[static_cast<std::size_t>(a)].name)));
    auto* line = new QCPItemLine(this);
    line->setObjectName(QStringLiteral("axisLine_%1").arg(a));
    line->setLayer(QStringLiteral("axes"));
    line->start->setCoords(a, 0);
    line->end->setCoords(a, 1);
    line->setPen(QPen(text, a == colorAxis_ ? 2.5 : 1.2));
    line->setSelectable(false);
    QStringList labels;
    for (const auto& [position, label] : ticksOf(a)) {
      auto* item = new QCPItemText(this);
      item->setLayer(QStringLiteral("axes"));
      item->position->setCoords(a, position);
      item->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
      item->setPadding(QMargins(6, 0, 2, 0));
      item->setFont(small);
      item->setColor(text);
      item->setBrush(labelBackground);
      item->setText(label);
      item->setSelectable(false);
      labels << label;
      markData.append(QCPCurveData(markData.size(), a, position));
    }
    tickLabels_.push_back(labels);
  }
  marks->data()->set(markData, true);

  xAxis2->setVisible(true);
  xAxis2->setRange(xAxis->range());
  xAxis2->setTicker(names);
  xAxis2->setTickLabels(true);
  xAxis2->setTickLabelRotation(count > 8 ? -30 : 0);
}

void ParallelCoordinatesChart::drawLines() {
  const auto& lines = coordinates_->lines;
  const int count = static_cast<int>(lines.size());
  const bool many = count > kManyLines;
  setNotAntialiasedElement(QCP::aePlottables, many);
  std::vector<double> values(lines.size());
  for (int i = 0; i < count; ++i) values[static_cast<std::size_t>(i)] = colorValue(i);
  // The best lines drawn last, on top; lines without a colour at the bottom.
  std::vector<int> order(lines.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const double va = values[static_cast<std::size_t>(a)], vb = values[static_cast<std::size_t>(b)];
    if (std::isnan(va) || std::isnan(vb)) return std::isnan(va) && !std::isnan(vb);
    return va < vb;
  });
  curves_.assign(lines.size(), nullptr);
  colors_.assign(lines.size(), QColor());
  for (int index : order) {
    const auto& line = lines[static_cast<std::size_t>(index)];
    QVector<QCPCurveData> data;
    data.reserve(static_cast<int>(line.positions.size()));
    for (std::size_t a = 0; a < line.positions.size(); ++a) {
      const double y = line.positions[a];
      // A point of NaNs is a gap in a QCPCurve.
      data.append(std::isfinite(y) ? QCPCurveData(static_cast<double>(a), static_cast<double>(a), y)
                                   : QCPCurveData(static_cast<double>(a), kNaN, kNaN));
    }
    auto* curve = new QCPCurve(xAxis, yAxis);
    curve->setSelectable(QCP::stNone);
    curve->data()->set(data, true);
    const QColor colour = colorOf(values[static_cast<std::size_t>(index)]);
    QColor drawn = colour;
    if (many) drawn.setAlpha(std::isnan(values[static_cast<std::size_t>(index)]) ? 70 : 140);
    curve->setPen(QPen(drawn, many ? 1.0 : 1.6));
    // Dots where the line meets an axis: a value between two gaps still shows.
    if (!many) curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 4));
    curves_[static_cast<std::size_t>(index)] = curve;
    colors_[static_cast<std::size_t>(index)] = colour;
  }
  highlightCurve_ = new QCPCurve(xAxis, yAxis);
  highlightCurve_->setObjectName(QStringLiteral("highlightedLine"));
  highlightCurve_->setLayer(QStringLiteral("overlay"));
  highlightCurve_->setSelectable(QCP::stNone);
  highlightCurve_->setVisible(false);
}

void ParallelCoordinatesChart::drawColorScale() {
  if (colorAxis_ < 0) return;
  const auto& lines = coordinates_->lines;
  if (std::none_of(lines.begin(), lines.end(), [&](const auto& line) {
        return std::isfinite(line.positions[static_cast<std::size_t>(colorAxis_)]);
      }))
    return;  // nothing to colour by: every line grey, no scale
  const bool metric = !coordinates_->metric.empty() && colorAxis_ == axisCount() - 1;
  const bool lowerIsBetter = metric && !coordinates_->higherIsBetter;
  QCPColorScale* scale = addColorScale(QStringLiteral("colorScale"));
  scale->setBarWidth(12);
  // Positions in [0, 1]; for a lower-is-better metric position 0 is the best, so the gradient
  // and the axis turn over: the best end is always at the top, in vermilion.
  scale->setDataRange(QCPRange(0, 1));
  scale->setGradient(lowerIsBetter ? metricGradient().inverted() : metricGradient());
  scale->axis()->setRangeReversed(lowerIsBetter);
  const auto& axis = coordinates_->axes[static_cast<std::size_t>(colorAxis_)];
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  if (metric) {
    const double best = lowerIsBetter ? 0.0 : 1.0;
    const bool constant = !(axis.max > axis.min);
    for (const double position : constant ? std::vector<double>{0.5} : std::vector<double>{0.0, 0.5, 1.0}) {
      QString label = figure(axis.valueAt(position), kScaleDigits);
      if (constant || position == best) label = tr("%1 (best)", "the best value of a metric").arg(label);
      ticker->addTick(position, label);
      colorScaleLabels_ << label;
    }
    if (lowerIsBetter) std::reverse(colorScaleLabels_.begin(), colorScaleLabels_.end());
    scale->setLabel(coordinates_->split.empty()
                        ? QString::fromStdString(coordinates_->metric)
                        : tr("%1 (%2)", "a metric and its split").arg(QString::fromStdString(coordinates_->metric),
                                                                     QString::fromStdString(coordinates_->split)));
  } else {
    for (const auto& [position, label] : ticksOf(colorAxis_)) {
      ticker->addTick(position, label);
      colorScaleLabels_ << label;
    }
    scale->setLabel(elided(QString::fromStdString(axis.name)));
  }
  scale->axis()->setTicker(ticker);
}

void ParallelCoordinatesChart::highlight(int line) {
  if (line == highlighted_ || !highlightCurve_) return;
  highlighted_ = line;
  if (line < 0) {
    highlightCurve_->setVisible(false);
  } else {
    highlightCurve_->setData(curves_[static_cast<std::size_t>(line)]->data());
    QColor colour = colors_[static_cast<std::size_t>(line)];
    if (std::isnan(colorValue(line))) colour = palette().color(QPalette::WindowText);
    highlightCurve_->setPen(QPen(colour, 3.5));
    highlightCurve_->setVisible(true);
  }
  layer(QStringLiteral("overlay"))->replot();
}

int ParallelCoordinatesChart::lineAt(const QPointF& pos) const {
  if (curves_.empty() || !axisRect()->rect().contains(pos.toPoint())) return -1;
  const auto& lines = coordinates_->lines;
  std::vector<double> xs(coordinates_->axes.size());
  for (std::size_t a = 0; a < xs.size(); ++a) xs[a] = xAxis->coordToPixel(static_cast<double>(a));
  double best = kHoverPixels * kHoverPixels;
  int nearest = -1;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& positions = lines[i].positions;
    for (std::size_t a = 0; a + 1 < positions.size() && a + 1 < xs.size(); ++a) {
      if (!std::isfinite(positions[a]) || !std::isfinite(positions[a + 1])) continue;
      // Only the segments around the mouse can be near it.
      if (pos.x() < xs[a] - kHoverPixels || pos.x() > xs[a + 1] + kHoverPixels) continue;
      const QPointF from(xs[a], yAxis->coordToPixel(positions[a]));
      const QPointF to(xs[a + 1], yAxis->coordToPixel(positions[a + 1]));
      const double distance = squaredDistanceToSegment(pos, from, to);
      if (distance <= best) {
        best = distance;
        nearest = static_cast<int>(i);
      }
    }
  }
  return nearest;
}

int ParallelCoordinatesChart::axisAt(const QPointF& pos) const {
  if (curves_.empty() || !axisRect()->rect().contains(pos.toPoint())) return -1;
  for (int a = 0; a < axisCount(); ++a)
    if (std::abs(xAxis->coordToPixel(a) - pos.x()) <= kAxisClickPixels) return a;
  return -1;
}

QString ParallelCoordinatesChart::toolTipAt(const QPointF& pos) const {
  const int line = lineAt(pos);
  if (line < 0) {
    const int axis = axisAt(pos);
    if (axis < 0) return {};
    return ValueFormat::oneLine(axisName(axis)) + QLatin1Char('\n') + tr("Click to colour the lines by this axis");
  }
  const auto& run = coordinates_->lines[static_cast<std::size_t>(line)];
  QStringList texts;
  texts << (run.runName.empty() ? tr("Run %1").arg(run.runId) : ValueFormat::oneLine(QString::fromStdString(run.runName)));
  for (int a = 0; a < axisCount(); ++a) {
    const double position = a < static_cast<int>(run.positions.size()) ? run.positions[static_cast<std::size_t>(a)] : kNaN;
    texts << tr("%1: %2").arg(ValueFormat::oneLine(axisName(a)), valueText(a, position));
  }
  if (!coordinates_->metric.empty() && !std::isfinite(run.metric))
    texts.last() = tr("%1: %2").arg(ValueFormat::oneLine(axisName(axisCount() - 1)), tr("no value"));
  else if (!coordinates_->metric.empty())
    texts.last() = tr("%1: %2").arg(ValueFormat::oneLine(axisName(axisCount() - 1)), figure(run.metric));
  return texts.join(QLatin1Char('\n'));
}

QString ParallelCoordinatesChart::valueText(int axis, double position) const {
  if (std::isnan(position)) return tr("not set");
  const auto& a = coordinates_->axes[static_cast<std::size_t>(axis)];
  if (a.categorical) return ValueFormat::oneLine(QString::fromStdString(a.categoryAt(position)));
  return figure(a.valueAt(position));
}

double ParallelCoordinatesChart::colorValue(int line) const {
  if (colorAxis_ < 0) return kNaN;
  const auto& positions = coordinates_->lines[static_cast<std::size_t>(line)].positions;
  if (colorAxis_ >= static_cast<int>(positions.size())) return kNaN;
  const double position = positions[static_cast<std::size_t>(colorAxis_)];
  if (!std::isfinite(position)) return kNaN;
  const bool metric = !coordinates_->metric.empty() && colorAxis_ == static_cast<int>(coordinates_->axes.size()) - 1;
  return metric && !coordinates_->higherIsBetter ? 1.0 - position : position;
}

QColor ParallelCoordinatesChart::colorOf(double value) const {
  if (colorAxis_ < 0) return ChartStyle::primary();
  if (std::isnan(value)) return palette().color(QPalette::Mid);
  return QColor::fromRgb(metricGradient().color(value, QCPRange(0, 1)));
}

std::vector<ParallelCoordinatesChart::Tick> ParallelCoordinatesChart::ticksOf(int axisIndex) const {
  const auto& axis = coordinates_->axes[static_cast<std::size_t>(axisIndex)];
  std::vector<Tick> ticks;
  if (axis.categorical) {
    const auto count = static_cast<int>(axis.categories.size());
    const int stride = std::max(1, (count + kMaxCategoryLabels - 1) / kMaxCategoryLabels);
    for (int k = 0; k < count; k += stride)
      ticks.push_back({count == 1 ? 0.5 : static_cast<double>(k) / (count - 1),
                       elided(QString::fromStdString(axis.categories[static_cast<std::size_t>(k)]))});
    return ticks;
  }
  // Too few round values inside: the smallest and largest too, unless a tick is already near.
  const auto addEnds = [&](std::vector<Tick>& list) {
    for (const double end : {axis.min, axis.max}) {
      const double position = axis.position(end);
      if (std::none_of(list.begin(), list.end(), [&](const Tick& t) { return std::abs(t.first - position) < 0.12; }))
        list.push_back({position, figure(end, kEndDigits)});
    }
    std::sort(list.begin(), list.end(), [](const Tick& a, const Tick& b) { return a.first < b.first; });
  };
  const bool anyValue = std::any_of(coordinates_->lines.begin(), coordinates_->lines.end(), [&](const auto& line) {
    return std::isfinite(line.positions[static_cast<std::size_t>(axisIndex)]);
  });
  if (!anyValue) return ticks;
  if (!(axis.max > axis.min) || !std::isfinite(axis.max - axis.min)) {
    ticks.push_back({axis.position(axis.min), figure(axis.min, kEndDigits)});
    if (axis.max > axis.min) ticks.push_back({1.0, figure(axis.max, kEndDigits)});
    return ticks;
  }
  if (axis.logScale) {
    // Decades, at most five of them; the ends too when fewer than three decades fall inside.
    const int low = static_cast<int>(std::ceil(std::log10(axis.min) - 1e-9));
    const int high = static_cast<int>(std::floor(std::log10(axis.max) + 1e-9));
    const int stride = std::max(1, (high - low + 5) / 5);
    for (int e = low; e <= high; e += stride) ticks.push_back({axis.position(std::pow(10.0, e)), figure(std::pow(10.0, e))});
    if (ticks.size() < 3) addEnds(ticks);
    return ticks;
  }
  // Round steps (1, 2 or 5 times a power of ten): the finest giving at most five ticks.
  const double range = axis.max - axis.min;
  const int start = static_cast<int>(std::floor(std::log10(range))) - 2;
  for (int e = start; e <= start + 4 && ticks.empty(); ++e) {
    for (const double multiple : {1.0, 2.0, 5.0}) {
      const double step = multiple * std::pow(10.0, e);
      const double first = std::ceil(axis.min / step - 1e-9), last = std::floor(axis.max / step + 1e-9);
      if (last - first + 1 > 5) continue;
      for (double k = first; k <= last; ++k) {
        double value = k * step;
        if (std::abs(value) < step * 1e-9) value = 0;
        ticks.push_back({axis.position(value), figure(value)});
      }
      break;
    }
  }
  if (ticks.size() < 3) addEnds(ticks);
  return ticks;
}

QString ParallelCoordinatesChart::figure(double value, int digits) {
  QLocale locale;
  locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
  if (std::isfinite(value) && std::abs(value) < 1e15 && value == std::round(value))
    return locale.toString(static_cast<qlonglong>(value));
  return locale.toString(value, 'g', digits);
}

void ParallelCoordinatesChart::mouseMoveEvent(QMouseEvent* event) {
  highlight(lineAt(event->position()));
  if (axisAt(event->position()) >= 0) setCursor(Qt::PointingHandCursor);
  else unsetCursor();
  ChartView::mouseMoveEvent(event);
}

void ParallelCoordinatesChart::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton) {
    const int axis = axisAt(event->position());
    if (axis >= 0) {
      setColorAxis(axis);
      event->accept();
      return;
    }
  }
  ChartView::mousePressEvent(event);
}

void ParallelCoordinatesChart::leaveEvent(QEvent* event) {
  highlight(-1);
  ChartView::leaveEvent(event);
}

}  // namespace lathe::widgets
