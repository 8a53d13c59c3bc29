#include "app/desktop/InsightsController.h"

#include "app/desktop/RecipeController.h"
#include "engine/insights/InsightsJob.h"
#include "widgets/panels/InsightsPanel.h"

namespace lathe::app {

InsightsController::InsightsController(JobManager* jobs, widgets::InsightsPanel* panel, RecipeController* recipes,
                                       QObject* parent)
    : QObject(parent), jobs_(jobs), panel_(panel), recipes_(recipes) {
  connect(panel_, &widgets::InsightsPanel::targetChanged, this, &InsightsController::run);
  connect(panel_, &widgets::InsightsPanel::fixRequested, this, [this](const insights::DataInsight& insight) {
    if (insight.fix) recipes_->addStep(insight.fix->stepKind, insight.fix->parameters);
  });
}

void InsightsController::setTable(std::shared_ptr<const data::Table> table) {
  table_ = std::move(table);
  const QString target = panel_->target();
  QStringList names;
  if (table_)
    for (const auto& column : table_->columns()) names << QString::fromStdString(column->name());
  {
    const QSignalBlocker blocker(panel_);  // one run below, not one per combo change
    panel_->setColumns(names);
    panel_->setTarget(names.contains(target) ? target : QString());
  }
  run();
}

void InsightsController::run() {
  if (job_ != 0 && jobs_->isActive(job_)) jobs_->cancel(job_);
  job_ = 0;
  if (!table_ || table_->columnCount() == 0) {
    panel_->clear();
    return;
  }
  auto job = std::make_shared<insights::InsightsJob>(table_, panel_->target().toStdString());
  panel_->setBusy(true);
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, job] {
    if (job->table() != table_) return;
    panel_->setBusy(false);
    panel_->setInsights(job->results());
  };
  callbacks.failed = [this](const QString&) { panel_->setBusy(false); };
  job_ = jobs_->submit(job, tr("Data insights"), std::move(callbacks));
}

}  // namespace lathe::app
