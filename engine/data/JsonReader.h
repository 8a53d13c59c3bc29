#pragma once
#include <string>
#include <string_view>

#include "engine/data/ImportResult.h"
#include "engine/jobs/JobContext.h"

namespace lathe::data {

// Reads a JSON table: a top-level array of objects (format "json"), or objects one after another
// as JSON Lines writes them, one per line (format "jsonl"; blank lines and objects spread over
// several lines are accepted too). Which of the two is decided by the first byte after an
// optional UTF-8 BOM and whitespace: '[' or '{'. Each object is a row; its keys are columns, in
// the order they are first seen; a key an object lacks, and null, are missing values.
//
// The bytes go through nlohmann's SAX parser and are streamed from the file in chunks, so memory
// grows with the columns, never with a DOM of the whole document.
//
// Column types from the values: only integer literals that fit int64 -> int64 (exact above
// 2^53); numbers -> float64 (a literal with a fraction or exponent, like 1.0, is a float);
// true/false -> bool; strings -> buildColumnFromText (dates become datetime, repeated strings
// categorical). JSON has a real null, so no string is taken for a missing-value token ("NA"
// stays text). Strings mixed with numbers or booleans: inferred from the text of every value,
// with a warning. Nested objects and arrays: a text column of their compact JSON.
//
// Errors (lathe::Error with file, 1-based line and column in characters, and byte offset):
// Parse for malformed JSON, a top level that is not a table (a number, an array of numbers), a
// value over 64 MiB; Unsupported for UTF-16 and for objects that share so few keys that the
// table would be almost all missing; Io when the file cannot be read. An empty document or an
// empty array is an empty table. Cancel (jobs::JobCancelled) and progress via the context.
ImportResult readJson(const std::string& path, const jobs::JobContext& context);
ImportResult readJsonBytes(std::string_view bytes, const std::string& sourceName, const jobs::JobContext& context);

}  // namespace lathe::data
