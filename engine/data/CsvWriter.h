#pragma once
#include <iosfwd>
#include <string>

#include "engine/data/Table.h"
#include "engine/jobs/JobContext.h"

namespace lathe::data {

struct CsvWriteOptions {
  char delimiter = ',';  // any ASCII byte but '"', CR and LF
  bool utf8Bom = false;  // Excel reads UTF-8 only after a BOM
  // OWASP CSV injection: a text or categorical cell, or a column name, starting with = + - @ tab
  // or CR is written as '<value>, quoted, so a spreadsheet shows it instead of running it. This
  // changes the text on purpose; turn it off for files another program reads back.
  bool escapeFormulas = true;
  // "\n" (what pandas writes and every reader, Excel included, accepts) or "\r\n" (RFC 4180 to
  // the letter). Line breaks inside a quoted value are written as they are.
  std::string lineEnding = "\n";
};

// Writes the table as RFC 4180 CSV: a header of column names, then one record per row, values as
// Column::displayText shows them (float64 in shortest round-trip form, datetimes ISO 8601).
// A value is quoted when it holds the delimiter, a quote, CR or LF, or starts or ends with a
// space or tab; inner quotes are doubled. A missing value is an empty unquoted field; an empty
// text is "" (quoted), and so is a text equal to a missing-value token such as NA, so a reader
// can tell them from missing. In a one-column table a missing value is written as "" too, since
// an empty line would be skipped as blank (pandas does the same).
//
// To a path, the write is atomic: into a temporary file in the same folder, synced, then renamed
// over the target; on any error or cancel the target is untouched and the temporary file is
// removed. A read-only target is refused. Errors are lathe::Error(Io) naming the path;
// InvalidArgument for bad options. Progress and Cancel (jobs::JobCancelled) via the context.
void writeCsv(const Table& table, const std::string& path, const CsvWriteOptions& options,
              const jobs::JobContext& context);
void writeCsv(const Table& table, std::ostream& out, const CsvWriteOptions& options, const jobs::JobContext& context);

}  // namespace lathe::data
