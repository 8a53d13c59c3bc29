#include "engine/serve/PredictRequest.h"

#include <algorithm>
#include <cctype>
#include <stop_token>

#include "engine/data/CsvReader.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "engine/serve/RequestError.h"
#include "engine/serve/RowsJsonHandler.h"
#include "engine/serve/RowsJsonReader.h"

namespace lathe::serve {
namespace {

std::vector<RequestColumn> columnsFor(const deploy::InputSchema& schema) {
  std::vector<RequestColumn> columns;
  columns.reserve(schema.size());
  for (const auto& c : schema) columns.emplace_back(c.name, c.type);
  return columns;
}

data::Table finish(std::vector<RequestColumn>& columns) {
  std::vector<std::shared_ptr<const data::Column>> built;
  built.reserve(columns.size());
  for (auto& c : columns) built.push_back(c.finish());
  return data::Table(std::move(built));
}

// "Application/JSON; charset=utf-8" -> "application/json".
std::string mediaType(std::string_view contentType) {
  std::string type(contentType.substr(0, contentType.find(';')));
  std::erase_if(type, [](unsigned char c) { return std::isspace(c) != 0; });
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  return type;
}

}  // namespace

PredictRequest PredictRequest::parse(std::string_view body, std::string_view contentType,
                                     const deploy::InputSchema& schema, std::size_t maxRows,
                                     const std::string& keyColumn) {
  const std::string type = mediaType(contentType);
  if (type.empty() || type == "application/json") return fromJson(body, schema, maxRows, keyColumn);
  if (type == "text/csv") return fromCsv(body, schema, maxRows, keyColumn);
  throw RequestError(415, "unsupported Content-Type \"" + std::string(contentType.substr(0, 80)) +
                              "\": send application/json or text/csv");
}

PredictRequest PredictRequest::fromJson(std::string_view body, const deploy::InputSchema& schema,
                                        std::size_t maxRows, const std::string& keyColumn, JsonParser parser) {
  if (body.empty()) throw RequestError(400, "empty body: send {\"rows\": [...]} or CSV with a header line");
  const auto read = [&](auto&& parse) {
    auto columns = columnsFor(schema);
    RowsJsonHandler handler(columns, keyColumn, maxRows);
    if (!parse(handler)) return std::optional<PredictRequest>();
    handler.finish();
    PredictRequest request;
    request.table_ = finish(columns);
    request.keys_ = handler.takeKeys();
    return std::optional<PredictRequest>(std::move(request));
  };
  if (parser == JsonParser::Fast)
    if (auto request = read([&](RowsJsonHandler& handler) { return RowsJsonReader::read(body, handler); })) return std::move(*request);
  return std::move(*read([&](RowsJsonHandler& handler) { return nlohmann::json::sax_parse(body.begin(), body.end(), &handler); }));
}

PredictRequest PredictRequest::fromCsv(std::string_view body, const deploy::InputSchema& schema, std::size_t maxRows,
                                       const std::string& keyColumn) {
  if (body.empty()) throw RequestError(400, "empty batch: the CSV body is empty");
  // The engine's reader, told everything a sniffer would guess: a comma, a header, UTF-8, and
  // every column as text, so that each field is converted below with the same rules (and the
  // same messages) as a JSON value. One thread: the server already runs one request per core.
  // "NaN" is no missing token here: in a numeric column it is refused as non-finite.
  data::CsvOptions options;
  options.delimiter = ',';
  options.header = true;
  options.decimal = '.';
  options.encoding = "utf-8";
  options.threads = 1;
  options.missingTokens = {"NA", "null", "NULL"};
  options.maxRows = maxRows + 1;  // enough to tell "too many" without reading a million rows
  for (const auto& c : schema) options.columnTypes[c.name] = data::ColumnType::Text;
  if (!keyColumn.empty()) options.columnTypes[keyColumn] = data::ColumnType::Text;

  jobs::NullProgressSink sink;
  const jobs::JobContext context(std::stop_token{}, sink);
  data::ImportResult read;
  try {
    read = data::CsvReader::readBytes(body, "CSV body", options, context);
  } catch (const Error& e) {
    throw RequestError(400, e.what());
  }
  // The reader recovers from ragged rows and odd headers with a warning; a request has no user
  // to read warnings, so each of them is an error.
  if (!read.warnings.empty()) {
    const data::ImportWarning& w = read.warnings.front();
    const std::string where = w.where.line >= 2 ? "CSV line " + std::to_string(w.where.line) + " (row " +
                                                      std::to_string(w.where.line - 2) + "): "
                                                : std::string("CSV: ");
    throw RequestError(400, where + w.message);
  }

  const data::Table& table = read.table;
  if (table.rowCount() > maxRows)
    throw RequestError(413, "too many rows: at most " + std::to_string(maxRows) + " rows per request");
  if (table.rowCount() == 0) throw RequestError(400, "empty batch: the CSV body has a header but no row");

  auto columns = columnsFor(schema);
  std::vector<const data::Column*> source(columns.size(), nullptr);
  const data::Column* keySource = nullptr;
  for (const auto& column : table.columns()) {
    const auto found = std::find_if(schema.begin(), schema.end(), [&](const auto& c) { return c.name == column->name(); });
    if (column->name() == keyColumn) keySource = column.get();
    if (found != schema.end()) source[static_cast<std::size_t>(found - schema.begin())] = column.get();
    else if (column->name() != keyColumn) throw RequestError(400, "unknown column \"" + column->name() + "\" in the CSV header");
  }
  std::string absent;
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (!source[c]) absent += (absent.empty() ? "\"" : ", \"") + columns[c].name() + "\"";
  if (!absent.empty()) throw RequestError(400, "missing column " + absent + " in the CSV header");

  PredictRequest request;
  for (std::size_t row = 0; row < table.rowCount(); ++row) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      columns[c].addRow();
      if (source[c]->isValid(row)) columns[c].setText(row, source[c]->textAt(row));
    }
    if (!keyColumn.empty())
      request.keys_.push_back(keySource && keySource->isValid(row) ? std::optional<std::string>(keySource->textAt(row))
                                                                   : std::nullopt);
  }
  request.table_ = finish(columns);
  return request;
}

}  // namespace lathe::serve
