#include <QClipboard>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QScrollBar>
#include <QSignalSpy>
#include <QtTest>
#include <cmath>

#include "engine/data/ColumnSketch.h"
#include "engine/data/SortTableJob.h"
#include "widgets/table/DataTableModel.h"
#include "widgets/table/DataTableView.h"
#include "widgets/table/HistogramHeaderView.h"

using lathe::data::Column;
using lathe::data::ColumnSketch;
using lathe::data::Table;
using lathe::widgets::DataTableView;

namespace {

lathe::jobs::NullProgressSink nullSink;
std::stop_source noStop;
lathe::jobs::JobContext context() { return lathe::jobs::JobContext(noStop.get_token(), nullSink); }

std::vector<ColumnSketch> sketchesOf(const Table& table) {
  std::vector<ColumnSketch> sketches;
  for (const auto& column : table.columns()) sketches.push_back(ColumnSketch::of(*column, context()));
  return sketches;
}

// 100 rows: a number column 0..99 shuffled, a categorical with a missing value, a text column.
std::shared_ptr<const Table> smallTable() {
  std::vector<double> numbers(100);
  std::vector<std::int32_t> codes(100);
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  lathe::data::Validity validity;
  for (int r = 0; r < 100; ++r) {
    numbers[std::size_t(r)] = double((r * 37) % 100);
    codes[std::size_t(r)] = r % 3;
    offsets.push_back((bytes += "t" + std::to_string(r)).size());
  }
  validity.setMissing(4, 100);
  return std::make_shared<const Table>(std::vector<std::shared_ptr<const Column>>{
      Column::float64("x", numbers), Column::categorical("c", codes, {"b", "a", "c"}, validity),
      Column::text("t", offsets, bytes)});
}

// How many pixels of the section's histogram strip differ from the header's background beside it
// (the section's left margin, same row: the style may draw a vertical gradient).
int inkInSketchStrip(DataTableView& view, int section) {
  auto* header = view.histogramHeader();
  const QImage image = header->grab().toImage();
  if (qEnvironmentVariableIsSet("LATHE_SAVE_HEADER")) image.save(QStringLiteral("/tmp/header-%1.png").arg(section));
  const int x0 = header->sectionViewportPosition(section) + 6;
  const int x1 = x0 + header->sectionSize(section) - 12;
  const int y0 = header->height() - lathe::widgets::HistogramHeaderView::kSketchHeight + 3;
  const int y1 = header->height() - 4;
  int ink = 0;
  for (int y = y0; y <= y1; ++y) {
    const QRgb background = image.pixel(x0 - 4, y);
    for (int x = x0; x <= x1; ++x) ink += image.pixel(x, y) != background;
  }
  return ink;
}

}  // namespace

class DataTableViewTest : public QObject {
  Q_OBJECT

 private slots:
  void headerSketchesSurviveEmptyConstantAndAllMissingColumns() {
    lathe::data::Validity allMissing;
    for (std::size_t r = 0; r < 5; ++r) allMissing.setMissing(r, 5);
    const auto table = std::make_shared<const Table>(std::vector<std::shared_ptr<const Column>>{
        Column::float64("spread", {1, 2, 2, 3, 9}), Column::float64("constant", {7, 7, 7, 7, 7}),
        Column::float64("missing", {0, 0, 0, 0, 0}, allMissing),
        Column::float64("inf", {INFINITY, -INFINITY, NAN, 1e308, -1e308}),
        Column::categorical("levels", {0, 1, 1, 1, 2}, {"x", "y", "z"}), Column::boolean("flag", {1, 0, 1, 1, 1})});
    DataTableView view;
    view.resize(900, 300);
    view.setTable({table, nullptr});
    view.setColumnSketches(sketchesOf(*table));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(inkInSketchStrip(view, 0) > 20);  // bars drawn
    QVERIFY(inkInSketchStrip(view, 1) > 20);  // a constant column: one full bar
    QCOMPARE(inkInSketchStrip(view, 2), 0);   // all missing: nothing to draw
    QVERIFY(inkInSketchStrip(view, 3) > 0);   // finite values at the ends of double's range
    QVERIFY(inkInSketchStrip(view, 4) > 20);
    QVERIFY(inkInSketchStrip(view, 5) > 20);
    // An empty table, too few and too many sketches, and sketches cleared: no crash.
    const auto empty = std::make_shared<const Table>(std::vector<std::shared_ptr<const Column>>{
        Column::float64("none", {}), Column::categorical("levels", {}, {})});
    view.setTable({empty, nullptr});
    view.setColumnSketches(sketchesOf(*empty));
    QCOMPARE(inkInSketchStrip(view, 0), 0);
    view.setColumnSketches(sketchesOf(*table));  // 6 sketches for 2 columns
    view.histogramHeader()->grab();
    view.histogramHeader()->clearSketches();
    QCOMPARE(inkInSketchStrip(view, 1), 0);
    // The header is taller by the strip, so the text keeps its room.
    QVERIFY(view.histogramHeader()->height() > lathe::widgets::HistogramHeaderView::kSketchHeight + view.fontMetrics().height());
  }

