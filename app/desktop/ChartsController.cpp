#include "app/desktop/ChartsController.h"

#include "engine/explore/ChartJob.h"
#include "widgets/panels/ChartsPanel.h"

namespace lathe::app {

ChartsController::ChartsController(JobManager* jobs, widgets::ChartsPanel* panel, QObject* parent)
    : QObject(parent), jobs_(jobs), panel_(panel) {
  connect(panel_, &widgets::ChartsPanel::chartRequested, this, &ChartsController::draw);
}

void ChartsController::setTable(std::shared_ptr<const data::Table> table) {
  table_ = std::move(table);
  widgets::ChartsPanel::ColumnList columns;
  if (table_)
    for (const auto& column : table_->columns()) columns.emplace_back(QString::fromStdString(column->name()), column->type());
  panel_->setColumns(std::move(columns));
  if (panel_->isComplete()) draw(panel_->request());
}

void ChartsController::draw(const explore::ChartRequest& request) {
  if (job_ != 0 && jobs_->isActive(job_)) jobs_->cancel(job_);
  job_ = 0;
  if (!table_) return;
  auto job = std::make_shared<explore::ChartJob>(table_, request);
  panel_->setBusy(true);
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, job] {
    if (job->table() != table_) return;
    if (job->histogram()) panel_->showHistogram(*job->histogram());
    if (job->boxPlot()) panel_->showBoxPlot(*job->boxPlot());
    if (job->scatter()) panel_->showScatter(*job->scatter());
    if (job->correlation()) panel_->showCorrelation(*job->correlation());
    if (job->featureTarget()) panel_->showFeatureTarget(*job->featureTarget());
  };
  callbacks.failed = [this, job](const QString& error) {
    if (job->table() == table_) panel_->showError(error);
  };
  job_ = jobs_->submit(job, tr("Draw chart"), std::move(callbacks));
}

}  // namespace lathe::app
