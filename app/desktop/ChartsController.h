#pragma once
#include <QObject>
#include <memory>

#include "app/jobs/JobManager.h"
#include "engine/data/Table.h"
#include "engine/explore/ChartRequest.h"

namespace lathe::widgets {
class ChartsPanel;
}

namespace lathe::app {

// Drives the Charts dock: offers the shown table's columns to the chart pickers and computes
// each chart asked for as a job (a newer request cancels the one still running), so a scatter of
// a million rows never holds up the window.
class ChartsController : public QObject {
  Q_OBJECT
 public:
  ChartsController(JobManager* jobs, widgets::ChartsPanel* panel, QObject* parent = nullptr);

  // The table to chart (null: none). The chart on show is drawn again for the new table.
  void setTable(std::shared_ptr<const data::Table> table);
  void draw(const explore::ChartRequest& request);

 private:
  JobManager* jobs_;
  widgets::ChartsPanel* panel_;
  std::shared_ptr<const data::Table> table_;
  JobManager::JobId job_ = 0;
};

}  // namespace lathe::app
