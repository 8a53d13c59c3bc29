// A predict request's body on arbitrary bytes, read against a schema of every column type, as
// JSON or (first byte odd) CSV, with a key column. A lathe::Error (RequestError) is fine;
// anything else is a bug. What parses must be a table of the schema's columns and row count.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "engine/core/Error.h"
#include "engine/serve/PredictRequest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using lathe::data::ColumnType;
  static const lathe::deploy::InputSchema schema = {
      {"amount", ColumnType::Float64}, {"count", ColumnType::Int64},       {"flag", ColumnType::Bool},
      {"colour", ColumnType::Categorical}, {"note", ColumnType::Text}, {"when", ColumnType::Datetime}};
  if (size == 0) return 0;
  const bool csv = (data[0] & 1) != 0;
  const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    const auto request = csv ? lathe::serve::PredictRequest::fromCsv(body, schema, 100, "id")
                             : lathe::serve::PredictRequest::fromJson(body, schema, 100, "id");
    if (request.table().columnCount() != schema.size() || request.rowCount() == 0 || request.rowCount() > 100) std::abort();
    for (std::size_t i = 0; i < schema.size(); ++i)
      if (request.table().column(i).type() != schema[i].type || request.table().column(i).size() != request.rowCount())
        std::abort();
  } catch (const lathe::Error&) {
  }
  return 0;
}
