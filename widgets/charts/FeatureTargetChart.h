#pragma once
#include <QString>
#include <optional>

#include "engine/explore/FeatureTargetData.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// A feature against the target, drawn the way the pair's types call for: one translucent
// histogram per class (numeric feature, class target), stacked class shares per level
// (categorical feature and target), the target's box per level (categorical feature, numeric
// target), or a scatter (both numeric; drawn as ScatterChart draws it). It draws the
// explore::FeatureTargetData it is given and computes nothing.
class FeatureTargetChart : public ChartView {
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
  QString toolTipAt(const QPointF& pos) const override;

 protected:
  void redraw() override;

 private:
  bool drawClassHistograms();
  bool drawClassShares();
  void resetAxes();
  void placeLegend(bool shown);
  // The empty state, the legend's row taken out of the layout first.
  void showNothing(const QString& text);
  QString histogramToolTip(const QPointF& pos) const;
  QString sharesToolTip(const QPointF& pos) const;
  QString className(std::size_t index) const;

  std::optional<explore::FeatureTargetData> data_;
};

}  // namespace lathe::widgets
