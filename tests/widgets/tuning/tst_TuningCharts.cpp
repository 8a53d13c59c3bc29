// The tuning view's pieces on a search whose every number is known: the score-by-trial chart
// (dots, stopped-early trials, the best so far for a metric to maximise and one to minimise,
// failed trials left out and counted), the hyperparameter chart (a log axis for a range over
// decades, a column per choice, only varying parameters offered), the trials table (sorting by
// number, the best in bold) and the results view's tabs (a leaderboard for AutoML only).
#include <QFont>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

#include "widgets/charts/ParallelCoordinatesChart.h"
#include "widgets/tuning/ParameterScoreChart.h"
#include "widgets/tuning/TrialScoreChart.h"
#include "widgets/tuning/TrialTableModel.h"
#include "widgets/tuning/TuningResultsView.h"

using namespace lathe;
using lathe::tune::Trial;
using nlohmann::json;

namespace {

tune::TrialRecord trial(const std::string& algorithm, int number, double score, json parameters,
                        Trial::State state = Trial::State::Complete) {
  tune::TrialRecord r;
  r.algorithm = algorithm;
  r.trial.number = number;
  r.trial.score = score;
  r.trial.state = state;
  r.trial.parameters = std::move(parameters);
  r.trial.runId = 100 + number;
  r.trial.seconds = 0.5 * number;
  return r;
}

// An XGBoost tuning of six trials: trial 3 pruned, trial 5 failed, the best is trial 4 (0.80).
tune::TuningHistory xgboostTuning() {
  tune::TuningHistory h;
  h.record.id = 1;
  h.record.algorithm = "xgboost";
  h.objective = "roc_auc";
  h.maximize = true;
  h.trials = {trial("xgboost", 1, 0.74, {{"eta", 0.3}, {"max_depth", 6}, {"booster", "gbtree"}}),
              trial("xgboost", 2, 0.78, {{"eta", 0.01}, {"max_depth", 3}, {"booster", "gbtree"}}),
              trial("xgboost", 3, 0.70, {{"eta", 0.5}, {"max_depth", 8}, {"booster", "dart"}}, Trial::State::Pruned),
              trial("xgboost", 4, 0.80, {{"eta", 0.05}, {"max_depth", 4}, {"booster", "dart"}}),
              trial("xgboost", 5, std::nan(""), {{"eta", 1.0}, {"max_depth", 2}, {"booster", "gbtree"}}, Trial::State::Failed),
              trial("xgboost", 6, 0.79, {{"eta", 0.001}, {"max_depth", 5}, {"booster", "gbtree"}})};
  for (const auto& r : h.trials) {
    store::ExperimentRun run;
    run.id = r.trial.runId;
    run.name = "trial " + std::to_string(r.trial.number);
    run.algorithm = r.algorithm;
    run.task = "binary";
    run.parametersJson = r.trial.parameters.dump();
    if (std::isfinite(r.trial.score)) run.metrics.push_back({"cv", "roc_auc", r.trial.score});
    h.runs.push_back(run);
  }
  return h;
}

}  // namespace

class tst_TuningCharts : public QObject {
  Q_OBJECT

 private slots:
  void theBestSoFarNeverGetsWorse() {
    widgets::TrialScoreChart chart;
    chart.resize(600, 400);
    chart.setHistory(xgboostTuning());
    QCOMPARE(chart.pointCount(), 5);  // the failed trial is not drawn
    // One value per scored complete trial (1, 2, 4, 6), then the line runs on to the last trial.
    QCOMPARE(chart.bestSoFar(), (QVector<double>{0.74, 0.78, 0.80, 0.80, 0.80}));
    QVERIFY(chart.emptyStateText().isEmpty());
    const QPointF at(chart.xAxis->coordToPixel(4), chart.yAxis->coordToPixel(0.80));
    QVERIFY2(chart.toolTipAt(at).contains(QStringLiteral("Trial 4")), qPrintable(chart.toolTipAt(at)));
    const QPointF pruned(chart.xAxis->coordToPixel(3), chart.yAxis->coordToPixel(0.70));
    QVERIFY(chart.toolTipAt(pruned).contains(QStringLiteral("median")));
    QVERIFY(chart.toolTipAt(QPointF(chart.xAxis->coordToPixel(3), chart.yAxis->coordToPixel(0.79))).isEmpty());

    // Log loss: lower is better, so the best so far only goes down.
    auto loss = xgboostTuning();
    loss.objective = "log_loss";
    loss.maximize = false;
    chart.setHistory(loss);
    QCOMPARE(chart.bestSoFar(), (QVector<double>{0.74, 0.74, 0.74, 0.74, 0.74}));

    chart.clear();
    QCOMPARE(chart.pointCount(), 0);
    QVERIFY(!chart.emptyStateText().isEmpty());
  }

