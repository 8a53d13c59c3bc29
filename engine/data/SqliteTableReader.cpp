#include "engine/data/SqliteTableReader.h"

#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <filesystem>
#include <limits>
#include <memory>

#include "engine/core/Error.h"
#include "engine/data/TextColumnInference.h"
#include "engine/jobs/JobCancelled.h"

namespace lathe::data {
namespace {

constexpr int kOpsBetweenStopChecks = 10000;  // SQLite VM steps: well under a millisecond
constexpr std::size_t kRowsPerTick = 4096;

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

int stopRequested(void* context) { return static_cast<const jobs::JobContext*>(context)->stopRequested() ? 1 : 0; }

std::string quoteIdentifier(const std::string& name) {
  std::string out = "\"";
  for (const char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// Somebody else's database, opened as DESIGN.md asks: read-only, defensive, schema untrusted,
// checked before use. A long query honours the stop token through SQLite's progress handler.
class ForeignDatabase {
 public:
  ForeignDatabase(const std::string& path, const jobs::JobContext* context) : path_(path), context_(context) {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) throw Error(ErrorCode::Io, "no such file", {path});
    if (std::filesystem::is_directory(path, error))
      throw Error(ErrorCode::Io, "is a folder, not an SQLite file", {path});
    // An absolute path never starts with "file:", so SQLite cannot take it for a URI.
    const std::string absolute = std::filesystem::absolute(path, error).string();
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(error ? path.c_str() : absolute.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    db_.reset(raw);  // a failed open still allocates a handle to close
    if (rc != SQLITE_OK)
      throw Error(ErrorCode::Io,
                  std::string("cannot open the database: ") + (raw ? sqlite3_errmsg(raw) : "out of memory"), {path});
    sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_busy_timeout(raw, 1000);
    if (context_)
      sqlite3_progress_handler(raw, kOpsBetweenStopChecks, stopRequested, const_cast<jobs::JobContext*>(context_));
    quickCheck();
  }

  Statement prepare(const std::string& sql) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v2(db_.get(), sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr);
    Statement statement(raw);
    if (rc != SQLITE_OK) fail(rc);
    return statement;
  }
  // True for a row, false when done; a failure throws.
  bool step(sqlite3_stmt* statement) {
    const int rc = sqlite3_step(statement);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(rc);
  }
  void execute(const std::string& sql) {
    const Statement statement = prepare(sql);
    while (step(statement.get())) {
    }
  }

  std::vector<std::string> tables() {
    const Statement statement = prepare(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    std::vector<std::string> names;
    while (step(statement.get()))
      names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement.get(), 0)),
                         static_cast<std::size_t>(sqlite3_column_bytes(statement.get(), 0)));
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  void quickCheck() {
    const Statement statement = prepare("PRAGMA quick_check(5)");
    std::string problems;
    while (step(statement.get())) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement.get(), 0));
      std::string line = text ? text : "";
      if (line == "ok") continue;
      // One message per line, after a "*** in database main ***" heading: one line of ours.
      if (line.starts_with("*** in database main ***\n")) line.erase(0, 25);
      for (std::size_t at = line.find('\n'); at != std::string::npos; at = line.find('\n', at))
        line.replace(at, 1, "; ");
      problems += (problems.empty() ? "" : "; ") + line;
    }
    if (!problems.empty())
      throw Error(ErrorCode::Corrupt, "the database is damaged (SQLite's quick_check: " + problems + ")", {path_});
  }

  [[noreturn]] void fail(int rc) {
    const int primary = rc & 0xFF;
    if (primary == SQLITE_INTERRUPT && context_ && context_->stopRequested()) throw jobs::JobCancelled();
    const std::string detail = sqlite3_errmsg(db_.get());
    switch (primary) {
      case SQLITE_NOTADB: throw Error(ErrorCode::Parse, "not an SQLite database", {path_});
      case SQLITE_CORRUPT: throw Error(ErrorCode::Corrupt, "the database is damaged: " + detail, {path_});
      case SQLITE_ERROR: throw Error(ErrorCode::Unsupported, "SQLite cannot read it: " + detail, {path_});
      default: throw Error(ErrorCode::Io, "cannot read the database: " + detail, {path_});
    }
  }

  std::string path_;
  const jobs::JobContext* context_;
  std::unique_ptr<sqlite3, CloseDatabase> db_;
};

