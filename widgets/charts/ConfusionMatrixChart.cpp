#include "widgets/charts/ConfusionMatrixChart.h"

#include <QLocale>
#include <algorithm>
#include <cmath>
#include <limits>

#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/ValueFormat.h"

namespace lathe::widgets {

namespace {

constexpr int kLongLabel = 16;  // characters; longer class names are elided on the axes
const QString kTitle = QStringLiteral("chartTitle");

QString elided(const QString& text) {
  const QString line = ValueFormat::oneLine(text);
  return line.size() > kLongLabel ? line.left(kLongLabel - 1) + QChar(0x2026) : line;
}

QString cellName(int actual, int predicted) { return QStringLiteral("cell_%1_%2").arg(actual).arg(predicted); }

QString percentText(double share) {
  const QLocale locale;
  return locale.toString(share * 100.0, 'f', 1) + locale.percent();
}

// Perceived brightness (Rec. 601 weights): HSL lightness calls viridis' yellow mid-grey.
double luminance(const QColor& colour) {
  return 0.299 * colour.redF() + 0.587 * colour.greenF() + 0.114 * colour.blueF();
}

}  // namespace

ConfusionMatrixChart::ConfusionMatrixChart(QWidget* parent) : ChartView(QStringLiteral("confusionMatrixChart"), parent) {
  setMinimumSize(200, 180);
  rebuild();
}

void ConfusionMatrixChart::setConfusion(const store::RunConfusion& confusion, const QString& title) {
  confusion_ = confusion;
  title_ = title;
  rebuild();
}

void ConfusionMatrixChart::clear() {
  confusion_.reset();
  title_.clear();
  rebuild();
}

int ConfusionMatrixChart::classCount() const {
  if (!confusion_) return 0;
  return static_cast<int>(confusion_->labels.empty() ? confusion_->counts.size() : confusion_->labels.size());
}

std::int64_t ConfusionMatrixChart::cellCount(int actual, int predicted) const {
  const int n = classCount();
  if (actual < 0 || predicted < 0 || actual >= n || predicted >= n) return -1;
  // A struct with short rows (a damaged file) reads as zero beyond their ends.
  const auto a = static_cast<std::size_t>(actual), p = static_cast<std::size_t>(predicted);
  if (a >= confusion_->counts.size() || p >= confusion_->counts[a].size()) return 0;
  return confusion_->counts[a][p];
}

std::int64_t ConfusionMatrixChart::rowTotal(int actual) const {
  std::int64_t total = 0;
  for (int p = 0; p < classCount(); ++p) total += std::max<std::int64_t>(0, cellCount(actual, p));
  return total;
}

double ConfusionMatrixChart::rowShare(int actual, int predicted) const {
  const std::int64_t count = cellCount(actual, predicted);
  const std::int64_t total = count < 0 ? 0 : rowTotal(actual);
  if (total <= 0) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(std::max<std::int64_t>(0, count)) / static_cast<double>(total);
}

QString ConfusionMatrixChart::cellText(int actual, int predicted) const {
  const auto* label = findChild<QCPItemText*>(cellName(actual, predicted));
  return label ? label->text() : QString();
}

QString ConfusionMatrixChart::titleText() const {
  const auto* title = findChild<QCPTextElement*>(kTitle);
  return title ? title->text() : QString();
}

QString ConfusionMatrixChart::className(int index) const {
  const auto i = static_cast<std::size_t>(index);
  return i < confusion_->labels.size() ? QString::fromStdString(confusion_->labels[i]) : QString::number(index);
}

QString ConfusionMatrixChart::toolTipAt(const QPointF& pos) const {
  const int n = classCount();
  if (n == 0 || !findChild<QCPColorMap*>() || !axisRect()->rect().contains(pos.toPoint())) return {};
  const double predicted = std::round(xAxis->pixelToCoord(pos.x()));
  const double actual = std::round(yAxis->pixelToCoord(pos.y()));
  if (!(predicted >= 0 && actual >= 0 && predicted < n && actual < n)) return {};
  const int a = static_cast<int>(actual), p = static_cast<int>(predicted);
  const double share = rowShare(a, p);
  const QString count = countText(static_cast<std::uint64_t>(std::max<std::int64_t>(0, cellCount(a, p))));
  return tr("Actual: %1").arg(ValueFormat::oneLine(className(a))) + QLatin1Char('\n') +
         tr("Predicted: %1").arg(ValueFormat::oneLine(className(p))) + QLatin1Char('\n') +
         (std::isnan(share) ? tr("%1 rows").arg(count)
                            : tr("%1 rows, %2 of the actual class").arg(count, percentText(share)));
}

void ConfusionMatrixChart::redraw() { rebuild(); }

void ConfusionMatrixChart::rebuild() {
  clearPlottables();
  clearItems();
  if (auto* title = findChild<QCPTextElement*>(kTitle)) plotLayout()->remove(title);
  removeColorScale();  // also drops the title's empty row
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  if (!confusion_) {
    showEmptyState(tr("Select a classification run to see its confusion matrix."));
  } else if (classCount() == 0) {
    showEmptyState(tr("The run has no confusion matrix."));
  } else {
    draw();
    ChartStyle::apply(this);
  }
  replot();
}

void ConfusionMatrixChart::draw() {
  const int n = classCount();
  QCPColorGradient gradient = ChartStyle::densityGradient();  // color() caches, so not const
  const QCPRange shares(0.0, 1.0);

  auto* map = new QCPColorMap(xAxis, yAxis);
  map->setName(tr("Share of the actual class"));
  // Cells centred on whole numbers. QCustomPlot draws a one-cell map with no width, so a single
  // class is a 2 × 2 map of the same value spanning the same cell.
  const int side = n == 1 ? 2 : n;
  const QCPRange range = n == 1 ? QCPRange(-0.25, 0.25) : QCPRange(0, n - 1);
  map->data()->setSize(side, side);
  map->data()->setRange(range, range);
  for (int actual = 0; actual < side; ++actual)
    for (int predicted = 0; predicted < side; ++predicted)
      map->data()->setCell(predicted, actual, rowShare(n == 1 ? 0 : actual, n == 1 ? 0 : predicted));
  map->setGradient(gradient);
  map->setDataRange(shares);
  map->setInterpolate(false);
  map->setSelectable(QCP::stNone);

  const bool labelled = n <= kMaxLabelledClasses;
  if (!labelled) {
    // Without numbers in the cells, the colours need their key.
    QCPColorScale* scale = addColorScale(QStringLiteral("shareScale"));
    scale->setRangeDrag(false);
    scale->setRangeZoom(false);
    scale->axis()->setLabel(tr("Share of the actual class"));
    map->setColorScale(scale);
    map->setDataRange(shares);
  }

  // Every class named while they fit; beyond, every few, so the names stay readable.
  auto names = QSharedPointer<QCPAxisTickerText>::create();
  const int every = labelled ? 1 : (n + kMaxLabelledClasses - 1) / kMaxLabelledClasses;
  for (int i = 0; i < n; i += every) names->addTick(i, elided(className(i)));
  for (QCPAxis* axis : {xAxis, yAxis}) {
    axis->setVisible(true);
    axis->setTicker(names);
    axis->setSubTicks(false);
    axis->setTickLength(0, 0);
    axis->grid()->setVisible(false);  // the cells are the grid
    axis->setRange(-0.5, n - 0.5);
  }
  xAxis->setLabel(tr("Predicted"));
  yAxis->setLabel(tr("Actual"));
  xAxis->setTickLabelRotation(n > 15 ? 90 : (n > 5 ? 45 : 0));
  yAxis->setRangeReversed(true);  // the first class at the top left, as sklearn draws it

  if (labelled) {
    QFont font = this->font();
    const double scaleFont = n <= 5 ? 1.0 : n <= 10 ? 0.85 : n <= 20 ? 0.7 : 0.6;
    font.setPointSizeF((font.pointSizeF() > 0 ? font.pointSizeF() : 9.0) * scaleFont);
    for (int actual = 0; actual < n; ++actual) {
      for (int predicted = 0; predicted < n; ++predicted) {
        const double share = rowShare(actual, predicted);
        auto* label = new QCPItemText(this);
        label->setObjectName(cellName(actual, predicted));
        label->position->setType(QCPItemPosition::ptPlotCoords);
        label->position->setAxes(xAxis, yAxis);
        label->position->setCoords(predicted, actual);
        label->setPositionAlignment(Qt::AlignCenter);
        label->setTextAlignment(Qt::AlignCenter);
        label->setFont(font);
        label->setSelectable(false);
        const std::int64_t count = std::max<std::int64_t>(0, cellCount(actual, predicted));
        label->setText(countText(static_cast<std::uint64_t>(count)) + QLatin1Char('\n') +
                       (std::isnan(share) ? QStringLiteral("–") : percentText(share)));
        // Dark text on light cells, light text on dark ones, whatever the theme.
        const QColor cell = std::isnan(share) ? palette().color(QPalette::Base) : QColor(gradient.color(share, shares));
        label->setColor(luminance(cell) > 0.5 ? QColor(0x20, 0x20, 0x20) : QColor(0xF8, 0xF8, 0xF8));
      }
    }
  }
  if (!title_.isEmpty()) {
    plotLayout()->insertRow(0);
    auto* title = new QCPTextElement(this, ValueFormat::oneLine(title_));
    title->setObjectName(kTitle);
    title->setTextColor(palette().color(QPalette::WindowText));
    QFont bold = font();
    bold.setBold(true);
    title->setFont(bold);
    plotLayout()->addElement(0, 0, title);
  }
}

}  // namespace lathe::widgets
