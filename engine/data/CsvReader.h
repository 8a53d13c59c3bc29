#pragma once
#include <string>
#include <string_view>

#include "engine/data/CsvOptions.h"
#include "engine/data/ImportResult.h"
#include "engine/jobs/JobContext.h"

namespace lathe::data {

// Reads CSV, TSV and any other delimited text into a Table, on every core.
//
// The bytes are decoded to UTF-8 (TextDecoder), the dialect sniffed (CsvDialect), and the records
// split into chunks at record boundaries (splitCsvChunks). Then two parallel passes: the first
// checks every value of every column against each type (bool, int64, float64, datetime), so one
// late "abc" makes the whole column text rather than a silent NaN; the second parses each value
// into its column's final buffer. Text columns become categorical when their values repeat
// (CsvOptions::categoricalMaxRatio), dictionary-encoded per chunk and merged.
//
// Recoveries, each reported once as an ImportWarning with a count and the first line: rows with
// fewer fields than the header are padded with missing values; rows with more fields add columns
// (column_N) so nothing is dropped; empty, blank and duplicate header names are renamed. Errors
// (lathe::Error with file and line): an unterminated quote (the line where it opened), a field
// over CsvOptions::maxFieldBytes, a binary file, a value that does not fit a type the user forced.
class CsvReader {
 public:
  static ImportResult read(const std::string& path, const CsvOptions& options, const jobs::JobContext& context);
  static ImportResult readBytes(std::string_view bytes, const std::string& sourceName, const CsvOptions& options,
                                const jobs::JobContext& context);

 private:
  static constexpr std::size_t kStreamSampleBytes = 1 << 20;
  static ImportResult readUtf8Blocks(const std::string& path, std::string_view head, const CsvOptions& options,
                                     const jobs::JobContext& context);
};

// The whole file as bytes; lathe::Error(Io) naming the path when it cannot be read.
std::string readFileBytes(const std::string& path);
// At most the first `bytes` of a file.
std::string readFileHead(const std::string& path, std::size_t bytes);

}  // namespace lathe::data
