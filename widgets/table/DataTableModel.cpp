#include "widgets/table/DataTableModel.h"

#include <QBrush>
#include <QFont>
#include <QPalette>
#include <QGuiApplication>
#include <limits>

namespace lathe::widgets {

DataTableModel::DataTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void DataTableModel::setTable(data::TableView view) {
  beginResetModel();
  view_ = std::move(view);
  endResetModel();
}

int DataTableModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid()) return 0;
  // A view shows at most INT_MAX rows (Qt's limit); larger tables are paged by the caller.
  return static_cast<int>(std::min<std::size_t>(view_.rowCount(), std::numeric_limits<int>::max()));
}

int DataTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() || !view_.table ? 0 : static_cast<int>(view_.table->columnCount());
}

QVariant DataTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || !view_.table) return {};
  const data::Column& column = view_.table->column(static_cast<std::size_t>(index.column()));
  const std::size_t row = view_.sourceRow(static_cast<std::size_t>(index.row()));
  const bool missing = !column.isValid(row);
  switch (role) {
    case Qt::DisplayRole:
      return missing ? tr("missing") : QString::fromStdString(column.displayText(row));
    case Qt::ToolTipRole:
      return missing ? tr("Missing value") : QVariant();
    case MissingRole:
      return missing;
    case Qt::ForegroundRole:
      if (missing) return QBrush(QGuiApplication::palette().color(QPalette::PlaceholderText));
      return {};
    case Qt::FontRole:
      if (missing) {
        QFont font;
        font.setItalic(true);
        return font;
      }
      return {};
    case Qt::TextAlignmentRole:
      return QVariant::fromValue(Qt::AlignVCenter | (column.isNumeric() ? Qt::AlignRight : Qt::AlignLeft));
    default:
      return {};
  }
}

QVariant DataTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Vertical) {
    if (role == Qt::DisplayRole && view_.table) return QString::number(view_.sourceRow(static_cast<std::size_t>(section)) + 1);
    return {};
  }
  if (!view_.table || section < 0 || static_cast<std::size_t>(section) >= view_.table->columnCount()) return {};
  const data::Column& column = view_.table->column(static_cast<std::size_t>(section));
  const QString type = QString::fromLatin1(data::columnTypeName(column.type()).data(),
                                           static_cast<int>(data::columnTypeName(column.type()).size()));
  switch (role) {
    case Qt::DisplayRole: return QStringLiteral("%1\n%2").arg(QString::fromStdString(column.name()), type);
    case Qt::ToolTipRole:
      return tr("%1: %2, %n missing", nullptr, static_cast<int>(column.missingCount()))
          .arg(QString::fromStdString(column.name()), type);
    case TypeRole: return type;
    default: return {};
  }
}

}  // namespace lathe::widgets
