#pragma once
#include <QAbstractTableModel>

#include "engine/tune/TuningHistory.h"

namespace lathe::widgets {

// A search's trials as a table: number, family, state, score, folds run, seconds and the
// hyperparameters, the best trial in bold. Sort role: numbers sort as numbers.
class TrialTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { NumberColumn, AlgorithmColumn, StateColumn, ScoreColumn, FoldsColumn, SecondsColumn, ParametersColumn, ColumnCount };
  static constexpr int SortRole = Qt::UserRole + 1;
  static constexpr int RunIdRole = Qt::UserRole + 2;

  explicit TrialTableModel(QObject* parent = nullptr);

  void setHistory(const tune::TuningHistory& history);
  const tune::TrialRecord* trialAt(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  // "max_depth=6, eta=0.1": the parameters as one line, in the trial's own order.
  static QString parametersText(const nlohmann::json& parameters);

 private:
  QString stateText(tune::Trial::State state) const;

  std::vector<tune::TrialRecord> trials_;
  QString objective_;
  std::int64_t bestRunId_ = 0;
};

}  // namespace lathe::widgets
