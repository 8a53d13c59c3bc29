// The experiments panel driven like a user would: search, header clicks that sort a metric
// numerically with missing scores last, the column chooser, the actions and the ids their signals
// carry (dialogs answered through QTimer::singleShot), the selection across setRuns, the KPI and
// candidate marks, the empty state, and 10,000 runs.
#include <QAction>
#include <QBrush>
#include <QElapsedTimer>
#include <QFont>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QtTest>
#include <limits>

#include "widgets/panels/EmptyStatePanel.h"
#include "widgets/panels/ExperimentsPanel.h"
#include "widgets/panels/PlaceholderStack.h"
#include "widgets/table/RunTableModel.h"

using lathe::store::RunMetric;
using lathe::store::RunSummary;
using lathe::widgets::EmptyStatePanel;
using lathe::widgets::ExperimentsPanel;
using lathe::widgets::PlaceholderStack;
using lathe::widgets::RunTableModel;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

RunSummary run(qint64 id, const std::string& name, const std::string& algorithm, double auc, double accuracy) {
  RunSummary s;
  s.id = id;
  s.name = name;
  s.algorithm = algorithm;
  s.task = "binary";
  s.startedAt = "2024-03-05T14:" + std::to_string(10 + id) + ":00Z";
  s.durationSeconds = 2.0 + static_cast<double>(id);
  s.metrics = {{"cv", "roc_auc", auc}, {"cv", "accuracy", accuracy}};
  return s;
}

// Credit-g runs: two logistic regressions and three forests, one of which could not be scored.
std::vector<RunSummary> creditRuns() {
  std::vector<RunSummary> runs = {run(1, "logistic baseline", "logistic", 0.85, 0.753),
                                  run(2, "forest 200 trees", "forest", 0.9, 0.762),
                                  run(3, "forest depth 2", "forest", 0.1, 0.700),
                                  run(4, "logistic c=0.1", "logistic", kNaN, 0.748),
                                  run(5, "forest balanced", "forest", 0.8734, 0.741)};
  runs[0].tags = {"baseline"};
  runs[1].tags = {"Tuned", "credit"};
  runs[1].candidate = true;
  return runs;
}

QTableView* tableOf(ExperimentsPanel& panel) { return panel.findChild<QTableView*>("runTable"); }
QAction* action(ExperimentsPanel& panel, const char* name) { return panel.findChild<QAction*>(name); }

// The names shown, top to bottom.
QStringList shownNames(ExperimentsPanel& panel) {
  QAbstractItemModel* model = tableOf(panel)->model();
  QStringList names;
  for (int row = 0; row < model->rowCount(); ++row)
    names << model->index(row, RunTableModel::NameColumn).data().toString();
  return names;
}

void clickHeader(QTableView* table, int column) {
  QHeaderView* header = table->horizontalHeader();
  const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2, header->height() / 2);
  QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
}

void clickRow(QTableView* table, int row, Qt::KeyboardModifiers modifiers = {}) {
  const QRect rect = table->visualRect(table->model()->index(row, RunTableModel::NameColumn));
  QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, rect.center());
}

// Answers the next modal input dialog with `text` (or cancels it when `accept` is false).
void answerDialog(const QString& text, bool accept = true) {
  QTimer::singleShot(0, [text, accept] {
    auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
    QVERIFY(dialog);
    dialog->setTextValue(text);
    if (accept)
      dialog->accept();
    else
      dialog->reject();
  });
}

}  // namespace

