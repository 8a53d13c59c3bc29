#pragma once
// Helpers shared by the CSV reader and text decoder tests: one-line imports with a context nobody
// watches, the whole table as one string (so two imports compare in one QCOMPARE and the
// difference shows where), legacy-encoded bytes made with glibc's iconv, and temporary files.
#include <iconv.h>

#include <QtTest>
#include <cstdint>
#include <fstream>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>

#include "engine/core/Error.h"
#include "engine/data/CsvReader.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"

namespace lathe::data::csvtest {

inline QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
inline QByteArray qb(std::string_view s) { return QByteArray(s.data(), static_cast<qsizetype>(s.size())); }

// A job context with a sink that drops progress and a stop nobody requests.
class QuietContext {
 public:
  const jobs::JobContext& get() const { return context_; }

 private:
  jobs::NullProgressSink sink_;
  std::stop_source stop_;
  jobs::JobContext context_{stop_.get_token(), sink_};
};

inline ImportResult importBytes(std::string_view bytes, const CsvOptions& options = {},
                                const std::string& source = "test.csv") {
  const QuietContext context;
  return CsvReader::readBytes(bytes, source, options, context.get());
}

inline ImportResult importFile(const std::string& path, const CsvOptions& options = {}) {
  const QuietContext context;
  return CsvReader::read(path, options, context.get());
}

// The lathe::Error importing `bytes` throws, or nothing when the import succeeds.
inline std::optional<Error> importError(std::string_view bytes, const CsvOptions& options = {},
                                        const std::string& source = "test.csv") {
  try {
    importBytes(bytes, options, source);
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

inline std::optional<Error> importFileError(const std::string& path, const CsvOptions& options = {}) {
  try {
    importFile(path, options);
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

inline CsvOptions withThreads(int threads, CsvOptions options = {}) {
  options.threads = threads;
  return options;
}

// A cell as the table shows it, "<NA>" when missing (so "" and missing differ).
inline std::string cell(const Table& table, std::size_t column, std::size_t row) {
  const Column& c = table.column(column);
  return c.isValid(row) ? c.displayText(row) : std::string("<NA>");
}

inline QString qcell(const Table& table, std::size_t column, std::size_t row) { return qs(cell(table, column, row)); }

inline QString typeOf(const Table& table, std::size_t column) {
  return qs(columnTypeName(table.column(column).type()));
}

inline bool isStringType(ColumnType type) { return type == ColumnType::Categorical || type == ColumnType::Text; }

// Every column as name:type, then every row with its cells joined by '|'.
inline std::string tableToText(const Table& table) {
  std::string out;
  for (std::size_t c = 0; c < table.columnCount(); ++c) {
    out += c ? "|" : "";
    out += table.column(c).name() + ":" + std::string(columnTypeName(table.column(c).type()));
  }
  out += '\n';
  for (std::size_t r = 0; r < table.rowCount(); ++r) {
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
      out += c ? "|" : "";
      out += cell(table, c, r);
    }
    out += '\n';
  }
  return out;
}

// The first warning whose message holds `fragment`.
inline const ImportWarning* findWarning(const ImportResult& result, std::string_view fragment) {
  for (const auto& w : result.warnings)
    if (w.message.find(fragment) != std::string::npos) return &w;
  return nullptr;
}

inline QString allWarnings(const ImportResult& result) {
  QString out;
  for (const auto& w : result.warnings) out += qs(w.message) + QStringLiteral(" (line %1); ").arg(w.where.line);
  return out;
}

// `utf8` in a legacy encoding, through glibc's iconv; nullopt when that encoding cannot hold it.
inline std::optional<std::string> encodeAs(std::string_view utf8, const char* encoding) {
  iconv_t cd = iconv_open(encoding, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string in(utf8);
  std::string out(in.size() * 4 + 16, '\0');
  char* src = in.data();
  std::size_t srcLeft = in.size();
  char* dst = out.data();
  std::size_t dstLeft = out.size();
  const std::size_t rc = iconv(cd, &src, &srcLeft, &dst, &dstLeft);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1) || srcLeft != 0) return std::nullopt;
  out.resize(out.size() - dstLeft);
  return out;
}

// Writes `bytes` to `name` inside `dir` and returns the path.
inline std::string writeFile(const QTemporaryDir& dir, const std::string& name, std::string_view bytes) {
  const std::string path = dir.path().toStdString() + "/" + name;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

inline std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace lathe::data::csvtest
