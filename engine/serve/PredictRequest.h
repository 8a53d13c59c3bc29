#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/data/Table.h"
#include "engine/deploy/InputColumn.h"

namespace lathe::serve {

// The rows of one predict request as a table in the model's input schema: every schema column,
// in schema order and type, whatever order the client sent them in. Built from
//   JSON  {"rows": [{"column": value, ...}, ...]}  (Content-Type application/json, or none), or
//   CSV   with a header line                       (Content-Type text/csv).
// Values: numbers for float64/int64 (an int64 column refuses 2.5), strings for categorical and
// text (numbers and booleans are taken as their text there), true/false or 0/1 for bool,
// ISO 8601 strings for datetime, null (or an absent key, or an empty CSV field, "NA", "null")
// for missing. A column may be absent from some rows but not from all of them.
// Every problem is a RequestError naming the row (0-based, "row 3") and the column: 400 for a
// malformed body, an empty batch, an unknown or missing column, a wrong type or a non-finite
// number; 413 for more rows than `maxRows`; 415 for another Content-Type. Memory is bounded
// by the body (the server caps its size) and by `maxRows`.
class PredictRequest {
 public:
  // `keyColumn` (may be empty): the column whose value keys each row's traffic split; it may
  // be one of the schema's columns or an extra one the client sends only for that.
  static PredictRequest parse(std::string_view body, std::string_view contentType, const deploy::InputSchema& schema,
                              std::size_t maxRows, const std::string& keyColumn = {});
  // Which parser reads a JSON body. Fast: simdjson, and nlohmann again for a body simdjson
  // refuses or might read differently (RowsJsonReader says which). Reference: nlohmann alone,
  // which the tests and the fuzz target hold the fast path to.
  enum class JsonParser { Fast, Reference };
  static PredictRequest fromJson(std::string_view body, const deploy::InputSchema& schema, std::size_t maxRows,
                                 const std::string& keyColumn = {}, JsonParser parser = JsonParser::Fast);
  static PredictRequest fromCsv(std::string_view body, const deploy::InputSchema& schema, std::size_t maxRows,
                                const std::string& keyColumn = {});

  const data::Table& table() const noexcept { return table_; }
  std::size_t rowCount() const noexcept { return table_.rowCount(); }
  // Per row, its key-column value as text (nullopt where missing); empty without a key column.
  const std::vector<std::optional<std::string>>& keys() const noexcept { return keys_; }

 private:
  data::Table table_;
  std::vector<std::optional<std::string>> keys_;
};

}  // namespace lathe::serve