// One column while reading: SQLite's storage class per row, and the values in two buffers that
// exist only once a value of their kind turns up (a numeric column keeps no text offsets).
struct PendingColumn {
  std::string name;
  std::vector<std::uint8_t> kinds;     // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL
  std::vector<std::int64_t> numbers;   // INTEGER values, and REAL values' bits
  std::vector<std::uint64_t> offsets;  // TEXT bytes, and BLOBs as hexadecimal
  std::string bytes;

  void add(sqlite3_stmt* statement, int column) {
    const int kind = sqlite3_column_type(statement, column);
    const std::size_t row = kinds.size();
    kinds.push_back(static_cast<std::uint8_t>(kind));
    if (kind == SQLITE_INTEGER || kind == SQLITE_FLOAT) {
      numbers.resize(row, 0);
      numbers.push_back(kind == SQLITE_INTEGER ? sqlite3_column_int64(statement, column)
                                               : std::bit_cast<std::int64_t>(sqlite3_column_double(statement, column)));
    } else if (kind == SQLITE_TEXT || kind == SQLITE_BLOB) {
      offsets.resize(row + 1, bytes.size());
      const auto* data = static_cast<const unsigned char*>(
          kind == SQLITE_TEXT ? sqlite3_column_text(statement, column) : sqlite3_column_blob(statement, column));
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
      if (kind == SQLITE_TEXT) {
        bytes.append(reinterpret_cast<const char*>(data), size);
      } else {
        static constexpr char kHex[] = "0123456789ABCDEF";
        for (std::size_t i = 0; i < size; ++i) {
          bytes += kHex[data[i] >> 4];
          bytes += kHex[data[i] & 0xF];
        }
      }
      offsets.push_back(bytes.size());
    }
  }

  std::shared_ptr<const Column> build(const std::string& source, std::vector<ImportWarning>& warnings) {
    const std::size_t rows = kinds.size();
    numbers.resize(rows, 0);
    offsets.resize(rows + 1, bytes.size());
    unsigned seen = 0;
    for (const std::uint8_t kind : kinds) seen |= 1U << kind;
    seen &= ~(1U << SQLITE_NULL);
    const unsigned numeric = (1U << SQLITE_INTEGER) | (1U << SQLITE_FLOAT);
    Validity validity;
    for (std::size_t row = 0; row < rows; ++row)
      if (kinds[row] == SQLITE_NULL) validity.setMissing(row, rows);

    if (seen == (1U << SQLITE_INTEGER)) return Column::int64(name, std::move(numbers), std::move(validity));
    if (seen == 0 || (seen & ~numeric) == 0) {
      std::vector<double> values(rows, std::numeric_limits<double>::quiet_NaN());
      for (std::size_t row = 0; row < rows; ++row) {
        if (kinds[row] == SQLITE_INTEGER) values[row] = static_cast<double>(numbers[row]);
        else if (kinds[row] == SQLITE_FLOAT) values[row] = std::bit_cast<double>(numbers[row]);
      }
      return Column::float64(name, std::move(values), std::move(validity));
    }

    const bool blob = seen & (1U << SQLITE_BLOB);
    if (blob)
      warnings.push_back({"column '" + name + "' holds binary values (BLOB); shown as hexadecimal text", {source}});
    else if (seen & numeric)
      warnings.push_back(
          {"column '" + name + "' mixes text and numbers; its type comes from the text of every value", {source}});
    // The text of every value: numbers written as the table would show them.
    std::string text;
    std::vector<std::uint64_t> bounds{0};
    bounds.reserve(rows + 1);
    for (std::size_t row = 0; row < rows; ++row) {
      char buffer[32];
      char* end = buffer;
      if (kinds[row] == SQLITE_INTEGER) end = std::to_chars(buffer, buffer + sizeof buffer, numbers[row]).ptr;
      if (kinds[row] == SQLITE_FLOAT)
        end = std::to_chars(buffer, buffer + sizeof buffer, std::bit_cast<double>(numbers[row])).ptr;
      if (kinds[row] == SQLITE_TEXT || kinds[row] == SQLITE_BLOB)
        text.append(bytes, offsets[row], offsets[row + 1] - offsets[row]);
      else text.append(buffer, end);
      bounds.push_back(text.size());
    }
    bytes = {};
    offsets = {};
    std::vector<std::string_view> values(rows);
    std::vector<std::uint8_t> missing(rows, 0);
    for (std::size_t row = 0; row < rows; ++row) {
      values[row] = std::string_view(text).substr(bounds[row], bounds[row + 1] - bounds[row]);
      missing[row] = kinds[row] == SQLITE_NULL;
    }
    InferenceOptions options;
    options.missingTokens.clear();  // SQLite has a real NULL
    return buildColumnFromText(name, values, missing, options, blob ? std::optional(ColumnType::Text) : std::nullopt);
  }
};

}  // namespace

