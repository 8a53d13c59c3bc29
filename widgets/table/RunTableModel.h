#pragma once
#include <QAbstractTableModel>
#include <QHash>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

#include "engine/store/ExperimentRun.h"
#include "engine/store/ProjectInfo.h"

namespace lathe::widgets {

// The experiments table: one row per run, fixed columns, then one column per metric any run has.
// Built for 10,000 runs: setRuns does one pass (metric values go into one flat vector), every
// lookup is O(1), and data() formats only the cells the view asks for.
class RunTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column {
    CandidateColumn,
    NameColumn,
    AlgorithmColumn,
    TaskColumn,
    StatusColumn,
    StartedColumn,
    DurationColumn,
    TagsColumn,
    KpiColumn,
    FirstMetricColumn
  };

  // The raw value a cell sorts by: numbers as double (NaN when missing), texts as strings.
  static constexpr int SortRole = Qt::UserRole;
  // The run id of any cell of the row (qint64).
  static constexpr int RunIdRole = Qt::UserRole + 1;
  // Name, algorithm, task and tags of the row in one lower-case text, for the search line.
  static constexpr int SearchRole = Qt::UserRole + 2;
  // headerData: a key that names the column across setRuns ("name", "metric:roc_auc", ...).
  static constexpr int ColumnKeyRole = Qt::UserRole + 3;
  // headerData: the column's name in words, for the column chooser ("Candidate" for ★).
  static constexpr int ColumnTitleRole = Qt::UserRole + 4;

  explicit RunTableModel(QObject* parent = nullptr);

  void setRuns(std::vector<store::RunSummary> runs);
  const std::vector<store::RunSummary>& runs() const { return runs_; }
  const store::RunSummary& runAt(int row) const { return runs_[static_cast<std::size_t>(row)]; }
  // The row of the run with this id, or -1.
  int rowOf(qint64 id) const;

  // Judges every run against the KPI; an unset metric or target empties the KPI column.
  void setKpi(store::Kpi kpi);
  const store::Kpi& kpi() const { return kpi_; }
  // Whether the run in `row` meets the KPI; false also when it cannot be judged.
  bool meetsKpi(int row) const;

  // The metric columns, in column order (from FirstMetricColumn on).
  const QStringList& metricNames() const { return metricNames_; }
  // The column showing this metric, or -1.
  int metricColumn(const QString& name) const;
  // The value shown for the metric of the run in `row` (NaN when it has none).
  double metricValue(int row, int metric) const;

  // Called on a language change: headers and translated cells are read again.
  void retranslate();

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  static QString statusText(store::RunStatus status);
  static QString taskText(const QString& task);

 private:
  enum class KpiMark : std::int8_t { Unknown, Met, Missed };

  void judgeKpi();
  static QString searchText(const store::RunSummary& run);
  QVariant display(int row, int column) const;
  QVariant sortValue(int row, int column) const;
  QString columnKey(int column) const;
  QString columnTitle(int column) const;

  std::vector<store::RunSummary> runs_;
  QHash<qint64, int> rowById_;
  QStringList metricNames_;
  QHash<QString, int> metricIndex_;
  std::vector<double> values_;  // [row * metricCount + metric]
  std::vector<QString> search_;
  store::Kpi kpi_;
  std::vector<KpiMark> kpiMarks_;
};

}  // namespace lathe::widgets
