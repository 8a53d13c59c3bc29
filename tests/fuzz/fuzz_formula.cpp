// The formula language on arbitrary text: parse, type-check and evaluate on a small fixed table
// (every column type, missing values, a Korean name). A lathe::Error is fine; anything else is a bug.
#include <cstdint>
#include <string_view>

#include "engine/core/Error.h"
#include "engine/data/Table.h"
#include "engine/expr/Formula.h"

namespace {

const lathe::data::Table& fixedTable() {
  using lathe::data::Column;
  static const lathe::data::Table table = [] {
    lathe::data::Validity missing;
    missing.setMissing(1, 3);
    return lathe::data::Table(
        {Column::int64("n", {9223372036854775807, -9223372036854775807 - 1, 0}, missing),
         Column::float64("x", {2.5, 0.0, -1e308}), Column::boolean("p", {1, 0, 1}, missing),
         Column::text("s", {0, 5, 5, 14}, "Hello한국어", missing),
         Column::categorical("Island", {0, -1, 1}, {"Biscoe", "Dream"}, missing),
         Column::datetime("date", {0, 1709251200000000, -62135596800000000}),
         Column::float64("나이", {1.0, 2.0, 3.0}), Column::int64("Body Mass (g)", {3750, 4000, 0})});
  }();
  return table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto formula = lathe::expr::Formula::parse(text);
    (void)formula.columnsUsed();
    const auto type = formula.resultType(fixedTable());
    const auto column = formula.evaluate(fixedTable(), "out");
    if (column->type() != type || column->size() != fixedTable().rowCount()) __builtin_trap();
    for (std::size_t row = 0; row < column->size(); ++row) (void)column->displayText(row);
  } catch (const lathe::Error&) {
  }
  return 0;
}
