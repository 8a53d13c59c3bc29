// The data insights panel on its own: a message per kind written from the numbers, a Fix button
// only where the insight carries a fix (clicking it hands that insight back), the target picker,
// and the empty states. Real insights come from the engine on penguins.csv.
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

#include "engine/data/DataImporter.h"
#include "engine/insights/DataInsights.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "widgets/panels/EmptyStatePanel.h"
#include "widgets/panels/InsightsPanel.h"
#include "TestPaths.h"

using lathe::insights::DataInsight;
using lathe::insights::InsightFix;
using lathe::insights::InsightKind;
using lathe::insights::InsightSeverity;
using lathe::widgets::EmptyStatePanel;
using lathe::widgets::InsightsPanel;
using nlohmann::json;

namespace {

const QStringList kPenguinColumns = {"Species", "Island", "Beak Length (mm)", "Beak Depth (mm)",
                                     "Flipper Length (mm)", "Body Mass (g)", "Sex"};

std::vector<DataInsight> penguinInsights(const std::string& target) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  const lathe::jobs::JobContext context(stop.get_token(), sink);
  lathe::data::ImportRequest request;
  request.path = std::string(LATHE_DATASETS_DIR) + "/penguins.csv";
  const auto table = lathe::data::DataImporter::import(request, context).table;
  return lathe::insights::DataInsights::of(table, target, context);
}

DataInsight insight(InsightKind kind, const std::string& column, double share, std::uint64_t count,
                    const std::string& detail = {}, std::optional<InsightFix> fix = std::nullopt) {
  return {kind, InsightSeverity::Warning, column, share, count, detail, std::move(fix)};
}

QTreeWidget* listOf(InsightsPanel& panel) { return panel.findChild<QTreeWidget*>("insightList"); }
EmptyStatePanel* emptyOf(InsightsPanel& panel) { return panel.findChild<EmptyStatePanel*>("insightsEmptyState"); }

QPushButton* fixButtonAt(InsightsPanel& panel, int row) {
  QTreeWidget* list = listOf(panel);
  return qobject_cast<QPushButton*>(list->itemWidget(list->topLevelItem(row), 1));
}

}  // namespace

