#include "app/desktop/DataController.h"

#include <QItemSelectionModel>

#include "app/desktop/StudioDocks.h"
#include "engine/data/ProfileCache.h"
#include "engine/data/ProfileTableJob.h"
#include "engine/data/SortTableJob.h"
#include "engine/data/TableSketchJob.h"
#include "engine/expr/FilterTableJob.h"
#include "engine/expr/FormulaError.h"
#include "widgets/panels/ColumnProfilePanel.h"
#include "widgets/table/DataFilterBar.h"
#include "widgets/table/DataTableModel.h"
#include "widgets/table/DataTableView.h"

namespace lathe::app {

DataController::DataController(JobManager* jobs, StudioDocks* docks, QObject* parent)
    : QObject(parent), jobs_(jobs), docks_(docks), profiles_(std::make_shared<data::ProfileCache>()) {
  auto* view = docks_->dataView;
  connect(view, &widgets::DataTableView::sortRequested, this, &DataController::sort);
  connect(docks_->dataFilter, &widgets::DataFilterBar::filterRequested, this, &DataController::filter);
  connect(docks_->dataFilter, &widgets::DataFilterBar::filterCleared, this, &DataController::clearFilter);
  // The profile follows the table's current column, and picking a column in the profile moves the
  // table's current cell there (same row), so the two never disagree.
  connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
    if (current.isValid()) docks_->profilePanel->selectColumn(current.column());
  });
  connect(docks_->profilePanel, &widgets::ColumnProfilePanel::columnSelected, this, [this](int column) {
    auto* tableView = docks_->dataView;
    const int row = std::max(0, tableView->currentIndex().row());
    const QModelIndex target = tableView->model()->index(row, column);
    if (!target.isValid()) return;
    tableView->setCurrentIndex(target);
    tableView->scrollTo(target);
  });
}

data::TableView DataController::view() const { return docks_->dataView->dataModel()->tableView(); }

void DataController::cancel(JobManager::JobId& id) {
  if (id != 0 && jobs_->isActive(id)) jobs_->cancel(id);
  id = 0;
}

void DataController::show(std::shared_ptr<const data::Table> table, const QString& name) {
  cancel(profileJob_);
  cancel(filterJob_);
  // A filter stays while the table still has the columns it reads: the recipe's preview changes
  // with every edit, and the user's filter should not vanish with it.
  const QString keptFilter = filter_;
  table_ = std::move(table);
  sortOrder_.reset();
  filter_.clear();
  profiles_->dropExpired();
  docks_->showData(table_, name);
  docks_->dataFilter->reset();
  if (!keptFilter.isEmpty() && table_ && filterFits(keptFilter)) {
    filter_ = keptFilter;
    docks_->dataFilter->setFormula(filter_);
  }
  QStringList names;
  if (table_)
    for (const auto& column : table_->columns()) names << QString::fromStdString(column->name());
  docks_->dataFilter->setColumns(names);
  docks_->profilePanel->clear();
  docks_->profilePanel->setColumnNames(names);
  docks_->showProfile(table_ != nullptr);
  emit tableShown(table_);
  if (!table_ || table_->columnCount() == 0) return;
  runSketches();
  runProfiles();
  if (!filter_.isEmpty()) runFilter();
}

bool DataController::filterFits(const QString& formula) const {
  try {
    return expr::Formula::parse(formula.toStdString()).resultType(*table_) == data::ColumnType::Bool;
  } catch (const Error&) {
    return false;
  }
}

void DataController::runSketches() {
  // The header's mini histograms: one pass per column, off the GUI thread.
  auto sketch = std::make_shared<data::TableSketchJob>(table_);
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, sketch] {
    if (sketch->table() == table_) docks_->dataView->setColumnSketches(std::move(sketch->sketches()));
  };
  jobs_->submit(sketch, tr("Column histograms"), std::move(callbacks));
}

void DataController::runProfiles() {
  auto job = std::make_shared<data::ProfileTableJob>(table_, profiles_);
  JobManager::Callbacks callbacks;
  const auto table = table_;
  callbacks.finished = [this, job, table] {
    if (table != table_) return;
    docks_->profilePanel->setProfiles(job->results());
  };
  profileJob_ = jobs_->submit(job, tr("Column profiles"), std::move(callbacks));
}

void DataController::sort(int column, Qt::SortOrder order) {
  if (!table_ || column < 0 || static_cast<std::size_t>(column) >= table_->columnCount()) return;
  const std::vector<data::SortKey> keys{{static_cast<std::size_t>(column), order == Qt::DescendingOrder}};
  auto job = std::make_shared<data::SortTableJob>(table_, keys);
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, job] {
    if (job->table() != table_ || !job->result()) return;
    sortOrder_ = job->result();
    if (filter_.isEmpty())
      showRows(sortOrder_);
    else
      runFilter();  // the filter keeps the new order
  };
  jobs_->submit(job, tr("Sort by %1").arg(QString::fromStdString(table_->column(column).name())),
                std::move(callbacks));
}

void DataController::filter(const QString& formula) {
  if (!table_) return;
  filter_ = formula.trimmed();
  if (filter_.isEmpty()) {
    clearFilter();
    return;
  }
  runFilter();
}

void DataController::clearFilter() {
  cancel(filterJob_);
  filter_.clear();
  docks_->dataFilter->setResult(qint64(table_ ? table_->rowCount() : 0), qint64(table_ ? table_->rowCount() : 0));
  showRows(sortOrder_);
}

void DataController::runFilter() {
  cancel(filterJob_);
  std::shared_ptr<expr::FilterTableJob> job;
  try {
    job = std::make_shared<expr::FilterTableJob>(table_, expr::Formula::parse(filter_.toStdString()), sortOrder_);
  } catch (const expr::FormulaError& e) {
    docks_->dataFilter->setError(QString::fromUtf8(e.what()), static_cast<int>(e.position()));
    return;
  } catch (const Error& e) {
    docks_->dataFilter->setError(QString::fromUtf8(e.what()));
    return;
  }
  docks_->dataFilter->setBusy(true);
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, job] {
    if (job->table() != table_ || !job->result()) return;
    showRows(job->result());
    docks_->dataFilter->setResult(qint64(job->result()->size()), qint64(table_->rowCount()));
  };
  callbacks.failed = [this](const QString& error) { docks_->dataFilter->setError(error); };
  filterJob_ = jobs_->submit(job, tr("Filter rows"), std::move(callbacks));
}

void DataController::showRows(std::shared_ptr<const std::vector<std::uint32_t>> rows) {
  docks_->dataView->setTable(data::TableView{table_, std::move(rows)});
}

}  // namespace lathe::app
