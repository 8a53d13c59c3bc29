#pragma once
#include <QStyledItemDelegate>

namespace lathe::widgets {

// Draws a cell's history as a sparkline: the values of `valuesRole` (a QList<double>, NaN where a
// run has no figure, which breaks the line) scaled into the cell, the threshold of
// `thresholdRole` as a faint dashed line when the model knows it, and a dot on the value of the
// run the table shows (`markRole`, an index), in the drift colour when it is at or above the
// threshold. Zero is the bottom of every sparkline and `minimumTop` at least its top, so small
// wobbles stay a calm line at the bottom instead of filling the cell.
class SparklineDelegate : public QStyledItemDelegate {
  Q_OBJECT
 public:
  SparklineDelegate(int valuesRole, int thresholdRole, int markRole, double minimumTop = 0.0, QObject* parent = nullptr);

  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

 private:
  int valuesRole_;
  int thresholdRole_;
  int markRole_;
  double minimumTop_;
};

}  // namespace lathe::widgets
