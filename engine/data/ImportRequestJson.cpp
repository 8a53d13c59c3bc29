#include "engine/data/ImportRequestJson.h"

#include <nlohmann/json.hpp>

namespace lathe::data {

std::string importRequestToJson(const ImportRequest& request) {
  nlohmann::json json;
  json["format"] = request.format;
  if (!request.sqliteTable.empty()) json["table"] = request.sqliteTable;
  const CsvOptions& csv = request.csv;
  json["encoding"] = csv.encoding;
  if (csv.delimiter) json["delimiter"] = std::string(1, *csv.delimiter);
  if (csv.header) json["header"] = *csv.header;
  if (csv.decimal) json["decimal"] = std::string(1, *csv.decimal);
  if (csv.missingTokens != defaultMissingTokens()) json["missing_tokens"] = csv.missingTokens;
  if (!csv.columnTypes.empty()) {
    nlohmann::json types = nlohmann::json::object();
    for (const auto& [name, type] : csv.columnTypes) types[name] = std::string(columnTypeName(type));
    json["column_types"] = std::move(types);
  }
  // Bytes that are not UTF-8 (a legacy delimiter, say) must not make dump() throw.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace lathe::data
