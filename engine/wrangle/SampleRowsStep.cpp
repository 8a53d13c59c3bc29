#include "engine/wrangle/SampleRowsStep.h"

#include <numeric>

#include "engine/data/ColumnGather.h"
#include "engine/wrangle/RowSampling.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {

SampleRowsStep::SampleRowsStep(SampleSize size, std::uint64_t seed) : size_(size), seed_(seed) {}

std::unique_ptr<RecipeStep> SampleRowsStep::fromParameters(const nlohmann::json& parameters) {
  const auto size = SampleSize::fromParameters(parameters, kKind);
  return std::make_unique<SampleRowsStep>(size, seedParameter(parameters, kKind));
}

nlohmann::json SampleRowsStep::parameters() const {
  nlohmann::json out = {{"seed", seed_}};
  size_.writeTo(out);
  return out;
}

std::string SampleRowsStep::describe() const { return "sample " + size_.describe() + " (seed " + std::to_string(seed_) + ")"; }

data::Table SampleRowsStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  const std::size_t count = size_.of(table.rowCount());
  if (count == table.rowCount()) return table;
  std::vector<std::size_t> all(table.rowCount());
  std::iota(all.begin(), all.end(), std::size_t{0});
  RowSampling sampling(seed_);
  const auto rows = sampling.choose(all, count);
  throwIfStopped(context);
  return data::gatherTable(table, rows);
}

}  // namespace lathe::wrangle
