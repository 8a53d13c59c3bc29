#include "widgets/tuning/TuningResultsView.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <map>

#include "engine/experiments/ParallelCoordinates.h"
#include "widgets/charts/ParallelCoordinatesChart.h"
#include "widgets/tuning/ParameterScoreChart.h"
#include "widgets/tuning/TrialScoreChart.h"
#include "widgets/tuning/TrialTableModel.h"

namespace lathe::widgets {
namespace {

enum LeaderboardColumn { RankColumn, FamilyColumn, BestColumn, TrialsColumn, FailedColumn, SecondsColumn, LeaderboardColumns };

// The best trial of each family, best family first.
struct FamilyBest {
  std::string algorithm;
  const tune::TrialRecord* best = nullptr;
  int trials = 0;
  int failed = 0;
  double seconds = 0.0;
};

std::vector<FamilyBest> familiesOf(const tune::TuningHistory& history) {
  std::map<std::string, FamilyBest> byName;
  for (const auto& r : history.trials) {
    FamilyBest& f = byName[r.algorithm];
    f.algorithm = r.algorithm;
    ++f.trials;
    f.failed += r.trial.state == tune::Trial::State::Failed;
    f.seconds += r.trial.seconds;
    const double score = r.trial.score;
    if (r.trial.state == tune::Trial::State::Complete && std::isfinite(score) &&
        (!f.best || (history.maximize ? score > f.best->trial.score : score < f.best->trial.score)))
      f.best = &r;
  }
  std::vector<FamilyBest> out;
  for (auto& [name, f] : byName) out.push_back(f);
  std::stable_sort(out.begin(), out.end(), [&](const FamilyBest& a, const FamilyBest& b) {
    if (!b.best) return a.best != nullptr;
    if (!a.best) return false;
    return history.maximize ? a.best->trial.score > b.best->trial.score : a.best->trial.score < b.best->trial.score;
  });
  return out;
}

QTableWidgetItem* cell(const QString& text, bool number) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
  if (number) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

}  // namespace

TuningResultsView::TuningResultsView(QWidget* parent)
    : QWidget(parent),
      tabs_(new QTabWidget(this)),
      leaderboard_(new QTableWidget(0, LeaderboardColumns, this)),
      trialsView_(new QTableView(this)),
      trials_(new TrialTableModel(this)),
      sorted_(new QSortFilterProxyModel(this)),
      scoreChart_(new TrialScoreChart(this)),
      parameterPage_(new QWidget(this)),
      parameterBox_(new QComboBox(parameterPage_)),
      parameterLabel_(new QLabel(parameterPage_)),
      parameterChart_(new ParameterScoreChart(parameterPage_)),
      parallelChart_(new ParallelCoordinatesChart(this)) {
  tabs_->setObjectName(QStringLiteral("tuningTabs"));
  leaderboard_->hide();  // a tab only for AutoML; until then it must not sit over the tabs
  leaderboard_->setObjectName(QStringLiteral("tuningLeaderboard"));
  leaderboard_->verticalHeader()->hide();
  leaderboard_->horizontalHeader()->setStretchLastSection(true);
  leaderboard_->setSelectionBehavior(QAbstractItemView::SelectRows);
  leaderboard_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  trialsView_->setObjectName(QStringLiteral("tuningTrials"));
  sorted_->setSourceModel(trials_);
  sorted_->setSortRole(TrialTableModel::SortRole);
  trialsView_->setModel(sorted_);
  trialsView_->setSortingEnabled(true);
  trialsView_->sortByColumn(TrialTableModel::NumberColumn, Qt::AscendingOrder);
  trialsView_->verticalHeader()->hide();
  trialsView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  trialsView_->horizontalHeader()->setStretchLastSection(true);
  parameterBox_->setObjectName(QStringLiteral("tuningParameter"));

  auto* pick = new QHBoxLayout;
  pick->addWidget(parameterLabel_);
  pick->addWidget(parameterBox_, 1);
  auto* parameterLayout = new QVBoxLayout(parameterPage_);
  parameterLayout->setContentsMargins(0, 4, 0, 0);
  parameterLayout->addLayout(pick);
  parameterLayout->addWidget(parameterChart_, 1);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(tabs_);
  connect(parameterBox_, &QComboBox::currentIndexChanged, this, &TuningResultsView::showParameter);
  connect(trialsView_, &QTableView::activated, this, [this](const QModelIndex& index) {
    const qint64 run = index.data(TrialTableModel::RunIdRole).toLongLong();
    if (run != 0) emit runActivated(run);
  });
  connect(leaderboard_, &QTableWidget::itemActivated, this, [this](QTableWidgetItem* item) {
    const qint64 run = leaderboard_->item(item->row(), RankColumn)->data(Qt::UserRole).toLongLong();
    if (run != 0) emit runActivated(run);
  });
  retranslate();
  clear();
}

void TuningResultsView::clear() { setHistory({}); }

void TuningResultsView::setHistory(const tune::TuningHistory& history) {
  history_ = history;
  trials_->setHistory(history_);
  const bool automl = history_.record.algorithm == "automl";
  trialsView_->setColumnHidden(TrialTableModel::AlgorithmColumn, !automl);
  trialsView_->resizeColumnsToContents();
  fillLeaderboard();
  // The leaderboard leads for AutoML; a single-algorithm tuning has no families to rank.
  const int at = tabs_->indexOf(leaderboard_);
  if (automl && at < 0) tabs_->insertTab(0, leaderboard_, tr("Leaderboard"));
  if (!automl && at >= 0) tabs_->removeTab(at);
  scoreChart_->setHistory(history_);
  const QString shown = parameterBox_->currentText();
  {
    const QSignalBlocker block(parameterBox_);
    parameterBox_->clear();
    parameterBox_->addItems(ParameterScoreChart::parametersOf(history_));
    if (const int keep = parameterBox_->findText(shown); keep >= 0) parameterBox_->setCurrentIndex(keep);
  }
  showParameter();
  if (history_.runs.empty()) parallelChart_->clear();
  else parallelChart_->setCoordinates(experiments::ParallelCoordinates::of(history_.runs, history_.objective));
  retranslate();
}

QList<qint64> TuningResultsView::topRuns(int count) const {
  QList<qint64> out;
  if (history_.record.algorithm == "automl") {
    for (const FamilyBest& f : familiesOf(history_))
      if (f.best && f.best->trial.runId != 0 && out.size() < count) out << f.best->trial.runId;
    return out;
  }
  std::vector<const tune::TrialRecord*> scored;
  for (const auto& r : history_.trials)
    if (r.trial.state == tune::Trial::State::Complete && std::isfinite(r.trial.score) && r.trial.runId != 0) scored.push_back(&r);
  std::stable_sort(scored.begin(), scored.end(), [&](const auto* a, const auto* b) {
    return history_.maximize ? a->trial.score > b->trial.score : a->trial.score < b->trial.score;
  });
  for (const auto* r : scored)
    if (out.size() < count) out << r->trial.runId;
  return out;
}

void TuningResultsView::showParameter() {
  parameterChart_->setHistory(history_, parameterBox_->currentText());
}

void TuningResultsView::fillLeaderboard() {
  const auto families = familiesOf(history_);
  leaderboard_->setRowCount(static_cast<int>(families.size()));
  for (int row = 0; row < static_cast<int>(families.size()); ++row) {
    const FamilyBest& f = families[static_cast<std::size_t>(row)];
    auto* rank = cell(QString::number(row + 1), true);
    rank->setData(Qt::UserRole, QVariant::fromValue<qint64>(f.best ? f.best->trial.runId : 0));
    leaderboard_->setItem(row, RankColumn, rank);
    leaderboard_->setItem(row, FamilyColumn, cell(QString::fromStdString(f.algorithm), false));
    leaderboard_->setItem(row, BestColumn, cell(f.best ? QString::number(f.best->trial.score, 'f', 4) : QStringLiteral("—"), true));
    leaderboard_->setItem(row, TrialsColumn, cell(QString::number(f.trials), true));
    leaderboard_->setItem(row, FailedColumn, cell(QString::number(f.failed), true));
    leaderboard_->setItem(row, SecondsColumn, cell(QString::number(f.seconds, 'f', 1), true));
  }
  leaderboard_->resizeColumnsToContents();
}

void TuningResultsView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void TuningResultsView::retranslate() {
  const auto title = [this](QWidget* page, const QString& text) {
    if (const int at = tabs_->indexOf(page); at >= 0) tabs_->setTabText(at, text);
  };
  if (tabs_->indexOf(trialsView_) < 0) {
    tabs_->addTab(trialsView_, QString());
    tabs_->addTab(scoreChart_, QString());
    tabs_->addTab(parameterPage_, QString());
    tabs_->addTab(parallelChart_, QString());
  }
  title(leaderboard_, tr("Leaderboard"));
  title(trialsView_, tr("Trials"));
  title(scoreChart_, tr("Score by trial"));
  title(parameterPage_, tr("Hyperparameter"));
  title(parallelChart_, tr("Parallel coordinates"));
  parameterLabel_->setText(tr("Hyperparameter:"));
  leaderboard_->setHorizontalHeaderLabels({tr("Rank"), tr("Algorithm"),
                                           history_.objective.empty() ? tr("Best score")
                                                                      : tr("Best %1").arg(QString::fromStdString(history_.objective)),
                                           tr("Trials"), tr("Failed"), tr("Seconds")});
}

}  // namespace lathe::widgets
