#pragma once
#include <string>
#include <vector>

#include "engine/data/ImportResult.h"
#include "engine/jobs/JobContext.h"

namespace lathe::data {

// Reads a table or view of somebody else's SQLite file, opened defensively: read-only, defensive
// mode on, trusted_schema off (so a hostile schema's views and triggers cannot call unsafe
// functions), and PRAGMA quick_check before anything else.
//
// Errors (lathe::Error naming the file): Io when it cannot be opened; Parse when it is not an
// SQLite database; Corrupt when quick_check fails or SQLite meets a damaged page while reading;
// InvalidArgument for a table that does not exist (the message lists the tables there are).

// The user's tables and views (not sqlite_* internals), sorted by name.
std::vector<std::string> listSqliteTables(const std::string& path);

// Every row of `table` (a table or a view), format "sqlite". Column types come from the values
// actually stored, since SQLite columns are typed per value: only INTEGER -> int64; INTEGER and
// REAL -> float64; TEXT -> buildColumnFromText (dates become datetime, repeated values
// categorical; SQLite has a real NULL, so no text is taken for a missing-value token); TEXT mixed
// with numbers -> inferred from the text of every value, with a warning; any BLOB -> a text
// column of uppercase hexadecimal, with a warning. NULL is missing. A column with no value at all
// is float64, all missing. Progress (over SELECT count(*)) and Cancel via the context; the count
// and the rows are read in one transaction, so a writer elsewhere cannot tear the snapshot.
ImportResult readSqliteTable(const std::string& path, const std::string& table, const jobs::JobContext& context);

}  // namespace lathe::data
