#include "engine/wrangle/ConcatenateStep.h"

#include <limits>
#include <unordered_map>

#include "engine/core/Error.h"
#include "engine/wrangle/DatasetInput.h"
#include "engine/wrangle/NumericColumnValues.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {
using data::Column;
using data::ColumnType;
using nlohmann::json;
const std::string kStep = "concatenate";

// One side of the stack: a column, or nothing (all missing) for `rows` rows.
struct Part {
  const Column* column;
  std::size_t rows;
};

data::Validity validityOf(const Part (&parts)[2]) {
  data::Validity validity;
  const std::size_t total = parts[0].rows + parts[1].rows;
  std::size_t offset = 0;
  for (const Part& part : parts) {
    for (std::size_t row = 0; row < part.rows; ++row)
      if (!part.column || !part.column->isValid(row)) validity.setMissing(offset + row, total);
    offset += part.rows;
  }
  return validity;
}

template <typename T, typename Values>
std::vector<T> stacked(const Part (&parts)[2], Values values) {
  std::vector<T> out;
  out.reserve(parts[0].rows + parts[1].rows);
  for (const Part& part : parts) {
    if (!part.column) {
      out.insert(out.end(), part.rows, T{});
      continue;
    }
    const auto span = values(*part.column);
    out.insert(out.end(), span.begin(), span.end());
  }
  return out;
}

std::shared_ptr<const Column> stack(const std::string& name, ColumnType type, const Part (&parts)[2]) {
  switch (type) {
    case ColumnType::Float64: {
      std::vector<double> out;
      out.reserve(parts[0].rows + parts[1].rows);
      for (const Part& part : parts) {
        if (!part.column) out.insert(out.end(), part.rows, std::numeric_limits<double>::quiet_NaN());
        else for (double v : numericValues(*part.column)) out.push_back(v);
      }
      return Column::float64(name, std::move(out), validityOf(parts));
    }
    case ColumnType::Int64:
      return Column::int64(name, stacked<std::int64_t>(parts, [](const Column& c) { return c.int64Values(); }),
                           validityOf(parts));
    case ColumnType::Datetime:
      return Column::datetime(name, stacked<std::int64_t>(parts, [](const Column& c) { return c.int64Values(); }),
                              validityOf(parts));
    case ColumnType::Bool:
      return Column::boolean(name, stacked<std::uint8_t>(parts, [](const Column& c) { return c.boolValues(); }),
                             validityOf(parts));
    case ColumnType::Categorical: {
      std::vector<std::string> levels;
      std::unordered_map<std::string, std::int32_t> index;
      std::vector<std::int32_t> codes;
      codes.reserve(parts[0].rows + parts[1].rows);
      for (const Part& part : parts) {
        if (!part.column) {
          codes.insert(codes.end(), part.rows, -1);
          continue;
        }
        std::vector<std::int32_t> remap;
        for (const auto& level : part.column->levels()) {
          const auto [it, added] = index.emplace(level, static_cast<std::int32_t>(levels.size()));
          if (added) levels.push_back(level);
          remap.push_back(it->second);
        }
        for (std::int32_t code : part.column->codes()) codes.push_back(code < 0 ? -1 : remap[static_cast<std::size_t>(code)]);
      }
      return Column::categorical(name, std::move(codes), std::move(levels), validityOf(parts));
    }
    case ColumnType::Text: {
      std::vector<std::uint64_t> offsets{0};
      std::string bytes;
      for (const Part& part : parts)
        for (std::size_t row = 0; row < part.rows; ++row) {
          if (part.column && part.column->isValid(row)) bytes += part.column->textAt(row);
          offsets.push_back(bytes.size());
        }
      return Column::text(name, std::move(offsets), std::move(bytes), validityOf(parts));
    }
  }
  throw Error(ErrorCode::Internal, kStep + ": column '" + name + "' has an unknown type");
}

ColumnType stackedType(const Column* top, const Column* bottom) {
  if (!top) return bottom->type();
  if (!bottom || top->type() == bottom->type()) return top->type();
  const auto numeric = [](ColumnType t) { return t == ColumnType::Int64 || t == ColumnType::Float64; };
  if (numeric(top->type()) && numeric(bottom->type())) return ColumnType::Float64;
  throw Error(ErrorCode::InvalidArgument,
              kStep + ": column '" + top->name() + "' is " + std::string(data::columnTypeName(top->type())) +
                  " here but " + std::string(data::columnTypeName(bottom->type())) +
                  " in the rows to append; change one type first",
              {}, top->name());
}

}  // namespace

ConcatenateStep::ConcatenateStep(std::int64_t datasetVersion) : datasetVersion_(datasetVersion) {}

std::unique_ptr<RecipeStep> ConcatenateStep::fromParameters(const json& parameters) {
  const auto version = datasetVersionParameter(parameters, kStep);
  return std::make_unique<ConcatenateStep>(version);
}

json ConcatenateStep::parameters() const { return {{"dataset_version", datasetVersion_}}; }

std::string ConcatenateStep::describe() const {
  return "append the rows of dataset version " + std::to_string(datasetVersion_);
}

void ConcatenateStep::resolveInputs(const TableResolver& resolve) {
  other_ = resolveDataset(resolve, datasetVersion_, kStep);
}

data::Table ConcatenateStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  const data::Table& other = loadedDataset(other_, datasetVersion_, kStep);
  std::vector<std::shared_ptr<const Column>> columns;
  for (const auto& column : table.columns()) {
    throwIfStopped(context);
    const auto match = other.indexOf(column->name());
    const Column* bottom = match ? &other.column(*match) : nullptr;
    const Part parts[2] = {{column.get(), table.rowCount()}, {bottom, other.rowCount()}};
    columns.push_back(stack(column->name(), stackedType(column.get(), bottom), parts));
  }
  for (const auto& column : other.columns()) {
    if (table.indexOf(column->name())) continue;
    throwIfStopped(context);
    const Part parts[2] = {{nullptr, table.rowCount()}, {column.get(), other.rowCount()}};
    columns.push_back(stack(column->name(), column->type(), parts));
  }
  return data::Table(std::move(columns));
}

}  // namespace lathe::wrangle
