#include "engine/wrangle/DropDuplicatesStep.h"

#include <limits>
#include <unordered_map>

#include "engine/data/ColumnGather.h"
#include "engine/data/RowKeys.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

}  // namespace

DropDuplicatesStep::DropDuplicatesStep(std::vector<std::string> columns) : columns_(std::move(columns)) {}

std::unique_ptr<RecipeStep> DropDuplicatesStep::fromParameters(const nlohmann::json& parameters) {
  return std::make_unique<DropDuplicatesStep>(namesParameter(parameters, "columns", kKind, true));
}

nlohmann::json DropDuplicatesStep::parameters() const { return {{"columns", columns_}}; }

std::string DropDuplicatesStep::describe() const {
  if (columns_.empty()) return "drop duplicate rows";
  return "drop rows repeating an earlier row's " +
         (columns_.size() == 1 ? columns_.front() : std::to_string(columns_.size()) + " columns");
}

std::vector<std::size_t> DropDuplicatesStep::firstOfEach(const data::Table& table,
                                                         const std::vector<std::size_t>& columns,
                                                         const jobs::JobContext* context) {
  const std::size_t rows = table.rowCount();
  std::vector<std::uint64_t> hashes(rows, 0);
  for (std::size_t index : columns) {
    throwIfStopped(context);
    const data::Column& column = table.column(index);
    for (std::size_t row = 0; row < rows; ++row)
      hashes[row] = data::foldIntoRowHash(hashes[row], data::cellHash(column, row));
  }
  // Per hash, the latest kept row; `chain` links kept rows that share a hash.
  std::unordered_map<std::uint64_t, std::size_t> latest;
  latest.reserve(rows);
  std::vector<std::size_t> chain(rows, kNone);
  std::vector<std::size_t> kept;
  for (std::size_t row = 0; row < rows; ++row) {
    if (row % kRowsPerCheck == 0) throwIfStopped(context);
    auto [it, added] = latest.try_emplace(hashes[row], row);
    if (!added) {
      bool duplicate = false;
      for (std::size_t other = it->second; other != kNone && !duplicate; other = chain[other])
        duplicate = data::rowsEqual(table, columns, other, row);
      if (duplicate) continue;
      chain[row] = it->second;
      it->second = row;
    }
    kept.push_back(row);
  }
  return kept;
}

data::Table DropDuplicatesStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  std::vector<std::size_t> compared;
  for (const auto& name : columns_) compared.push_back(requireColumnIndex(table, name, kKind));
  if (columns_.empty())
    for (std::size_t i = 0; i < table.columnCount(); ++i) compared.push_back(i);
  const auto kept = firstOfEach(table, compared, context);
  if (kept.size() == table.rowCount()) return table;
  return data::gatherTable(table, kept);
}

}  // namespace lathe::wrangle
