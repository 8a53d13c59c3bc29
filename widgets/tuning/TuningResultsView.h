#pragma once
#include <QWidget>

#include "engine/tune/TuningHistory.h"

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace lathe::widgets {

class ParallelCoordinatesChart;
class ParameterScoreChart;
class TrialScoreChart;
class TrialTableModel;

// What a search found, as tabs: the leaderboard (AutoML: the best of each family), the trials
// table, the score against the trials with the best so far, one hyperparameter against the
// score, and parallel coordinates of every hyperparameter. Double-clicking a trial or a family
// asks for its run. It shows the history it is given and computes nothing.
class TuningResultsView : public QWidget {
  Q_OBJECT
 public:
  explicit TuningResultsView(QWidget* parent = nullptr);

  void setHistory(const tune::TuningHistory& history);
  void clear();
  // The runs worth comparing side by side, best first: AutoML's best run of each family, or a
  // tuning's best trials; at most `count`.
  QList<qint64> topRuns(int count = 6) const;

  QTabWidget* tabs() const { return tabs_; }
  QTableWidget* leaderboard() const { return leaderboard_; }
  QTableView* trialsView() const { return trialsView_; }
  TrialTableModel* trials() const { return trials_; }
  TrialScoreChart* scoreChart() const { return scoreChart_; }
  QComboBox* parameterBox() const { return parameterBox_; }
  ParameterScoreChart* parameterChart() const { return parameterChart_; }
  ParallelCoordinatesChart* parallelChart() const { return parallelChart_; }

 signals:
  void runActivated(qint64 runId);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void fillLeaderboard();
  void showParameter();

  tune::TuningHistory history_;
  QTabWidget* tabs_;
  QTableWidget* leaderboard_;
  QTableView* trialsView_;
  TrialTableModel* trials_;
  QSortFilterProxyModel* sorted_;
  TrialScoreChart* scoreChart_;
  QWidget* parameterPage_;
  QComboBox* parameterBox_;
  QLabel* parameterLabel_;
  ParameterScoreChart* parameterChart_;
  ParallelCoordinatesChart* parallelChart_;
};

}  // namespace lathe::widgets
