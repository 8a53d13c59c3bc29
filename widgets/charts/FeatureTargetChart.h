#pragma once
#include <QString>
#include <optional>

#include <qcustomplot.h>

#include "engine/explore/FeatureTargetData.h"

namespace lathe::widgets {

// A feature against the target, drawn the way the pair's types call for: one translucent
// histogram per class (numeric feature, class target), stacked class shares per level
// (categorical feature and target), the target's box per level (categorical feature, numeric
// target), or a scatter (both numeric; drawn as ScatterChart draws it). It draws the
// explore::FeatureTargetData it is given and computes nothing.
class FeatureTargetChart : public QCustomPlot {
  Q_OBJECT
 public:
  explicit FeatureTargetChart(QWidget* parent = nullptr);

  void setData(const explore::FeatureTargetData& data);
  // Forgets the data and shows what to do instead.
  void clear();

  // The kind of the data drawn (ClassHistograms while there is none).
  explore::FeatureTargetData::Kind kind() const;
  // Series drawn: one per class (histograms, shares), per box, or per colour level (scatter).
  int seriesCount() const;
  // The hover text at a widget position, empty when nothing is under it.
  QString toolTipAt(const QPointF& pos) const;
  // The text shown while there is nothing to draw, empty while the chart shows data.
  QString emptyStateText() const;

 protected:
  bool event(QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void rebuild();
  bool drawClassHistograms();
  bool drawClassShares();
  void resetAxes();
  void placeLegend(bool shown);
  void showEmptyState(const QString& text);
  QString histogramToolTip(const QPointF& pos) const;
  QString sharesToolTip(const QPointF& pos) const;
  QString className(std::size_t index) const;

  std::optional<explore::FeatureTargetData> data_;
};

}  // namespace lathe::widgets
