#include "engine/data/DataImporter.h"

#include <algorithm>
#include <fstream>

#include "engine/core/Error.h"
#include "engine/data/ArffReader.h"
#include "engine/data/CsvReader.h"
#include "engine/data/JsonReader.h"
#include "engine/data/SqliteTableReader.h"

namespace lathe::data {
namespace {

std::string lowerSuffix(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string suffix = path.substr(dot + 1);
  std::transform(suffix.begin(), suffix.end(), suffix.begin(), [](unsigned char c) { return std::tolower(c); });
  return suffix;
}

std::string readHead(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::Io, "cannot open the file", {path});
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

// ARFF files start with comments and @relation; JSON with [ or {.
std::string_view firstToken(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  for (;;) {
    const auto start = head.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return {};
    head.remove_prefix(start);
    if (head.front() != '%') return head;
    const auto nl = head.find('\n');
    if (nl == std::string_view::npos) return {};
    head.remove_prefix(nl + 1);
  }
}

}  // namespace

std::string DataImporter::detectFormat(const std::string& path, std::string_view head) {
  if (head.starts_with(std::string_view("SQLite format 3\0", 16))) return "sqlite";
  const std::string suffix = lowerSuffix(path);
  if (suffix == "arff") return "arff";
  if (suffix == "jsonl" || suffix == "ndjson") return "jsonl";
  if (suffix == "json") return "json";
  const std::string_view token = firstToken(head);
  if (token.size() >= 9 && (token[0] == '@') &&
      std::equal(token.begin() + 1, token.begin() + 9, "relation", [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
    return "arff";
  if (!token.empty() && (token.front() == '[' || token.front() == '{')) return token.front() == '[' ? "json" : "jsonl";
  return "csv";
}

ImportResult DataImporter::import(const ImportRequest& request, const jobs::JobContext& context) {
  std::string format = request.format;
  if (format == "auto" || format.empty()) format = detectFormat(request.path, readHead(request.path));
  if (format == "csv" || format == "tsv") {
    CsvOptions options = request.csv;
    if (format == "tsv" && !options.delimiter) options.delimiter = '\t';
    return CsvReader::read(request.path, options, context);
  }
  if (format == "arff") return readArff(request.path, context);
  if (format == "json" || format == "jsonl") return readJson(request.path, context);
  if (format == "sqlite") {
    std::string table = request.sqliteTable;
    if (table.empty()) {
      const auto tables = listSqliteTables(request.path);
      if (tables.size() != 1) {
        std::string list;
        for (const auto& t : tables) list += (list.empty() ? "" : ", ") + t;
        throw Error(ErrorCode::InvalidArgument,
                    tables.empty() ? "the database holds no table" : "the database holds several tables; choose one of: " + list,
                    {request.path});
      }
      table = tables.front();
    }
    return readSqliteTable(request.path, table, context);
  }
  throw Error(ErrorCode::InvalidArgument, "unknown format '" + format + "' (csv, tsv, arff, json, jsonl or sqlite)",
              {request.path}, format);
}

std::string ImportJob::name() const {
  const auto slash = request_.path.find_last_of('/');
  return "Import " + (slash == std::string::npos ? request_.path : request_.path.substr(slash + 1));
}

}  // namespace lathe::data
