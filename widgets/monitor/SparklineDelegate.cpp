#include "widgets/monitor/SparklineDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "widgets/charts/ChartStyle.h"

namespace lathe::widgets {
namespace {
constexpr int kMargin = 4;      // around the line, inside the cell
constexpr int kDotRadius = 2;
constexpr int kPreferredWidth = 96;
}  // namespace

SparklineDelegate::SparklineDelegate(int valuesRole, int thresholdRole, int markRole, double minimumTop, QObject* parent)
    : QStyledItemDelegate(parent),
      valuesRole_(valuesRole),
      thresholdRole_(thresholdRole),
      markRole_(markRole),
      minimumTop_(minimumTop) {}

void SparklineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
  // The row's background and selection first, as every other cell draws them.
  QStyleOptionViewItem background = option;
  initStyleOption(&background, index);
  background.text.clear();
  const QWidget* widget = option.widget;
  QStyle* style = widget ? widget->style() : QApplication::style();
  style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

  const QList<double> values = index.data(valuesRole_).value<QList<double>>();
  const QVariant thresholdData = index.data(thresholdRole_);
  // A flag and a value rather than std::optional: g++ 12 -O2 warns that an optional read under
  // its own has_value() may be uninitialised.
  const bool hasThreshold = thresholdData.isValid();
  const double threshold = hasThreshold ? thresholdData.toDouble() : 0.0;
  if (values.isEmpty()) return;
  double top = std::max(threshold, minimumTop_);
  for (double v : values)
    if (std::isfinite(v)) top = std::max(top, v);
  if (top <= 0) top = 1.0;  // all zero: a flat line at the bottom
  top *= 1.1;                // the highest point clear of the cell's edge

  const QRectF area = QRectF(option.rect).adjusted(kMargin, kMargin, -kMargin, -kMargin);
  if (area.width() < 4 || area.height() < 4) return;
  const auto n = values.size();
  const auto x = [&](qsizetype i) { return n == 1 ? area.center().x() : area.left() + area.width() * double(i) / double(n - 1); };
  const auto y = [&](double v) { return area.bottom() - area.height() * std::clamp(v / top, 0.0, 1.0); };
  const bool selected = option.state & QStyle::State_Selected;
  const QPalette& palette = option.palette;
  const QColor ink = selected ? palette.color(QPalette::HighlightedText) : ChartStyle::primary();

  painter->save();
  painter->setRenderHint(QPainter::Antialiasing);
  if (hasThreshold) {
    QColor faint = palette.color(selected ? QPalette::HighlightedText : QPalette::WindowText);
    faint.setAlphaF(0.35f);
    painter->setPen(QPen(faint, 1, Qt::DashLine));
    painter->drawLine(QPointF(area.left(), y(threshold)), QPointF(area.right(), y(threshold)));
  }
  QPainterPath path;
  bool drawing = false;
  for (qsizetype i = 0; i < n; ++i) {
    if (!std::isfinite(values[i])) {
      drawing = false;  // a run without a figure leaves a gap rather than a made-up slope
      continue;
    }
    const QPointF point(x(i), y(values[i]));
    if (drawing) path.lineTo(point);
    else path.moveTo(point);
    drawing = true;
  }
  painter->setPen(QPen(ink, 1.4));
  painter->setBrush(Qt::NoBrush);
  painter->drawPath(path);

  const int mark = index.data(markRole_).toInt();
  if (mark >= 0 && mark < n && std::isfinite(values[mark])) {
    const bool over = hasThreshold && values[mark] >= threshold;
    painter->setPen(Qt::NoPen);
    painter->setBrush(over && !selected ? ChartStyle::seriesColor(3) : ink);
    painter->drawEllipse(QPointF(x(mark), y(values[mark])), kDotRadius + (over ? 0.8 : 0.0), kDotRadius + (over ? 0.8 : 0.0));
  }
  painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
  QSize size = QStyledItemDelegate::sizeHint(option, index);
  size.setWidth(std::max(size.width(), kPreferredWidth));
  return size;
}

}  // namespace lathe::widgets
