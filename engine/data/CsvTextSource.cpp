#include "engine/data/CsvTextSource.h"

#include "engine/data/CsvChunker.h"

namespace lathe::data {

std::string_view CsvMemorySource::block(std::uint64_t from, std::size_t bytes, char delimiter, char quote) {
  if (from >= text_.size()) return {};
  const std::string_view rest = text_.substr(from);
  if (rest.size() <= bytes) return rest;
  // Grow the window until it holds a whole record.
  for (std::size_t window = bytes;; window *= 2) {
    if (window >= rest.size()) return rest;
    if (const std::size_t end = lastRecordEnd(rest.substr(0, window), delimiter, quote)) return rest.substr(0, end);
  }
}

}  // namespace lathe::data
