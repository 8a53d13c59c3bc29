#pragma once
#include <QAbstractTableModel>
#include <memory>

#include "engine/data/Table.h"

namespace lathe::widgets {

// A read-only, virtual model over a columnar table view: data() formats only the cells the view
// asks for, in O(1), so millions of rows cost nothing until they scroll into sight. Missing
// values show as a dimmed "missing" marker, never as an empty string or a zero.
class DataTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  explicit DataTableModel(QObject* parent = nullptr);

  void setTable(data::TableView view);
  const data::TableView& tableView() const { return view_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // Role for the column's type name in headerData ("float64"...).
  static constexpr int TypeRole = Qt::UserRole + 1;
  // Role telling whether a cell is missing (bool).
  static constexpr int MissingRole = Qt::UserRole + 2;

 private:
  data::TableView view_;
};

}  // namespace lathe::widgets