std::vector<std::string> listSqliteTables(const std::string& path) { return ForeignDatabase(path, nullptr).tables(); }

ImportResult readSqliteTable(const std::string& path, const std::string& table, const jobs::JobContext& context) {
  ForeignDatabase db(path, &context);
  const auto tables = db.tables();
  if (std::find(tables.begin(), tables.end(), table) == tables.end()) {
    std::string known;
    for (const auto& name : tables) known += (known.empty() ? "" : ", ") + quoteIdentifier(name);
    throw Error(ErrorCode::InvalidArgument,
                "no table or view named " + quoteIdentifier(table) +
                    (tables.empty() ? "; the database holds no tables" : "; it has " + known),
                {path}, table);
  }
  const std::string source = "main." + quoteIdentifier(table);
  db.execute("BEGIN");  // one snapshot for the count and the rows
  const jobs::JobContext reading = context.subRange(0.0, 0.9);
  reading.progress(0.0, "Counting rows");
  const Statement count = db.prepare("SELECT count(*) FROM " + source);
  const std::int64_t total = db.step(count.get()) ? sqlite3_column_int64(count.get(), 0) : 0;

  const Statement select = db.prepare("SELECT * FROM " + source);
  const int columnCount = sqlite3_column_count(select.get());
  std::vector<PendingColumn> pending(static_cast<std::size_t>(columnCount));
  for (int c = 0; c < columnCount; ++c) {
    const char* name = sqlite3_column_name(select.get(), c);
    pending[static_cast<std::size_t>(c)].name = name ? name : "column_" + std::to_string(c + 1);
  }
  for (std::size_t row = 0; db.step(select.get()); ++row) {
    if (row % kRowsPerTick == 0) {
      reading.throwIfStopped();
      reading.progress(total > 0 ? static_cast<double>(row) / static_cast<double>(total) : 0.0, "Reading rows");
    }
    for (int c = 0; c < columnCount; ++c) pending[static_cast<std::size_t>(c)].add(select.get(), c);
  }
  db.execute("COMMIT");

  ImportResult result;
  result.format = "sqlite";
  result.encoding = "utf-8";
  const jobs::JobContext building = context.subRange(0.9, 1.0);
  std::vector<std::shared_ptr<const Column>> columns;
  for (std::size_t c = 0; c < pending.size(); ++c) {
    building.throwIfStopped();
    building.progress(static_cast<double>(c) / static_cast<double>(pending.size()), "Building columns");
    columns.push_back(pending[c].build(path, result.warnings));
    pending[c] = PendingColumn{};
  }
  result.table = Table(std::move(columns));
  context.progress(1.0, "Read SQLite table");
  return result;
}

}  // namespace lathe::data
