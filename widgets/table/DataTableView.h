#pragma once
#include <QTableView>

#include "engine/data/Table.h"

namespace lathe::widgets {

class DataTableModel;

// The table of rows in the Data dock and the import preview: fixed row heights and no per-row
// work, so it scrolls through millions of rows; Ctrl+C copies the selected cells as TSV.
class DataTableView : public QTableView {
  Q_OBJECT
 public:
  explicit DataTableView(QWidget* parent = nullptr);
  void setTable(data::TableView view);
  DataTableModel* dataModel() const { return model_; }
  // The selected cells as tab-separated text, rows in order.
  QString selectionAsText() const;

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  DataTableModel* model_;
};

}  // namespace lathe::widgets
