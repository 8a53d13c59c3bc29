#include "engine/expr/FormulaValues.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "engine/core/Error.h"

namespace lathe::expr {

const char* valueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::Null: return "missing";
    case ValueKind::Int: return "int64";
    case ValueKind::Float: return "float64";
    case ValueKind::Bool: return "bool";
    case ValueKind::Text: return "text";
    case ValueKind::Categorical: return "categorical";
    case ValueKind::Datetime: return "datetime";
  }
  return "?";
}

data::ColumnType columnTypeOf(ValueKind kind) {
  switch (kind) {
    case ValueKind::Null:
    case ValueKind::Float: return data::ColumnType::Float64;
    case ValueKind::Int: return data::ColumnType::Int64;
    case ValueKind::Bool: return data::ColumnType::Bool;
    case ValueKind::Text: return data::ColumnType::Text;
    case ValueKind::Categorical: return data::ColumnType::Categorical;
    case ValueKind::Datetime: return data::ColumnType::Datetime;
  }
  return data::ColumnType::Float64;
}

ValueKind valueKindOf(data::ColumnType type) {
  switch (type) {
    case data::ColumnType::Float64: return ValueKind::Float;
    case data::ColumnType::Int64: return ValueKind::Int;
    case data::ColumnType::Bool: return ValueKind::Bool;
    case data::ColumnType::Categorical: return ValueKind::Categorical;
    case data::ColumnType::Text: return ValueKind::Text;
    case data::ColumnType::Datetime: return ValueKind::Datetime;
  }
  return ValueKind::Null;
}

FormulaValues FormulaValues::missing(ValueKind kind) {
  FormulaValues values;
  values.kind = kind;
  values.valid = {0};
  values.floats = {0.0};
  values.ints = {0};
  values.bools = {0};
  values.offsets = {0, 0};
  values.codes = {-1};
  return values;
}

FormulaValues FormulaValues::fromColumn(const data::Column& column) {
  FormulaValues values;
  values.kind = valueKindOf(column.type());
  values.scalar = false;
  values.slots = column.size();
  switch (column.type()) {
    case data::ColumnType::Float64: {
      const auto source = column.float64Values();
      values.floats.assign(source.begin(), source.end());
      break;
    }
    case data::ColumnType::Int64:
    case data::ColumnType::Datetime: {
      const auto source = column.int64Values();
      values.ints.assign(source.begin(), source.end());
      break;
    }
    case data::ColumnType::Bool: {
      const auto source = column.boolValues();
      values.bools.assign(source.begin(), source.end());
      break;
    }
    case data::ColumnType::Categorical: {
      const auto source = column.codes();
      values.codes.assign(source.begin(), source.end());
      values.levels = &column.levels();
      break;
    }
    case data::ColumnType::Text: {
      values.offsets.resize(column.size() + 1);
      for (std::size_t row = 0; row < column.size(); ++row) {
        const auto text = column.textAt(row);
        values.bytes.append(text);
        values.offsets[row + 1] = values.bytes.size();
      }
      break;
    }
  }
  if (column.validity().hasMissing() || column.type() == data::ColumnType::Float64) {
    values.valid.resize(column.size());
    for (std::size_t row = 0; row < column.size(); ++row) values.valid[row] = column.isValid(row) ? 1 : 0;
  }
  // A stored NaN or inf counts as missing: a formula result never holds one.
  if (column.type() == data::ColumnType::Float64) dropNonFinite(values);
  return values;
}

