#include "engine/data/Table.h"

#include "engine/core/Error.h"

namespace lathe::data {

Table::Table(std::vector<std::shared_ptr<const Column>> columns) : columns_(std::move(columns)) {
  if (columns_.empty()) return;
  rows_ = columns_.front()->size();
  for (const auto& column : columns_)
    if (column->size() != rows_)
      throw Error(ErrorCode::Internal, "column '" + column->name() + "' has " + std::to_string(column->size()) +
                                           " rows, the table " + std::to_string(rows_));
}

std::optional<std::size_t> Table::indexOf(std::string_view name) const {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i]->name() == name) return i;
  return std::nullopt;
}

Table Table::select(std::span<const std::size_t> indices) const {
  std::vector<std::shared_ptr<const Column>> picked;
  picked.reserve(indices.size());
  for (std::size_t index : indices) picked.push_back(columns_.at(index));
  Table out(std::move(picked));
  if (indices.empty()) out.rows_ = rows_;
  return out;
}

std::size_t Table::memoryBytes() const {
  std::size_t bytes = 0;
  for (const auto& column : columns_) bytes += column->memoryBytes();
  return bytes;
}

}  // namespace lathe::data
