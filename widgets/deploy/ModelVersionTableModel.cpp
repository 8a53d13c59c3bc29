#include "widgets/deploy/ModelVersionTableModel.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "engine/eval/Metric.h"

namespace lathe::widgets {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// A version row's internal id is its group's index + 1; a model row's is 0.
constexpr quintptr kModelRow = 0;

QString text(const std::string& utf8) { return QString::fromStdString(utf8); }

QString when(const std::string& iso) {
  const QDateTime time = QDateTime::fromString(text(iso), Qt::ISODateWithMs);
  return time.isValid() ? QLocale().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")) : text(iso);
}

}  // namespace

ModelVersionTableModel::ModelVersionTableModel(QObject* parent) : QAbstractItemModel(parent) {}

void ModelVersionTableModel::setVersions(std::vector<deploy::ModelVersionInfo> versions, store::Kpi kpi,
                                         QHash<qint64, QString> runNames) {
  beginResetModel();
  versions_ = std::move(versions);
  kpi_ = std::move(kpi);
  runNames_ = std::move(runNames);
  groups_.clear();
  std::map<std::string, std::vector<std::size_t>> byName;  // names in order, so the tree does not reshuffle
  for (std::size_t i = 0; i < versions_.size(); ++i) byName[versions_[i].model].push_back(i);
  for (auto& [name, rows] : byName) {
    std::sort(rows.begin(), rows.end(), [this](std::size_t a, std::size_t b) { return versions_[a].version > versions_[b].version; });
    groups_.push_back({name, std::move(rows)});
  }
  endResetModel();
}

const deploy::ModelVersionInfo* ModelVersionTableModel::versionAt(const QModelIndex& index) const {
  if (!index.isValid() || index.internalId() == kModelRow) return nullptr;
  const auto& group = groups_[index.internalId() - 1];
  return &versions_[group.rows[static_cast<std::size_t>(index.row())]];
}

const deploy::ModelVersionInfo* ModelVersionTableModel::version(qint64 id) const {
  for (const auto& info : versions_)
    if (info.id == id) return &info;
  return nullptr;
}

const deploy::ModelVersionInfo* ModelVersionTableModel::production(const std::string& model) const {
  for (const auto& info : versions_)
    if (info.model == model && info.alias == "production") return &info;
  return nullptr;
}

QModelIndex ModelVersionTableModel::indexOfVersion(qint64 id) const {
  for (std::size_t g = 0; g < groups_.size(); ++g)
    for (std::size_t r = 0; r < groups_[g].rows.size(); ++r)
      if (versions_[groups_[g].rows[r]].id == id) return createIndex(static_cast<int>(r), 0, quintptr(g + 1));
  return {};
}

QModelIndex ModelVersionTableModel::indexOfModel(const std::string& model) const {
  for (std::size_t g = 0; g < groups_.size(); ++g)
    if (groups_[g].name == model) return createIndex(static_cast<int>(g), 0, kModelRow);
  return {};
}

std::string ModelVersionTableModel::headlineSplit(const nlohmann::json& metrics) {
  if (!metrics.is_object()) return {};
  for (const char* split : {"test", "validation", "cv"})
    if (metrics.contains(split) && metrics[split].is_object() && !metrics[split].empty()) return split;
  return {};
}

std::string ModelVersionTableModel::kpiMetricFor(const std::string& task) const {
  if (!kpi_.metric.empty()) return kpi_.metric;
  if (task == "binary") return eval::Metric::defaultsFor(ml::Task::Binary).front();
  if (task == "multiclass") return eval::Metric::defaultsFor(ml::Task::Multiclass).front();
  if (task == "regression") return eval::Metric::defaultsFor(ml::Task::Regression).front();
  return {};
}

double ModelVersionTableModel::kpiValue(const deploy::ModelVersionInfo& info, std::string* split) const {
  *split = headlineSplit(info.metrics);
  const std::string metric = kpiMetricFor(info.task);
  if (split->empty() || metric.empty()) return kNaN;
  const auto& values = info.metrics[*split];
  const auto it = values.find(metric);
  return it != values.end() && it->is_number() ? it->get<double>() : kNaN;
}

QString ModelVersionTableModel::aliasText(const std::string& alias) {
  if (alias == "production") return tr("production");
  if (alias == "candidate") return tr("candidate");
  if (alias == "archived") return tr("archived");
  return alias.empty() ? tr("none") : text(alias);
}

