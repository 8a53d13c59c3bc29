#pragma once
#include <QWidget>
#include <optional>

#include "engine/deploy/ModelVersionInfo.h"

class QBoxLayout;
class QLabel;
class QTableWidget;

namespace lathe::widgets {

// A version beside its model's production version: each metric per split with the difference
// coloured better (green) or worse (red) by the metric's direction, then the input columns that
// differ and whether both learned from the same data. Says why when there is nothing to compare.
class ModelComparisonView : public QWidget {
  Q_OBJECT
 public:
  explicit ModelComparisonView(QWidget* parent = nullptr);

  // `version` null: nothing selected; `production` null: the model has none in production.
  void setVersions(const deploy::ModelVersionInfo* version, const deploy::ModelVersionInfo* production);
  void clear() { setVersions(nullptr, nullptr); }

  QTableWidget* metricsTable() const { return metrics_; }
  QString message() const;
  QString schemaText() const;
  QString dataText() const;

  enum Column { SplitColumn, MetricColumn, VersionColumn, ProductionColumn, DifferenceColumn, ColumnCount };

 protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void refill();
  void arrange();

  QLabel* title_;
  QLabel* message_;
  QTableWidget* metrics_;
  QLabel* schema_;
  QLabel* data_;
  QBoxLayout* body_;  // the table and the notes on schema and data: side by side or stacked
  std::optional<deploy::ModelVersionInfo> version_;
  std::optional<deploy::ModelVersionInfo> production_;
};

}  // namespace lathe::widgets
