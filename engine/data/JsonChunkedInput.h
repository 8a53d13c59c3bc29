#pragma once
#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"

namespace lathe::data {

// The input of the JSON reader, in memory or streamed from a file in 1 MiB chunks, read byte by
// byte by nlohmann's lexer (through JsonTableHandler's iterator). It counts the bytes since the
// last parser event, so an endless string is an error rather than an endless buffer, and looks at
// the stop token every kTickBytes. The per-byte calls stay inline here: the lexer makes one per
// byte of the file.
class JsonChunkedInput {
 public:
  static constexpr std::uint64_t kMaxValueBytes = std::uint64_t{64} << 20;  // one string, number or nested value

  JsonChunkedInput(std::string_view bytes, std::string name, jobs::JobContext context);
  JsonChunkedInput(std::istream& in, std::uint64_t size, std::string name, jobs::JobContext context);

  std::uint64_t offset() const { return chunkStart_ + pos_; }
  bool atEnd() { return pos_ == chunk_.size() && !refill(); }
  const char& current() const { return chunk_[pos_]; }
  void advance() {
    ++pos_;
    if (++sinceMark_ > kMaxValueBytes)
      throw Error(ErrorCode::Parse, "a single value is longer than 64 MiB", locate(markOffset_));
    if (offset() >= nextTick_) tick();
  }
  // A parser event: the value before it is complete.
  void mark() {
    sinceMark_ = 0;
    markOffset_ = offset();
  }

  void skipBom();
  void skipWhitespace();

  // Line and column of a byte offset, found by reading again from the start: only errors and
  // warnings need it, so the parse itself counts nothing.
  ErrorLocation locate(std::uint64_t at);

 private:
  static constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
  static constexpr std::uint64_t kTickBytes = std::uint64_t{256} << 10;  // ~1 ms of parsing between stop checks

  bool refill();
  void tick();

  std::string name_;
  jobs::JobContext context_;
  std::istream* in_ = nullptr;
  std::string buffer_;
  std::string_view chunk_;
  std::uint64_t total_ = 0;
  std::uint64_t chunkStart_ = 0;
  std::size_t pos_ = 0;
  std::size_t bom_ = 0;
  std::uint64_t sinceMark_ = 0;
  std::uint64_t markOffset_ = 0;
  std::uint64_t nextTick_ = kTickBytes;
};

}  // namespace lathe::data
