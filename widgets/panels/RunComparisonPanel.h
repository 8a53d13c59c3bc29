#pragma once
#include <QWidget>
#include <vector>

#include "engine/experiments/ParallelCoordinates.h"
#include "engine/experiments/RunComparison.h"
#include "engine/store/ProjectInfo.h"
#include "widgets/charts/BusinessValueSeries.h"
#include "engine/store/ExperimentRun.h"

class QHBoxLayout;
class QScrollArea;
class QLabel;
class QPushButton;
class QTableWidget;

namespace lathe::widgets {

class BusinessValueChart;
class ConfusionMatrixChart;
class FeatureImportanceChart;
class LearningCurveChart;
class ParallelCoordinatesChart;
class PredictionScatterChart;
class PrCurveChart;
class RocCurveChart;

// Two or more runs side by side: the metrics (the best of each marked ★ and bold, the KPI row on
// top), the parameters (those that differ first, in bold), overlaid ROC and PR curves, the
// confusion matrices next to each other, the learning curves, the business value of each run's
// decisions and the hyperparameters against the metric (parallel coordinates). It draws the RunComparison and
// the runs it is given and computes nothing.
class RunComparisonPanel : public QWidget {
  Q_OBJECT
 public:
  explicit RunComparisonPanel(QWidget* parent = nullptr);

  void setComparison(const experiments::RunComparison& comparison, const std::vector<store::ExperimentRun>& runs);
  // What each binary run's decisions are worth at each threshold under the project's cost matrix.
  void setBusinessValue(std::vector<BusinessValueSeries> series, const store::Kpi& kpi, const store::CostMatrix& costs);
  // The runs' hyperparameters against their metric, one line per run.
  void setHyperparameters(const experiments::ParallelCoordinates& coordinates);
  void clear();
  int runCount() const { return static_cast<int>(runNames_.size()); }

  RocCurveChart* rocChart() const { return roc_; }
  PrCurveChart* prChart() const { return pr_; }
  LearningCurveChart* learningChart() const { return learning_; }
  QList<ConfusionMatrixChart*> confusionCharts() const;
  QList<FeatureImportanceChart*> importanceCharts() const;
  BusinessValueChart* businessValueChart() const { return value_; }
  ParallelCoordinatesChart* hyperparameterChart() const { return parallel_; }
  PredictionScatterChart* predictedChart() const { return predicted_; }
  PredictionScatterChart* residualChart() const { return residuals_; }
  QTableWidget* metricsTable() const { return metrics_; }
  QTableWidget* parametersTable() const { return parameters_; }

 signals:
  void reportRequested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void fillTables();

  QLabel* title_;
  QPushButton* report_;
  QTableWidget* metrics_;
  QTableWidget* parameters_;
  RocCurveChart* roc_;
  PrCurveChart* pr_;
  LearningCurveChart* learning_;
  QWidget* confusionBox_;
  QScrollArea* confusionStrip_ = nullptr;
  QHBoxLayout* confusions_;
  PredictionScatterChart* predicted_;
  PredictionScatterChart* residuals_;
  QWidget* importanceBox_;
  QScrollArea* importanceStrip_ = nullptr;
  QHBoxLayout* importances_;
  BusinessValueChart* value_;
  ParallelCoordinatesChart* parallel_;
  QList<QWidget*> classificationRow_;  // headings and charts shown when a run is a classifier
  QList<QWidget*> regressionRow_;      // ... when a run is a regressor
  QList<QLabel*> headings_;
  experiments::RunComparison comparison_;
  QStringList runNames_;
  std::vector<store::ExperimentRun> runs_;
};

}  // namespace lathe::widgets