class tst_InsightsPanel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

  void messagePerKind() {
    // Titanic's figures (891 rows; Age missing in 177, Cabin 147 distinct in 204 rows with a value).
    QCOMPARE(InsightsPanel::message(insight(InsightKind::MissingValues, "Age", 177.0 / 891.0, 177)),
             QStringLiteral("Age: 19.9% of values are missing (177 rows)"));
    QCOMPARE(InsightsPanel::message(insight(InsightKind::HighCardinality, "Cabin", 147.0 / 204.0, 147)),
             QStringLiteral("Cabin has 147 distinct values (72.1% of the rows with a value)"));
    QCOMPARE(InsightsPanel::message(insight(InsightKind::TargetLeakage, "Sex", 0.9912, 891, "Survived")),
             QStringLiteral("Sex predicts Survived almost perfectly (score 0.99): possible target leakage"));
    QCOMPARE(InsightsPanel::message(insight(InsightKind::ConstantColumn, "Source", 1.0, 364, "vega")),
             QStringLiteral("Source has the same value in every row: “vega”"));
    QCOMPARE(InsightsPanel::message(insight(InsightKind::NearConstantColumn, "foreign_worker", 0.963, 963, "yes")),
             QStringLiteral("foreign_worker: 96.3% of values are “yes”"));
    QCOMPARE(InsightsPanel::message(insight(InsightKind::DuplicateRows, {}, 6073.0 / 200000.0, 6073)),
             QStringLiteral("6,073 rows repeat an earlier row (3.0% of all rows)"));
    QCOMPARE(InsightsPanel::message(insight(InsightKind::ClassImbalance, "weather", 26.0 / 1461.0, 26, "snow")),
             QStringLiteral("weather is imbalanced: its rarest class “snow” has 1.8% of the rows (26 rows)"));
    // A share too small for one decimal is not shown as nothing. ("1 rows": English plural forms
    // come from lathe_en.qm, which this test does not install.)
    QCOMPARE(InsightsPanel::message(insight(InsightKind::MissingValues, "x", 1.0 / 3'000'000.0, 1)),
             QStringLiteral("x: <0.1% of values are missing (1 rows)"));
    // Every kind has its own explanation.
    QSet<QString> explanations;
    for (auto kind : {InsightKind::ConstantColumn, InsightKind::NearConstantColumn, InsightKind::HighCardinality,
                      InsightKind::DuplicateRows, InsightKind::MissingValues, InsightKind::ClassImbalance,
                      InsightKind::TargetLeakage})
      explanations.insert(InsightsPanel::explanation(kind));
    QCOMPARE(explanations.size(), 7);
  }

  void fixTextNamesTheStep() {
    QCOMPARE(InsightsPanel::fixText({"drop_columns", {{"columns", {"a"}}}}), QStringLiteral("Drop column"));
    QCOMPARE(InsightsPanel::fixText({"fill_missing", {{"columns", {"a"}}, {"strategy", "median"}}}),
             QStringLiteral("Fill with median"));
    QCOMPARE(InsightsPanel::fixText({"fill_missing", {{"columns", {"a"}}, {"strategy", "mode"}}}),
             QStringLiteral("Fill with most frequent"));
    QCOMPARE(InsightsPanel::fixText({"drop_duplicates", {{"columns", json::array()}}}),
             QStringLiteral("Drop duplicate rows"));
    QCOMPARE(InsightsPanel::fixText({"filter_rows", {{"formula", "not is_missing(Sex)"}}}),
             QStringLiteral("Drop rows without a value"));
    QCOMPARE(InsightsPanel::fixText({"fill_missing", nullptr}), QStringLiteral("Fill missing values"));  // no crash
  }

  void listShowsRealInsightsWithFixButtonsOnlyWhereThereIsAFix() {
    // penguins.csv with Sex as the target: its "." class is rare (no fix), its missing rows are
    // dropped, the four measurements are filled with their medians.
    const auto insights = penguinInsights("Sex");
    InsightsPanel panel;
    panel.setColumns(kPenguinColumns);
    panel.setTarget("Sex");
    panel.setInsights(insights);
    QTreeWidget* list = listOf(panel);
    QCOMPARE(list->topLevelItemCount(), int(insights.size()));
    QCOMPARE(list->topLevelItemCount(), 6);
    int imbalanceRow = -1, sexRow = -1;
    for (int row = 0; row < list->topLevelItemCount(); ++row) {
      const DataInsight& shown = insights[std::size_t(row)];
      QCOMPARE(list->topLevelItem(row)->text(0), InsightsPanel::message(shown));
      QVERIFY(list->topLevelItem(row)->toolTip(0).contains(InsightsPanel::explanation(shown.kind)));
      QCOMPARE(list->topLevelItem(row)->data(0, Qt::UserRole).toInt(), int(shown.severity));
      QPushButton* button = fixButtonAt(panel, row);
      QCOMPARE(button != nullptr, shown.fix.has_value());
      if (button) {
        QCOMPARE(button->objectName(), QStringLiteral("fixButton"));
        QCOMPARE(button->text(), InsightsPanel::fixText(*shown.fix));
      }
      if (shown.kind == InsightKind::ClassImbalance) imbalanceRow = row;
      if (shown.kind == InsightKind::MissingValues && shown.column == "Sex") sexRow = row;
    }
    QVERIFY(imbalanceRow >= 0 && sexRow >= 0);
    QCOMPARE(list->topLevelItem(imbalanceRow)->text(0),
             QStringLiteral("Sex is imbalanced: its rarest class “.” has 0.3% of the rows (1 rows)"));
    QCOMPARE(list->topLevelItem(sexRow)->text(0), QStringLiteral("Sex: 2.9% of values are missing (10 rows)"));
    QCOMPARE(fixButtonAt(panel, sexRow)->text(), QStringLiteral("Drop rows without a value"));
    QCOMPARE(panel.findChildren<QPushButton*>("fixButton").size(), 5);

    // Clicking a Fix button hands back exactly that insight.
    QSignalSpy spy(&panel, &InsightsPanel::fixRequested);
    QTest::mouseClick(fixButtonAt(panel, sexRow), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    const auto requested = spy.at(0).at(0).value<DataInsight>();
    QCOMPARE(requested.kind, InsightKind::MissingValues);
    QCOMPARE(requested.column, std::string("Sex"));
    QCOMPARE(requested.count, std::uint64_t(10));
    QVERIFY(requested.fix);
    QCOMPARE(requested.fix->stepKind, std::string("filter_rows"));
    QCOMPARE(requested.fix->parameters, insights[std::size_t(sexRow)].fix->parameters);
  }

  void targetComboListsColumnsAndEmitsOnlyOnUserChoice() {
    InsightsPanel panel;
    auto* combo = panel.findChild<QComboBox*>("targetCombo");
    QVERIFY(combo);
    QSignalSpy spy(&panel, &InsightsPanel::targetChanged);
    panel.setColumns(kPenguinColumns);
    QCOMPARE(combo->count(), kPenguinColumns.size() + 1);
    QCOMPARE(combo->itemText(0), QStringLiteral("(no target)"));
    QCOMPARE(combo->itemText(1), QStringLiteral("Species"));
    QCOMPARE(panel.target(), QString());
    panel.setTarget("Island");
    QCOMPARE(panel.target(), QStringLiteral("Island"));
    QCOMPARE(spy.count(), 0);  // setters emit nothing

    combo->setCurrentIndex(combo->findText("Sex"));  // what choosing it in the list does
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("Sex"));
    combo->setCurrentIndex(0);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toString(), QString());

    // New columns keep the target while it is among them, else fall back to no target.
    panel.setTarget("Sex");
    panel.setColumns({"Sex", "Island"});
    QCOMPARE(panel.target(), QStringLiteral("Sex"));
    panel.setColumns({"Island"});
    QCOMPARE(panel.target(), QString());
    panel.setTarget("not a column");
    QCOMPARE(panel.target(), QString());
    QCOMPARE(spy.count(), 2);
  }

  void emptyStates() {
    InsightsPanel panel;
    EmptyStatePanel* empty = emptyOf(panel);
    QVERIFY(empty);
    QTreeWidget* list = listOf(panel);
    QCOMPARE(empty->title(), QStringLiteral("No insights yet"));
    QVERIFY(!list->isVisibleTo(&panel));

    panel.setBusy(true);
    QVERIFY(panel.isBusy());
    QCOMPARE(empty->title(), QStringLiteral("Analysing…"));
    panel.setInsights({});
    QVERIFY(!panel.isBusy());
    QCOMPARE(empty->title(), QStringLiteral("No problems found"));
    QVERIFY(!list->isVisibleTo(&panel));

    panel.setInsights({insight(InsightKind::DuplicateRows, {}, 0.5, 2, {}, InsightFix{"drop_duplicates", {}})});
    QVERIFY(list->isVisibleTo(&panel));
    QCOMPARE(list->topLevelItemCount(), 1);
    panel.setBusy(true);  // re-analysing: the old list makes way
    QVERIFY(!list->isVisibleTo(&panel));
    QCOMPARE(empty->title(), QStringLiteral("Analysing…"));
    panel.setBusy(false);
    QVERIFY(list->isVisibleTo(&panel));

    panel.clear();
    QCOMPARE(list->topLevelItemCount(), 0);
    QVERIFY(panel.insights().empty());
    QCOMPARE(empty->title(), QStringLiteral("No insights yet"));
    QVERIFY(!list->isVisibleTo(&panel));
  }
};

QTEST_MAIN(tst_InsightsPanel)
#include "tst_InsightsPanel.moc"
