#include "engine/data/JsonChunkedInput.h"

#include <algorithm>
#include <utility>

namespace lathe::data {

JsonChunkedInput::JsonChunkedInput(std::string_view bytes, std::string name, jobs::JobContext context)
    : name_(std::move(name)), context_(std::move(context)), chunk_(bytes), total_(bytes.size()) {}

JsonChunkedInput::JsonChunkedInput(std::istream& in, std::uint64_t size, std::string name, jobs::JobContext context)
    : name_(std::move(name)), context_(std::move(context)), in_(&in), buffer_(kChunkBytes, '\0'), total_(size) {
  refill();
}

void JsonChunkedInput::skipBom() {
  const std::string_view head = chunk_.substr(0, 3);
  if (head == "\xEF\xBB\xBF") pos_ = bom_ = 3;
  else if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF"))
    throw Error(ErrorCode::Unsupported, "UTF-16 JSON is not supported; save the file as UTF-8", {name_, 1, 1, 0});
  mark();
}

void JsonChunkedInput::skipWhitespace() {
  mark();
  while (!atEnd() && (current() == ' ' || current() == '\n' || current() == '\r' || current() == '\t')) advance();
}

ErrorLocation JsonChunkedInput::locate(std::uint64_t at) {
  ErrorLocation where{name_, -1, -1, static_cast<std::int64_t>(at)};
  std::int64_t line = 1, column = 1;
  const auto feed = [&](std::string_view bytes) {
    for (const char c : bytes) {
      if (c == '\n') line += 1, column = 1;
      else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
    }
  };
  if (!in_) {
    if (at > chunk_.size() || at < bom_) return where;
    feed(chunk_.substr(bom_, at - bom_));
  } else {
    in_->clear();
    if (!in_->seekg(static_cast<std::streamoff>(bom_))) return where;
    std::string buffer(std::size_t{64} << 10, '\0');
    for (std::uint64_t done = bom_; done < at;) {
      in_->read(buffer.data(), static_cast<std::streamsize>(std::min<std::uint64_t>(buffer.size(), at - done)));
      const auto got = static_cast<std::size_t>(in_->gcount());
      if (got == 0) return where;
      feed(std::string_view(buffer.data(), got));
      done += got;
    }
  }
  where.line = line;
  where.column = column;
  return where;
}

bool JsonChunkedInput::refill() {
  if (!in_) return false;
  chunkStart_ += chunk_.size();
  pos_ = 0;
  in_->read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  const auto got = static_cast<std::size_t>(in_->gcount());
  if (in_->bad())
    throw Error(ErrorCode::Io, "cannot read the file", {name_, -1, -1, static_cast<std::int64_t>(chunkStart_)});
  chunk_ = std::string_view(buffer_.data(), got);
  return got > 0;
}

void JsonChunkedInput::tick() {
  context_.throwIfStopped();
  context_.progress(total_ ? static_cast<double>(offset()) / static_cast<double>(total_) : 0.0, "Reading JSON");
  nextTick_ = offset() + kTickBytes;
}

}  // namespace lathe::data
