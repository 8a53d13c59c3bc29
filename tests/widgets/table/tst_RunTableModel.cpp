// The experiments table model on runs shaped like credit-g trainings: the columns, which split a
// metric column shows, formatting (4 decimals, "—" for NaN, local start time), the KPI marks, the
// raw values it sorts by, and 10,000 runs in well under the bound.
#include <QBrush>
#include <QElapsedTimer>
#include <QFont>
#include <QSignalSpy>
#include <QtTest>
#include <cmath>
#include <limits>

#include "widgets/table/RunTableModel.h"

using lathe::store::Kpi;
using lathe::store::RunMetric;
using lathe::store::RunStatus;
using lathe::store::RunSummary;
using lathe::widgets::RunTableModel;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

RunSummary run(qint64 id, const std::string& name, const std::string& algorithm, std::vector<RunMetric> metrics) {
  RunSummary s;
  s.id = id;
  s.name = name;
  s.algorithm = algorithm;
  s.task = "binary";
  s.startedAt = "2024-03-05T14:30:00.125Z";
  s.durationSeconds = 1.5;
  s.metrics = std::move(metrics);
  return s;
}

// Three credit-g runs: cross-validated logistic regression, a forest scored on a test split (and
// on train, which never shows), and a failed forest whose AUC could not be computed.
std::vector<RunSummary> creditRuns() {
  RunSummary logistic = run(11, "logistic baseline", "logistic",
                            {{"train", "roc_auc", 0.8305}, {"test", "roc_auc", 0.7790}, {"cv", "roc_auc", 0.79123},
                             {"cv", "accuracy", 0.753}, {"train", "log_loss", 0.47}});
  logistic.tags = {"baseline", "credit"};
  logistic.durationSeconds = 12.345;
  logistic.candidate = true;
  RunSummary forest = run(12, "forest 200 trees", "forest",
                          {{"train", "roc_auc", 1.0}, {"test", "roc_auc", 0.77344}, {"validation", "accuracy", 0.74}});
  forest.startedAt = "2024-03-06T01:05:09Z";
  RunSummary failed = run(13, "forest depth 2", "forest", {{"test", "roc_auc", kNaN}, {"test", "accuracy", 0.7}});
  failed.status = RunStatus::Failed;
  return {logistic, forest, failed};
}

QString cell(const RunTableModel& model, int row, int column, int role = Qt::DisplayRole) {
  return model.index(row, column).data(role).toString();
}

}  // namespace

