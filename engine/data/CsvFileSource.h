#pragma once
#include <string>

#include "engine/data/CsvTextSource.h"

namespace lathe::data {

// A UTF-8 file read block by block: the import holds one block of the file at a time, not the
// whole file. Text offsets are file offsets less the BOM. Throws NotUtf8 when a block is not
// valid UTF-8, so the caller can read the file whole and decode it instead.
class CsvFileSource final : public CsvTextSource {
 public:
  struct NotUtf8 {};

  CsvFileSource(const std::string& path, std::uint64_t bomBytes);
  ~CsvFileSource() override;
  CsvFileSource(const CsvFileSource&) = delete;
  CsvFileSource& operator=(const CsvFileSource&) = delete;

  std::string_view block(std::uint64_t from, std::size_t bytes, char delimiter, char quote) override;
  std::string_view reread(std::uint64_t offset, std::size_t length, std::string& storage) const override;
  std::int64_t fileOffset(std::uint64_t textOffset) const override {
    return static_cast<std::int64_t>(textOffset + bom_);
  }
  std::uint64_t size() const override { return size_; }
  void releaseBlock() override {
    std::string().swap(buffers_[0]);
    std::string().swap(buffers_[1]);
  }

 private:
  void readAt(std::uint64_t offset, std::size_t length, std::string& into) const;

  std::string path_;
  int fd_ = -1;
  std::uint64_t bom_;
  std::uint64_t size_ = 0;  // text bytes: the file's size less the BOM
  // Blocks alternate between two buffers, so the next block can be read while the last is parsed.
  std::string buffers_[2];
  int current_ = 0;
};

}  // namespace lathe::data
