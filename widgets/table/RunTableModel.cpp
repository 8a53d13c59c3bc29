#include "widgets/table/RunTableModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <limits>

namespace lathe::widgets {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Which split a metric column shows: cross-validation averages over every row, so it wins over a
// single test split, which wins over validation. Other splits (train) never show. Lower wins.
int splitRank(const std::string& split) {
  if (split == "cv") return 0;
  if (split == "test") return 1;
  if (split == "validation") return 2;
  return -1;
}

QString text(const std::string& utf8) { return QString::fromStdString(utf8); }

QString joined(const std::vector<std::string>& parts) {
  QString out;
  for (const auto& part : parts) {
    if (!out.isEmpty()) out += QStringLiteral(", ");
    out += text(part);
  }
  return out;
}

QString number(double value, int decimals) {
  return std::isnan(value) ? QStringLiteral("—") : QLocale().toString(value, 'f', decimals);
}

}  // namespace

RunTableModel::RunTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunTableModel::setRuns(std::vector<store::RunSummary> runs) {
  beginResetModel();
  runs_ = std::move(runs);
  rowById_.clear();
  rowById_.reserve(static_cast<qsizetype>(runs_.size()));
  metricNames_.clear();
  metricIndex_.clear();

  // Metric columns in name order, so the same runs always give the same columns.
  std::vector<std::string> names;
  for (const auto& run : runs_)
    for (const auto& metric : run.metrics)
      if (splitRank(metric.split) >= 0) names.push_back(metric.name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (const auto& name : names) {
    metricIndex_.insert(text(name), static_cast<int>(metricNames_.size()));
    metricNames_.push_back(text(name));
  }

  const std::size_t metricCount = names.size();
  values_.assign(runs_.size() * metricCount, kNaN);
  std::vector<int> ranks(metricCount);
  search_.assign(runs_.size(), QString());
  for (std::size_t row = 0; row < runs_.size(); ++row) {
    const auto& run = runs_[row];
    rowById_.insert(run.id, static_cast<int>(row));
    std::fill(ranks.begin(), ranks.end(), std::numeric_limits<int>::max());
    for (const auto& metric : run.metrics) {
      const int rank = splitRank(metric.split);
      if (rank < 0) continue;
      // `names` is sorted, so a binary search finds the column without building a QString.
      const auto at = std::lower_bound(names.begin(), names.end(), metric.name);
      const auto m = static_cast<std::size_t>(at - names.begin());
      if (rank >= ranks[m]) continue;
      ranks[m] = rank;
      values_[row * metricCount + m] = metric.value;
    }
    search_[row] = searchText(run);
  }
  judgeKpi();
  endResetModel();
}

int RunTableModel::rowOf(qint64 id) const { return rowById_.value(id, -1); }

void RunTableModel::setKpi(store::Kpi kpi) {
  kpi_ = std::move(kpi);
  judgeKpi();
  if (!runs_.empty()) emit dataChanged(index(0, KpiColumn), index(rowCount() - 1, KpiColumn));
  emit headerDataChanged(Qt::Horizontal, KpiColumn, KpiColumn);
}

void RunTableModel::judgeKpi() {
  kpiMarks_.assign(runs_.size(), KpiMark::Unknown);
  const int metric = metricIndex_.value(text(kpi_.metric), -1);
  if (!kpi_.target || metric < 0) return;
  const double target = *kpi_.target;
  for (std::size_t row = 0; row < runs_.size(); ++row) {
    const double value = metricValue(static_cast<int>(row), metric);
    if (std::isnan(value)) continue;
    const bool met = kpi_.higherIsBetter ? value >= target : value <= target;
    kpiMarks_[row] = met ? KpiMark::Met : KpiMark::Missed;
  }
}

bool RunTableModel::meetsKpi(int row) const {
  return row >= 0 && static_cast<std::size_t>(row) < kpiMarks_.size() &&
         kpiMarks_[static_cast<std::size_t>(row)] == KpiMark::Met;
}

int RunTableModel::metricColumn(const QString& name) const {
  const int metric = metricIndex_.value(name, -1);
  return metric < 0 ? -1 : FirstMetricColumn + metric;
}

double RunTableModel::metricValue(int row, int metric) const {
  const auto count = static_cast<std::size_t>(metricNames_.size());
  return values_[static_cast<std::size_t>(row) * count + static_cast<std::size_t>(metric)];
}

void RunTableModel::retranslate() {
  // The search text holds the translated task too.
  for (std::size_t row = 0; row < runs_.size(); ++row) search_[row] = searchText(runs_[row]);
  emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
  if (!runs_.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int RunTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(runs_.size());
}

int RunTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : FirstMetricColumn + static_cast<int>(metricNames_.size());
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
  const int row = index.row();
  const int column = index.column();
  const auto& run = runs_[static_cast<std::size_t>(row)];
  switch (role) {
    case Qt::DisplayRole: return display(row, column);
    case SortRole: return sortValue(row, column);
    case RunIdRole: return QVariant::fromValue<qint64>(run.id);
    case SearchRole: return search_[static_cast<std::size_t>(row)];
    case Qt::TextAlignmentRole:
      if (column == CandidateColumn || column == KpiColumn) return QVariant::fromValue(Qt::AlignCenter);
      if (column == DurationColumn || column >= FirstMetricColumn)
        return QVariant::fromValue(Qt::AlignVCenter | Qt::AlignRight);
      return QVariant::fromValue(Qt::AlignVCenter | Qt::AlignLeft);
    case Qt::FontRole:
      if (column == NameColumn && run.candidate) {
        QFont bold;
        bold.setBold(true);
        return bold;
      }
      return {};
    case Qt::BackgroundRole:
      // A translucent green reads as a tint on light and dark palettes alike.
      if (column == KpiColumn && meetsKpi(row)) return QBrush(QColor(46, 160, 67, 48));
      return {};
    case Qt::ToolTipRole:
      if (column == CandidateColumn && run.candidate) return tr("The candidate: the run chosen for deployment");
      if (column == KpiColumn && kpi_.target && kpiMarks_[static_cast<std::size_t>(row)] != KpiMark::Unknown) {
        const double value = metricValue(row, metricIndex_.value(text(kpi_.metric)));
        const QString comparison = kpi_.higherIsBetter ? QStringLiteral("≥") : QStringLiteral("≤");
        return (meetsKpi(row) ? tr("%1 = %2 meets the target %3 %4") : tr("%1 = %2 misses the target %3 %4"))
            .arg(text(kpi_.metric), number(value, 4), comparison, QLocale().toString(*kpi_.target));
      }
      if (column == KpiColumn && kpi_.target && !kpi_.metric.empty())
        return tr("This run has no %1 score").arg(text(kpi_.metric));
      if (column == TagsColumn && !run.tags.empty()) return joined(run.tags);
      return {};
    default: return {};
  }
}

QVariant RunTableModel::display(int row, int column) const {
  const auto& run = runs_[static_cast<std::size_t>(row)];
  switch (column) {
    case CandidateColumn: return run.candidate ? QStringLiteral("★") : QString();
    case NameColumn: return text(run.name);
    case AlgorithmColumn: return text(run.algorithm);
    case TaskColumn: return taskText(text(run.task));
    case StatusColumn: return statusText(run.status);
    case StartedColumn: {
      const QDateTime started = QDateTime::fromString(text(run.startedAt), Qt::ISODateWithMs);
      return started.isValid() ? started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : text(run.startedAt);
    }
    case DurationColumn: return number(run.durationSeconds, 2);
    case TagsColumn: return joined(run.tags);
    case KpiColumn:
      switch (kpiMarks_[static_cast<std::size_t>(row)]) {
        case KpiMark::Met: return QStringLiteral("✓");
        case KpiMark::Missed: return QStringLiteral("✗");
        case KpiMark::Unknown: return QString();
      }
      return QString();
    default: return number(metricValue(row, column - FirstMetricColumn), 4);
  }
}

QVariant RunTableModel::sortValue(int row, int column) const {
  const auto& run = runs_[static_cast<std::size_t>(row)];
  switch (column) {
    case CandidateColumn: return run.candidate ? 1.0 : 0.0;
    case NameColumn: return text(run.name);
    case AlgorithmColumn: return text(run.algorithm);
    case TaskColumn: return taskText(text(run.task));
    case StatusColumn: return statusText(run.status);
    case StartedColumn: return text(run.startedAt);  // ISO 8601 UTC sorts as text
    case DurationColumn: return run.durationSeconds;
    case TagsColumn: return joined(run.tags);
    case KpiColumn:
      switch (kpiMarks_[static_cast<std::size_t>(row)]) {
        case KpiMark::Met: return 1.0;
        case KpiMark::Missed: return 0.0;
        case KpiMark::Unknown: return kNaN;
      }
      return kNaN;
    default: return metricValue(row, column - FirstMetricColumn);
  }
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
  switch (role) {
    case Qt::DisplayRole:
      if (section == CandidateColumn) return QStringLiteral("★");
      return columnTitle(section);
    case Qt::ToolTipRole:
      if (section == CandidateColumn) return tr("Candidate: the run chosen for deployment");
      if (section == KpiColumn) {
        if (kpi_.metric.empty() || !kpi_.target) return tr("Set the project's KPI metric and target to judge every run");
        return tr("Whether the run reaches the project's target: %1 %2 %3")
            .arg(text(kpi_.metric), kpi_.higherIsBetter ? QStringLiteral("≥") : QStringLiteral("≤"),
                 QLocale().toString(*kpi_.target));
      }
      if (section >= FirstMetricColumn)
        return tr("%1 on cross-validation where the run has it, else on the test split, else on validation")
            .arg(columnTitle(section));
      return {};
    case ColumnKeyRole: return columnKey(section);
    case ColumnTitleRole: return columnTitle(section);
    default: return {};
  }
}

QString RunTableModel::columnKey(int column) const {
  switch (column) {
    case CandidateColumn: return QStringLiteral("candidate");
    case NameColumn: return QStringLiteral("name");
    case AlgorithmColumn: return QStringLiteral("algorithm");
    case TaskColumn: return QStringLiteral("task");
    case StatusColumn: return QStringLiteral("status");
    case StartedColumn: return QStringLiteral("started");
    case DurationColumn: return QStringLiteral("duration");
    case TagsColumn: return QStringLiteral("tags");
    case KpiColumn: return QStringLiteral("kpi");
    default: return QStringLiteral("metric:") + metricNames_.value(column - FirstMetricColumn);
  }
}

QString RunTableModel::columnTitle(int column) const {
  switch (column) {
    case CandidateColumn: return tr("Candidate");
    case NameColumn: return tr("Name");
    case AlgorithmColumn: return tr("Algorithm");
    case TaskColumn: return tr("Task");
    case StatusColumn: return tr("Status");
    case StartedColumn: return tr("Started");
    case DurationColumn: return tr("Duration (s)");
    case TagsColumn: return tr("Tags");
    case KpiColumn: return tr("Meets KPI");
    default: return metricNames_.value(column - FirstMetricColumn);
  }
}

QString RunTableModel::searchText(const store::RunSummary& run) {
  const QString task = text(run.task);
  return text(run.name) + u'\n' + text(run.algorithm) + u'\n' + task + u'\n' + taskText(task) + u'\n' +
         joined(run.tags);
}

QString RunTableModel::statusText(store::RunStatus status) {
  switch (status) {
    case store::RunStatus::Running: return tr("Running");
    case store::RunStatus::Finished: return tr("Finished");
    case store::RunStatus::Failed: return tr("Failed");
    case store::RunStatus::Cancelled: return tr("Cancelled");
  }
  return {};
}

QString RunTableModel::taskText(const QString& task) {
  if (task == QLatin1String("binary")) return tr("Binary");
  if (task == QLatin1String("multiclass")) return tr("Multiclass");
  if (task == QLatin1String("regression")) return tr("Regression");
  if (task == QLatin1String("clustering")) return tr("Clustering");
  return task;
}

}  // namespace lathe::widgets
