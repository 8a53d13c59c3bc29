#pragma once
#include <QObject>
#include <memory>

#include "app/jobs/JobManager.h"
#include "engine/data/Table.h"

namespace lathe::widgets {
class InsightsPanel;
}

namespace lathe::app {

class RecipeController;

// Drives the Insights dock: checks the table the Data dock shows (a dataset version, or the
// recipe's preview of it) in the background, again whenever the target changes, and turns a
// warning's Fix into a recipe step, so a fix is undoable and shows in the preview at once.
class InsightsController : public QObject {
  Q_OBJECT
 public:
  InsightsController(JobManager* jobs, widgets::InsightsPanel* panel, RecipeController* recipes,
                     QObject* parent = nullptr);

  // Checks `table` (null clears the panel). The target chosen stays while it names a column.
  void setTable(std::shared_ptr<const data::Table> table);

 private:
  void run();

  JobManager* jobs_;
  widgets::InsightsPanel* panel_;
  RecipeController* recipes_;
  std::shared_ptr<const data::Table> table_;
  JobManager::JobId job_ = 0;
};

}  // namespace lathe::app
