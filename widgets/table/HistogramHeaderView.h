#pragma once
#include <QHeaderView>
#include <vector>

#include "engine/data/ColumnSketch.h"

namespace lathe::widgets {

// The Data table's column header: the model's text (name and type) above a mini histogram of the
// column, drawn from the ColumnSketch the caller sets (bins for numbers and dates, the top levels'
// bars for categoricals and bools). It computes nothing: a column without a sketch, or with an
// empty one, shows only its text.
class HistogramHeaderView : public QHeaderView {
  Q_OBJECT
 public:
  explicit HistogramHeaderView(QWidget* parent = nullptr);

  // One sketch per logical column, in the model's order; missing entries draw no histogram.
  void setSketches(std::vector<data::ColumnSketch> sketches);
  void clearSketches() { setSketches({}); }
  // Null when the section has no sketch.
  const data::ColumnSketch* sketch(int section) const;

  // Pixels below the text that the histogram takes.
  static constexpr int kSketchHeight = 26;

 protected:
  void paintSection(QPainter* painter, const QRect& rect, int logicalIndex) const override;
  QSize sectionSizeFromContents(int logicalIndex) const override;

 private:
  void paintSketch(QPainter* painter, const QRect& area, const data::ColumnSketch& sketch) const;
  std::vector<data::ColumnSketch> sketches_;
};

}  // namespace lathe::widgets
