#pragma once
#include <QIcon>
#include <QStringList>
#include <QWidget>
#include <array>
#include <memory>
#include <vector>

#include "engine/data/ColumnProfile.h"

class QGridLayout;
class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace lathe::widgets {

class HistogramChart;
class PlaceholderStack;

// The Profile dock: the table's columns (name, type, share missing) and, for the column picked,
// its statistics and its distribution. Profiles arrive one by one from a background job; a column
// whose profile has not arrived says so. It shows what it is given and emits what the user picks.
class ColumnProfilePanel : public QWidget {
  Q_OBJECT
 public:
  explicit ColumnProfilePanel(QWidget* parent = nullptr);

  // One per column, in the table's order; a null entry is a column still being profiled.
  void setProfiles(std::vector<std::shared_ptr<const data::ColumnProfile>> profiles);
  // A new table's columns, known before their profiles: every column shows "Profiling…".
  void setColumnNames(const QStringList& names);
  // The profile of one column as it arrives (null: being profiled again). Ignored out of range.
  void setProfile(int column, std::shared_ptr<const data::ColumnProfile> profile);
  // Follows the table's selection; emits nothing. -1 or an index out of range selects none.
  void selectColumn(int column);
  int selectedColumn() const { return selected_; }
  int columnCount() const { return static_cast<int>(columns_.size()); }
  void clear();

 signals:
  // The user picked a column in the panel's list.
  void columnSelected(int column);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Entry {
    QString name;
    std::shared_ptr<const data::ColumnProfile> profile;
  };

  void fillList();
  void updateItem(int column);
  void describe(QTreeWidgetItem* item, const Entry& entry) const;
  void showSelected();
  void fillStatistics(const data::ColumnProfile& profile);
  void addStatistic(const QString& key, const QString& label, const QString& value, const QString& toolTip = {});
  void addTopValues(const data::ColumnProfile& profile);
  void retranslate();
  QString typeName(data::ColumnType type) const;

  std::vector<Entry> columns_;
  int selected_ = -1;
  int gridCell_ = 0;  // the next free label/value pair of the statistics grid
  std::array<QIcon, 6> typeIcons_;
  QTreeWidget* list_;
  PlaceholderStack* placeholder_;
  QLabel* title_;
  QStackedWidget* detail_;
  QLabel* message_;
  QWidget* statistics_;
  QGridLayout* grid_;
  HistogramChart* chart_;
};

}  // namespace lathe::widgets
