// A predict request's body on arbitrary bytes, read against a schema of every column type, as
// JSON or (first byte odd) CSV, with a key column. A lathe::Error (RequestError) is fine;
// anything else is a bug. What parses must be a table of the schema's columns and row count.
// JSON is read twice, by the server's fast path (simdjson, falling back to nlohmann) and by
// nlohmann alone: the two must give the same table and keys, or the same refusal.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/core/Error.h"
#include "engine/serve/PredictRequest.h"
#include "engine/serve/RequestError.h"

namespace {

using lathe::serve::PredictRequest;

// Everything a request holds, or its refusal, as one string to compare.
std::string outcome(std::string_view body, const lathe::deploy::InputSchema& schema, bool csv,
                    PredictRequest::JsonParser parser) {
  try {
    const auto request = csv ? PredictRequest::fromCsv(body, schema, 100, "id")
                             : PredictRequest::fromJson(body, schema, 100, "id", parser);
    if (request.table().columnCount() != schema.size() || request.rowCount() == 0 || request.rowCount() > 100) std::abort();
    std::string out;
    for (std::size_t i = 0; i < schema.size(); ++i) {
      const auto& column = request.table().column(i);
      if (column.type() != schema[i].type || column.size() != request.rowCount()) std::abort();
      for (std::size_t row = 0; row < column.size(); ++row)
        out += (column.isValid(row) ? "+" + column.displayText(row) : std::string("-")) + '\0';
    }
    for (const auto& key : request.keys()) out += (key ? "+" + *key : std::string("-")) + '\0';
    return out;
  } catch (const lathe::serve::RequestError& e) {
    return "refused " + std::to_string(e.status()) + " " + e.message();
  } catch (const lathe::Error& e) {
    return std::string("error ") + e.what();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using lathe::data::ColumnType;
  static const lathe::deploy::InputSchema schema = {
      {"amount", ColumnType::Float64}, {"count", ColumnType::Int64},       {"flag", ColumnType::Bool},
      {"colour", ColumnType::Categorical}, {"note", ColumnType::Text}, {"when", ColumnType::Datetime}};
  if (size == 0) return 0;
  const bool csv = (data[0] & 1) != 0;
  const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string fast = outcome(body, schema, csv, PredictRequest::JsonParser::Fast);
  if (!csv && fast != outcome(body, schema, csv, PredictRequest::JsonParser::Reference)) std::abort();
  return 0;
}
