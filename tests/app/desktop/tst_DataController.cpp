// The Data dock's controller on real data: sort and filter as jobs that hold at once, a filter
// kept across a new table that still has its columns, and the profile following the table.
#include <QtTest>
#include <numeric>
#include <stop_token>

#include "IsolatedSettings.h"
#include "app/desktop/DataController.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/StudioDocks.h"
#include "app/jobs/JobManager.h"
#include "engine/data/ColumnGather.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "widgets/panels/ColumnProfilePanel.h"
#include "widgets/table/DataFilterBar.h"
#include "widgets/table/DataTableView.h"
#include "TestPaths.h"

using lathe::app::MainWindow;
using lathe::data::Table;

namespace {

std::shared_ptr<const Table> penguins() {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::data::ImportRequest request;
  request.path = std::string(LATHE_DATASETS_DIR) + "/penguins.csv";
  return std::make_shared<const Table>(
      lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink)).table);
}

bool idle(const MainWindow& window) { return window.jobManager()->activeCount() == 0; }

}  // namespace

class tst_DataController : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;

 private slots:
  void sortAndFilterHoldTogether() {
    MainWindow window;
    auto* data = window.data();
    const auto table = penguins();
    data->show(table, QStringLiteral("penguins"));
    QTRY_VERIFY_WITH_TIMEOUT(idle(window), 30000);
    const auto mass = *table->indexOf("Body Mass (g)");
    data->sort(static_cast<int>(mass), Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(idle(window) && data->view().rows, 30000);
    data->filter(QStringLiteral(R"(Species == "Adelie")"));
    QTRY_COMPARE_WITH_TIMEOUT(data->view().rowCount(), std::size_t{152}, 30000);  // pandas
    // Still heaviest first: the filter kept the sorted order.
    const auto& column = table->column(mass);
    const auto view = data->view();
    for (std::size_t i = 1; i < view.rowCount(); ++i)
      if (column.isValid(view.sourceRow(i)))
        QVERIFY(column.numericAt(view.sourceRow(i - 1)) >= column.numericAt(view.sourceRow(i)));
    QCOMPARE(column.numericAt(view.sourceRow(0)), 4775.0);  // pandas: heaviest Adelie
    data->clearFilter();
    QCOMPARE(data->view().rowCount(), std::size_t{344});
    QVERIFY(data->view().rows);  // the sort stays
  }

  void aFilterOutlivesANewTableWithItsColumns() {
    MainWindow window;
    auto* data = window.data();
    const auto table = penguins();
    data->show(table);
    data->filter(QStringLiteral(R"(Species == "Gentoo")"));
    QTRY_COMPARE_WITH_TIMEOUT(data->view().rowCount(), std::size_t{124}, 30000);
    // The first 200 rows, as a recipe preview would show: the filter runs on them again.
    std::vector<std::size_t> first(200);
    std::iota(first.begin(), first.end(), 0);
    data->show(std::make_shared<const Table>(lathe::data::gatherTable(*table, first)));
    QCOMPARE(window.docks().dataFilter->formula(), QStringLiteral(R"(Species == "Gentoo")"));
    QTRY_COMPARE_WITH_TIMEOUT(data->view().rowCount(), std::size_t{0}, 30000);  // penguins.csv lists Gentoo from row 221
    // A table without Species: the filter cannot hold and is dropped, every row shows.
    data->show(std::make_shared<const Table>(table->select(std::vector<std::size_t>{2, 3})));
    QVERIFY(window.docks().dataFilter->formula().isEmpty());
    QCOMPARE(data->view().rowCount(), std::size_t{344});
  }

  void theProfileFollowsTheCurrentColumn() {
    MainWindow window;
    auto* data = window.data();
    data->show(penguins());
    auto* view = window.docks().dataView;
    view->setCurrentIndex(view->model()->index(5, 4));
    QCOMPARE(window.docks().profilePanel->selectedColumn(), 4);
    emit window.docks().profilePanel->columnSelected(2);
    QCOMPARE(view->currentIndex().column(), 2);
    QCOMPARE(view->currentIndex().row(), 5);
  }
};

QTEST_MAIN(tst_DataController)
#include "tst_DataController.moc"