QModelIndex ModelVersionTableModel::index(int row, int column, const QModelIndex& parent) const {
  if (row < 0 || column < 0 || column >= ColumnCount) return {};
  if (!parent.isValid())
    return row < static_cast<int>(groups_.size()) ? createIndex(row, column, kModelRow) : QModelIndex();
  if (parent.internalId() != kModelRow) return {};  // versions have no children
  const auto& group = groups_[static_cast<std::size_t>(parent.row())];
  if (row >= static_cast<int>(group.rows.size())) return {};
  return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ModelVersionTableModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || child.internalId() == kModelRow) return {};
  return createIndex(static_cast<int>(child.internalId() - 1), 0, kModelRow);
}

int ModelVersionTableModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return static_cast<int>(groups_.size());
  if (parent.internalId() != kModelRow || parent.column() != 0) return 0;
  return static_cast<int>(groups_[static_cast<std::size_t>(parent.row())].rows.size());
}

int ModelVersionTableModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant ModelVersionTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  if (index.internalId() == kModelRow) return modelData(groups_[static_cast<std::size_t>(index.row())], index.column(), role);
  return versionData(*versionAt(index), index.column(), role);
}

QVariant ModelVersionTableModel::modelData(const Group& group, int column, int role) const {
  if (role == VersionIdRole) return qint64(0);
  if (role == Qt::FontRole && column == NameColumn) {
    QFont font;
    font.setBold(true);
    return font;
  }
  if (role == Qt::DisplayRole && column == NameColumn) return text(group.name);
  if (role == Qt::DisplayRole && column == AliasColumn) {
    // What is live, at a glance, on the collapsed row.
    if (const auto* live = production(group.name)) return tr("v%1 in production").arg(live->version);
    return tr("%n versions", nullptr, static_cast<int>(group.rows.size()));
  }
  if (role == Qt::ToolTipRole) return tr("Model “%1”: %n versions", nullptr, static_cast<int>(group.rows.size())).arg(text(group.name));
  return {};
}

QVariant ModelVersionTableModel::versionData(const deploy::ModelVersionInfo& info, int column, int role) const {
  if (role == VersionIdRole) return qint64(info.id);
  if (role == AliasRole) return text(info.alias);
  if (role == Qt::TextAlignmentRole && (column == KpiColumn || column == ThresholdColumn))
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole) {
    switch (column) {
      case RunColumn:
        return info.runId ? tr("Registered from run #%1").arg(*info.runId) : tr("The run is not recorded");
      case KpiColumn: {
        std::string split;
        const double value = kpiValue(info, &split);
        if (std::isnan(value)) return tr("The version has no %1 score").arg(text(kpiMetricFor(info.task)));
        return tr("%1 on the %2 split").arg(text(kpiMetricFor(info.task)), text(split));
      }
      case ThresholdColumn:
        return tr("A probability at or above it decides for the positive class (chosen from the project's costs)");
      default: return tr("%1, trained to predict %2").arg(text(info.reference()), text(info.target));
    }
  }
  if (role != Qt::DisplayRole) return {};
  switch (column) {
    case NameColumn: return tr("v%1").arg(info.version);
    case AliasColumn: return info.alias.empty() ? QString() : aliasText(info.alias);
    case RunColumn:
      if (!info.runId) return QStringLiteral("—");
      return runNames_.value(*info.runId, QStringLiteral("#%1").arg(*info.runId));
    case AlgorithmColumn: return text(info.algorithm);
    case TaskColumn: return text(info.task);
    case KpiColumn: {
      std::string split;
      const double value = kpiValue(info, &split);
      return std::isnan(value) ? QStringLiteral("—") : QLocale().toString(value, 'f', 4);
    }
    case ThresholdColumn: return info.threshold ? QLocale().toString(*info.threshold, 'f', 3) : QStringLiteral("—");
    case RegisteredColumn: return when(info.createdAt);
    default: return {};
  }
}

QVariant ModelVersionTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case NameColumn: return tr("Model / version");
    case AliasColumn: return tr("Alias");
    case RunColumn: return tr("Run");
    case AlgorithmColumn: return tr("Algorithm");
    case TaskColumn: return tr("Task");
    case KpiColumn: return kpi_.metric.empty() ? tr("Score") : text(kpi_.metric);
    case ThresholdColumn: return tr("Threshold");
    case RegisteredColumn: return tr("Registered");
    default: return {};
  }
}

void ModelVersionTableModel::retranslate() {
  if (!groups_.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
  emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

}  // namespace lathe::widgets
