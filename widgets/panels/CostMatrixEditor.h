#pragma once
#include <QWidget>
#include <array>

#include "engine/store/ProjectInfo.h"

class QLabel;
class QLineEdit;

namespace lathe::widgets {

// The value of each outcome of a binary decision, as a 2x2 grid (actual class by prediction):
// true positive, false negative / false positive, true negative. An empty cell is not set.
class CostMatrixEditor : public QWidget {
  Q_OBJECT
 public:
  explicit CostMatrixEditor(QWidget* parent = nullptr);

  // What the grid shows now; a cell that does not parse keeps its last valid value.
  store::CostMatrix costs() const;
  // Shows `costs` without emitting edited().
  void setCosts(const store::CostMatrix& costs);

 signals:
  // One per committed change of a cell (Enter or leaving it).
  void edited();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  enum Cell { TruePositive, FalseNegative, FalsePositive, TrueNegative, CellCount };
  using Field = std::optional<double> store::CostMatrix::*;
  static Field member(int cell);
  void retranslate();
  void commit();

  std::array<QLineEdit*, CellCount> cells_{};
  QLabel* predictedPositive_;
  QLabel* predictedNegative_;
  QLabel* actualPositive_;
  QLabel* actualNegative_;
  QLabel* help_;
  store::CostMatrix committed_;
};

}  // namespace lathe::widgets
