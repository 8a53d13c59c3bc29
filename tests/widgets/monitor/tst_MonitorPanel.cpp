// The Monitor view on hand-made runs: the drift table of the shown run and its sparklines, the
// alert banner, the run selector, the empty states, the intents it emits, what each chart draws,
// and the rules of the constraints, schedule and retrain dialogs.
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>
#include <cmath>

#include "widgets/monitor/BiasAttributionView.h"
#include "widgets/monitor/ConstraintsDialog.h"
#include "widgets/monitor/DistributionOverlayChart.h"
#include "widgets/monitor/FeatureDriftTableModel.h"
#include "widgets/monitor/GroupRatesChart.h"
#include "widgets/monitor/MonitorAlertBanner.h"
#include "widgets/monitor/MonitorFormat.h"
#include "widgets/monitor/MonitorPanel.h"
#include "widgets/monitor/MonitorRunView.h"
#include "widgets/monitor/QualityTimelineChart.h"
#include "widgets/monitor/RetrainDialog.h"
#include "widgets/monitor/ScheduleDialog.h"
#include "widgets/monitor/ViolationTimelineChart.h"

using namespace lathe;
using lathe::widgets::FeatureDriftTableModel;
using lathe::widgets::MonitorPanel;

namespace {

constexpr std::int64_t kScheduleId = 7;
constexpr std::int64_t kOtherScheduleId = 8;
constexpr std::int64_t kBaselineId = 3;

monitor::FeatureDrift numeric(const std::string& name, double psi, bool drift, std::vector<double> current) {
  monitor::FeatureDrift f;
  f.name = name;
  f.test = "ks";
  f.statistic = psi / 3.0;
  f.pValue = drift ? 0.0001 : 0.4;
  f.psi = psi;
  f.drift = drift;
  f.rows = 1000;
  f.missing = 12;
  f.binLabels = {"(-inf, 30]", "(30, 45]", "(45, 60]", "(60, inf)"};
  f.baselineShares = {0.25, 0.25, 0.25, 0.25};
  f.currentShares = std::move(current);
  return f;
}

monitor::FeatureDrift categorical(double psi) {
  monitor::FeatureDrift f;
  f.name = "city";
  f.test = "chi_square";
  f.statistic = 3.2;
  f.pValue = 0.2;
  f.psi = psi;
  f.rows = 1000;
  f.binLabels = {"Seoul", "Busan", "(other)"};
  f.baselineShares = {0.6, 0.4, 0.0};
  f.currentShares = {0.55, 0.4, 0.05};
  return f;
}

monitor::Violation violation(const std::string& feature, monitor::Violation::Kind kind, std::uint64_t count) {
  monitor::Violation v;
  v.feature = feature;
  v.kind = kind;
  v.count = count;
  v.example = "512";
  return v;
}

monitor::MonitorRunRecord run(std::int64_t id, const std::string& at, double agePsi, double roc) {
  monitor::MonitorRunRecord r;
  r.id = id;
  r.scheduleId = kScheduleId;
  r.at = at;
  r.source = "flights.csv";
  r.data.rows = 1000;
  r.data.features = {numeric("age", agePsi, agePsi >= 0.2, {0.25, 0.25, 0.25, 0.25}), categorical(0.02),
                     numeric("income", 0.05, false, {0.2, 0.3, 0.25, 0.25})};
  monitor::ModelQuality q;
  q.labelledRows = 400;
  q.metrics = {{"accuracy", 0.8}, {"roc_auc", roc}};
  q.kpiMetric = "roc_auc";
  q.kpiValue = roc;
  q.kpiTarget = 0.8;
  q.baselineKpi = 0.86;
  r.quality = q;
  return r;
}

// Three runs a day apart; age drifts in the last, which also misses the KPI target and alerts.
std::vector<monitor::MonitorRunRecord> history() {
  auto first = run(1, "2026-11-01T08:00:00.000Z", 0.01, 0.85);
  auto second = run(2, "2026-11-02T08:00:00.000Z", 0.04, 0.82);
  second.data.violations = {violation("income", monitor::Violation::Kind::OutOfRange, 12)};
  auto third = run(3, "2026-11-03T08:00:00.000Z", 0.31, 0.74);
  third.data.features[0].currentShares = {0.1, 0.2, 0.3, 0.4};
  third.data.violations = {violation("age", monitor::Violation::Kind::Drift, 0),
                           violation("city", monitor::Violation::Kind::UnseenCategory, 50)};
  third.prediction = numeric("churn", 0.12, false, {0.3, 0.2, 0.3, 0.2});
  third.alerts = {{monitor::MonitorAlert::Kind::FeatureDrift, "age", 0.31, 0.2},
                  {monitor::MonitorAlert::Kind::Quality, "roc_auc", 0.74, 0.8}};
  monitor::BiasReport bias;
  bias.attribute = "sex";
  bias.groups = {{"F", 480, 0.31, 0.7}, {"M", 520, 0.18, 0.52}};
  bias.parityGap = 0.13;
  bias.opportunityGap = 0.18;
  bias.baselineParityGap = 0.04;
  bias.alert = true;
  third.bias = bias;
  monitor::AttributionDrift attribution;
  attribution.features = {{"age", 0.3, 0.1}, {"income", 0.2, 0.25}, {"city", 0.05, 0.04}};
  attribution.ndcg = 0.84;
  attribution.drift = true;
  third.attribution = attribution;
  return {first, second, third};
}

monitor::MonitorSchedule schedule(std::int64_t id, const std::string& name) {
  monitor::MonitorSchedule s;
  s.id = id;
  s.name = name;
  s.baselineId = kBaselineId;
  s.sourceRef = "/data/flights.csv";
  s.model = "churn:production";
  return s;
}

monitor::BaselineInfo baselineInfo() {
  monitor::BaselineInfo b;
  b.id = kBaselineId;
  b.name = "flights v1";
  b.source = "dataset flights v1";
  b.rows = 5000;
  b.features = 3;
  return b;
}

void feed(MonitorPanel& panel) {
  panel.setBaselines({baselineInfo()});
  panel.setSchedules({schedule(kScheduleId, "daily"), schedule(kOtherScheduleId, "hourly")});
  panel.setHistory(kScheduleId, history());
}

int rowOf(const FeatureDriftTableModel& model, const QString& feature) { return model.rowOf(feature); }

monitor::Baseline baseline() {
  monitor::Baseline b;
  b.source = "dataset flights v1";
  b.rows = 5000;
  monitor::FeatureBaseline age;
  age.name = "age";
  age.type = "int64";
  age.kind = monitor::FeatureKind::Numeric;
  age.rows = 5000;
  age.missing = 50;
  age.min = 18;
  age.max = 95;
  monitor::FeatureBaseline city;
  city.name = "city";
  city.type = "categorical";
  city.kind = monitor::FeatureKind::Categorical;
  city.rows = 5000;
  city.categories = {"Seoul", "Busan", "Incheon", "Daegu"};
  b.features = {age, city};
  monitor::FeatureConstraint ageRule;
  ageRule.name = "age";
  ageRule.type = "int64";
  ageRule.maxMissingShare = 0.02;
  ageRule.min = 18;
  ageRule.max = 95;
  monitor::FeatureConstraint cityRule;
  cityRule.name = "city";
  cityRule.type = "categorical";
  cityRule.allowedCategories = std::vector<std::string>{"Seoul", "Busan, South"};  // a comma inside a level
  b.constraints = {ageRule, cityRule};
  return b;
}

bool near(const QVector<double>& actual, const QVector<double>& expected) {
  if (actual.size() != expected.size()) return false;
  for (qsizetype i = 0; i < actual.size(); ++i)
    if (std::abs(actual[i] - expected[i]) > 1e-9) return false;
  return true;
}

void setCell(QTableWidget* table, int row, int column, const QString& text) { table->item(row, column)->setText(text); }

}  // namespace

