// The Profile dock's panel on penguins' real profiles: selecting a column shows its name, its
// statistics in the user's number format and its bars; a click in the list is reported; columns
// whose profile is still being computed say so and switch when it arrives.
#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QtTest>

#include "engine/data/ColumnProfile.h"
#include "engine/data/DataImporter.h"
#include "widgets/charts/HistogramChart.h"
#include "widgets/panels/ColumnProfilePanel.h"
#include "widgets/panels/EmptyStatePanel.h"
#include "TestPaths.h"

using lathe::data::Column;
using lathe::data::ColumnProfile;
using lathe::widgets::ColumnProfilePanel;
using lathe::widgets::HistogramChart;
using Profiles = std::vector<std::shared_ptr<const ColumnProfile>>;

namespace {

lathe::jobs::NullProgressSink nullSink;
std::stop_source noStop;
lathe::jobs::JobContext context() { return lathe::jobs::JobContext(noStop.get_token(), nullSink); }

Profiles profilesOf(const char* file) {
  lathe::data::ImportRequest request;
  request.path = std::string(LATHE_DATASETS_DIR) + "/" + file;
  const auto table = lathe::data::DataImporter::import(request, context()).table;
  Profiles profiles;
  for (const auto& column : table.columns())
    profiles.push_back(std::make_shared<const ColumnProfile>(lathe::data::profileColumn(*column, context())));
  return profiles;
}

template <typename T>
T* child(const QWidget& parent, const QString& name) {
  T* found = parent.findChild<T*>(name);
  if (!found) qFatal("no child %s", qPrintable(name));
  return found;
}

// The value shown for statistic `key`, empty when the grid has no such statistic.
QString statistic(const ColumnProfilePanel& panel, const char* key) {
  auto* label = child<QWidget>(panel, QStringLiteral("statisticsGrid"))->findChild<QLabel*>(QStringLiteral("value:") + key);
  return label && !label->isHidden() ? label->text() : QString();
}

bool profiling(const ColumnProfilePanel& panel) {
  auto* state = child<QLabel>(panel, QStringLiteral("profilingState"));
  return state->isVisible() && state->text() == QStringLiteral("Profiling…");
}

// penguins.csv's columns in file order.
const QStringList kNames = {"Species", "Island", "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)",
                            "Body Mass (g)", "Sex"};

}  // namespace

