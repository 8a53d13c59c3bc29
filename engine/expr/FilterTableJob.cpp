#include "engine/expr/FilterTableJob.h"

#include <algorithm>

#include "engine/core/Error.h"
#include "engine/expr/FormulaError.h"
#include "engine/jobs/JobContext.h"

namespace lathe::expr {

FilterTableJob::FilterTableJob(std::shared_ptr<const data::Table> table, Formula formula,
                               std::shared_ptr<const std::vector<std::uint32_t>> order)
    : table_(std::move(table)), formula_(std::move(formula)), order_(std::move(order)) {
  if (!table_) throw Error(ErrorCode::InvalidArgument, "no table to filter");
  const data::ColumnType type = formula_.resultType(*table_);
  if (type != data::ColumnType::Bool)
    throw FormulaError("the filter gives " + std::string(data::columnTypeName(type)) +
                           " values, not true/false",
                       1, formula_.text());
}

std::string FilterTableJob::name() const {
  return "Filter " + std::to_string(table_->rowCount()) + " rows by " + formula_.text();
}

void FilterTableJob::run(jobs::JobContext& context) {
  result_.reset();
  context.progress(0.0, "Evaluating the filter");
  const auto keep = formula_.evaluate(*table_, "keep", &context);
  const auto values = keep->boolValues();
  const auto kept = [&](std::size_t row) { return values[row] != 0 && keep->isValid(row); };
  context.progress(0.8, "Listing the rows kept");
  std::vector<std::uint32_t> rows;
  const std::size_t total = order_ ? order_->size() : values.size();
  constexpr std::size_t kChunk = 1 << 20;
  for (std::size_t begin = 0; begin < total; begin += kChunk) {
    context.throwIfStopped();
    const std::size_t end = std::min(total, begin + kChunk);
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t row = order_ ? (*order_)[i] : i;
      if (kept(row)) rows.push_back(static_cast<std::uint32_t>(row));
    }
  }
  rows.shrink_to_fit();
  result_ = std::make_shared<const std::vector<std::uint32_t>>(std::move(rows));
  context.progress(1.0, "Filtered");
}

}  // namespace lathe::expr
