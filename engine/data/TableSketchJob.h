#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/data/ColumnSketch.h"
#include "engine/data/Table.h"
#include "engine/jobs/Job.h"

namespace lathe::data {

// The mini histograms the data table's header draws, one per column, off the GUI thread.
class TableSketchJob final : public jobs::Job {
 public:
  explicit TableSketchJob(std::shared_ptr<const Table> table) : table_(std::move(table)) {}
  std::string name() const override { return "Column histograms"; }
  void run(jobs::JobContext& context) override;
  const std::shared_ptr<const Table>& table() const { return table_; }
  std::vector<ColumnSketch>& sketches() { return sketches_; }

 private:
  std::shared_ptr<const Table> table_;
  std::vector<ColumnSketch> sketches_;
};

}  // namespace lathe::data
