#include "engine/data/CsvChunker.h"

#include <algorithm>
#include <cstring>

namespace lathe::data {
namespace {

// Calls onEnd(position after the newline) at every record end of text[start, end), with the
// same lenient quote rule as CsvCursor: a quote opens a quoted field only at a field's start.
// A CR that is the text's last byte is not reported: it may be half of a CRLF cut by a block.
template <typename OnRecordEnd>
void forEachRecordEnd(std::string_view text, std::size_t start, char delimiter, char quote, OnRecordEnd onEnd) {
  enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted } state = State::FieldStart;
  const std::size_t end = text.size();
  for (std::size_t i = start; i < end; ++i) {
    const char c = text[i];
    switch (state) {
      case State::Quoted: {
        const void* hit = std::memchr(text.data() + i, quote, end - i);
        if (!hit) return;  // unterminated: the cursor reports it with its line
        i = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
        state = State::QuoteInQuoted;
        break;
      }
      case State::QuoteInQuoted:
        if (c == quote) {
          state = State::Quoted;
          break;
        }
        [[fallthrough]];
      case State::FieldStart:
      case State::Unquoted:
        if (c == quote && state == State::FieldStart) {
          state = State::Quoted;
        } else if (c == delimiter) {
          state = State::FieldStart;
        } else if (c == '\n' || c == '\r') {
          state = State::FieldStart;
          if (c == '\r') {
            if (i + 1 == end) return;
            if (text[i + 1] == '\n') ++i;
          }
          onEnd(i + 1);
        } else {
          state = State::Unquoted;
        }
        break;
    }
  }
}

bool hasQuote(std::string_view text, std::size_t start, char quote) {
  return std::memchr(text.data() + start, quote, text.size() - start) != nullptr;
}

}  // namespace

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

  if (!hasQuote(text, start, quote)) {
    while (target < end) {
      std::size_t i = target;
      while (i < end && text[i] != '\n' && text[i] != '\r') ++i;
      while (i < end && (text[i] == '\n' || text[i] == '\r')) ++i;  // keep CRLF together
      cut(i);
      if (i >= end) break;
    }
  } else {
    forEachRecordEnd(text, start, delimiter, quote, [&](std::size_t at) {
      if (at >= target) cut(at);
    });
  }
  if (begin < end) chunks.push_back({begin, end});
  return chunks;
}

std::size_t lastRecordEnd(std::string_view text, char delimiter, char quote) {
  if (!hasQuote(text, 0, quote)) {
    std::size_t nl = text.find_last_of("\r\n");
    // A CR as the last byte may be the first half of a CRLF cut by the block: not yet whole.
    if (nl != std::string_view::npos && nl + 1 == text.size() && text[nl] == '\r')
      nl = nl == 0 ? std::string_view::npos : text.find_last_of("\r\n", nl - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
  }
  std::size_t last = 0;
  forEachRecordEnd(text, 0, delimiter, quote, [&](std::size_t at) { last = at; });
  return last;
}

}  // namespace lathe::data
