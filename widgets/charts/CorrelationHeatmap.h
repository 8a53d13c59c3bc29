#pragma once
#include <QString>
#include <optional>

#include "engine/explore/CorrelationMatrix.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// The correlations between a table's numeric columns as a heatmap: blue for negative, white for
// none, red for positive, always on the scale [-1, 1] so two tables compare at a glance; the
// columns on both axes, the value in each cell while there are few columns, undefined (NaN)
// correlations in grey. It draws the explore::CorrelationMatrix it is given and computes nothing.
class CorrelationHeatmap : public ChartView {
  Q_OBJECT
 public:
  // Up to this many columns, each cell prints its value.
  static constexpr int kMaxLabelledColumns = 15;
  // The colour of a cell without a correlation.
  static QColor undefinedColor();

  explicit CorrelationHeatmap(QWidget* parent = nullptr);

  void setData(const explore::CorrelationMatrix& matrix);
  // Forgets the data and shows what to do instead.
  void clear();

  // Cells drawn: the square of the number of columns.
  int cellCount() const;
  // The correlation drawn at (row, column), NaN when undefined or outside the matrix.
  double cellValue(int row, int column) const;
  // The value printed in the cell, empty when the cells are not labelled.
  QString cellText(int row, int column) const;
  // The hover text at a widget position ("a × b: 0.87"), empty when no cell is under it.
  QString toolTipAt(const QPointF& pos) const override;
  // The note under the cells (when the columns were cut at CorrelationMatrix::kMaxColumns).
  QString noteText() const;

 protected:
  void redraw() override;

 private:
  void rebuild(bool keepView);
  void draw();
  int columns() const;

  std::optional<explore::CorrelationMatrix> matrix_;
};

}  // namespace lathe::widgets
