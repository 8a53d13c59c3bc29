#pragma once
#include <QHash>
#include <QWidget>
#include <memory>
#include <vector>

#include "engine/monitor/MonitorRunRecord.h"

class QComboBox;
class QLabel;
class QModelIndex;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;

namespace lathe::widgets {

class BiasAttributionView;
class DistributionOverlayChart;
class FeatureDriftTableModel;
class MonitorAlertBanner;
class QualityTimelineChart;
class ViolationTimelineChart;

// The runs of one schedule, the body of the Monitor view: the alert banner of the shown run, the
// run selector with a one-line summary, the drift table (PSI largest first, a sparkline per
// feature), and the tabs: the selected feature's distribution, violations and quality over time,
// bias and attributions. Picking a run or a feature updates the rest; it computes nothing.
class MonitorRunView : public QWidget {
  Q_OBJECT
 public:
  using Runs = std::vector<monitor::MonitorRunRecord>;

  explicit MonitorRunView(QWidget* parent = nullptr);

  // Oldest first; shows the newest. Shared with the panel, which keeps every schedule's runs.
  void setRuns(std::shared_ptr<const Runs> runs);
  // PSI thresholds by feature, drawn as the sparklines' faint line.
  void setThresholds(QHash<QString, double> thresholds);
  void setKpiName(const QString& metric);
  // An index into the runs (oldest first); -1 when there are none.
  void showRun(int index);
  int shownRun() const { return shown_; }
  QString shownFeature() const { return feature_; }

  QComboBox* runSelector() const { return runs_; }
  QTableView* driftTable() const { return table_; }
  FeatureDriftTableModel* driftModel() const { return model_; }
  MonitorAlertBanner* alertBanner() const { return banner_; }
  DistributionOverlayChart* distributionChart() const { return distribution_; }
  ViolationTimelineChart* violationChart() const { return violations_; }
  QualityTimelineChart* qualityChart() const { return quality_; }
  BiasAttributionView* biasView() const { return bias_; }
  QTabWidget* tabs() const { return tabs_; }
  QLabel* summaryLabel() const { return summary_; }

 signals:
  void retrainRequested();

 protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void fitSplitter();
  void fillRunSelector();
  void onRunChosen();
  void selectFeatureRow();
  void showFeatureAt(const QModelIndex& proxyIndex);
  void updateSummary();
  void retranslate();

  std::shared_ptr<const Runs> runList_ = std::make_shared<const Runs>();
  int shown_ = -1;
  QString feature_;  // the feature drawn, kept across runs; empty for the prediction row
  bool predictionShown_ = false;
  bool splitterMoved_ = false;
  QString kpiName_;

  MonitorAlertBanner* banner_;
  QLabel* runLabel_;
  QComboBox* runs_;
  QLabel* summary_;
  FeatureDriftTableModel* model_;
  QSortFilterProxyModel* proxy_;
  QTableView* table_;
  DistributionOverlayChart* distribution_;
  ViolationTimelineChart* violations_;
  QualityTimelineChart* quality_;
  BiasAttributionView* bias_;
  QTabWidget* tabs_;
  QSplitter* splitter_;
};

}  // namespace lathe::widgets