class tst_ColumnProfilePanel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    penguins_ = profilesOf("penguins.csv");
    QCOMPARE(penguins_.size(), std::size_t(7));
  }

  void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

  void selectingAColumnShowsItsStatisticsAndBars() {
    ColumnProfilePanel panel;
    panel.resize(360, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy picked(&panel, &ColumnProfilePanel::columnSelected);
    panel.setProfiles(penguins_);
    QCOMPARE(panel.columnCount(), 7);
    QCOMPARE(panel.selectedColumn(), -1);
    panel.selectColumn(2);
    QCOMPARE(panel.selectedColumn(), 2);
    QCOMPARE(picked.count(), 0);  // the table asked; nothing goes back to it
    QCOMPARE(child<QLabel>(panel, QStringLiteral("columnTitle"))->text(), QStringLiteral("Beak Length (mm)"));
    auto* list = child<QTreeWidget>(panel, QStringLiteral("columnList"));
    QCOMPARE(list->currentItem(), list->topLevelItem(2));
    QVERIFY(child<QWidget>(panel, QStringLiteral("statisticsGrid"))->isVisible());
    // pandas 1.5.3 on penguins.csv: describe() and quantile() of "Beak Length (mm)", to 6 digits.
    QCOMPARE(statistic(panel, "type"), QStringLiteral("Decimal number"));
    QCOMPARE(statistic(panel, "rows"), QStringLiteral("344"));
    QCOMPARE(statistic(panel, "missing"), QStringLiteral("2 (0.6%)"));
    QCOMPARE(statistic(panel, "distinct"), QStringLiteral("164"));
    QCOMPARE(statistic(panel, "mean"), QStringLiteral("43.9219"));  // 43.9219298245614
    QCOMPARE(statistic(panel, "std"), QStringLiteral("5.45958"));   // 5.4595837139265315
    QCOMPARE(statistic(panel, "min"), QStringLiteral("32.1"));
    QCOMPARE(statistic(panel, "q5"), QStringLiteral("35.7"));
    QCOMPARE(statistic(panel, "q25"), QStringLiteral("39.225"));
    QCOMPARE(statistic(panel, "q50"), QStringLiteral("44.45"));
    QCOMPARE(statistic(panel, "q75"), QStringLiteral("48.5"));
    QCOMPARE(statistic(panel, "q95"), QStringLiteral("51.995"));
    QCOMPARE(statistic(panel, "max"), QStringLiteral("59.6"));
    auto* chart = child<HistogramChart>(panel, QStringLiteral("histogramChart"));
    QCOMPARE(chart->barCount(), int(penguins_[2]->histogram.size()));
    for (int i = 0; i < chart->barCount(); ++i) QCOMPARE(chart->barValue(i), double(penguins_[2]->histogram[std::size_t(i)].count));
    QCOMPARE(chart->noteText(), QStringLiteral("2 missing"));
    // The list: every column with its share missing (Sex: 10 of 344, pandas isna()).
    QCOMPARE(list->topLevelItemCount(), 7);
    for (int i = 0; i < 7; ++i) QCOMPARE(list->topLevelItem(i)->text(0), kNames[i]);
    QCOMPARE(list->topLevelItem(6)->text(1), QStringLiteral("2.9%"));
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("0%"));
    QVERIFY(!list->topLevelItem(0)->icon(0).isNull());
    if (qEnvironmentVariableIsSet("LATHE_SAVE_PANEL")) {
      QCoreApplication::processEvents();  // the layout settles as it would before a paint
      panel.grab().save(QStringLiteral("/tmp/profile-panel-numeric.png"));
    }

    // A categorical column: its most frequent values, no numeric statistics.
    panel.selectColumn(0);
    QCOMPARE(statistic(panel, "type"), QStringLiteral("Category"));
    QCOMPARE(statistic(panel, "top0"), QStringLiteral("152 (44.2%)"));  // Adelie, value_counts()
    QCOMPARE(statistic(panel, "top2"), QStringLiteral("68 (19.8%)"));   // Chinstrap
    QVERIFY(statistic(panel, "mean").isEmpty());
    QCOMPARE(chart->barCount(), 3);
    QCOMPARE(chart->barLabel(0), QStringLiteral("Adelie"));
    if (qEnvironmentVariableIsSet("LATHE_SAVE_PANEL")) panel.grab().save(QStringLiteral("/tmp/profile-panel-category.png"));
    QCOMPARE(picked.count(), 0);
    // Out of range selects nothing and shows the hint.
    panel.selectColumn(99);
    QCOMPARE(panel.selectedColumn(), -1);
    QCOMPARE(chart->barCount(), 0);
    QVERIFY(child<QLabel>(panel, QStringLiteral("columnTitle"))->text().isEmpty());
    QCOMPARE(picked.count(), 0);
  }

  void numbersFollowTheLocale() {
    ColumnProfilePanel panel;
    panel.setProfiles(penguins_);
    QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
    panel.selectColumn(5);
    QCOMPARE(statistic(panel, "mean"), QStringLiteral("4,201.75"));  // pandas: 4201.754385964912
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    panel.selectColumn(2);
    QCOMPARE(statistic(panel, "mean"), QStringLiteral("43,9219"));
    QCOMPARE(statistic(panel, "missing"), QStringLiteral("2 (0,6%)"));
  }

  void clickingARowEmitsColumnSelected() {
    ColumnProfilePanel panel;
    panel.resize(360, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setProfiles(penguins_);
    panel.selectColumn(1);
    QSignalSpy picked(&panel, &ColumnProfilePanel::columnSelected);
    auto* list = child<QTreeWidget>(panel, QStringLiteral("columnList"));
    const QRect row = list->visualItemRect(list->topLevelItem(4));
    QVERIFY(row.isValid());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(picked.count(), 1);
    QCOMPARE(picked.at(0).at(0).toInt(), 4);
    QCOMPARE(panel.selectedColumn(), 4);
    QCOMPARE(child<QLabel>(panel, QStringLiteral("columnTitle"))->text(), QStringLiteral("Flipper Length (mm)"));
    QCOMPARE(statistic(panel, "mean"), QStringLiteral("200.915"));  // pandas: 200.91520467836258
    // The keyboard picks too.
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(picked.count(), 2);
    QCOMPARE(picked.at(1).at(0).toInt(), 5);
    // The table's selection moving the panel is not a pick.
    panel.selectColumn(0);
    QCOMPARE(picked.count(), 2);
  }

  void profilesArriveOneByOne() {
    ColumnProfilePanel panel;
    panel.resize(360, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto* chart = child<HistogramChart>(panel, QStringLiteral("histogramChart"));
    auto* list = child<QTreeWidget>(panel, QStringLiteral("columnList"));
    QVERIFY(child<lathe::widgets::EmptyStatePanel>(panel, QStringLiteral("profileEmptyState"))->isVisible());
    panel.setColumnNames(kNames);
    QVERIFY(!child<QWidget>(panel, QStringLiteral("profileEmptyState"))->isVisible());
    panel.selectColumn(3);
    QVERIFY(profiling(panel));
    QVERIFY(!child<QWidget>(panel, QStringLiteral("statisticsGrid"))->isVisible());
    QCOMPARE(chart->barCount(), 0);
    QCOMPARE(child<QLabel>(panel, QStringLiteral("columnTitle"))->text(), QStringLiteral("Beak Depth (mm)"));
    QCOMPARE(list->topLevelItem(3)->text(1), QStringLiteral("…"));
    // Another column's profile arrives: the selected one is still being profiled.
    panel.setProfile(0, penguins_[0]);
    QVERIFY(profiling(panel));
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("0%"));
    // Out of range: ignored.
    panel.setProfile(-1, penguins_[1]);
    panel.setProfile(7, penguins_[1]);
    QCOMPARE(panel.columnCount(), 7);
    // The selected column's profile arrives: its statistics and bars replace the message.
    panel.setProfile(3, penguins_[3]);
    QVERIFY(!profiling(panel));
    QVERIFY(child<QWidget>(panel, QStringLiteral("statisticsGrid"))->isVisible());
    QCOMPARE(statistic(panel, "mean"), QStringLiteral("17.1512"));  // pandas: 17.151169590643278
    QCOMPARE(chart->barCount(), int(penguins_[3]->histogram.size()));
    QCOMPARE(list->topLevelItem(3)->text(1), QStringLiteral("0.6%"));
    QCOMPARE(panel.selectedColumn(), 3);
    // Profiled again (a null profile): back to the message.
    panel.setProfile(3, nullptr);
    QVERIFY(profiling(panel));
    // A bulk update keeps the names of columns still being profiled.
    Profiles partial = penguins_;
    partial[3] = nullptr;
    panel.setProfiles(partial);
    QCOMPARE(list->topLevelItem(3)->text(0), QStringLiteral("Beak Depth (mm)"));
    QVERIFY(profiling(panel));
    QCOMPARE(panel.selectedColumn(), 3);
    // clear(): the empty state, nothing selected.
    panel.clear();
    QCOMPARE(panel.columnCount(), 0);
    QCOMPARE(panel.selectedColumn(), -1);
    QCOMPARE(list->topLevelItemCount(), 0);
    QVERIFY(child<QWidget>(panel, QStringLiteral("profileEmptyState"))->isVisible());
    panel.selectColumn(0);
    QCOMPARE(panel.selectedColumn(), -1);
  }

  void datesTextAndBoolsReadAsTheirType() {
    ColumnProfilePanel panel;
    Profiles profiles = profilesOf("seattle-weather.csv");
    // A text column with Korean values and an empty string; a bool column with a missing value.
    lathe::data::Validity oneMissing;
    oneMissing.setMissing(3, 4);
    profiles.push_back(std::make_shared<const ColumnProfile>(
        lathe::data::profileColumn(*Column::text("도시", {0, 6, 21, 21}, "서울부산광역시"), context())));
    profiles.push_back(std::make_shared<const ColumnProfile>(
        lathe::data::profileColumn(*Column::boolean("ok", {1, 1, 0, 0}, oneMissing), context())));
    panel.setProfiles(profiles);
    panel.selectColumn(0);
    QCOMPARE(statistic(panel, "type"), QStringLiteral("Date and time"));
    // pandas: to_datetime(date).describe(datetime_is_numeric=True) and std() = 421.9 days.
    QCOMPARE(statistic(panel, "min"), QStringLiteral("2012-01-01"));
    QCOMPARE(statistic(panel, "max"), QStringLiteral("2015-12-31"));
    QCOMPARE(statistic(panel, "mean"), QStringLiteral("2013-12-31"));
    QCOMPARE(statistic(panel, "q50"), QStringLiteral("2013-12-31"));
    QCOMPARE(statistic(panel, "std"), QStringLiteral("421.9 days"));
    panel.selectColumn(5);  // weather: value_counts() rain 641, sun 640
    QCOMPARE(statistic(panel, "top0"), QStringLiteral("641 (43.9%)"));
    panel.selectColumn(6);
    QCOMPARE(statistic(panel, "type"), QStringLiteral("Text"));
    QCOMPARE(statistic(panel, "meanLength"), QStringLiteral("2.33 characters"));  // (2 + 5 + 0) / 3
    panel.selectColumn(7);
    QCOMPARE(statistic(panel, "type"), QStringLiteral("True/false"));
    QCOMPARE(statistic(panel, "true"), QStringLiteral("66.7%"));
    QCOMPARE(statistic(panel, "missing"), QStringLiteral("1 (25.0%)"));
  }

  void hostileColumnsStayUsable() {
    ColumnProfilePanel panel;
    panel.resize(360, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    // A 10 kB column name: the title is cut, the tooltip keeps it, the panel stays narrow.
    const QString longName(10'000, QLatin1Char('n'));
    panel.setColumnNames({longName, QString(), QStringLiteral("  ")});
    panel.selectColumn(0);
    auto* title = child<QLabel>(panel, QStringLiteral("columnTitle"));
    QCOMPARE(title->toolTip(), longName);
    QVERIFY(title->text().size() < 200);
    QVERIFY(panel.minimumSizeHint().width() < 600);
    // All missing and empty columns.
    lathe::data::Validity none;
    for (std::size_t r = 0; r < 3; ++r) none.setMissing(r, 3);
    panel.setProfile(1, std::make_shared<const ColumnProfile>(
                            lathe::data::profileColumn(*Column::float64("gone", {0, 0, 0}, none), context())));
    panel.setProfile(2, std::make_shared<const ColumnProfile>(
                            lathe::data::profileColumn(*Column::float64("empty", {}), context())));
    panel.selectColumn(1);
    QCOMPARE(statistic(panel, "missing"), QStringLiteral("3 (100%)"));
    QCOMPARE(statistic(panel, "mean"), QStringLiteral("–"));
    QCOMPARE(child<HistogramChart>(panel, QStringLiteral("histogramChart"))->barCount(), 0);
    panel.selectColumn(2);
    QCOMPARE(statistic(panel, "rows"), QStringLiteral("0"));
    QCOMPARE(statistic(panel, "missing"), QStringLiteral("0 (0%)"));
    panel.repaint();
  }

  void aHundredThousandColumns() {
    ColumnProfilePanel panel;
    QStringList names;
    for (int i = 0; i < 100'000; ++i) names << QStringLiteral("c%1").arg(i);
    QElapsedTimer timer;
    timer.start();
    panel.setColumnNames(names);
    panel.selectColumn(99'999);
    panel.setProfile(99'999, penguins_[2]);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(panel.columnCount(), 100'000);
    QCOMPARE(statistic(panel, "mean"), QStringLiteral("43.9219"));
  }

 private:
  Profiles penguins_;
};

QTEST_MAIN(tst_ColumnProfilePanel)
#include "tst_ColumnProfilePanel.moc"