class tst_MonitorPanel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

  void tableShowsTheNewestRun() {
    MonitorPanel panel;
    feed(panel);
    QCOMPARE(panel.state(), MonitorPanel::State::Runs);
    const auto* view = panel.runView();
    const FeatureDriftTableModel& model = *view->driftModel();
    QCOMPARE(view->shownRun(), 2);
    QCOMPARE(model.rowCount(), 4);  // three features and the prediction
    QVERIFY(model.isPredictionRow(3));
    QCOMPARE(model.index(3, FeatureDriftTableModel::FeatureColumn).data().toString(), QStringLiteral("Prediction"));
    const int age = rowOf(model, QStringLiteral("age"));
    const int city = rowOf(model, QStringLiteral("city"));
    QCOMPARE(model.index(age, FeatureDriftTableModel::DriftColumn).data().toString(), QStringLiteral("yes"));
    QVERIFY(model.index(age, FeatureDriftTableModel::DriftColumn).data(FeatureDriftTableModel::DriftRole).toBool());
    QCOMPARE(model.index(city, FeatureDriftTableModel::DriftColumn).data().toString(), QStringLiteral("no"));
    QCOMPARE(model.index(age, FeatureDriftTableModel::PsiColumn).data().toString(), QStringLiteral("0.310"));
    QCOMPARE(model.index(age, FeatureDriftTableModel::TestColumn).data().toString(), QStringLiteral("KS"));
    QCOMPARE(model.index(city, FeatureDriftTableModel::TestColumn).data().toString(), QStringLiteral("Chi-square"));
    QCOMPARE(model.index(age, FeatureDriftTableModel::PValueColumn).data().toString(), QStringLiteral("< 0.001"));
    QCOMPARE(model.index(age, FeatureDriftTableModel::MissingColumn).data().toString(), QStringLiteral("1.2%"));
    // The sparkline's data: age's PSI over the three runs, and the threshold its alert names.
    const auto psi = model.index(age, FeatureDriftTableModel::HistoryColumn).data(FeatureDriftTableModel::PsiHistoryRole).value<QList<double>>();
    QCOMPARE(psi, (QList<double>{0.01, 0.04, 0.31}));
    QCOMPARE(model.index(age, FeatureDriftTableModel::HistoryColumn).data(FeatureDriftTableModel::ThresholdRole).toDouble(), 0.2);
    QVERIFY(!model.index(city, FeatureDriftTableModel::HistoryColumn).data(FeatureDriftTableModel::ThresholdRole).isValid());
    // Constraints, once given, set the thresholds.
    monitor::FeatureConstraint cityRule;
    cityRule.name = "city";
    cityRule.psiThreshold = 0.25;
    panel.setConstraints({cityRule});
    QCOMPARE(model.index(city, FeatureDriftTableModel::HistoryColumn).data(FeatureDriftTableModel::ThresholdRole).toDouble(), 0.25);
    // The table sorts by PSI, largest first: the drifting feature on top.
    QCOMPARE(view->driftTable()->model()->index(0, 0).data().toString(), QStringLiteral("age"));
    QVERIFY(view->summaryLabel()->text().contains(QStringLiteral("drifted: 1 of 3 features")));
  }

  void bannerNamesTheDriftingFeature() {
    MonitorPanel panel;
    feed(panel);
    const auto* banner = panel.runView()->alertBanner();
    QVERIFY(banner->isVisibleTo(&panel));
    QCOMPARE(banner->lines().size(), 2);
    QCOMPARE(banner->lines().front(), QStringLiteral("Feature age drifted (PSI 0.31, threshold 0.2)"));
    QVERIFY(banner->lines().back().contains(QStringLiteral("roc_auc")));
    QSignalSpy retrain(&panel, &MonitorPanel::retrainRequested);
    banner->retrainButton()->click();
    QCOMPARE(retrain.size(), 1);
    QCOMPARE(retrain.front().front().value<std::int64_t>(), kScheduleId);
  }

  void runSelectorSwitchesTheTable() {
    MonitorPanel panel;
    feed(panel);
    auto* view = panel.runView();
    QComboBox* runs = view->runSelector();
    QCOMPARE(runs->count(), 3);
    QCOMPARE(runs->currentIndex(), 0);  // newest first, and chosen
    QCOMPARE(runs->itemText(0), lathe::widgets::MonitorFormat::timeText("2026-11-03T08:00:00.000Z") + QStringLiteral(" · flights.csv"));
    runs->setCurrentIndex(2);  // the oldest
    QCOMPARE(view->shownRun(), 0);
    const FeatureDriftTableModel& model = *view->driftModel();
    QCOMPARE(model.rowCount(), 3);  // no prediction in that run
    QCOMPARE(model.index(rowOf(model, QStringLiteral("age")), FeatureDriftTableModel::DriftColumn).data().toString(), QStringLiteral("no"));
    QVERIFY(!view->alertBanner()->isVisibleTo(&panel));
    QVERIFY(near(view->distributionChart()->currentValues(), {25, 25, 25, 25}));
    view->showRun(1);
    QCOMPARE(runs->currentIndex(), 1);
    QVERIFY(view->summaryLabel()->text().contains(QStringLiteral("violations: 1")));
  }

  void selectingARowDrawsItsDistribution() {
    MonitorPanel panel;
    feed(panel);
    auto* view = panel.runView();
    auto* chart = view->distributionChart();
    QCOMPARE(view->shownFeature(), QStringLiteral("age"));  // the drifting one first
    QCOMPARE(chart->binCount(), 4);
    QVERIFY(near(chart->baselineValues(), {25, 25, 25, 25}));
    QVERIFY(near(chart->currentValues(), {10, 20, 30, 40}));
    QCOMPARE(chart->graphCount(), 0);
    QCOMPARE(chart->plottableCount(), 2);
    QVERIFY(chart->title().startsWith(QStringLiteral("age")));
    QTableView* table = view->driftTable();
    for (int row = 0; row < table->model()->rowCount(); ++row)
      if (table->model()->index(row, 0).data().toString() == QStringLiteral("city")) table->setCurrentIndex(table->model()->index(row, 0));
    QCOMPARE(view->shownFeature(), QStringLiteral("city"));
    QCOMPARE(chart->binCount(), 3);
    QCOMPARE(chart->binLabel(2), QStringLiteral("(other)"));
    QVERIFY(chart->title().startsWith(QStringLiteral("city")));
    // The same feature stays drawn in another run.
    view->showRun(1);
    QCOMPARE(view->shownFeature(), QStringLiteral("city"));
  }

  void emptyStatesSayWhatToDo() {
    MonitorPanel panel;
    QCOMPARE(panel.state(), MonitorPanel::State::NoBaseline);
    QVERIFY(panel.emptyStateText().startsWith(QStringLiteral("No baseline yet. Create one from the training dataset: New Baseline…")));
    panel.setBaselines({baselineInfo()});
    QCOMPARE(panel.state(), MonitorPanel::State::NoSchedule);
    QVERIFY(panel.emptyStateText().endsWith(QStringLiteral("New Schedule…")));
    panel.setSchedules({schedule(kScheduleId, "daily")});
    QCOMPARE(panel.state(), MonitorPanel::State::NoRuns);
    QCOMPARE(panel.emptyStateText(), QStringLiteral("No runs yet. Run Now compares the batch with the baseline."));
    panel.setHistory(kScheduleId, history());
    QCOMPARE(panel.state(), MonitorPanel::State::Runs);
    QVERIFY(panel.emptyStateText().isEmpty());
    // The charts' own empty states for a run without what they draw.
    panel.setHistory(kScheduleId, {run(1, "2026-11-01T08:00:00.000Z", 0.01, 0.85)});
    QVERIFY(panel.runView()->violationChart()->emptyStateText().contains(QStringLiteral("Edit Constraints…")));
    QVERIFY(panel.runView()->biasView()->chart()->emptyStateText().contains(QStringLiteral("Edit Schedule…")));
  }

  void signalsCarryTheIds() {
    MonitorPanel panel;
    panel.resize(1200, 800);
    panel.show();  // the tool bar shows its widgets once laid out
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy selected(&panel, &MonitorPanel::scheduleSelected);
    feed(panel);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.back().front().value<std::int64_t>(), kScheduleId);
    const auto button = [&](const char* name) {
      auto* b = panel.findChild<QToolButton*>(QLatin1String(name));
      if (!b) qFatal("no button %s", name);
      return b;
    };
    QSignalSpy runNow(&panel, &MonitorPanel::runNowRequested);
    QSignalSpy edit(&panel, &MonitorPanel::editScheduleRequested);
    QSignalSpy constraints(&panel, &MonitorPanel::editConstraintsRequested);
    QSignalSpy newSchedule(&panel, &MonitorPanel::newScheduleRequested);
    QSignalSpy newBaseline(&panel, &MonitorPanel::newBaselineRequested);
    QSignalSpy compare(&panel, &MonitorPanel::compareFileRequested);
    QSignalSpy retrain(&panel, &MonitorPanel::retrainRequested);
    button("runNowButton")->click();
    button("editScheduleButton")->click();
    button("editConstraintsButton")->click();
    button("newScheduleButton")->click();
    button("newBaselineButton")->click();
    button("compareFileButton")->click();
    button("retrainButton")->click();
    QCOMPARE(runNow.size(), 1);
    QCOMPARE(runNow.front().front().value<std::int64_t>(), kScheduleId);
    QCOMPARE(edit.front().front().value<std::int64_t>(), kScheduleId);
    QCOMPARE(constraints.front().front().value<std::int64_t>(), kBaselineId);
    QCOMPARE(newSchedule.size(), 1);
    QCOMPARE(newBaseline.size(), 1);
    QCOMPARE(compare.size(), 1);
    QCOMPARE(retrain.front().front().value<std::int64_t>(), kScheduleId);

    panel.scheduleSelector()->setCurrentIndex(1);
    QCOMPARE(selected.size(), 2);
    QCOMPARE(selected.back().front().value<std::int64_t>(), kOtherScheduleId);
    QCOMPARE(panel.state(), MonitorPanel::State::NoRuns);  // its history is not loaded yet
    button("runNowButton")->click();
    QCOMPARE(runNow.back().front().value<std::int64_t>(), kOtherScheduleId);
    // A new list keeps the selection: no signal.
    panel.setSchedules({schedule(kScheduleId, "daily"), schedule(kOtherScheduleId, "hourly")});
    QCOMPARE(selected.size(), 2);
    QCOMPARE(panel.currentScheduleId(), kOtherScheduleId);

    panel.setBusy(true);
    QVERIFY(!button("runNowButton")->isEnabled());
    QTRY_VERIFY(panel.runningLabel()->isVisibleTo(&panel));  // the tool bar lays out on its next turn
    button("runNowButton")->click();
    QCOMPARE(runNow.size(), 2);
    panel.setBusy(false);
    QVERIFY(button("runNowButton")->isEnabled());
    QTRY_VERIFY(!panel.runningLabel()->isVisibleTo(&panel));

    // No model on the schedule: nothing to retrain.
    auto bare = schedule(kScheduleId, "daily");
    bare.model.clear();
    panel.setSchedules({bare});
    QVERIFY(!button("retrainButton")->isEnabled());
  }

  void chartsDrawTheRuns() {
    MonitorPanel panel;
    panel.setKpiName(QStringLiteral("accuracy"));  // the runs' own KPI wins over the project's
    feed(panel);
    auto* view = panel.runView();
    auto* violations = view->violationChart();
    QCOMPARE(violations->markerCount(), 3);
    QCOMPARE(violations->graphCount(), 3);  // out of range, unseen category, drift
    QCOMPARE(violations->features(), (QStringList{QStringLiteral("income"), QStringLiteral("age"), QStringLiteral("city")}));
    QCOMPARE(violations->legend->itemCount(), 3);

    auto* quality = view->qualityChart();
    QCOMPARE(quality->metric(), QStringLiteral("roc_auc"));
    QCOMPARE(quality->pointCount(), 3);
    QCOMPARE(quality->missCount(), 1);
    QCOMPARE(quality->graphCount(), 2);
    QCOMPARE(quality->graph(0)->dataCount(), 3);
    QCOMPARE(quality->graph(1)->dataCount(), 1);
    QCOMPARE(quality->target(), std::optional<double>(0.8));
    QCOMPARE(quality->baselineValue(), std::optional<double>(0.86));
    QVERIFY(quality->itemCount() >= 4);  // target and baseline: a line and a label each

    auto* bias = view->biasView();
    QCOMPARE(bias->chart()->positiveRateBars(), 2);
    QCOMPARE(bias->chart()->recallBars(), 2);
    QCOMPARE(bias->chart()->groups(), (QStringList{QStringLiteral("F"), QStringLiteral("M")}));
    QVERIFY(bias->gapText().contains(QStringLiteral("0.13")));
    QVERIFY(bias->gapText().contains(QStringLiteral("baseline 0.04")));
    QCOMPARE(bias->importanceTable()->rowCount(), 3);
    QCOMPARE(bias->importanceTable()->item(0, 3)->text(), QStringLiteral("1 → 2"));
    QVERIFY(bias->attributionText().contains(QStringLiteral("NDCG 0.84")));
  }

  void constraintsDialogValidatesAndReturnsEdits() {
    lathe::widgets::ConstraintsDialog dialog(baseline());
    using D = lathe::widgets::ConstraintsDialog;
    QTableWidget* table = dialog.table();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, D::MaxMissingColumn)->text(), QStringLiteral("2"));
    QVERIFY(table->item(0, D::ObservedColumn)->text().contains(QStringLiteral("18 – 95")));
    QVERIFY(table->item(1, D::ObservedColumn)->text().contains(QStringLiteral("Seoul, Busan, Incheon, …")));
    QVERIFY(!(table->item(0, D::FeatureColumn)->flags() & Qt::ItemIsEditable));
    QVERIFY(dialog.validate().isEmpty());

    setCell(table, 0, D::MinColumn, QStringLiteral("90"));
    setCell(table, 0, D::MaxColumn, QStringLiteral("10"));
    QVERIFY(dialog.validate().contains(QStringLiteral("age")));
    QVERIFY(dialog.validate().contains(QStringLiteral("minimum")));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.errorText().isEmpty());
    QCOMPARE(table->currentRow(), 0);

    setCell(table, 0, D::MaxColumn, QStringLiteral("abc"));
    QVERIFY(dialog.validate().contains(QStringLiteral("“abc” is not a number")));
    setCell(table, 0, D::MaxColumn, QStringLiteral("100"));
    setCell(table, 1, D::AlphaColumn, QStringLiteral("1.5"));
    QVERIFY(dialog.validate().startsWith(QStringLiteral("city: alpha")));
    setCell(table, 1, D::AlphaColumn, QStringLiteral("0.05"));
    setCell(table, 1, D::PsiColumn, QStringLiteral("0"));
    QVERIFY(dialog.validate().contains(QStringLiteral("PSI threshold")));
    setCell(table, 1, D::PsiColumn, QStringLiteral("0,3"));  // a comma decimal reads too
    setCell(table, 0, D::MaxMissingColumn, QString());       // off
    table->item(0, D::DistributionColumn)->setCheckState(Qt::Unchecked);
    QVERIFY(dialog.validate().isEmpty());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const auto edited = dialog.constraints();
    QCOMPARE(edited.size(), std::size_t(2));
    QCOMPARE(edited[0].min, std::optional<double>(90));
    QCOMPARE(edited[0].max, std::optional<double>(100));
    QVERIFY(!edited[0].maxMissingShare);
    QVERIFY(!edited[0].checkDistribution);
    QCOMPARE(edited[0].type, std::string("int64"));
    QCOMPARE(edited[1].psiThreshold, 0.3);
    QCOMPARE(edited[1].alpha, 0.05);
    // The untouched list keeps the level with a comma in it.
    QCOMPARE(*edited[1].allowedCategories, (std::vector<std::string>{"Seoul", "Busan, South"}));
    setCell(table, 1, D::CategoriesColumn, QStringLiteral("Seoul, Daegu ,"));
    QCOMPARE(*dialog.constraints()[1].allowedCategories, (std::vector<std::string>{"Seoul", "Daegu"}));
    setCell(table, 1, D::CategoriesColumn, QString());
    QVERIFY(!dialog.constraints()[1].allowedCategories);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.grab().save(QStringLiteral("/tmp/monitor-constraints.png")));
  }

  void scheduleDialogValidates() {
    lathe::widgets::ScheduleDialog dialog;
    dialog.setBaselines({baselineInfo()});
    dialog.setDatasets({QStringLiteral("flights-feb")});
    dialog.setModels({QStringLiteral("churn"), QStringLiteral("churn:production")});
    dialog.setFeatureNames({QStringLiteral("id"), QStringLiteral("sex")});
    QVERIFY(dialog.validate().contains(QStringLiteral("name")));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.errorText().isEmpty());

    auto s = schedule(0, "daily");
    s.sourceRef.clear();
    s.intervalMinutes = 3 * 60;
    dialog.setSchedule(s);
    QVERIFY(dialog.validate().contains(QStringLiteral("file")));
    s.sourceRef = "/data/feb.csv";
    s.labelsPath = "/data/labels.csv";
    dialog.setSchedule(s);
    QVERIFY(dialog.validate().contains(QStringLiteral("key column")));
    s.keyColumn = "id";
    s.sensitiveAttribute = "sex";
    dialog.setSchedule(s);
    QVERIFY2(dialog.validate().isEmpty(), qPrintable(dialog.validate()));
    const auto out = dialog.schedule();
    QCOMPARE(out.intervalMinutes, 180);
    QCOMPARE(out.baselineId, kBaselineId);
    QCOMPARE(out.sourceRef, std::string("/data/feb.csv"));
    QCOMPARE(out.keyColumn, std::string("id"));
    QCOMPARE(out.sensitiveAttribute, std::string("sex"));
    QCOMPARE(out.model, std::string("churn:production"));

    s.source = monitor::BatchSource::RequestLog;
    s.sourceRef = "churn-api";
    s.windowHours = 6;
    s.intervalMinutes = 0;
    dialog.setSchedule(s);
    QVERIFY(dialog.validate().contains(QStringLiteral("interval")));
    s.intervalMinutes = 2 * 24 * 60;
    dialog.setSchedule(s);
    QVERIFY(dialog.validate().isEmpty());
    QCOMPARE(dialog.schedule().intervalMinutes, 2 * 24 * 60);
    QCOMPARE(dialog.schedule().source, monitor::BatchSource::RequestLog);
    QCOMPARE(dialog.schedule().windowHours, 6.0);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.grab().save(QStringLiteral("/tmp/monitor-schedule.png")));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
  }

  void retrainDialogAsksThenCompares() {
    lathe::widgets::RetrainDialog dialog;
    dialog.setLiveModel(QStringLiteral("churn:3"));
    dialog.setDatasets({QStringLiteral("flights-feb")});
    QSignalSpy retrain(&dialog, &lathe::widgets::RetrainDialog::retrainRequested);
    QSignalSpy cancel(&dialog, &lathe::widgets::RetrainDialog::cancelRequested);
    QSignalSpy promote(&dialog, &lathe::widgets::RetrainDialog::promoteRequested);
    dialog.retrainButton()->click();
    QCOMPARE(retrain.size(), 0);  // no file yet
    QVERIFY(!dialog.validate().isEmpty());
    dialog.findChild<QLineEdit*>(QStringLiteral("retrainFile"))->setText(QStringLiteral("/data/feb.csv"));
    dialog.retrainButton()->click();
    QCOMPARE(retrain.size(), 1);
    QCOMPARE(dialog.source(), monitor::BatchSource::File);
    QCOMPARE(dialog.sourceRef(), QStringLiteral("/data/feb.csv"));
    QCOMPARE(dialog.mode(), QStringLiteral("append"));

    dialog.setBusy(true, QStringLiteral("Training…"));
    QVERIFY(!dialog.retrainButton()->isEnabled());
    auto* cancelButton = dialog.findChild<QPushButton*>(QStringLiteral("cancelButton"));
    QVERIFY(cancelButton->isVisibleTo(&dialog));
    cancelButton->click();
    QCOMPARE(cancel.size(), 1);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.grab().save(QStringLiteral("/tmp/monitor-retrain-busy.png")));

    monitor::RetrainComparison c;
    c.liveVersion = "churn:3";
    c.candidateVersion = "churn:4";
    c.mode = "append";
    c.data = "flights-feb.csv";
    c.trainingRows = 12000;
    c.holdoutRows = 2000;
    c.live = {{"roc_auc", 0.79}, {"log_loss", 0.45}, {"accuracy", 0.81}};
    c.candidate = {{"roc_auc", 0.812}, {"log_loss", 0.48}, {"accuracy", 0.81}};
    c.kpiMetric = "roc_auc";
    c.candidateIsBetter = true;
    dialog.setComparison(c);
    QVERIFY(dialog.showsComparison());
    QVERIFY(!dialog.isBusy());
    QCOMPARE(dialog.verdictText(), QStringLiteral("The retrained model is better on roc_auc: 0.812 against 0.790."));
    QTableWidget* table = dialog.comparisonTable();
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("roc_auc (KPI)"));
    QCOMPARE(table->item(0, 3)->data(Qt::UserRole).toString(), QStringLiteral("candidate"));
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("accuracy"));
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("same"));
    QCOMPARE(table->item(2, 3)->data(Qt::UserRole).toString(), QStringLiteral("live"));  // log_loss: lower wins
    QCOMPARE(table->item(3, 0)->text(), QStringLiteral("Holdout rows"));
    QCOMPARE(table->item(3, 1)->text(), QStringLiteral("2,000"));
    QVERIFY(dialog.promoteButton()->isDefault());
    QTest::qWait(50);  // the new step's layout
    QVERIFY(dialog.grab().save(QStringLiteral("/tmp/monitor-retrain.png")));
    auto* about = dialog.findChild<QLabel*>(QStringLiteral("retrainAbout"));
    QVERIFY(about->text().contains(QStringLiteral("the same 2,000 holdout rows")));
    QTRY_VERIFY(about->height() >= about->heightForWidth(about->width()));  // wrapped, not cut
    dialog.promoteButton()->click();
    QCOMPARE(promote.size(), 1);

    c.candidateIsBetter = false;
    c.candidate["roc_auc"] = 0.77;
    dialog.setComparison(c);
    QCOMPARE(dialog.verdictText(), QStringLiteral("The live model is still better on roc_auc: 0.790 against 0.770."));
    QVERIFY(dialog.keepButton()->isDefault());
  }

  void languageChangeKeepsTheShownRun() {
    MonitorPanel panel;
    feed(panel);
    panel.runView()->showRun(1);
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&panel, &change);
    for (QWidget* child : panel.findChildren<QWidget*>()) QCoreApplication::sendEvent(child, &change);
    QCOMPARE(panel.runView()->shownRun(), 1);
    QCOMPARE(panel.runView()->runSelector()->count(), 3);
    QCOMPARE(panel.runView()->driftModel()->rowCount(), 3);
    QCOMPARE(panel.currentScheduleId(), kScheduleId);
    QCOMPARE(panel.runView()->violationChart()->markerCount(), 3);
  }

  void rendersAt1200By800() {
    MonitorPanel panel;
    feed(panel);
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.grab().save(QStringLiteral("/tmp/monitor-panel.png")));
    // Every tab, for a look.
    auto* tabs = panel.runView()->tabs();
    const QStringList names = {QStringLiteral("distribution"), QStringLiteral("violations"), QStringLiteral("quality"),
                               QStringLiteral("bias")};
    for (int i = 0; i < tabs->count(); ++i) {
      tabs->setCurrentIndex(i);
      QVERIFY(panel.grab().save(QStringLiteral("/tmp/monitor-panel-%1.png").arg(names[i])));
    }
    // Many runs, features and bins: a date axis, leaning bin labels, a long table.
    std::vector<monitor::MonitorRunRecord> many;
    for (int day = 1; day <= 20; ++day) {
      auto r = run(day, QStringLiteral("2026-10-%1T06:00:00.000Z").arg(day, 2, 10, QLatin1Char('0')).toStdString(),
                   0.01 * day, 0.9 - 0.008 * day);
      for (int extra = 0; extra < 14; ++extra) {
        auto f = numeric("feature_" + std::to_string(extra), 0.003 * extra + 0.001 * day, false, {});
        f.binLabels.clear();
        f.baselineShares.clear();
        for (int bin = 0; bin < 10; ++bin) {
          f.binLabels.push_back("(" + std::to_string(bin * 10) + ", " + std::to_string(bin * 10 + 10) + "]");
          f.baselineShares.push_back(0.1);
          f.currentShares.push_back(bin < 5 ? 0.08 : 0.12);
        }
        r.data.features.push_back(f);
      }
      if (day % 3 == 0) r.data.violations.push_back(violation("feature_2", monitor::Violation::Kind::MissingShare, 40));
      if (day % 4 == 0) r.data.violations.push_back(violation("feature_2", monitor::Violation::Kind::OutOfRange, 3));
      many.push_back(r);
    }
    MonitorPanel dense;
    dense.setBaselines({baselineInfo()});
    dense.setSchedules({schedule(kScheduleId, "daily")});
    dense.setHistory(kScheduleId, many);
    dense.resize(1200, 800);
    dense.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dense));
    QTableView* table = dense.runView()->driftTable();
    for (int row = 0; row < table->model()->rowCount(); ++row)
      if (table->model()->index(row, 0).data().toString() == QStringLiteral("feature_13")) table->setCurrentIndex(table->model()->index(row, 0));
    QTest::qWait(20);
    QVERIFY(dense.grab().save(QStringLiteral("/tmp/monitor-panel-dense.png")));
    dense.runView()->tabs()->setCurrentIndex(1);
    QVERIFY(dense.grab().save(QStringLiteral("/tmp/monitor-panel-dense-violations.png")));

    MonitorPanel empty;
    empty.resize(900, 500);
    empty.show();
    QVERIFY(QTest::qWaitForWindowExposed(&empty));
    QVERIFY(empty.grab().save(QStringLiteral("/tmp/monitor-panel-empty.png")));
  }
};

QTEST_MAIN(tst_MonitorPanel)
#include "tst_MonitorPanel.moc"
