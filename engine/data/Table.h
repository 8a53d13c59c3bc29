#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "engine/data/Column.h"

namespace lathe::data {

// An immutable set of equally long columns. Columns are shared, so a projection (select) copies
// pointers, never values, and jobs can read a table while the GUI shows it.
class Table {
 public:
  Table() = default;
  // Throws lathe::Error(Internal) if the columns differ in length.
  explicit Table(std::vector<std::shared_ptr<const Column>> columns);

  std::size_t rowCount() const noexcept { return rows_; }
  std::size_t columnCount() const noexcept { return columns_.size(); }
  const Column& column(std::size_t index) const { return *columns_.at(index); }
  const std::shared_ptr<const Column>& columnPtr(std::size_t index) const { return columns_.at(index); }
  const std::vector<std::shared_ptr<const Column>>& columns() const noexcept { return columns_; }
  std::optional<std::size_t> indexOf(std::string_view name) const;

  // The columns at `indices`, in that order, sharing their buffers with this table.
  Table select(std::span<const std::size_t> indices) const;
  // Bytes held by the columns' buffers.
  std::size_t memoryBytes() const;

 private:
  std::vector<std::shared_ptr<const Column>> columns_;
  std::size_t rows_ = 0;
};

// A row selection over a table without copying it: the rows of `table` listed in `rows`, in that
// order (all rows when `rows` is null). Sorting and filtering hand the view such an order.
struct TableView {
  std::shared_ptr<const Table> table;
  std::shared_ptr<const std::vector<std::uint32_t>> rows;

  std::size_t rowCount() const { return rows ? rows->size() : (table ? table->rowCount() : 0); }
  std::size_t sourceRow(std::size_t row) const { return rows ? (*rows)[row] : row; }
};

}  // namespace lathe::data
