#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/data/ColumnType.h"
#include "engine/data/ValueParsing.h"

namespace lathe::data {

// How to read a delimited text file. Unset optionals are sniffed from the first 64 KiB.
struct CsvOptions {
  std::optional<char> delimiter;       // ',', ';', '\t', '|' or any other byte
  char quote = '"';
  std::optional<bool> header;          // first record holds the column names
  std::optional<char> decimal;         // '.' or ','
  std::string encoding = "auto";       // see TextDecoder
  std::vector<std::string> missingTokens = defaultMissingTokens();
  std::map<std::string, ColumnType> columnTypes;  // the user's override per column name
  std::uint64_t maxFieldBytes = 64ULL << 20;      // a longer field is an error, not a hang
  int threads = 0;                     // 0: one per core
  std::optional<std::uint64_t> maxRows;  // read only this many data rows (the import preview)
  double categoricalMaxRatio = 0.5;    // see InferenceOptions
  std::size_t categoricalMaxLevels = 65536;
};

}  // namespace lathe::data
