#pragma once
#include <QObject>
#include <memory>
#include <vector>

#include "app/jobs/JobManager.h"
#include "engine/data/Table.h"

namespace lathe::data {
class ProfileCache;
}

namespace lathe::app {

class StudioDocks;

// Drives the Data dock and the Profile dock: shows a table, sorts and filters it with jobs
// (sort first, then the filter over the sorted order, so both hold at once), draws the header's
// mini histograms and profiles every column in the background, and keeps the profile shown in
// step with the column selected in the table.
class DataController : public QObject {
  Q_OBJECT
 public:
  DataController(JobManager* jobs, StudioDocks* docks, QObject* parent = nullptr);

  // Shows a table (null: the Data dock's empty state); `name` goes into the dock's title. The
  // sort and profiling of the table shown before are dropped; its filter is kept when the new
  // table has the columns the formula reads.
  void show(std::shared_ptr<const data::Table> table, const QString& name = {});
  const std::shared_ptr<const data::Table>& table() const noexcept { return table_; }
  // The rows shown, in the order shown (sorted and filtered).
  data::TableView view() const;

  void sort(int column, Qt::SortOrder order);
  // Parses the formula at once (a problem shows in the filter bar with its position), then
  // filters as a job.
  void filter(const QString& formula);
  void clearFilter();

 signals:
  // A new table is in the Data dock (null when it was emptied).
  void tableShown(std::shared_ptr<const data::Table> table);

 private:
  void runSketches();
  void runProfiles();
  void runFilter();
  // The formula parses and gives true/false on the table shown.
  bool filterFits(const QString& formula) const;
  void showRows(std::shared_ptr<const std::vector<std::uint32_t>> rows);
  void cancel(JobManager::JobId& id);

  JobManager* jobs_;
  StudioDocks* docks_;
  std::shared_ptr<const data::Table> table_;
  std::shared_ptr<const std::vector<std::uint32_t>> sortOrder_;  // null: table order
  QString filter_;                                                 // empty: every row
  std::shared_ptr<data::ProfileCache> profiles_;
  JobManager::JobId profileJob_ = 0;
  JobManager::JobId filterJob_ = 0;
};

}  // namespace lathe::app
