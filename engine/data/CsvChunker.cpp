#include "engine/data/CsvChunker.h"

#include <algorithm>
#include <cstring>

namespace lathe::data {

std::vector<CsvChunk> splitCsvChunks(std::string_view text, std::size_t start, char delimiter, char quote,
                                     std::size_t count) {
  std::vector<CsvChunk> chunks;
  const std::size_t end = text.size();
  if (start >= end) return chunks;
  count = std::max<std::size_t>(1, count);
  const std::size_t step = std::max<std::size_t>(1, (end - start) / count);
  std::size_t target = start + step;
  std::size_t begin = start;
  auto cut = [&](std::size_t at) {
    if (at > begin && at < end) {
      chunks.push_back({begin, at});
      begin = at;
    }
    while (target <= at) target += step;
  };

  const bool quotes = std::memchr(text.data() + start, quote, end - start) != nullptr;
  if (!quotes) {
    while (target < end) {
      std::size_t i = target;
      while (i < end && text[i] != '\n' && text[i] != '\r') ++i;
      while (i < end && (text[i] == '\n' || text[i] == '\r')) ++i;  // keep CRLF together
      cut(i);
      if (i >= end) break;
    }
  } else {
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted } state = State::FieldStart;
    for (std::size_t i = start; i < end; ++i) {
      const char c = text[i];
      switch (state) {
        case State::Quoted: {
          const void* hit = std::memchr(text.data() + i, quote, end - i);
          if (!hit) { i = end; break; }  // unterminated: the cursor reports it with its line
          i = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
          state = State::QuoteInQuoted;
          break;
        }
        case State::QuoteInQuoted:
          if (c == quote) { state = State::Quoted; break; }
          [[fallthrough]];
        case State::FieldStart:
        case State::Unquoted:
          if (c == quote && state == State::FieldStart) state = State::Quoted;
          else if (c == delimiter) state = State::FieldStart;
          else if (c == '\n' || c == '\r') {
            state = State::FieldStart;
            if (c == '\r' && i + 1 < end && text[i + 1] == '\n') ++i;
            if (i + 1 >= target) cut(i + 1);
          } else state = State::Unquoted;
          break;
      }
    }
  }
  if (begin < end) chunks.push_back({begin, end});
  return chunks;
}

std::size_t lastRecordEnd(std::string_view text, char delimiter, char quote) {
  if (std::memchr(text.data(), quote, text.size()) == nullptr) {
    const std::size_t nl = text.find_last_of("\r\n");
    if (nl == std::string_view::npos) return 0;
    // A CR as the last byte may be the first half of a CRLF split by the block: not yet whole.
    if (text[nl] == '\r' && nl + 1 == text.size()) return nl == 0 ? 0 : lastRecordEnd(text.substr(0, nl), delimiter, quote);
    return nl + 1;
  }
  // The split points at every record boundary of a single chunk: the last one is what we want.
  std::size_t last = 0;
  enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted } state = State::FieldStart;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (state) {
      case State::Quoted: {
        const void* hit = std::memchr(text.data() + i, quote, text.size() - i);
        if (!hit) return last;
        i = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
        state = State::QuoteInQuoted;
        break;
      }
      case State::QuoteInQuoted:
        if (c == quote) { state = State::Quoted; break; }
        [[fallthrough]];
      case State::FieldStart:
      case State::Unquoted:
        if (c == quote && state == State::FieldStart) state = State::Quoted;
        else if (c == delimiter) state = State::FieldStart;
        else if (c == '\n' || c == '\r') {
          state = State::FieldStart;
          if (c == '\r') {
            if (i + 1 == text.size()) return last;  // maybe half of a CRLF
            if (text[i + 1] == '\n') ++i;
          }
          last = i + 1;
        } else state = State::Unquoted;
        break;
    }
  }
  return last;
}

}  // namespace lathe::data