  void aHyperparameterAgainstTheScore() {
    const auto history = xgboostTuning();
    // max_depth, eta and booster vary; a parameter every trial shares would not be offered.
    auto same = history;
    for (auto& r : same.trials) r.trial.parameters["objective"] = "binary:logistic";
    QCOMPARE(widgets::ParameterScoreChart::parametersOf(same), (QStringList{"booster", "eta", "max_depth"}));

    widgets::ParameterScoreChart chart;
    chart.resize(600, 400);
    chart.setHistory(history, QStringLiteral("eta"));
    QCOMPARE(chart.pointCount(), 5);
    QVERIFY(chart.logarithmic());  // 0.001 to 0.5: over two decades
    QVERIFY(chart.categories().isEmpty());
    const QPointF at(chart.xAxis->coordToPixel(0.05), chart.yAxis->coordToPixel(0.80));
    QVERIFY2(chart.toolTipAt(at).contains(QStringLiteral("eta = 0.05")), qPrintable(chart.toolTipAt(at)));

    chart.setHistory(history, QStringLiteral("max_depth"));
    QVERIFY(!chart.logarithmic());  // 3 to 8

    chart.setHistory(history, QStringLiteral("booster"));
    QCOMPARE(chart.categories(), (QStringList{"dart", "gbtree"}));
    QCOMPARE(chart.pointCount(), 5);

    chart.setHistory(history, QStringLiteral("gamma"));  // no trial set it
    QCOMPARE(chart.pointCount(), 0);
    QVERIFY(chart.emptyStateText().contains(QStringLiteral("gamma")));
  }

  void theTrialsTableSortsAndMarksTheBest() {
    widgets::TrialTableModel model;
    model.setHistory(xgboostTuning());
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.headerData(widgets::TrialTableModel::ScoreColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("roc_auc"));
    QCOMPARE(model.index(3, widgets::TrialTableModel::ScoreColumn).data().toString(), QStringLiteral("0.8000"));
    QVERIFY(model.index(3, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model.index(1, 0).data(Qt::FontRole).isValid());
    QCOMPARE(model.index(4, widgets::TrialTableModel::ScoreColumn).data().toString(), QStringLiteral("—"));
    QCOMPARE(model.index(2, widgets::TrialTableModel::StateColumn).data().toString(), QStringLiteral("Stopped early"));
    QCOMPARE(model.index(0, 0).data(widgets::TrialTableModel::RunIdRole).toLongLong(), 101);
    QCOMPARE(widgets::TrialTableModel::parametersText({{"eta", 0.3}, {"booster", "gbtree"}}),
             QStringLiteral("booster=gbtree, eta=0.3"));

    QSortFilterProxyModel sorted;
    sorted.setSourceModel(&model);
    sorted.setSortRole(widgets::TrialTableModel::SortRole);
    sorted.sort(widgets::TrialTableModel::ScoreColumn, Qt::DescendingOrder);
    QCOMPARE(sorted.index(0, 0).data().toInt(), 4);  // 0.80 first, the failed trial last
    QCOMPARE(sorted.index(5, 0).data().toInt(), 5);
  }

  void theLeaderboardIsForAutoMlOnly() {
    widgets::TuningResultsView view;
    view.resize(900, 500);
    view.setHistory(xgboostTuning());
    QCOMPARE(view.tabs()->indexOf(view.leaderboard()), -1);
    QVERIFY(view.trialsView()->isColumnHidden(widgets::TrialTableModel::AlgorithmColumn));
    QCOMPARE(view.parallelChart()->lineCount(), 6);
    QCOMPARE(view.topRuns(3), (QList<qint64>{104, 106, 102}));  // the best trials, best first

    auto automl = xgboostTuning();
    automl.record.algorithm = "automl";
    automl.trials[1].algorithm = "forest";
    automl.trials[5].algorithm = "forest";
    automl.runs[1].algorithm = automl.runs[5].algorithm = "forest";
    view.setHistory(automl);
    QCOMPARE(view.tabs()->indexOf(view.leaderboard()), 0);
    QVERIFY(!view.trialsView()->isColumnHidden(widgets::TrialTableModel::AlgorithmColumn));
    QTableWidget* board = view.leaderboard();
    QCOMPARE(board->rowCount(), 2);
    QCOMPARE(board->item(0, 1)->text(), QStringLiteral("xgboost"));  // 0.80 beats forest's 0.79
    QCOMPARE(board->item(0, 2)->text(), QStringLiteral("0.8000"));
    QCOMPARE(board->item(0, 3)->text(), QStringLiteral("4"));
    QCOMPARE(board->item(0, 4)->text(), QStringLiteral("1"));
    QCOMPARE(board->item(1, 1)->text(), QStringLiteral("forest"));
    QCOMPARE(board->item(1, 2)->text(), QStringLiteral("0.7900"));
    QCOMPARE(view.topRuns(), (QList<qint64>{104, 106}));  // each family's best

    // Double-clicking a family asks for its best run.
    QSignalSpy asked(&view, &widgets::TuningResultsView::runActivated);
    emit board->itemActivated(board->item(1, 1));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.front().front().toLongLong(), 106);

    view.clear();
    QCOMPARE(view.tabs()->indexOf(view.leaderboard()), -1);
    QCOMPARE(view.trials()->rowCount(), 0);
  }
};

QTEST_MAIN(tst_TuningCharts)
#include "tst_TuningCharts.moc"
