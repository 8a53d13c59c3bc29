#include "widgets/monitor/FeatureDriftTableModel.h"

#include <QBrush>
#include <QFont>
#include <QLocale>
#include <cmath>
#include <limits>

#include "widgets/charts/ChartStyle.h"
#include "widgets/monitor/MonitorFormat.h"

namespace lathe::widgets {
namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
// Below every real figure (PSI, p-values and shares are never negative): sorted largest first,
// which is how drift is read, a feature without a figure goes to the bottom.
constexpr double kMissingSortKey = -1.0;

double orMissing(const std::optional<double>& value) { return value ? *value : kMissingSortKey; }

}  // namespace

FeatureDriftTableModel::FeatureDriftTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void FeatureDriftTableModel::setRuns(std::shared_ptr<const std::vector<monitor::MonitorRunRecord>> runs, int shown) {
  beginResetModel();
  runs_ = runs ? std::move(runs) : std::make_shared<const std::vector<monitor::MonitorRunRecord>>();
  shown_ = shown >= 0 && shown < static_cast<int>(runs_->size()) ? shown : -1;
  endResetModel();
}

void FeatureDriftTableModel::setShownRun(int shown) {
  // A reset, not dataChanged: another run may have other features or no prediction row.
  beginResetModel();
  shown_ = shown >= 0 && shown < static_cast<int>(runs_->size()) ? shown : -1;
  endResetModel();
}

void FeatureDriftTableModel::setThresholds(QHash<QString, double> thresholds) {
  thresholds_ = std::move(thresholds);
  if (rowCount() > 0) emit dataChanged(index(0, HistoryColumn), index(rowCount() - 1, HistoryColumn));
}

const monitor::FeatureDrift* FeatureDriftTableModel::drift(int row) const {
  if (shown_ < 0 || row < 0) return nullptr;
  const auto& run = (*runs_)[static_cast<std::size_t>(shown_)];
  const auto features = static_cast<int>(run.data.features.size());
  if (row < features) return &run.data.features[static_cast<std::size_t>(row)];
  if (row == features && run.prediction) return &*run.prediction;
  return nullptr;
}

bool FeatureDriftTableModel::isPredictionRow(int row) const {
  return shown_ >= 0 && row == static_cast<int>((*runs_)[static_cast<std::size_t>(shown_)].data.features.size()) &&
         (*runs_)[static_cast<std::size_t>(shown_)].prediction.has_value();
}

int FeatureDriftTableModel::rowOf(const QString& feature) const {
  for (int row = 0; row < rowCount(); ++row)
    if (!isPredictionRow(row) && QString::fromStdString(drift(row)->name) == feature) return row;
  return -1;
}

int FeatureDriftTableModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() || shown_ < 0) return 0;
  const auto& run = (*runs_)[static_cast<std::size_t>(shown_)];
  return static_cast<int>(run.data.features.size()) + (run.prediction ? 1 : 0);
}

int FeatureDriftTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QList<double> FeatureDriftTableModel::history(int row) const {
  // Linear in the features of each run: a run has tens to hundreds of them, and only the visible
  // rows' sparklines ask.
  const bool prediction = isPredictionRow(row);
  const std::string& name = drift(row)->name;
  QList<double> values;
  values.reserve(static_cast<qsizetype>(runs_->size()));
  for (const auto& run : *runs_) {
    const monitor::FeatureDrift* found = nullptr;
    if (prediction) {
      if (run.prediction) found = &*run.prediction;
    } else {
      for (const auto& f : run.data.features)
        if (f.name == name) {
          found = &f;
          break;
        }
    }
    values << (found && found->psi ? *found->psi : kNone);
  }
  return values;
}

std::optional<double> FeatureDriftTableModel::threshold(int row) const {
  const bool prediction = isPredictionRow(row);
  const QString name = QString::fromStdString(drift(row)->name);
  if (!prediction && thresholds_.contains(name)) return thresholds_.value(name);
  // Without the constraints, an alert on the feature still tells the threshold it crossed.
  using Kind = monitor::MonitorAlert::Kind;
  for (auto run = runs_->rbegin(); run != runs_->rend(); ++run)
    for (const auto& alert : run->alerts)
      if (alert.threshold && ((prediction && alert.kind == Kind::PredictionDrift) ||
                              (!prediction && alert.kind == Kind::FeatureDrift && alert.subject == drift(row)->name)))
        return alert.threshold;
  return std::nullopt;
}

