#include "widgets/charts/CorrelationHeatmap.h"

#include <QLocale>
#include <cmath>
#include <limits>

#include "widgets/charts/ChartStyle.h"

namespace lathe::widgets {

namespace {

constexpr int kLongName = 18;  // characters; longer column names are elided on the axes

QString elided(const std::string& name) {
  const QString text = QString::fromStdString(name);
  return text.size() > kLongName ? text.left(kLongName - 1) + QChar(0x2026) : text;
}

QString correlation(double value) { return QLocale().toString(value, 'f', 2); }

QString cellName(int row, int column) { return QStringLiteral("cell_%1_%2").arg(row).arg(column); }

}  // namespace

QColor CorrelationHeatmap::undefinedColor() { return QColor(0x9E, 0x9E, 0x9E); }

CorrelationHeatmap::CorrelationHeatmap(QWidget* parent) : ChartView(QStringLiteral("correlationHeatmap"), parent) {
  rebuild(false);
}

void CorrelationHeatmap::setData(const explore::CorrelationMatrix& matrix) {
  matrix_ = matrix;
  rebuild(false);
}

void CorrelationHeatmap::clear() {
  matrix_.reset();
  rebuild(false);
}

int CorrelationHeatmap::columns() const { return matrix_ ? static_cast<int>(matrix_->columns.size()) : 0; }

int CorrelationHeatmap::cellCount() const {
  return findChild<QCPColorMap*>() ? columns() * columns() : 0;
}

double CorrelationHeatmap::cellValue(int row, int column) const {
  const int n = columns();
  if (row < 0 || column < 0 || row >= n || column >= n) return std::numeric_limits<double>::quiet_NaN();
  const auto index = static_cast<std::size_t>(row) * static_cast<std::size_t>(n) + static_cast<std::size_t>(column);
  // A matrix shorter than columns² (a bad struct) reads as undefined beyond its end.
  return index < matrix_->values.size() ? matrix_->values[index] : std::numeric_limits<double>::quiet_NaN();
}

QString CorrelationHeatmap::cellText(int row, int column) const {
  const auto* label = findChild<QCPItemText*>(cellName(row, column));
  return label ? label->text() : QString();
}

QString CorrelationHeatmap::noteText() const {
  const auto* note = findChild<QCPTextElement*>(QStringLiteral("chartNote"));
  return note ? note->text() : QString();
}

QString CorrelationHeatmap::toolTipAt(const QPointF& pos) const {
  if (cellCount() == 0 || !axisRect()->rect().contains(pos.toPoint())) return {};
  const double column = std::round(xAxis->pixelToCoord(pos.x()));
  const double row = std::round(yAxis->pixelToCoord(pos.y()));
  const int n = columns();
  if (!(column >= 0 && row >= 0 && column < n && row < n)) return {};
  const auto r = static_cast<std::size_t>(row);
  const auto c = static_cast<std::size_t>(column);
  const QString a = QString::fromStdString(matrix_->columns[r]);
  const QString b = QString::fromStdString(matrix_->columns[c]);
  const double value = cellValue(static_cast<int>(r), static_cast<int>(c));
  if (std::isnan(value))
    return tr("%1 × %2: undefined (fewer than two rows with both values, or a constant column)").arg(a, b);
  return tr("%1 × %2: %3").arg(a, b, correlation(value));
}

void CorrelationHeatmap::redraw() { rebuild(true); }

void CorrelationHeatmap::rebuild(bool keepView) {
  const QCPRange xView = xAxis->range();
  const QCPRange yView = yAxis->range();
  const bool hadData = cellCount() > 0;
  clearPlottables();
  clearItems();
  if (auto* note = findChild<QCPTextElement*>(QStringLiteral("chartNote"))) plotLayout()->remove(note);
  removeColorScale();
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  if (!matrix_) return showEmptyState(tr("Correlations between the numeric columns appear here."));
  if (matrix_->columns.empty()) return showEmptyState(tr("The table has no numeric columns to correlate."));
  draw();
  if (keepView && hadData) {
    xAxis->setRange(xView);
    yAxis->setRange(yView);
  }
  ChartStyle::apply(this);
  replot(rpQueuedReplot);
}

void CorrelationHeatmap::draw() {
  const int n = columns();
  QCPColorGradient gradient = ChartStyle::divergingGradient(undefinedColor());  // color() caches, so not const
  const QCPRange scale(-1.0, 1.0);

  auto* map = new QCPColorMap(xAxis, yAxis);
  map->setName(tr("Correlation"));
  // Cells centred on whole numbers. QCustomPlot draws a one-cell map with no width, so a single
  // column is a 2 × 2 map of the same value spanning the same cell.
  const int side = n == 1 ? 2 : n;
  const QCPRange range = n == 1 ? QCPRange(-0.25, 0.25) : QCPRange(0, n - 1);
  map->data()->setSize(side, side);
  map->data()->setRange(range, range);
  for (int row = 0; row < side; ++row)
    for (int column = 0; column < side; ++column)
      map->data()->setCell(column, row, cellValue(n == 1 ? 0 : row, n == 1 ? 0 : column));

  QCPColorScale* colorScale = addColorScale(QStringLiteral("correlationScale"));
  colorScale->setRangeDrag(false);  // the scale stays [-1, 1], whatever the user drags
  colorScale->setRangeZoom(false);
  colorScale->axis()->setLabel(tr("Correlation"));
  map->setColorScale(colorScale);
  map->setGradient(gradient);
  map->setDataRange(scale);
  map->setInterpolate(false);

  auto names = QSharedPointer<QCPAxisTickerText>::create();
  for (int i = 0; i < n; ++i) names->addTick(i, elided(matrix_->columns[static_cast<std::size_t>(i)]));
  for (QCPAxis* axis : {xAxis, yAxis}) {
    axis->setVisible(true);
    axis->setTicker(names);
    axis->setSubTicks(false);
    axis->setTickLength(0, 0);
    axis->grid()->setVisible(false);  // the cells are the grid
    axis->setRange(-0.5, n - 0.5);
  }
  // Slanted names read best; many columns stand upright so neighbours do not overlap.
  xAxis->setTickLabelRotation(n > kMaxLabelledColumns ? 90 : 45);
  yAxis->setRangeReversed(true);  // the first column at the top left, as in a table

  if (n <= kMaxLabelledColumns) {
    QFont font = this->font();
    font.setPointSizeF((font.pointSizeF() > 0 ? font.pointSizeF() : 9.0) * (n > 10 ? 0.75 : 0.9));
    for (int row = 0; row < n; ++row) {
      for (int column = 0; column < n; ++column) {
        const double value = cellValue(row, column);
        auto* label = new QCPItemText(this);
        label->setObjectName(cellName(row, column));
        label->position->setType(QCPItemPosition::ptPlotCoords);
        label->position->setAxes(xAxis, yAxis);
        label->position->setCoords(column, row);
        label->setPositionAlignment(Qt::AlignCenter);
        label->setFont(font);
        label->setText(std::isnan(value) ? QStringLiteral("–") : correlation(value));
        // Dark text on light cells, light text on dark ones, whatever the theme.
        const QColor cell = std::isnan(value) ? undefinedColor() : QColor(gradient.color(value, scale));
        label->setColor(cell.lightnessF() > 0.55 ? QColor(0x20, 0x20, 0x20) : QColor(0xF8, 0xF8, 0xF8));
      }
    }
  }
  if (matrix_->truncated) {
    plotLayout()->insertRow(0);
    auto* note = new QCPTextElement(this, tr("Only the first %1 numeric columns are shown.").arg(n));
    note->setObjectName(QStringLiteral("chartNote"));
    note->setTextColor(palette().color(QPalette::WindowText));
    plotLayout()->addElement(0, 0, note);
  }
}

}  // namespace lathe::widgets