std::shared_ptr<const data::Column> FormulaValues::toColumn(const std::string& name, std::size_t rows) const {
  const std::size_t step = scalar ? 0 : 1;
  data::Validity validity;
  for (std::size_t row = 0; row < rows; ++row)
    if (!isValid(row * step)) validity.setMissing(row, rows);
  const bool allMissing = kind == ValueKind::Null;
  switch (kind) {
    case ValueKind::Null:
    case ValueKind::Float: {
      std::vector<double> out(rows);
      for (std::size_t row = 0; row < rows; ++row)
        out[row] = (allMissing || !isValid(row * step)) ? std::numeric_limits<double>::quiet_NaN() : floats[row * step];
      if (allMissing)
        for (std::size_t row = 0; row < rows; ++row) validity.setMissing(row, rows);
      return data::Column::float64(name, std::move(out), std::move(validity));
    }
    case ValueKind::Int:
    case ValueKind::Datetime: {
      std::vector<std::int64_t> out(rows);
      for (std::size_t row = 0; row < rows; ++row) out[row] = isValid(row * step) ? ints[row * step] : 0;
      return kind == ValueKind::Int ? data::Column::int64(name, std::move(out), std::move(validity))
                                    : data::Column::datetime(name, std::move(out), std::move(validity));
    }
    case ValueKind::Bool: {
      std::vector<std::uint8_t> out(rows);
      for (std::size_t row = 0; row < rows; ++row) out[row] = isValid(row * step) ? bools[row * step] : 0;
      return data::Column::boolean(name, std::move(out), std::move(validity));
    }
    case ValueKind::Categorical: {
      std::vector<std::int32_t> out(rows);
      for (std::size_t row = 0; row < rows; ++row) out[row] = isValid(row * step) ? codes[row * step] : -1;
      return data::Column::categorical(name, std::move(out), levels ? *levels : std::vector<std::string>{},
                                       std::move(validity));
    }
    case ValueKind::Text: {
      std::vector<std::uint64_t> outOffsets(rows + 1, 0);
      std::string outBytes;
      if (!scalar) outBytes.reserve(bytes.size());
      for (std::size_t row = 0; row < rows; ++row) {
        if (isValid(row * step)) outBytes.append(textAt(row * step));
        outOffsets[row + 1] = outBytes.size();
      }
      return data::Column::text(name, std::move(outOffsets), std::move(outBytes), std::move(validity));
    }
  }
  throw Error(ErrorCode::Internal, "formula result of an unknown kind");
}

ResultShape shapeOf(std::size_t rows, std::initializer_list<const FormulaValues*> inputs) {
  bool scalar = true;
  for (const FormulaValues* input : inputs) scalar = scalar && input->scalar;
  return {scalar, scalar ? 1 : rows};
}

std::vector<std::uint8_t> combinedValidity(const ResultShape& shape, std::initializer_list<const FormulaValues*> inputs,
                                           const RowLoop& loop) {
  std::vector<std::uint8_t> valid(shape.slots, 1);
  for (const FormulaValues* input : inputs) {
    if (input->valid.empty()) continue;
    const std::size_t step = strideOf(*input);
    const std::uint8_t* source = input->valid.data();
    std::uint8_t* target = valid.data();
    loop.run(shape.slots, [&](std::size_t i) { target[i] &= source[i * step]; });
  }
  return valid;
}

FormulaValues toFloat(const FormulaValues& values, const RowLoop& loop) {
  if (values.kind == ValueKind::Float) return values;
  FormulaValues out;
  out.kind = ValueKind::Float;
  out.scalar = values.scalar;
  out.slots = values.slots;
  out.valid = values.valid;
  out.floats.resize(values.slots, 0.0);
  if (values.kind == ValueKind::Int)
    loop.run(values.slots, [&](std::size_t i) { out.floats[i] = static_cast<double>(values.ints[i]); });
  else if (values.kind == ValueKind::Bool)
    loop.run(values.slots, [&](std::size_t i) { out.floats[i] = values.bools[i]; });
  else
    out.valid.assign(values.slots, 0);
  return out;
}

namespace {
void appendDouble(std::string& out, double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}
}  // namespace

FormulaValues toText(const FormulaValues& values, const RowLoop& loop) {
  if (values.kind == ValueKind::Text) return values;
  FormulaValues out;
  out.kind = ValueKind::Text;
  out.scalar = values.scalar;
  out.slots = values.slots;
  out.valid = values.valid;
  if (values.kind == ValueKind::Null) out.valid.assign(values.slots, 0);
  out.offsets.assign(values.slots + 1, 0);
  loop.run(values.slots, [&](std::size_t i) {
    if (values.isValid(i)) {
      switch (values.kind) {
        case ValueKind::Int: out.bytes += std::to_string(values.ints[i]); break;
        case ValueKind::Float: appendDouble(out.bytes, values.floats[i]); break;
        case ValueKind::Bool: out.bytes += values.bools[i] ? "true" : "false"; break;
        case ValueKind::Categorical: out.bytes += values.textualAt(i); break;
        case ValueKind::Datetime: out.bytes += data::formatDatetime(values.ints[i]); break;
        case ValueKind::Text:
        case ValueKind::Null: break;
      }
    }
    out.offsets[i + 1] = out.bytes.size();
  });
  return out;
}

void dropNonFinite(FormulaValues& values) {
  if (values.valid.empty()) values.valid.assign(values.slots, 1);
  for (std::size_t i = 0; i < values.slots; ++i)
    if (!std::isfinite(values.floats[i])) {
      values.valid[i] = 0;
      values.floats[i] = 0.0;
    }
}

}  // namespace lathe::expr