QVariant FeatureDriftTableModel::data(const QModelIndex& index, int role) const {
  const monitor::FeatureDrift* d = index.isValid() ? drift(index.row()) : nullptr;
  if (!d) return {};
  const int column = index.column();
  switch (role) {
    case Qt::DisplayRole: return display(*d, index.row(), column);
    case SortRole: return sortKey(*d, index.row(), column);
    case FeatureNameRole: return isPredictionRow(index.row()) ? QString() : QString::fromStdString(d->name);
    case DriftRole: return d->drift;
    case PsiHistoryRole: return QVariant::fromValue(history(index.row()));
    case ThresholdRole: {
      const auto t = threshold(index.row());
      return t ? QVariant(*t) : QVariant();
    }
    case ShownRunRole: return shown_;
    case Qt::TextAlignmentRole:
      if (column == FeatureColumn || column == TestColumn || column == DriftColumn)
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
      return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
      // The one accent of the table: what drifted reads in the drift colour, the rest stays calm.
      if (column == DriftColumn && d->drift) return QBrush(ChartStyle::seriesColor(3));
      return {};
    case Qt::FontRole:
      if ((column == DriftColumn && d->drift) || (column == FeatureColumn && isPredictionRow(index.row()))) {
        QFont font;
        font.setBold(column == DriftColumn);
        font.setItalic(column == FeatureColumn);
        return font;
      }
      return {};
    case Qt::ToolTipRole:
      if (column == MissingColumn && d->rows > 0)
        return tr("%1 of %2 rows missing").arg(MonitorFormat::count(d->missing), MonitorFormat::count(d->rows));
      if (column == HistoryColumn) {
        QStringList figures;
        for (double psi : history(index.row())) figures << (std::isnan(psi) ? QStringLiteral("—") : MonitorFormat::number(psi));
        return tr("PSI run by run, oldest first: %1").arg(figures.join(QStringLiteral(", ")));
      }
      if (!d->note.empty()) return QString::fromStdString(d->note);  // the engine's reason, in English
      return {};
    default: return {};
  }
}

QVariant FeatureDriftTableModel::display(const monitor::FeatureDrift& d, int row, int column) const {
  switch (column) {
    case FeatureColumn: return isPredictionRow(row) ? tr("Prediction") : QString::fromStdString(d.name);
    case TestColumn: return MonitorFormat::testName(d.test);
    case StatisticColumn: return MonitorFormat::number(d.statistic);
    case PValueColumn: return MonitorFormat::pValue(d.pValue);
    case PsiColumn: return d.psi ? QLocale().toString(*d.psi, 'f', 3) : QStringLiteral("—");
    case DriftColumn: return d.drift ? tr("yes") : tr("no");
    case MissingColumn:
      return d.rows > 0 ? MonitorFormat::percent(static_cast<double>(d.missing) / static_cast<double>(d.rows))
                        : QStringLiteral("—");
    default: return {};
  }
}

QVariant FeatureDriftTableModel::sortKey(const monitor::FeatureDrift& d, int row, int column) const {
  switch (column) {
    case FeatureColumn: return display(d, row, column);
    case TestColumn: return QString::fromStdString(d.test);
    case StatisticColumn: return orMissing(d.statistic);
    case PValueColumn: return orMissing(d.pValue);
    case PsiColumn:
    case HistoryColumn: return orMissing(d.psi);
    case DriftColumn: return d.drift ? 1 : 0;
    case MissingColumn:
      return d.rows > 0 ? static_cast<double>(d.missing) / static_cast<double>(d.rows) : kMissingSortKey;
    default: return {};
  }
}

QVariant FeatureDriftTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case TestColumn: return tr("KS for numbers, chi-square for categories; a dash when the feature is not tested");
      case StatisticColumn: return tr("The test's statistic: KS D, or the chi-square statistic");
      case PsiColumn: return tr("Population stability index: below 0.1 little change, above 0.2 a large shift");
      case MissingColumn: return tr("The share of the batch's rows without a value");
      case HistoryColumn: return tr("The feature's PSI over every run of the schedule; the faint line is its threshold");
      default: return {};
    }
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case FeatureColumn: return tr("Feature");
    case TestColumn: return tr("Test");
    case StatisticColumn: return tr("Statistic");
    case PValueColumn: return tr("p-value");
    case PsiColumn: return tr("PSI");
    case DriftColumn: return tr("Drift");
    case MissingColumn: return tr("Missing");
    case HistoryColumn: return tr("History");
    default: return {};
  }
}

void FeatureDriftTableModel::retranslate() {
  emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
  if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

}  // namespace lathe::widgets
