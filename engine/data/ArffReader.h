#pragma once
#include <string>
#include <string_view>

#include "engine/data/ImportResult.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::data {

// Weka's ARFF format into a Table (ImportResult.format "arff").
//
// Header: @relation, @attribute and @data in any letter case; '%' comments anywhere; names and
// values quoted with ' or " (backslash escapes \n \t \r \\ \' \" \%). Types: numeric and real ->
// float64; integer -> int64 when every value is integral, else float64; {a, b, c} ->
// categorical with the declared levels in declared order (unquoted ones trimmed of spaces);
// string -> text; date [pattern] -> datetime (see ArffDateFormat; the default pattern is
// yyyy-MM-dd'T'HH:mm:ss). Relational attributes are refused (ErrorCode::Unsupported).
//
// Data: comma-separated rows or sparse rows "{index value, ...}" (a value a sparse row leaves out
// is 0, or the first declared level, as in Weka); an instance weight "{w}" may end a row and is
// ignored with one warning. An unquoted ? is missing; a quoted '?' is the text "?". An empty
// unquoted value is read as missing, with one warning. A nominal value outside the declared set
// is kept as an extra level after the declared ones, with one warning per attribute.
//
// Encoding: UTF-8 (a BOM is dropped); bytes that are not valid UTF-8 are read as Latin-1, with
// encoding "latin-1" and a warning. A header and @data with no rows gives a table with its typed
// columns, no rows and a warning.
//
// Errors are lathe::Error naming sourceName, the line and the column: Parse for malformed input
// (a wrong number of values, an unterminated quote, a value that is not a number or does not match
// its date pattern, a sparse index out of range, no @data, an unknown type, an empty file, binary
// data), Unsupported for relational attributes and date patterns outside the subset, Io when the
// file cannot be read. Honours the context's stop (jobs::JobCancelled) and reports progress.
ImportResult readArff(const std::string& path, const jobs::JobContext& context);
ImportResult readArffBytes(std::string_view bytes, const std::string& sourceName, const jobs::JobContext& context);

}  // namespace lathe::data
