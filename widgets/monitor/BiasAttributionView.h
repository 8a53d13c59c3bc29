#pragma once
#include <QWidget>
#include <optional>

#include "engine/monitor/AttributionDrift.h"
#include "engine/monitor/BiasReport.h"

class QLabel;
class QTableWidget;

namespace lathe::widgets {

class GroupRatesChart;

// The "Bias and attributions" tab of one run: the sensitive attribute's groups as bars, the
// parity and opportunity gaps in words (with the baseline's, and whether they alert), and the
// features' importance ranking on the baseline against this batch with its NDCG.
class BiasAttributionView : public QWidget {
  Q_OBJECT
 public:
  explicit BiasAttributionView(QWidget* parent = nullptr);

  void setRun(const std::optional<monitor::BiasReport>& bias, const std::optional<monitor::AttributionDrift>& attribution);

  GroupRatesChart* chart() const { return chart_; }
  QTableWidget* importanceTable() const { return table_; }
  QString gapText() const;
  QString attributionText() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void refill();
  void fillImportances();

  std::optional<monitor::BiasReport> bias_;
  std::optional<monitor::AttributionDrift> attribution_;
  GroupRatesChart* chart_;
  QLabel* gaps_;
  QLabel* attributionTitle_;
  QTableWidget* table_;
};

}  // namespace lathe::widgets
