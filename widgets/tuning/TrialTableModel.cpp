#include "widgets/tuning/TrialTableModel.h"

#include <QFont>
#include <cmath>

namespace lathe::widgets {

TrialTableModel::TrialTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void TrialTableModel::setHistory(const tune::TuningHistory& history) {
  beginResetModel();
  trials_ = history.trials;
  objective_ = QString::fromStdString(history.objective);
  const auto* best = history.best();
  bestRunId_ = best ? best->trial.runId : 0;
  endResetModel();
}

const tune::TrialRecord* TrialTableModel::trialAt(int row) const {
  return row >= 0 && row < rowCount() ? &trials_[static_cast<std::size_t>(row)] : nullptr;
}

int TrialTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(trials_.size());
}

int TrialTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString TrialTableModel::parametersText(const nlohmann::json& parameters) {
  QStringList parts;
  if (parameters.is_object())
    for (const auto& [name, value] : parameters.items())
      parts << QStringLiteral("%1=%2").arg(QString::fromStdString(name),
                                           value.is_string() ? QString::fromStdString(value.get<std::string>())
                                                             : QString::fromStdString(value.dump()));
  return parts.join(QStringLiteral(", "));
}

QString TrialTableModel::stateText(tune::Trial::State state) const {
  switch (state) {
    case tune::Trial::State::Complete: return tr("Complete");
    case tune::Trial::State::Pruned: return tr("Stopped early");
    case tune::Trial::State::Failed: return tr("Failed");
  }
  return {};
}

QVariant TrialTableModel::data(const QModelIndex& index, int role) const {
  const auto* r = trialAt(index.row());
  if (!r) return {};
  const tune::Trial& t = r->trial;
  if (role == RunIdRole) return QVariant::fromValue<qint64>(t.runId);
  if (role == Qt::FontRole && t.runId != 0 && t.runId == bestRunId_) {
    QFont bold;
    bold.setBold(true);
    return bold;
  }
  if (role == Qt::TextAlignmentRole && index.column() != AlgorithmColumn && index.column() != StateColumn &&
      index.column() != ParametersColumn)
    return int(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole) {
    if (index.column() == StateColumn && !t.error.empty()) return QString::fromStdString(t.error);
    if (index.column() == ParametersColumn) return parametersText(t.parameters);
    return {};
  }
  const bool sort = role == SortRole;
  if (role != Qt::DisplayRole && !sort) return {};
  switch (index.column()) {
    case NumberColumn: return t.number;
    case AlgorithmColumn: return QString::fromStdString(r->algorithm);
    case StateColumn: return stateText(t.state);
    case ScoreColumn:
      if (!std::isfinite(t.score)) return sort ? QVariant(-INFINITY) : QVariant(QStringLiteral("—"));
      return sort ? QVariant(t.score) : QVariant(QString::number(t.score, 'f', 4));
    case FoldsColumn: return static_cast<int>(t.foldScores.size());
    case SecondsColumn: return sort ? QVariant(t.seconds) : QVariant(QString::number(t.seconds, 'f', 1));
    case ParametersColumn: return parametersText(t.parameters);
    default: return {};
  }
}

QVariant TrialTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case NumberColumn: return tr("Trial");
    case AlgorithmColumn: return tr("Algorithm");
    case StateColumn: return tr("State");
    case ScoreColumn: return objective_.isEmpty() ? tr("Score") : objective_;
    case FoldsColumn: return tr("Folds");
    case SecondsColumn: return tr("Seconds");
    case ParametersColumn: return tr("Hyperparameters");
    default: return {};
  }
}

}  // namespace lathe::widgets
