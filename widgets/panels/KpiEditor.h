#pragma once
#include <QWidget>

#include "engine/store/ProjectInfo.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace lathe::widgets {

// A compact form for the project's KPI: the metric (as scikit-learn spells it, or the user's
// own), whether higher or lower is better, and an optional target value. Picking a known metric
// sets the direction it implies (rmse: lower is better); the user can still change it.
class KpiEditor : public QWidget {
  Q_OBJECT
 public:
  explicit KpiEditor(QWidget* parent = nullptr);

  // What the editor shows now. A target that does not parse keeps the last valid one.
  store::Kpi kpi() const;
  // Shows `kpi` without emitting edited().
  void setKpi(const store::Kpi& kpi);

  static QStringList metricNames();
  // True for the error metrics (log_loss, mse, rmse, mae); false for scores and unknown names.
  static bool isLowerBetterMetric(const QString& metric);

 signals:
  // One per committed change (a metric picked or typed, a direction chosen, a target entered).
  void edited();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void followMetric(const QString& metric);
  void commit();

  QComboBox* metric_;
  QComboBox* direction_;
  QLineEdit* target_;
  QLabel* metricLabel_;
  QLabel* directionLabel_;
  QLabel* targetLabel_;
  store::Kpi committed_;
  bool applying_ = false;
};

}  // namespace lathe::widgets
