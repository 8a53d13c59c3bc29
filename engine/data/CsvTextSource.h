#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace lathe::data {

// Where a CSV import's text comes from, in runs of whole records: the decoded text held in
// memory (CsvMemorySource), or a UTF-8 file read block by block so that the file itself is
// never held whole (CsvFileSource). Offsets are positions in the text.
class CsvTextSource {
 public:
  virtual ~CsvTextSource() = default;

  // Whole records from `from`: about `bytes` of them, at least one whole record unless the text
  // ends first; empty at the end. Valid until the call after next, so that the import can read
  // one block while it parses the one before (calls themselves never overlap).
  virtual std::string_view block(std::uint64_t from, std::size_t bytes, char delimiter, char quote) = 0;
  // text[offset, offset + length) again, for a chunk that must be parsed a second time.
  virtual std::string_view reread(std::uint64_t offset, std::size_t length, std::string& storage) const = 0;
  // Where a text offset sits in the file, or -1 when the text was transcoded.
  virtual std::int64_t fileOffset(std::uint64_t textOffset) const = 0;
  virtual std::uint64_t size() const = 0;
  // Frees the last block: the import has read every block.
  virtual void releaseBlock() {}
};

// Decoded text that is already in memory.
class CsvMemorySource final : public CsvTextSource {
 public:
  // byteBase: where text[0] sits in the file, or -1 when the text was transcoded.
  CsvMemorySource(std::string_view text, std::int64_t byteBase) : text_(text), byteBase_(byteBase) {}
  std::string_view block(std::uint64_t from, std::size_t bytes, char delimiter, char quote) override;
  std::string_view reread(std::uint64_t offset, std::size_t length, std::string&) const override {
    return text_.substr(offset, length);
  }
  std::int64_t fileOffset(std::uint64_t textOffset) const override {
    return byteBase_ < 0 ? -1 : byteBase_ + static_cast<std::int64_t>(textOffset);
  }
  std::uint64_t size() const override { return text_.size(); }

 private:
  std::string_view text_;
  std::int64_t byteBase_;
};

}  // namespace lathe::data
