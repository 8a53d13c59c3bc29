#pragma once
#include <QString>
#include <cstdint>
#include <optional>

#include "engine/store/ExperimentRun.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// One run's confusion matrix as a heatmap: rows are the actual classes (the first on top),
// columns the predicted ones, each cell coloured by its share of the actual class's rows and
// labelled "count\nrow %", so a class the model misses stands out however rare it is. It draws
// the store::RunConfusion it is given and computes nothing beyond those shares.
class ConfusionMatrixChart : public ChartView {
  Q_OBJECT
 public:
  // Up to this many classes, each cell prints its count and row percentage; above, only colours
  // (and a colour scale) remain, which still show where the mass lies.
  static constexpr int kMaxLabelledClasses = 30;

  explicit ConfusionMatrixChart(QWidget* parent = nullptr);

  // `title` (e.g. the run's name) shows above the matrix when given.
  void setConfusion(const store::RunConfusion& confusion, const QString& title = {});
  // No run: no cells and a sentence saying what to do.
  void clear();

  // Classes on each axis: the labels' count (or the rows of counts when there are no labels).
  int classCount() const;
  // The count at (actual, predicted), 0 where the struct holds none; -1 outside the matrix.
  std::int64_t cellCount(int actual, int predicted) const;
  // The share of the actual class's rows at (actual, predicted), 0 to 1; NaN for a class without
  // rows or outside the matrix.
  double rowShare(int actual, int predicted) const;
  // The text printed in the cell ("57\n91.9%"), empty when cells are not labelled.
  QString cellText(int actual, int predicted) const;
  // The title above the matrix, empty when there is none.
  QString titleText() const;
  QString toolTipAt(const QPointF& pos) const override;

 protected:
  void redraw() override;

 private:
  void rebuild();
  void draw();
  QString className(int index) const;
  std::int64_t rowTotal(int actual) const;

  std::optional<store::RunConfusion> confusion_;
  QString title_;
};

}  // namespace lathe::widgets
