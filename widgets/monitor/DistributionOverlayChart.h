#pragma once
#include <QString>
#include <QVector>
#include <optional>

#include "engine/monitor/FeatureDrift.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// One feature's distribution in the baseline and in the batch, bin by bin (numbers) or level by
// level (categories, then "(other)"): two bars side by side per bin, the baseline's in grey and
// the batch's in the series colour, as percentages of the valid rows. The bins are the engine's
// (FeatureDrift::binLabels); the chart computes nothing. Hovering a bin tells both shares.
class DistributionOverlayChart : public ChartView {
  Q_OBJECT
 public:
  explicit DistributionOverlayChart(QWidget* parent = nullptr);

  void setFeature(const monitor::FeatureDrift& drift, const QString& title);
  // Nothing selected: a sentence saying what to do.
  void clear();

  int binCount() const { return static_cast<int>(labels_.size()); }
  QString binLabel(int bin) const;
  // The shares drawn, in percent, one per bin.
  QVector<double> baselineValues() const;
  QVector<double> currentValues() const;
  QString title() const;

  QString toolTipAt(const QPointF& pos) const override;

 protected:
  void redraw() override;

 private:
  std::optional<monitor::FeatureDrift> drift_;
  QString title_;
  QVector<QString> labels_;
  QCPBars* baseline_ = nullptr;
  QCPBars* current_ = nullptr;
  QCPBarsGroup* group_;
  QCPTextElement* heading_;
};

}  // namespace lathe::widgets
