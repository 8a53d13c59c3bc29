#include "widgets/table/HistogramHeaderView.h"

#include <QPainter>
#include <algorithm>

namespace lathe::widgets {

HistogramHeaderView::HistogramHeaderView(QWidget* parent) : QHeaderView(Qt::Horizontal, parent) {
  setSectionsClickable(true);
  setSortIndicatorShown(true);
  setSortIndicator(-1, Qt::AscendingOrder);  // unsorted until the user asks
  setDefaultAlignment(Qt::AlignLeft | Qt::AlignTop);
}

void HistogramHeaderView::setSketches(std::vector<data::ColumnSketch> sketches) {
  sketches_ = std::move(sketches);
  viewport()->update();
}

const data::ColumnSketch* HistogramHeaderView::sketch(int section) const {
  if (section < 0 || static_cast<std::size_t>(section) >= sketches_.size()) return nullptr;
  return &sketches_[static_cast<std::size_t>(section)];
}

QSize HistogramHeaderView::sectionSizeFromContents(int logicalIndex) const {
  return QHeaderView::sectionSizeFromContents(logicalIndex) + QSize(0, kSketchHeight);
}

void HistogramHeaderView::paintSection(QPainter* painter, const QRect& rect, int logicalIndex) const {
  if (!rect.isValid()) return;
  // The style draws the background, the text and the sort arrow over the whole section; the bars
  // go in the strip the size hint added below the text.
  painter->save();
  QHeaderView::paintSection(painter, rect, logicalIndex);
  painter->restore();
  const data::ColumnSketch* s = sketch(logicalIndex);
  if (!s || s->counts.empty()) return;
  const QRect area = QRect(rect.left() + 4, rect.bottom() - kSketchHeight + 2, rect.width() - 8, kSketchHeight - 5);
  if (area.width() < 2 || area.height() < 2) return;
  painter->save();
  painter->setClipRect(area);
  paintSketch(painter, area, *s);
  painter->restore();
}

void HistogramHeaderView::paintSketch(QPainter* painter, const QRect& area, const data::ColumnSketch& sketch) const {
  const std::uint64_t largest = sketch.largestCount();
  if (largest == 0) return;
  const std::size_t bars = sketch.counts.size();
  // Histograms in the accent colour, touching; level bars in a quieter tone with gaps, so the two
  // kinds read differently at a glance.
  QColor colour = palette().color(QPalette::Highlight);
  const bool levels = !sketch.isHistogram();
  if (levels) colour = palette().color(QPalette::Mid);
  colour.setAlpha(levels ? 255 : 190);
  const double step = static_cast<double>(area.width()) / static_cast<double>(bars);
  const double gap = levels && step >= 4.0 ? 2.0 : step >= 3.0 ? 1.0 : 0.0;
  painter->setPen(Qt::NoPen);
  painter->setBrush(colour);
  for (std::size_t i = 0; i < bars; ++i) {
    if (sketch.counts[i] == 0) continue;
    const double share = static_cast<double>(sketch.counts[i]) / static_cast<double>(largest);
    const double height = std::max(1.0, share * area.height());  // a rare value still shows
    painter->drawRect(QRectF(area.left() + step * static_cast<double>(i), area.bottom() + 1 - height,
                             std::max(1.0, step - gap), height));
  }
}

}  // namespace lathe::widgets