class tst_ExperimentsPanel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

  void emptyStateUntilThereAreRuns() {
    ExperimentsPanel panel;
    auto* stack = panel.findChild<PlaceholderStack*>();
    auto* empty = panel.findChild<EmptyStatePanel*>("experimentsEmptyState");
    QVERIFY(stack && empty);
    QVERIFY(!stack->isShowingContent());
    QCOMPARE(empty->title(), QStringLiteral("No runs yet"));
    QCOMPARE(empty->text(), QStringLiteral("Train a model in the Training panel; every training is recorded here."));
    panel.setRuns(creditRuns());
    QVERIFY(stack->isShowingContent());
    QCOMPARE(tableOf(panel)->model()->rowCount(), 5);
    panel.setRuns({});
    QVERIFY(!stack->isShowingContent());
  }

  void searchFiltersNameAlgorithmTaskAndTags() {
    ExperimentsPanel panel;
    panel.setRuns(creditRuns());
    auto* search = panel.findChild<QLineEdit*>("runSearch");
    QTableView* table = tableOf(panel);
    table->sortByColumn(RunTableModel::NameColumn, Qt::AscendingOrder);

    search->setText("FOREST");  // the algorithm, any case
    QCOMPARE(shownNames(panel), (QStringList{"forest 200 trees", "forest balanced", "forest depth 2"}));
    search->setText("tuned");  // a tag
    QCOMPARE(shownNames(panel), (QStringList{"forest 200 trees"}));
    search->setText("C=0.1");  // the name
    QCOMPARE(shownNames(panel), (QStringList{"logistic c=0.1"}));
    search->setText("binary");  // the task
    QCOMPARE(table->model()->rowCount(), 5);
    search->setText("0.9");  // a metric value is not searched
    QCOMPARE(table->model()->rowCount(), 0);
    QCOMPARE(panel.findChild<QLabel*>("runCount")->text(), QStringLiteral("0 of 5 runs"));
    search->clear();
    QCOMPARE(table->model()->rowCount(), 5);
    QCOMPARE(panel.findChild<QLabel*>("runCount")->text(), QStringLiteral("5 runs"));
  }

  void headerClickSortsAMetricNumericallyWithMissingLast() {
    ExperimentsPanel panel;
    panel.resize(1200, 400);
    panel.show();
    panel.setRuns(creditRuns());
    QTableView* table = tableOf(panel);
    const int auc = panel.model()->metricColumn("roc_auc");
    QVERIFY(auc >= RunTableModel::FirstMetricColumn);

    const QStringList descending{"forest 200 trees", "forest balanced", "logistic baseline", "forest depth 2",
                                 "logistic c=0.1"};
    const QStringList ascending{"forest depth 2", "logistic baseline", "forest balanced", "forest 200 trees",
                                "logistic c=0.1"};
    clickHeader(table, auc);
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), auc);
    const Qt::SortOrder first = table->horizontalHeader()->sortIndicatorOrder();
    QCOMPARE(shownNames(panel), first == Qt::DescendingOrder ? descending : ascending);
    clickHeader(table, auc);
    QVERIFY(table->horizontalHeader()->sortIndicatorOrder() != first);
    QCOMPARE(shownNames(panel), first == Qt::DescendingOrder ? ascending : descending);

    // The sort follows the metric's key when new runs bring a metric that shifts the columns.
    table->sortByColumn(auc, Qt::DescendingOrder);
    auto runs = creditRuns();
    runs[0].metrics.push_back({"cv", "balanced_accuracy", 0.70});
    panel.setRuns(runs);
    const int shiftedAuc = panel.model()->metricColumn("roc_auc");
    QCOMPARE(shiftedAuc, auc + 1);
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), shiftedAuc);
    QCOMPARE(shownNames(panel), descending);
  }

  void columnChooserHidesAColumnAcrossSetRuns() {
    ExperimentsPanel panel;
    panel.setRuns(creditRuns());
    QTableView* table = tableOf(panel);
    auto* menu = panel.findChild<QMenu*>("columnsMenu");
    QVERIFY(menu);
    QCOMPARE(panel.findChild<QToolButton*>("columnsButton")->menu(), menu);
    QStringList titles;
    for (QAction* a : menu->actions()) titles << a->text();
    QCOMPARE(titles, (QStringList{"Candidate", "Name", "Algorithm", "Task", "Status", "Started", "Duration (s)", "Tags",
                                  "Meets KPI", "accuracy", "roc_auc"}));

    auto find = [menu](const QString& key) -> QAction* {
      for (QAction* a : menu->actions())
        if (a->data().toString() == key) return a;
      return nullptr;
    };
    QVERIFY(!find("name")->isEnabled());  // the name always shows
    QVERIFY(!table->isColumnHidden(RunTableModel::AlgorithmColumn));
    find("algorithm")->trigger();
    find("metric:accuracy")->trigger();
    QVERIFY(table->isColumnHidden(RunTableModel::AlgorithmColumn));
    QVERIFY(table->isColumnHidden(panel.model()->metricColumn("accuracy")));
    QCOMPARE(panel.hiddenColumns(), (QStringList{"algorithm", "metric:accuracy"}));

    // New runs with one more metric column: the same columns stay hidden, by key.
    auto runs = creditRuns();
    runs[2].metrics.push_back({"test", "f1", 0.61});
    panel.setRuns(runs);
    QVERIFY(table->isColumnHidden(RunTableModel::AlgorithmColumn));
    QVERIFY(table->isColumnHidden(panel.model()->metricColumn("accuracy")));
    QVERIFY(!table->isColumnHidden(panel.model()->metricColumn("f1")));
    QVERIFY(!table->isColumnHidden(panel.model()->metricColumn("roc_auc")));
    QVERIFY(!find("algorithm")->isChecked());

    find("algorithm")->trigger();
    QVERIFY(!table->isColumnHidden(RunTableModel::AlgorithmColumn));
    // A width the user set survives new runs too.
    table->setColumnWidth(RunTableModel::NameColumn, 333);
    panel.setRuns(creditRuns());
    QCOMPARE(table->columnWidth(RunTableModel::NameColumn), 333);
    QVERIFY(table->columnWidth(RunTableModel::CandidateColumn) < table->columnWidth(RunTableModel::StartedColumn));
    panel.setHiddenColumns({"tags", "name"});
    QVERIFY(table->isColumnHidden(RunTableModel::TagsColumn));
    QVERIFY(!table->isColumnHidden(RunTableModel::NameColumn));
    QVERIFY(!table->isColumnHidden(panel.model()->metricColumn("accuracy")));
  }

  void actionsEmitTheSelectedIds() {
    ExperimentsPanel panel;
    panel.resize(1200, 400);
    panel.show();
    panel.setRuns(creditRuns());
    QTableView* table = tableOf(panel);
    table->sortByColumn(RunTableModel::NameColumn, Qt::AscendingOrder);
    // forest 200 trees (2), forest balanced (5), forest depth 2 (3), logistic baseline (1), logistic c=0.1 (4)
    QSignalSpy selection(&panel, &ExperimentsPanel::selectionChanged);
    QSignalSpy compare(&panel, &ExperimentsPanel::compareRequested);
    QSignalSpy remove(&panel, &ExperimentsPanel::deleteRequested);
    QSignalSpy candidate(&panel, &ExperimentsPanel::candidateRequested);

    QVERIFY(!action(panel, "compareAction")->isEnabled());
    QVERIFY(!action(panel, "deleteAction")->isEnabled());
    clickRow(table, 3);
    QCOMPARE(selection.count(), 1);
    QCOMPARE(selection.last().at(0).value<QList<qint64>>(), (QList<qint64>{1}));
    QVERIFY(!action(panel, "compareAction")->isEnabled());
    QVERIFY(action(panel, "renameAction")->isEnabled());
    clickRow(table, 1, Qt::ControlModifier);
    QCOMPARE(selection.last().at(0).value<QList<qint64>>(), (QList<qint64>{5, 1}));
    QVERIFY(action(panel, "compareAction")->isEnabled());
    QVERIFY(!action(panel, "renameAction")->isEnabled());
    QVERIFY(!action(panel, "candidateAction")->isEnabled());

    panel.findChild<QToolButton*>("compareButton")->click();
    QCOMPARE(compare.count(), 1);
    QCOMPARE(compare.first().at(0).value<QList<qint64>>(), (QList<qint64>{5, 1}));
    // The context menu holds the same actions.
    QVERIFY(table->actions().contains(action(panel, "deleteAction")));
    action(panel, "deleteAction")->trigger();
    QCOMPARE(remove.count(), 1);
    QCOMPARE(remove.first().at(0).value<QList<qint64>>(), (QList<qint64>{5, 1}));

    // One run: Mark as Candidate asks for it; on the candidate itself it asks to clear it.
    panel.selectRuns({5});
    QVERIFY(!action(panel, "candidateAction")->isChecked());
    action(panel, "candidateAction")->trigger();
    QCOMPARE(candidate.count(), 1);
    QCOMPARE(candidate.last().at(0).toLongLong(), 5);
    QCOMPARE(candidate.last().at(1).toBool(), true);
    panel.selectRuns({2});
    QVERIFY(action(panel, "candidateAction")->isChecked());
    action(panel, "candidateAction")->trigger();
    QCOMPARE(candidate.last().at(0).toLongLong(), 2);
    QCOMPARE(candidate.last().at(1).toBool(), false);
  }

  void renameAndTagsAskThenEmit() {
    ExperimentsPanel panel;
    panel.show();
    panel.setRuns(creditRuns());
    QSignalSpy rename(&panel, &ExperimentsPanel::renameRequested);
    QSignalSpy tags(&panel, &ExperimentsPanel::tagsRequested);
    panel.selectRuns({2});

    answerDialog("  forest tuned  ");
    action(panel, "renameAction")->trigger();
    QCOMPARE(rename.count(), 1);
    QCOMPARE(rename.first().at(0).toLongLong(), 2);
    QCOMPARE(rename.first().at(1).toString(), QStringLiteral("forest tuned"));
    answerDialog("forest 200 trees");  // unchanged: nothing to do
    action(panel, "renameAction")->trigger();
    answerDialog("another name", false);  // cancelled
    action(panel, "renameAction")->trigger();
    answerDialog("   ");  // blank
    action(panel, "renameAction")->trigger();
    QCOMPARE(rename.count(), 1);

    answerDialog("Tuned, credit,  final ,, credit");
    action(panel, "tagsAction")->trigger();
    QCOMPARE(tags.count(), 1);
    QCOMPARE(tags.first().at(0).toLongLong(), 2);
    QCOMPARE(tags.first().at(1).toStringList(), (QStringList{"Tuned", "credit", "final"}));
    answerDialog("");  // clearing every tag is a change too
    action(panel, "tagsAction")->trigger();
    QCOMPARE(tags.count(), 2);
    QCOMPARE(tags.last().at(1).toStringList(), QStringList());
  }

  void selectionIsKeptAcrossSetRuns() {
    ExperimentsPanel panel;
    panel.setRuns(creditRuns());
    panel.selectRuns({3, 4, 99});
    QCOMPARE(panel.selectedRunIds().size(), 2);
    QSignalSpy selection(&panel, &ExperimentsPanel::selectionChanged);

    auto runs = creditRuns();
    runs[2].name = "forest depth 2 (renamed)";
    panel.setRuns(runs);
    QCOMPARE(selection.count(), 0);  // same runs selected: no change to report
    QList<qint64> ids = panel.selectedRunIds();
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids, (QList<qint64>{3, 4}));

    runs.erase(runs.begin() + 3);  // run 4 deleted
    panel.setRuns(runs);
    QCOMPARE(panel.selectedRunIds(), (QList<qint64>{3}));
    QCOMPARE(selection.count(), 1);
    QCOMPARE(selection.first().at(0).value<QList<qint64>>(), (QList<qint64>{3}));
  }

  void kpiAndCandidateMarks() {
    ExperimentsPanel panel;
    panel.setRuns(creditRuns());
    panel.setKpi({"roc_auc", true, 0.87});
    QAbstractItemModel* model = tableOf(panel)->model();
    QHash<QString, QString> marks;
    for (int row = 0; row < model->rowCount(); ++row)
      marks[model->index(row, RunTableModel::NameColumn).data().toString()] =
          model->index(row, RunTableModel::KpiColumn).data().toString();
    QCOMPARE(marks.value("forest 200 trees"), QStringLiteral("✓"));
    QCOMPARE(marks.value("forest balanced"), QStringLiteral("✓"));
    QCOMPARE(marks.value("logistic baseline"), QStringLiteral("✗"));
    QCOMPARE(marks.value("logistic c=0.1"), QString());
    const int best = panel.proxy()->mapFromSource(panel.model()->index(panel.model()->rowOf(2), 0)).row();
    QVERIFY(model->index(best, RunTableModel::KpiColumn).data(Qt::BackgroundRole).value<QBrush>().style() !=
            Qt::NoBrush);
    QCOMPARE(model->index(best, RunTableModel::CandidateColumn).data().toString(), QStringLiteral("★"));
    QVERIFY(model->index(best, RunTableModel::NameColumn).data(Qt::FontRole).value<QFont>().bold());
  }

  void tenThousandRunsStayFast() {
    std::vector<RunSummary> runs;
    runs.reserve(10000);
    const char* algorithms[] = {"logistic", "forest", "xgboost", "knn", "mlp"};
    for (int i = 0; i < 10000; ++i) {
      RunSummary s = run(i + 1, "run " + std::to_string(i), algorithms[i % 5], (i % 997) / 1000.0,
                         0.6 + (i % 300) / 1000.0);
      if (i % 50 == 1) s.metrics[0].value = kNaN;  // some forests were never scored
      s.metrics.push_back({"test", "f1", 0.4 + (i % 200) / 1000.0});
      s.tags = {"sweep", "batch " + std::to_string(i / 100)};
      runs.push_back(std::move(s));
    }
    ExperimentsPanel panel;
    panel.resize(1200, 600);
    panel.show();
    panel.setKpi({"roc_auc", true, 0.9});
    QElapsedTimer timer;
    timer.start();
    panel.setRuns(runs);
    const qint64 setMs = timer.restart();
    QTableView* table = tableOf(panel);
    table->sortByColumn(panel.model()->metricColumn("roc_auc"), Qt::DescendingOrder);
    const qint64 sortMs = timer.restart();
    panel.findChild<QLineEdit*>("runSearch")->setText("Forest");
    const qint64 filterMs = timer.restart();
    qInfo("10,000 runs: setRuns %lld ms, sort by roc_auc %lld ms, search %lld ms", setMs, sortMs, filterMs);
    QVERIFY(setMs < 2000);
    QVERIFY(sortMs < 2000);
    QVERIFY(filterMs < 2000);

    QAbstractItemModel* model = table->model();
    QCOMPARE(model->rowCount(), 2000);
    const int auc = panel.model()->metricColumn("roc_auc");
    QCOMPARE(model->index(0, auc).data().toString(), QStringLiteral("0.9960"));
    QCOMPARE(model->index(model->rowCount() - 1, auc).data().toString(), QStringLiteral("—"));
    QCOMPARE(model->index(0, RunTableModel::AlgorithmColumn).data().toString(), QStringLiteral("forest"));

    // Selecting every shown run and refreshing keeps them all.
    table->selectAll();
    timer.restart();
    panel.setRuns(runs);
    qInfo("10,000 runs: setRuns keeping 2,000 selected %lld ms", timer.elapsed());
    QCOMPARE(panel.selectedRunIds().size(), 2000);

    // The worst case for a selection: every other run, scattered over the rows by the sort.
    panel.findChild<QLineEdit*>("runSearch")->clear();
    QList<qint64> scattered;
    for (qint64 id = 1; id <= 10000; id += 2) scattered.push_back(id);
    panel.selectRuns(scattered);
    timer.restart();
    panel.setRuns(runs);
    const qint64 scatteredMs = timer.elapsed();
    qInfo("10,000 runs: setRuns keeping 5,000 scattered selected %lld ms", scatteredMs);
    QCOMPARE(panel.selectedRunIds().size(), 5000);
    QVERIFY(scatteredMs < 2000);
  }
};

QTEST_MAIN(tst_ExperimentsPanel)
#include "tst_ExperimentsPanel.moc"
