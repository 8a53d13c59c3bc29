#include "engine/wrangle/DropDuplicatesStep.h"

#include <bit>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>

#include "engine/data/ColumnGather.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {

using data::Column;
using data::ColumnType;

constexpr std::uint64_t kMissingHash = 0x9e3779b97f4a7c15ULL;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// -0 and 0 are equal, and every NaN is one value, so they must hash alike.
std::uint64_t doubleBits(double value) {
  if (std::isnan(value)) return 0x7ff8000000000000ULL;
  return value == 0.0 ? 0 : std::bit_cast<std::uint64_t>(value);
}

std::uint64_t cellHash(const Column& column, std::size_t row) {
  if (!column.isValid(row)) return kMissingHash;
  switch (column.type()) {
    case ColumnType::Float64: return mix(doubleBits(column.float64Values()[row]));
    case ColumnType::Int64:
    case ColumnType::Datetime: return mix(static_cast<std::uint64_t>(column.int64Values()[row]));
    case ColumnType::Bool: return mix(column.boolValues()[row]);
    case ColumnType::Categorical: return mix(static_cast<std::uint64_t>(column.codes()[row]));
    case ColumnType::Text: return std::hash<std::string_view>{}(column.textAt(row));
  }
  return 0;
}

bool cellsEqual(const Column& column, std::size_t a, std::size_t b) {
  const bool validA = column.isValid(a), validB = column.isValid(b);
  if (!validA || !validB) return validA == validB;
  switch (column.type()) {
    case ColumnType::Float64: {
      const double x = column.float64Values()[a], y = column.float64Values()[b];
      return x == y || (std::isnan(x) && std::isnan(y));
    }
    case ColumnType::Int64:
    case ColumnType::Datetime: return column.int64Values()[a] == column.int64Values()[b];
    case ColumnType::Bool: return column.boolValues()[a] == column.boolValues()[b];
    case ColumnType::Categorical: return column.codes()[a] == column.codes()[b];
    case ColumnType::Text: return column.textAt(a) == column.textAt(b);
  }
  return false;
}

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
    const Column& column = table.column(index);
    for (std::size_t row = 0; row < rows; ++row) hashes[row] = mix(hashes[row] * 31 + cellHash(column, row));
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
      for (std::size_t other = it->second; other != kNone && !duplicate; other = chain[other]) {
        duplicate = true;
        for (std::size_t index : columns)
          if (!cellsEqual(table.column(index), other, row)) {
            duplicate = false;
            break;
          }
      }
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
