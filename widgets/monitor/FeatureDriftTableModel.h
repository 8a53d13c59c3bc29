#pragma once
#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <memory>
#include <optional>
#include <vector>

#include "engine/monitor/FeatureDrift.h"
#include "engine/monitor/MonitorRunRecord.h"

namespace lathe::widgets {

// The drift table of one monitoring run: a row per feature (in the baseline's order) and one for
// the model's predictions when the run has them, with the test, its statistic and p-value, the
// PSI, whether it drifted, the missing share, and the feature's PSI over every run for the
// sparkline. Sorting goes through SortRole (numbers, missing figures last), so a proxy sorts
// figures as numbers and not as text.
class FeatureDriftTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { FeatureColumn, TestColumn, StatisticColumn, PValueColumn, PsiColumn, DriftColumn, MissingColumn,
                HistoryColumn, ColumnCount };
  enum Role {
    SortRole = Qt::UserRole + 1,
    FeatureNameRole,  // the engine's name (the prediction row's is empty)
    DriftRole,        // bool
    PsiHistoryRole,   // QList<double>, one per run oldest first, NaN where a run has no figure
    ThresholdRole,    // double, invalid when the threshold is not known
    ShownRunRole,     // int: the history's index of the run the table shows
  };

  explicit FeatureDriftTableModel(QObject* parent = nullptr);

  // Shows `(*runs)[shown]` (oldest first); an index out of range shows nothing. Shared, not
  // copied: a long history with many features is large, and the panel keeps it too.
  void setRuns(std::shared_ptr<const std::vector<monitor::MonitorRunRecord>> runs, int shown);
  void setShownRun(int shown);
  int shownRun() const { return shown_; }
  // PSI thresholds by feature for the sparklines' faint line (from the baseline's constraints).
  void setThresholds(QHash<QString, double> thresholds);

  // The row's drift figures; nullptr out of range. Row `rowCount() - 1` is the prediction's
  // when isPredictionRow() says so.
  const monitor::FeatureDrift* drift(int row) const;
  bool isPredictionRow(int row) const;
  int rowOf(const QString& feature) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // Headers and the prediction row's name in the current language.
  void retranslate();

 private:
  QVariant display(const monitor::FeatureDrift& drift, int row, int column) const;
  QVariant sortKey(const monitor::FeatureDrift& drift, int row, int column) const;
  QList<double> history(int row) const;
  std::optional<double> threshold(int row) const;

  std::shared_ptr<const std::vector<monitor::MonitorRunRecord>> runs_ =
      std::make_shared<const std::vector<monitor::MonitorRunRecord>>();
  int shown_ = -1;
  QHash<QString, double> thresholds_;
};

}  // namespace lathe::widgets
