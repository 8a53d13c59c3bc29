#include "widgets/charts/HistogramChart.h"

#include <QTimeZone>
#include <algorithm>
#include <cmath>

#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/ValueFormat.h"

namespace lathe::widgets {
namespace {

using data::ColumnType;

// Category labels on the axis are cut to this many pixels; the tooltip has the whole value.
constexpr int kCategoryLabelWidth = 130;
// A tooltip shows a value up to this many characters: a 10 kB value would cover the screen.
constexpr qsizetype kToolTipCharacters = 600;
// Bin edges beyond this (or bins too narrow for doubles to tell apart) cannot be placed on a
// QCustomPlot axis, whose ranges stop near 1e250: such bins are drawn side by side instead.
constexpr double kLargestCoordinate = 1e200;

bool drawsBins(ColumnType type) {
  return type == ColumnType::Float64 || type == ColumnType::Int64 || type == ColumnType::Datetime;
}

QString number(std::uint64_t n, const QLocale& locale) { return locale.toString(static_cast<qulonglong>(n)); }

bool placeable(const std::vector<data::HistogramBin>& bins, double scale) {
  for (const auto& bin : bins) {
    const double low = bin.low * scale, high = bin.high * scale;
    const double largest = std::max(std::abs(low), std::abs(high));
    if (!std::isfinite(low) || !std::isfinite(high) || largest > kLargestCoordinate) return false;
    if (!(high - low > largest * 1e-12) || !std::isfinite(high - low)) return false;
  }
  return true;
}

}  // namespace

HistogramChart::HistogramChart(QWidget* parent)
    : ChartView(QStringLiteral("histogramChart"), parent), note_(new QCPItemText(this)) {
  setMinimumSize(160, 120);
  note_->setLayer(QStringLiteral("legend"));  // above the bars
  note_->setClipToAxisRect(false);
  note_->position->setType(QCPItemPosition::ptAxisRectRatio);
  note_->setPadding(QMargins(4, 2, 4, 2));
  note_->position->setCoords(1.0, 0.0);
  note_->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
  note_->setTextAlignment(Qt::AlignRight);
  redraw();
}

void HistogramChart::setProfile(const data::ColumnProfile& profile) {
  profile_ = profile;
  redraw();
}

void HistogramChart::clear() {
  profile_.reset();
  redraw();
}

QString HistogramChart::barLabel(int index) const {
  if (index < 0 || index >= barCount()) return {};
  return bars_[static_cast<std::size_t>(index)].label;
}

double HistogramChart::barValue(int index) const {
  if (index < 0 || index >= barCount()) return std::nan("");
  return bars_[static_cast<std::size_t>(index)].value;
}

QString HistogramChart::noteText() const { return note_->visible() ? note_->text() : QString(); }

QString HistogramChart::formatValue(double value, data::ColumnType type, int digits, const QLocale& locale) {
  return ValueFormat::value(value, type, digits, locale);
}

void HistogramChart::redraw() {
  clearPlottables();
  for (QCPItemText* label : valueLabels_) removeItem(label);
  valueLabels_.clear();
  bars_.clear();
  horizontal_ = false;
  if (locale() != QLocale()) setLocale(QLocale());  // tick labels in the user's number format
  for (QCPAxis* axis : {xAxis, yAxis}) {
    axis->setVisible(true);
    axis->grid()->setVisible(true);
    axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    axis->setRangeReversed(false);
    axis->setLabel(QString());
    axis->setNumberFormat(QStringLiteral("gb"));
    axis->setNumberPrecision(6);
  }
  note_->setVisible(false);
  hideEmptyState();
  restyle();

  if (!profile_) {
    showEmptyState(tr("Select a column to see its distribution."));
  } else {
    const data::ColumnProfile& p = *profile_;
    setNote(p);
    const QLocale locale;
    if (p.count == 0 && p.missing == 0) showEmptyState(tr("The column has no rows."));
    else if (p.count == 0) showEmptyState(tr("All %1 values are missing.").arg(number(p.missing, locale)));
    else if (drawsBins(p.type) && !p.histogram.empty()) drawBins(p);
    else if (drawsBins(p.type)) showEmptyState(tr("No finite values to draw."));
    else if (!p.topCategories.empty()) drawCategories(p);
    else showEmptyState(tr("No values to draw."));
  }
  replot();
}

void HistogramChart::drawBins(const data::ColumnProfile& p) {
  const bool dates = p.type == ColumnType::Datetime;
  const double scale = dates ? 1.0 / ValueFormat::kMicrosPerSecond : 1.0;  // the date ticker counts seconds
  const bool onAxis = placeable(p.histogram, scale);
  const double step = p.histogram.front().high - p.histogram.front().low;
  // Enough digits that neighbouring edges read differently.
  const double largest = std::max(std::abs(p.histogram.front().low), std::abs(p.histogram.back().high));
  const int digits = step > 0 && std::isfinite(largest / step)
                         ? std::clamp(static_cast<int>(std::ceil(std::log10(std::max(1.0, largest / step)))) + 2, 3, 15)
                         : 6;
  const QLocale locale;
  const auto edge = [&](double value) {
    const QString date = dates ? ValueFormat::dateTime(value, ValueFormat::dateFormatFor(step)) : QString();
    return date.isEmpty() ? ValueFormat::number(value, digits, locale) : date;
  };
  for (std::size_t i = 0; i < p.histogram.size(); ++i) {
    const data::HistogramBin& bin = p.histogram[i];
    Bar bar;
    bar.label = tr("%1 – %2", "a histogram bin: from, to").arg(edge(bin.low), edge(bin.high));
    bar.value = static_cast<double>(bin.count);
    if (onAxis) {
      const double low = bin.low * scale, high = bin.high * scale;
      bar.key = low + (high - low) / 2;
      bar.width = high - low;
    } else {
      bar.key = static_cast<double>(i);
      bar.width = 1.0;
    }
    bars_.push_back(bar);
  }
  addBars(xAxis, yAxis, false, ChartStyle::primary());

  if (onAxis) {
    const double low = p.histogram.front().low * scale, high = p.histogram.back().high * scale;
    const double pad = (high - low) * 0.02;
    xAxis->setRange(low - pad, high + pad);
    if (dates) {
      auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
      ticker->setTimeZone(QTimeZone::utc());
      ticker->setDateTimeFormat(high - low >= 2 * 86400 ? QStringLiteral("yyyy-MM-dd")
                                                        : QStringLiteral("yyyy-MM-dd\nHH:mm:ss"));
      ticker->setTickCount(4);  // dates are wide; a narrow dock fits four
      xAxis->setTicker(ticker);
    } else {
      xAxis->ticker()->setTickCount(5);
    }
  } else {
    // Side by side, the lower edge under every few bars and the last upper edge at the end.
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const std::size_t n = p.histogram.size();
    const std::size_t every = std::max<std::size_t>(1, (n + 3) / 4);
    for (std::size_t i = 0; i < n; i += every) ticker->addTick(static_cast<double>(i) - 0.5, edge(p.histogram[i].low));
    ticker->addTick(static_cast<double>(n) - 0.5, edge(p.histogram.back().high));
    xAxis->setTicker(ticker);
    xAxis->setRange(-0.6, static_cast<double>(n) - 0.4);
  }
  finishValueAxis(yAxis);
}

void HistogramChart::drawCategories(const data::ColumnProfile& p) {
  horizontal_ = true;  // long labels read along the left axis
  const QFontMetrics metrics(yAxis->tickLabelFont());
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  for (std::size_t i = 0; i < p.topCategories.size(); ++i) {
    Bar bar;
    bar.label = QString::fromStdString(p.topCategories[i].value);
    bar.value = static_cast<double>(p.topCategories[i].count);
    bar.key = static_cast<double>(i);
    bar.width = 0.7;
    const QString shown = bar.label.isEmpty() ? tr("(empty)") : ValueFormat::oneLine(bar.label);
    ticker->addTick(bar.key, metrics.elidedText(shown, Qt::ElideRight, kCategoryLabelWidth));
    bars_.push_back(bar);
  }
  if (p.otherCount > 0) {
    Bar other;
    other.label = tr("Other");
    other.value = static_cast<double>(p.otherCount);
    other.key = static_cast<double>(p.topCategories.size());
    other.width = 0.7;
    other.other = true;
    ticker->addTick(other.key, other.label);
    bars_.push_back(other);
  }
  yAxis->setTicker(ticker);
  yAxis->setRangeReversed(true);  // the most frequent value on top
  yAxis->setRange(-0.6, static_cast<double>(bars_.size()) - 0.4);
  yAxis->grid()->setVisible(false);
  addBars(yAxis, xAxis, false, ChartStyle::primary());
  addBars(yAxis, xAxis, true, palette().color(QPalette::Mid));
  finishValueAxis(xAxis);
  // Each bar's count at its end: a value seen once still reads beside an "Other" of thousands.
  xAxis->setRange(0, xAxis->range().upper * 1.12);
  const QLocale locale;
  for (const Bar& bar : bars_) {
    auto* label = new QCPItemText(this);
    label->position->setAxes(xAxis, yAxis);
    label->position->setCoords(bar.value, bar.key);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    label->setPadding(QMargins(3, 0, 0, 0));
    label->setText(number(static_cast<std::uint64_t>(bar.value), locale));
    label->setFont(xAxis->tickLabelFont());
    label->setColor(palette().color(QPalette::WindowText));
    label->setSelectable(false);
    valueLabels_.push_back(label);
  }
}

void HistogramChart::addBars(QCPAxis* keyAxis, QCPAxis* valueAxis, bool otherBars, const QColor& colour) {
  QVector<double> keys, values;
  double width = 1.0;
  for (const Bar& bar : bars_) {
    if (bar.other != otherBars) continue;
    keys << bar.key;
    values << bar.value;
    width = bar.width;  // the engine's bins share one width
  }
  if (keys.isEmpty()) return;
  auto* bars = new QCPBars(keyAxis, valueAxis);
  bars->setWidthType(QCPBars::wtPlotCoords);
  bars->setWidth(width);
  bars->setData(keys, values, true);
  QColor fill = colour;
  fill.setAlpha(210);
  bars->setBrush(fill);
  // A hairline in the background colour keeps touching bins apart.
  bars->setPen(horizontal_ ? Qt::NoPen : QPen(palette().color(QPalette::Base), 1));
  bars->setSelectable(QCP::stNone);
}

void HistogramChart::finishValueAxis(QCPAxis* valueAxis) {
  double largest = 0;
  for (const Bar& bar : bars_) largest = std::max(largest, bar.value);
  // Counts are whole numbers: at least five on the axis keeps the ticks on integers.
  valueAxis->setRange(0, std::max(largest * 1.08, 5.0));
  valueAxis->setNumberFormat(QStringLiteral("f"));
  valueAxis->setNumberPrecision(0);
  valueAxis->ticker()->setTickCount(4);
  valueAxis->setLabel(tr("Rows"));
}

void HistogramChart::setNote(const data::ColumnProfile& p) {
  const QLocale locale;
  QStringList lines;
  if (p.missing > 0) lines << tr("%1 missing").arg(number(p.missing, locale));
  if (drawsBins(p.type) && !p.histogram.empty()) {
    std::uint64_t binned = 0;
    for (const auto& bin : p.histogram) binned += bin.count;
    if (p.count > binned) lines << tr("%1 infinite, not drawn").arg(number(p.count - binned, locale));
  }
  note_->setText(lines.join(QLatin1Char('\n')));
  note_->setVisible(!lines.isEmpty());
}

QString HistogramChart::toolTipAt(const QPointF& pos) const {
  if (bars_.empty() || !axisRect()->rect().contains(pos.toPoint())) return {};
  const QCPAxis* keyAxis = horizontal_ ? yAxis : xAxis;
  const double at = keyAxis->pixelToCoord(horizontal_ ? pos.y() : pos.x());
  for (const Bar& bar : bars_) {
    const double reach = horizontal_ ? 0.5 : bar.width / 2;  // a category's whole row answers
    if (std::abs(at - bar.key) > reach) continue;
    const QLocale locale;
    const data::ColumnProfile& p = *profile_;
    const double share = p.count > 0 ? 100.0 * bar.value / static_cast<double>(p.count) : 0.0;
    QString label = bar.label.isEmpty() ? tr("(empty)") : bar.label;
    if (bar.other && p.distinct > p.topCategories.size())
      label = tr("Other (%1 more values)").arg(number(p.distinct - p.topCategories.size(), locale));
    // Rich text, so a long value wraps instead of running off the screen; a huge one is cut.
    if (label.size() > kToolTipCharacters) label = label.left(kToolTipCharacters) + QStringLiteral("…");
    return QStringLiteral("<p>%1</p>").arg(ValueFormat::oneLine(label).toHtmlEscaped()) +
           tr("%1 rows (%2%3 of the values present)")
               .arg(number(static_cast<std::uint64_t>(bar.value), locale), locale.toString(share, 'f', 1), locale.percent());
  }
  return {};
}

void HistogramChart::changeEvent(QEvent* event) {
  ChartView::changeEvent(event);  // the palette and the language
  // Elided labels and the note follow the font too.
  if (event->type() == QEvent::FontChange) redraw();
}

void HistogramChart::restyle() {
  ChartStyle::apply(this);
  const QPalette colours = palette();
  QColor backdrop = colours.color(QPalette::Base);
  backdrop.setAlpha(220);
  note_->setColor(colours.color(QPalette::WindowText));
  note_->setBrush(backdrop);
  note_->setPen(Qt::NoPen);
  note_->setFont(yAxis->tickLabelFont());
}

}  // namespace lathe::widgets
