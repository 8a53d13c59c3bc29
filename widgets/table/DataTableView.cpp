#include "widgets/table/DataTableView.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <map>

#include "widgets/table/DataTableModel.h"

namespace lathe::widgets {

DataTableView::DataTableView(QWidget* parent) : QTableView(parent), model_(new DataTableModel(this)) {
  setModel(model_);
  setAlternatingRowColors(true);
  setSelectionMode(QAbstractItemView::ExtendedSelection);
  setWordWrap(false);
  verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);  // no per-row height computation
  verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  horizontalHeader()->setDefaultSectionSize(120);
  horizontalHeader()->setHighlightSections(false);
}

void DataTableView::setTable(data::TableView view) { model_->setTable(std::move(view)); }

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

void DataTableView::keyPressEvent(QKeyEvent* event) {
  if (event->matches(QKeySequence::Copy)) {
    QApplication::clipboard()->setText(selectionAsText());
    event->accept();
    return;
  }
  QTableView::keyPressEvent(event);
}

}  // namespace lathe::widgets
