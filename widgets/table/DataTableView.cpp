#include "widgets/table/DataTableView.h"

#include <QApplication>
#include <QClipboard>
#include <QInputDialog>
#include <QKeyEvent>
#include <algorithm>
#include <map>

#include "widgets/table/DataTableModel.h"
#include "widgets/table/HistogramHeaderView.h"

namespace lathe::widgets {

DataTableView::DataTableView(QWidget* parent)
    : QTableView(parent), model_(new DataTableModel(this)), header_(new HistogramHeaderView(this)) {
  setHorizontalHeader(header_);
  setModel(model_);
  setAlternatingRowColors(true);
  setSelectionMode(QAbstractItemView::ExtendedSelection);
  setWordWrap(false);
  verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);  // no per-row height computation
  verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  header_->setSectionResizeMode(QHeaderView::Interactive);
  header_->setDefaultSectionSize(120);
  header_->setHighlightSections(false);
  // QTableView turns the arrow off with its own sorting (off: the model does not sort, a job does).
  header_->setSortIndicatorShown(true);
  // The header has already flipped its indicator when it reports the click; the app sorts.
  connect(header_, &QHeaderView::sectionClicked, this,
          [this](int section) { emit sortRequested(section, header_->sortIndicatorOrder()); });
}

void DataTableView::setTable(data::TableView view) {
  const bool sameColumns = view.table && model_->tableView().table &&
                           view.table->columnCount() == model_->tableView().table->columnCount();
  model_->setTable(std::move(view));
  // A sorted view of the same table keeps its arrow; another table starts unsorted.
  if (!sameColumns || !model_->tableView().rows) header_->setSortIndicator(-1, Qt::AscendingOrder);
}

void DataTableView::setColumnSketches(std::vector<data::ColumnSketch> sketches) {
  header_->setSketches(std::move(sketches));
}

qint64 DataTableView::selectedCellCount() const {
  qint64 cells = 0;
  for (const QItemSelectionRange& range : selectionModel()->selection())
    cells += qint64(range.width()) * qint64(range.height());
  return cells;
}

QString DataTableView::selectionAsText() const {
  std::map<int, std::map<int, QString>> cells;
  for (const QModelIndex& index : selectionModel()->selectedIndexes())
    cells[index.row()][index.column()] =
        model_->data(index, DataTableModel::MissingRole).toBool() ? QString() : model_->data(index).toString();
  QStringList lines;
  for (const auto& [row, columns] : cells) {
    QStringList fields;
    for (const auto& [column, text] : columns) fields << text;
    lines << fields.join(QLatin1Char('\t'));
  }
  return lines.join(QLatin1Char('\n'));
}

bool DataTableView::copySelection() {
  const qint64 cells = selectedCellCount();
  if (cells > kMaxCopyCells) {
    emit message(tr("%1 cells are selected; copying is limited to %2. Export the table instead.")
                     .arg(QLocale().toString(cells), QLocale().toString(kMaxCopyCells)));
    return false;
  }
  QApplication::clipboard()->setText(selectionAsText());
  return true;
}

bool DataTableView::goToRow(qint64 shownRow) {
  const data::TableView& view = model_->tableView();
  const qint64 sourceRows = view.table ? qint64(view.table->rowCount()) : 0;
  if (shownRow < 1 || shownRow > sourceRows) {
    lastMessage_ = sourceRows == 0 ? tr("There are no rows to go to.")
                                   : tr("Row %1 is out of range: enter 1 to %2.").arg(shownRow).arg(sourceRows);
    emit message(lastMessage_);
    return false;
  }
  qint64 position = shownRow - 1;
  if (view.rows) {  // sorted or filtered: find where the source row sits (one pass, no allocation)
    const auto& rows = *view.rows;
    const auto found = std::find(rows.begin(), rows.end(), static_cast<std::uint32_t>(shownRow - 1));
    if (found == rows.end()) {
      lastMessage_ = tr("Row %1 is not in this view (it is filtered out).").arg(shownRow);
      emit message(lastMessage_);
      return false;
    }
    position = found - rows.begin();
  }
  if (position >= model_->rowCount()) return false;
  const QModelIndex index = model_->index(static_cast<int>(position), std::max(0, currentIndex().column()));
  scrollTo(index, QAbstractItemView::PositionAtCenter);
  setCurrentIndex(index);
  selectRow(static_cast<int>(position));
  return true;
}

void DataTableView::openGoToRow() {
  if (!goToDialog_) {
    goToDialog_ = new QInputDialog(this);
    goToDialog_->setObjectName(QStringLiteral("goToRowDialog"));
    goToDialog_->setWindowTitle(tr("Go to Row"));
    goToDialog_->setInputMode(QInputDialog::TextInput);
    // Reopened with the reason while the row is refused; closed once it is found.
    connect(goToDialog_, &QInputDialog::textValueSelected, this, [this](const QString& text) {
      bool ok = false;
      const qint64 row = QLocale().toLongLong(text.trimmed(), &ok);
      const qint64 plain = ok ? row : text.trimmed().toLongLong(&ok);
      if (!ok) {
        lastMessage_ = tr("\"%1\" is not a row number.").arg(text);
        emit message(lastMessage_);
      }
      if (!ok || !goToRow(plain)) {
        goToDialog_->setLabelText(lastMessage_);
        goToDialog_->open();
      }
    });
  }
  const qint64 rows = model_->tableView().table ? qint64(model_->tableView().table->rowCount()) : 0;
  goToDialog_->setLabelText(tr("Row (1 to %1):").arg(rows));
  goToDialog_->setTextValue(QString());
  goToDialog_->open();
}

void DataTableView::keyPressEvent(QKeyEvent* event) {
  if (event->matches(QKeySequence::Copy)) {
    copySelection();
    event->accept();
    return;
  }
  if (event->key() == Qt::Key_G && event->modifiers() == Qt::ControlModifier) {
    openGoToRow();
    event->accept();
    return;
  }
  QTableView::keyPressEvent(event);
}

}  // namespace lathe::widgets
