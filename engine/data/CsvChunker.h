#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace lathe::data {

// A byte range of a delimited text that starts at the start of a record.
struct CsvChunk {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Splits text[start, end) into about `count` chunks at record boundaries, so threads can parse
// them independently. A newline inside a quoted field is never a boundary: when the text holds
// no quote character at all, boundaries are the first newline after each split point; otherwise
// one pass of the quote-aware state machine (the same lenient rule as CsvCursor) finds them.
std::vector<CsvChunk> splitCsvChunks(std::string_view text, std::size_t start, char delimiter, char quote,
                                     std::size_t count);

// Where the last whole record of `text` ends (text is read from a record's start): the text's
// size when it ends with a newline outside quotes, else just after the last such newline; 0 when
// not even one record is whole.
std::size_t lastRecordEnd(std::string_view text, char delimiter, char quote);

}  // namespace lathe::data
