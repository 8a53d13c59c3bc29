#pragma once
#include <QString>
#include <QVector>
#include <optional>
#include <vector>

#include "engine/monitor/MonitorRunRecord.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// The live model's quality run by run, once labels arrived: the KPI (or, without one, the first
// metric the runs report) as a line with a point per run, points that miss the target in the
// drift colour, the KPI's target as a dashed line and its value on the baseline as a dotted one,
// each labelled at the right edge.
class QualityTimelineChart : public ChartView {
  Q_OBJECT
 public:
  explicit QualityTimelineChart(QWidget* parent = nullptr);

  // `kpiName` is the project's KPI, used when a run's quality names none.
  void setRuns(const std::vector<monitor::MonitorRunRecord>& runs, int shown, const QString& kpiName);
  void setShownRun(int shown);

  QString metric() const { return metric_; }
  // The points drawn (runs with the metric), and how many miss the target.
  int pointCount() const { return static_cast<int>(values_.size()); }
  int missCount() const;
  std::optional<double> target() const { return target_; }
  std::optional<double> baselineValue() const { return baseline_; }

  QString toolTipAt(const QPointF& pos) const override;

 protected:
  void redraw() override;

 private:
  struct Point {
    double key = 0;
    double value = 0;
    int run = 0;
    bool misses = false;
  };

  void chooseMetric();
  void addLevel(double value, Qt::PenStyle style, const QString& label);

  // What the chart keeps of the runs: their times and quality, not their whole records.
  std::vector<std::string> times_;
  std::vector<std::optional<monitor::ModelQuality>> qualities_;
  int shown_ = -1;
  QString kpiName_;
  QString metric_;
  bool higherIsBetter_ = true;
  std::optional<double> target_;
  std::optional<double> baseline_;
  std::vector<Point> values_;
  QVector<double> keys_;
  QCPTextElement* heading_;
  QCPItemStraightLine* shownLine_ = nullptr;
  QList<QCPAbstractItem*> levelItems_;
};

}  // namespace lathe::widgets
