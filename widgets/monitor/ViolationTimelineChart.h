#pragma once
#include <QStringList>
#include <vector>

#include "engine/monitor/MonitorRunRecord.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// Which constraints broke when: runs along the time axis, one row per feature that broke any
// (first broken on top), and a marker per violation, shaped and coloured by its kind, which the
// legend names. Hovering a marker tells the feature, the kind, the rows and an example value.
class ViolationTimelineChart : public ChartView {
  Q_OBJECT
 public:
  explicit ViolationTimelineChart(QWidget* parent = nullptr);

  // The runs oldest first, and the one the view shows (marked with a faint band).
  void setRuns(const std::vector<monitor::MonitorRunRecord>& runs, int shown);
  void setShownRun(int shown);

  // The features with a row, top to bottom.
  QStringList features() const { return features_; }
  // Markers drawn, over every kind.
  int markerCount() const { return static_cast<int>(markers_.size()); }

  QString toolTipAt(const QPointF& pos) const override;

 protected:
  void redraw() override;

 private:
  struct Marker {
    double key = 0;
    double row = 0;
    int run = 0;
    monitor::Violation violation;
  };

  // What the chart keeps of the runs: their times and violations, not their whole records.
  std::vector<std::string> times_;
  std::vector<std::vector<monitor::Violation>> violations_;
  int shown_ = -1;
  QStringList features_;
  std::vector<Marker> markers_;
  QVector<double> keys_;
  QCPTextElement* heading_;
  QCPItemStraightLine* shownLine_ = nullptr;
};

}  // namespace lathe::widgets