  void headerClickRequestsASortAndShowsTheArrow() {
    const auto table = smallTable();
    DataTableView view;
    view.resize(600, 400);
    view.setTable({table, nullptr});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &DataTableView::sortRequested);
    auto* header = view.histogramHeader();
    QCOMPARE(header->sortIndicatorSection(), -1);
    const QPoint onX(header->sectionViewportPosition(0) + 20, 10);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, onX);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 0);
    QCOMPARE(spy.at(0).at(1).value<Qt::SortOrder>(), Qt::AscendingOrder);
    QCOMPARE(header->sortIndicatorSection(), 0);

    // What the app does with the request: the job's order goes back into the view.
    lathe::data::SortTableJob job(table, {{0, false}});
    auto ctx = context();
    job.run(ctx);
    view.setTable(job.view());
    QCOMPARE(view.model()->data(view.model()->index(0, 0)).toString(), QStringLiteral("0"));
    QCOMPARE(view.model()->data(view.model()->index(99, 0)).toString(), QStringLiteral("99"));
    QCOMPARE(header->sortIndicatorSection(), 0);  // kept for the sorted view
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    // The arrow is drawn: the header looks different without it.
    QVERIFY(header->isSortIndicatorShown());
    const QImage withArrow = header->grab().toImage();
    header->setSortIndicator(-1, Qt::AscendingOrder);
    QVERIFY(header->grab().toImage() != withArrow);
    header->setSortIndicator(0, Qt::AscendingOrder);

    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, onX);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(1).value<Qt::SortOrder>(), Qt::DescendingOrder);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(header->sectionViewportPosition(1) + 20, 10));
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(0).toInt(), 1);
    QCOMPARE(spy.at(2).at(1).value<Qt::SortOrder>(), Qt::AscendingOrder);
  }

  void goToRowScrollsAndSelectsOrRefuses() {
    const auto table = smallTable();
    DataTableView view;
    view.resize(600, 300);
    view.setTable({table, nullptr});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy messages(&view, &DataTableView::message);
    QVERIFY(view.goToRow(80));
    QCOMPARE(view.currentIndex().row(), 79);
    QVERIFY(view.selectionModel()->isRowSelected(79, {}));
    QVERIFY(view.verticalScrollBar()->value() > 0);
    QVERIFY(!view.goToRow(0));
    QVERIFY(!view.goToRow(101));
    QCOMPARE(messages.count(), 2);
    QVERIFY(messages.at(1).at(0).toString().contains(QStringLiteral("1 to 100")));
    QCOMPARE(view.currentIndex().row(), 79);  // refused: nothing moved

    // In a sorted view the number is the row as shown in the vertical header (the source row).
    lathe::data::SortTableJob job(table, {{0, true}});
    auto ctx = context();
    job.run(ctx);
    view.setTable(job.view());
    QVERIFY(view.goToRow(1));  // x = 0 sorts last when descending
    QCOMPARE(view.currentIndex().row(), 99);
    QCOMPARE(view.model()->headerData(99, Qt::Vertical).toString(), QStringLiteral("1"));

    // Ctrl+G opens the input; a bad row keeps it open with the reason, a good one closes it.
    QTest::keyClick(&view, Qt::Key_G, Qt::ControlModifier);
    auto* dialog = view.findChild<QInputDialog*>(QStringLiteral("goToRowDialog"));
    QVERIFY(dialog && dialog->isVisible());
    dialog->setTextValue(QStringLiteral("500"));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->labelText().contains(QStringLiteral("out of range")));
    dialog->setTextValue(QStringLiteral("abc"));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    dialog->setTextValue(QStringLiteral("38"));
    dialog->accept();
    QVERIFY(!dialog->isVisible());
    QCOMPARE(view.model()->headerData(view.currentIndex().row(), Qt::Vertical).toString(), QStringLiteral("38"));
  }

  void copyGivesTsvAndRefusesHugeSelections() {
    const auto table = smallTable();
    DataTableView view;
    view.setTable({table, nullptr});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const auto* model = view.model();
    view.selectionModel()->select(QItemSelection(model->index(3, 0), model->index(5, 2)), QItemSelectionModel::Select);
    QApplication::clipboard()->clear();
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    // Row 4's category is missing: an empty field, never the word "missing".
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("11\tb\tt3\n48\t\tt4\n85\tc\tt5"));

    // Past the cap: a message, and the clipboard keeps what it had.
    const std::size_t rows = 600'000;
    auto big = std::make_shared<const Table>(std::vector<std::shared_ptr<const Column>>{
        Column::float64("a", std::vector<double>(rows, 1.0)), Column::float64("b", std::vector<double>(rows, 2.0))});
    view.setTable({big, nullptr});
    QSignalSpy messages(&view, &DataTableView::message);
    QElapsedTimer timer;
    timer.start();
    view.selectAll();
    QCOMPARE(view.selectedCellCount(), qint64(rows * 2));
    QVERIFY(!view.copySelection());
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(messages.count(), 2);
    QVERIFY(timer.elapsed() < 2000);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("11\tb\tt3\n48\t\tt4\n85\tc\tt5"));
  }

  void threeMillionRowsStayFast() {
    const std::size_t rows = 3'000'000;
    std::vector<double> values(rows);
    std::vector<std::int32_t> codes(rows);
    for (std::size_t r = 0; r < rows; ++r) {
      values[r] = double((r * 7919) % 1000003) / 7.0;
      codes[r] = std::int32_t(r % 13);
    }
    std::vector<std::string> levels;
    for (int i = 0; i < 13; ++i) levels.push_back("airport " + std::to_string(i));
    auto table = std::make_shared<const Table>(std::vector<std::shared_ptr<const Column>>{
        Column::float64("delay", std::move(values)), Column::categorical("origin", std::move(codes), levels)});
    DataTableView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QElapsedTimer timer;
    timer.start();
    lathe::data::SortTableJob job(table, {{1, false}, {0, true}});
    auto ctx = context();
    job.run(ctx);
    const qint64 sortMs = timer.restart();
    view.setTable(job.view());
    view.setColumnSketches(sketchesOf(*table));
    QCoreApplication::processEvents();
    const qint64 setTableMs = timer.restart();
    view.scrollToBottom();
    view.viewport()->repaint();
    const qint64 scrollMs = timer.restart();
    QCOMPARE(view.model()->rowCount(), int(rows));
    QVERIFY(view.verticalScrollBar()->value() == view.verticalScrollBar()->maximum());
    QVERIFY(view.rowAt(view.viewport()->height() - 2) > int(rows) - 100);
    // data() for 200,000 cells spread over the table: O(1) each.
    QString last;
    for (int i = 0; i < 100'000; ++i) {
      const int row = int((std::size_t(i) * 2654435761U) % rows);
      last = view.model()->data(view.model()->index(row, 0)).toString();
      last = view.model()->data(view.model()->index(row, 1)).toString();
    }
    const qint64 dataMs = timer.restart();
    QVERIFY(view.goToRow(2'999'999));
    const qint64 goToMs = timer.restart();
    qInfo("3M rows: sort (2 keys) %lld ms, setTable + sketches %lld ms, scroll to end %lld ms, "
          "200k data() %lld ms, go to row %lld ms",
          sortMs, setTableMs, scrollMs, dataMs, goToMs);
    // Generous bounds (a loaded 2-core machine, RelWithDebInfo): they catch per-row work, not jitter.
    QVERIFY(setTableMs < 2000);
    QVERIFY(scrollMs < 1000);
    QVERIFY(dataMs < 3000);
    QVERIFY(goToMs < 1000);
    QVERIFY(!last.isEmpty());
  }
};

QTEST_MAIN(DataTableViewTest)
#include "tst_DataTableView.moc"
