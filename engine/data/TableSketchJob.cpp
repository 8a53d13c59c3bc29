#include "engine/data/TableSketchJob.h"

#include "engine/jobs/JobContext.h"

namespace lathe::data {

void TableSketchJob::run(jobs::JobContext& context) {
  const std::size_t columns = table_->columnCount();
  sketches_.reserve(columns);
  for (std::size_t c = 0; c < columns; ++c) {
    const double share = 1.0 / static_cast<double>(columns);
    const jobs::JobContext part = context.subRange(share * static_cast<double>(c), share * static_cast<double>(c + 1));
    sketches_.push_back(ColumnSketch::of(table_->column(c), part));
  }
  context.progress(1.0);
}

}  // namespace lathe::data
