#pragma once
#include <QWidget>
#include <utility>
#include <vector>

#include "engine/data/ColumnProfile.h"
#include "engine/explore/ChartRequest.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QStackedWidget;
class QToolButton;

namespace lathe::explore {
struct BoxPlotData;
struct CorrelationMatrix;
struct FeatureTargetData;
struct ScatterSample;
}  // namespace lathe::explore

namespace lathe::widgets {

class BoxPlotChart;
class CorrelationHeatmap;
class FeatureTargetChart;
class HistogramChart;
class ScatterChart;

// The Charts dock's data explorer: the user picks a chart (histogram, box plot, scatter,
// correlation, feature against target) and its columns; the panel asks for it (chartRequested),
// the app computes it as a job and hands the result to the matching show*() call. The pickers
// offer only the columns each chart can draw.
class ChartsPanel : public QWidget {
  Q_OBJECT
 public:
  using ColumnList = std::vector<std::pair<QString, data::ColumnType>>;

  explicit ChartsPanel(QWidget* parent = nullptr);

  // The table's columns; a choice that still names a column of the right type is kept.
  void setColumns(ColumnList columns);
  // What the pickers say; kind Correlation needs no column.
  explore::ChartRequest request() const;
  // Sets the pickers without asking for a chart.
  void setRequest(const explore::ChartRequest& request);
  // The pickers name the columns the chart needs.
  bool isComplete() const;

  void setBusy(bool busy);
  void showError(const QString& message);
  void showHistogram(const data::ColumnProfile& profile);
  void showBoxPlot(const explore::BoxPlotData& data);
  void showScatter(const explore::ScatterSample& sample);
  void showCorrelation(const explore::CorrelationMatrix& matrix);
  void showFeatureTarget(const explore::FeatureTargetData& data);
  // The chart on show, or null while a message is.
  QCustomPlot* currentChart() const;

 signals:
  void chartRequested(const lathe::explore::ChartRequest& request);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void refillPickers();
  void pickersChanged();
  void exportChart();
  void showPage(QWidget* page);

  ColumnList columns_;
  QComboBox* kind_;
  QLabel* firstLabel_;
  QComboBox* first_;
  QLabel* secondLabel_;
  QComboBox* second_;
  QLabel* groupLabel_;
  QComboBox* group_;
  QToolButton* export_;
  QStackedWidget* pages_;
  QLabel* message_;
  HistogramChart* histogram_;
  BoxPlotChart* boxPlot_;
  ScatterChart* scatter_;
  CorrelationHeatmap* correlation_;
  FeatureTargetChart* featureTarget_;
  bool updating_ = false;
};

}  // namespace lathe::widgets
