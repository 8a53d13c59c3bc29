#pragma once
#include <QTableView>
#include <vector>

#include "engine/data/ColumnSketch.h"
#include "engine/data/Table.h"

class QInputDialog;

namespace lathe::widgets {

class DataTableModel;
class HistogramHeaderView;

// The table of rows in the Data dock and the import preview: fixed row heights and no per-row
// work, so it scrolls through millions of rows. The header shows each column's type and a mini
// histogram; clicking it asks for a sort (sortRequested), which the app runs as a job and answers
// with setTable(view with the new row order). Ctrl+C copies the selected cells as TSV, Ctrl+G goes
// to a row.
class DataTableView : public QTableView {
  Q_OBJECT
 public:
  // Copying more cells than this is refused with a message rather than freezing the GUI.
  static constexpr qint64 kMaxCopyCells = 1'000'000;

  explicit DataTableView(QWidget* parent = nullptr);
  void setTable(data::TableView view);
  DataTableModel* dataModel() const { return model_; }
  HistogramHeaderView* histogramHeader() const { return header_; }
  // One sketch per column, drawn in the header (ColumnSketch::of computes them, off the GUI thread).
  void setColumnSketches(std::vector<data::ColumnSketch> sketches);

  // The selected cells as tab-separated text, rows in order (missing cells empty).
  QString selectionAsText() const;
  // Selected cells, counted from the selection's ranges without listing them.
  qint64 selectedCellCount() const;
  // Copies the selection to the clipboard; refuses (message, false) past kMaxCopyCells.
  bool copySelection();

  // Scrolls to and selects the row the vertical header labels `shownRow` (1-based, the source
  // table's row number, as shown). Out of range or not in this view: a message and false.
  bool goToRow(qint64 shownRow);
  // Opens the small "Go to row" input (Ctrl+G); it stays open with the reason when refused.
  void openGoToRow();

 signals:
  // The user clicked a column header: sort the rows by `column` in `order`.
  void sortRequested(int column, Qt::SortOrder order);
  // Something the user should read (a refused copy, an out-of-range row).
  void message(const QString& text);

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  DataTableModel* model_;
  HistogramHeaderView* header_;
  QInputDialog* goToDialog_ = nullptr;
  QString lastMessage_;
};

}  // namespace lathe::widgets