class tst_RunTableModel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    qputenv("TZ", "Asia/Seoul");  // UTC+9, no daylight saving: start times shift by nine hours
  }

  void columnsAreFixedThenOnePerShownMetric() {
    RunTableModel model;
    QCOMPARE(model.columnCount(), int(RunTableModel::FirstMetricColumn));
    model.setRuns(creditRuns());
    QCOMPARE(model.rowCount(), 3);
    // log_loss exists only on the train split, so it gets no column; metric columns are in name order.
    QCOMPARE(model.metricNames(), (QStringList{"accuracy", "roc_auc"}));
    QCOMPARE(model.columnCount(), RunTableModel::FirstMetricColumn + 2);
    QStringList headers;
    for (int c = 0; c < model.columnCount(); ++c) headers << model.headerData(c, Qt::Horizontal).toString();
    QCOMPARE(headers, (QStringList{"★", "Name", "Algorithm", "Task", "Status", "Started", "Duration (s)", "Tags",
                                   "Meets KPI", "accuracy", "roc_auc"}));
    QCOMPARE(model.headerData(RunTableModel::CandidateColumn, Qt::Horizontal, RunTableModel::ColumnTitleRole).toString(),
             QStringLiteral("Candidate"));
    QCOMPARE(model.headerData(RunTableModel::FirstMetricColumn + 1, Qt::Horizontal, RunTableModel::ColumnKeyRole)
                 .toString(),
             QStringLiteral("metric:roc_auc"));
    QCOMPARE(model.metricColumn("roc_auc"), RunTableModel::FirstMetricColumn + 1);
    QCOMPARE(model.metricColumn("f1"), -1);
  }

  void cellsShowTheRun() {
    RunTableModel model;
    model.setRuns(creditRuns());
    QCOMPARE(cell(model, 0, RunTableModel::CandidateColumn), QStringLiteral("★"));
    QCOMPARE(cell(model, 1, RunTableModel::CandidateColumn), QString());
    QCOMPARE(cell(model, 0, RunTableModel::NameColumn), QStringLiteral("logistic baseline"));
    QVERIFY(model.index(0, RunTableModel::NameColumn).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model.index(1, RunTableModel::NameColumn).data(Qt::FontRole).isValid());
    QCOMPARE(cell(model, 1, RunTableModel::AlgorithmColumn), QStringLiteral("forest"));
    QCOMPARE(cell(model, 1, RunTableModel::TaskColumn), QStringLiteral("Binary"));
    QCOMPARE(cell(model, 0, RunTableModel::StatusColumn), QStringLiteral("Finished"));
    QCOMPARE(cell(model, 2, RunTableModel::StatusColumn), QStringLiteral("Failed"));
    QCOMPARE(cell(model, 0, RunTableModel::StartedColumn), QStringLiteral("2024-03-05 23:30"));
    QCOMPARE(cell(model, 1, RunTableModel::StartedColumn), QStringLiteral("2024-03-06 10:05"));
    QCOMPARE(cell(model, 0, RunTableModel::DurationColumn), QStringLiteral("12.35"));
    QCOMPARE(cell(model, 0, RunTableModel::TagsColumn), QStringLiteral("baseline, credit"));
    // The cv score wins over test and train; then test; then validation.
    const int accuracy = RunTableModel::FirstMetricColumn;
    const int auc = RunTableModel::FirstMetricColumn + 1;
    QCOMPARE(cell(model, 0, auc), QStringLiteral("0.7912"));
    QCOMPARE(cell(model, 0, accuracy), QStringLiteral("0.7530"));
    QCOMPARE(cell(model, 1, auc), QStringLiteral("0.7734"));
    QCOMPARE(cell(model, 1, accuracy), QStringLiteral("0.7400"));
    QCOMPARE(cell(model, 2, auc), QStringLiteral("—"));
    QCOMPARE(model.index(0, RunTableModel::NameColumn).data(RunTableModel::RunIdRole).toLongLong(), 11);
    QCOMPARE(model.runAt(1).name, std::string("forest 200 trees"));
    QCOMPARE(model.rowOf(13), 2);
    QCOMPARE(model.rowOf(99), -1);
  }

  void sortValuesAreRaw() {
    RunTableModel model;
    model.setRuns(creditRuns());
    const int auc = RunTableModel::FirstMetricColumn + 1;
    const QVariant value = model.index(0, auc).data(RunTableModel::SortRole);
    QCOMPARE(value.typeId(), int(QMetaType::Double));
    QCOMPARE(value.toDouble(), 0.79123);
    QVERIFY(std::isnan(model.index(2, auc).data(RunTableModel::SortRole).toDouble()));
    QCOMPARE(model.index(0, RunTableModel::DurationColumn).data(RunTableModel::SortRole).toDouble(), 12.345);
    QCOMPARE(model.index(1, RunTableModel::StartedColumn).data(RunTableModel::SortRole).toString(),
             QStringLiteral("2024-03-06T01:05:09Z"));
    QCOMPARE(model.index(0, RunTableModel::CandidateColumn).data(RunTableModel::SortRole).toDouble(), 1.0);
    QVERIFY(model.index(0, RunTableModel::NameColumn).data(RunTableModel::SearchRole).toString().contains("credit"));
  }

  void kpiMarksEveryRun() {
    RunTableModel model;
    model.setRuns(creditRuns());
    // No KPI target: the column stays empty.
    for (int row = 0; row < 3; ++row) QCOMPARE(cell(model, row, RunTableModel::KpiColumn), QString());
    model.setKpi({"roc_auc", true, std::nullopt});
    QCOMPARE(cell(model, 0, RunTableModel::KpiColumn), QString());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setKpi({"roc_auc", true, 0.78});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(RunTableModel::KpiColumn));
    QCOMPARE(cell(model, 0, RunTableModel::KpiColumn), QStringLiteral("✓"));  // 0.7912 >= 0.78
    QCOMPARE(cell(model, 1, RunTableModel::KpiColumn), QStringLiteral("✗"));  // 0.7734
    QCOMPARE(cell(model, 2, RunTableModel::KpiColumn), QString());            // NaN: cannot be judged
    QVERIFY(model.meetsKpi(0));
    QVERIFY(!model.meetsKpi(1));
    QVERIFY(model.index(0, RunTableModel::KpiColumn).data(Qt::BackgroundRole).value<QBrush>().color().green() > 100);
    QVERIFY(!model.index(1, RunTableModel::KpiColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(cell(model, 0, RunTableModel::KpiColumn, Qt::ToolTipRole).contains("0.7912"));

    // Exactly on the target meets it; lower-is-better turns the comparison around.
    model.setKpi({"accuracy", true, 0.74});
    QCOMPARE(cell(model, 1, RunTableModel::KpiColumn), QStringLiteral("✓"));
    QCOMPARE(cell(model, 2, RunTableModel::KpiColumn), QStringLiteral("✗"));
    model.setKpi({"accuracy", false, 0.74});
    QCOMPARE(cell(model, 0, RunTableModel::KpiColumn), QStringLiteral("✗"));
    QCOMPARE(cell(model, 1, RunTableModel::KpiColumn), QStringLiteral("✓"));
    QCOMPARE(cell(model, 2, RunTableModel::KpiColumn), QStringLiteral("✓"));

    // The KPI survives new runs; a metric no run has judges nothing.
    auto runs = creditRuns();
    runs[0].metrics = {{"cv", "accuracy", 0.9}};
    model.setRuns(runs);
    QCOMPARE(cell(model, 0, RunTableModel::KpiColumn), QStringLiteral("✗"));
    model.setKpi({"f1", true, 0.5});
    QCOMPARE(cell(model, 0, RunTableModel::KpiColumn), QString());
  }

  void tenThousandRuns() {
    std::vector<RunSummary> runs;
    runs.reserve(10000);
    const char* algorithms[] = {"logistic", "forest", "xgboost", "knn"};
    for (int i = 0; i < 10000; ++i) {
      RunSummary s = run(i + 1, "run " + std::to_string(i), algorithms[i % 4],
                         {{"cv", "roc_auc", 0.5 + (i % 500) / 1000.0},
                          {"cv", "accuracy", 0.6 + (i % 300) / 1000.0},
                          {"test", "f1", 0.4 + (i % 200) / 1000.0},
                          {"train", "roc_auc", 0.99}});
      s.tags = {"sweep", "batch " + std::to_string(i / 100)};
      runs.push_back(std::move(s));
    }
    RunTableModel model;
    model.setKpi({"roc_auc", true, 0.9});
    QElapsedTimer timer;
    timer.start();
    model.setRuns(std::move(runs));
    const qint64 ms = timer.elapsed();
    qInfo("setRuns of 10,000 runs: %lld ms", ms);
    QVERIFY(ms < 2000);
    QCOMPARE(model.rowCount(), 10000);
    QCOMPARE(model.rowOf(9000), 8999);
    QCOMPARE(cell(model, 8999, model.metricColumn("roc_auc")), QStringLiteral("0.9990"));  // 8999 % 500 = 499
    QCOMPARE(cell(model, 8999, RunTableModel::KpiColumn), QStringLiteral("✓"));
    QCOMPARE(cell(model, 1, RunTableModel::KpiColumn), QStringLiteral("✗"));
  }
};

QTEST_MAIN(tst_RunTableModel)
#include "tst_RunTableModel.moc"
