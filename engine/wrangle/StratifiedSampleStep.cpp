#include "engine/wrangle/StratifiedSampleStep.h"

#include <algorithm>

#include "engine/data/ColumnGather.h"
#include "engine/wrangle/RowSampling.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {

StratifiedSampleStep::StratifiedSampleStep(std::string column, SampleSize size, std::uint64_t seed)
    : column_(std::move(column)), size_(size), seed_(seed) {}

std::unique_ptr<RecipeStep> StratifiedSampleStep::fromParameters(const nlohmann::json& parameters) {
  auto column = stringParameter(parameters, "column", kKind);
  const auto size = SampleSize::fromParameters(parameters, kKind);
  return std::make_unique<StratifiedSampleStep>(std::move(column), size, seedParameter(parameters, kKind));
}

nlohmann::json StratifiedSampleStep::parameters() const {
  nlohmann::json out = {{"column", column_}, {"seed", seed_}};
  size_.writeTo(out);
  return out;
}

std::string StratifiedSampleStep::describe() const {
  return "sample " + size_.describe() + " keeping the shares of " + column_ + " (seed " + std::to_string(seed_) + ")";
}

data::Table StratifiedSampleStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  const auto& column = table.column(requireColumnIndex(table, column_, kKind));
  const std::size_t count = size_.of(table.rowCount());
  if (count == table.rowCount()) return table;
  const auto groups = RowSampling::groupRows(column);
  std::vector<double> weights;
  for (const auto& group : groups) weights.push_back(static_cast<double>(group.size()));
  const auto parts = RowSampling::apportion(weights, count);
  RowSampling sampling(seed_);
  std::vector<std::size_t> rows;
  rows.reserve(count);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    throwIfStopped(context);
    const auto chosen = sampling.choose(groups[g], parts[g]);
    rows.insert(rows.end(), chosen.begin(), chosen.end());
  }
  std::sort(rows.begin(), rows.end());
  return data::gatherTable(table, rows);
}

}  // namespace lathe::wrangle
