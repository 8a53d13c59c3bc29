#pragma once
#include <QString>
#include <vector>

#include "engine/store/ExperimentRun.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// A run's feature importances as horizontal bars: the top N (20 unless told), the largest on
// top, feature names along the left axis (elided; the tooltip has the whole name and the value),
// and a corner note when features were left out. It draws the importances the engine computed.
class FeatureImportanceChart : public ChartView {
  Q_OBJECT
 public:
  static constexpr int kDefaultTopCount = 20;
  // Feature names on the axis are cut to this many pixels.
  static constexpr int kLabelWidth = 150;

  explicit FeatureImportanceChart(QWidget* parent = nullptr);

  // Importances in any order; NaN ones are left out (as not computed).
  void setImportances(std::vector<store::FeatureImportance> importances);
  // No run: no bars and a sentence saying what to do.
  void clear();
  // How many of the largest are drawn (at least 1).
  void setTopCount(int count);
  int topCount() const { return topCount_; }

  // The bars drawn, from the top (largest) down.
  int barCount() const { return static_cast<int>(bars_.size()); }
  // The feature's full name; empty for an index out of range.
  QString barLabel(int index) const;
  // The importance; NaN for an index out of range.
  double barValue(int index) const;
  // The corner note ("Top 20 of 30 features"), empty when every feature is drawn.
  QString noteText() const;
  QString toolTipAt(const QPointF& pos) const override;

 protected:
  void redraw() override;

 private:
  void rebuild();
  void draw();

  std::vector<store::FeatureImportance> importances_;
  std::vector<store::FeatureImportance> bars_;  // the drawn ones, largest first
  bool given_ = false;  // setImportances was called since the last clear()
  int topCount_ = kDefaultTopCount;
};

}  // namespace lathe::widgets
