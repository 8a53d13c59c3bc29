#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lathe::data {

// The values of one string column within one CSV chunk. While the values repeat they are kept as
// chunk-local codes (written straight into the column's final code buffer) and a dictionary of
// the distinct values; once the distinct values pass a limit the chunk gives up on codes and keeps
// the text itself, since the column will be text anyway.
class CsvStringChunk {
 public:
  CsvStringChunk(std::int32_t* codes, std::size_t maxLevels) : codes_(codes), maxLevels_(maxLevels) {}

  void addMissing(std::size_t row) {
    if (asText_) ends_.push_back(bytes_.size());
    else codes_[row] = -1;
  }

  void add(std::size_t row, std::string_view value) {
    if (asText_) {
      bytes_.append(value);
      ends_.push_back(bytes_.size());
      return;
    }
    auto [it, added] = index_.try_emplace(value, static_cast<std::int32_t>(levels_.size()));
    if (added) {
      levels_.push_back(value);
      if (levels_.size() > maxLevels_) {
        switchToText(row);
        bytes_.append(value);
        ends_.push_back(bytes_.size());
        return;
      }
    }
    codes_[row] = it->second;
  }

  bool asText() const { return asText_; }
  const std::vector<std::string_view>& levels() const { return levels_; }
  const std::string& bytes() const { return bytes_; }
  const std::vector<std::uint64_t>& ends() const { return ends_; }  // per row, into bytes()
  std::size_t rowsBefore() const { return firstRow_; }

  void setFirstRow(std::size_t row) { firstRow_ = row; }

 private:
  // Rewrites the rows coded so far ([firstRow_, row)) as text.
  void switchToText(std::size_t row) {
    asText_ = true;
    for (std::size_t r = firstRow_; r < row; ++r) {
      if (codes_[r] >= 0) bytes_.append(levels_[static_cast<std::size_t>(codes_[r])]);
      ends_.push_back(bytes_.size());
    }
    index_.clear();
    levels_.clear();
  }

  std::int32_t* codes_;
  std::size_t maxLevels_;
  std::size_t firstRow_ = 0;
  bool asText_ = false;
  std::unordered_map<std::string_view, std::int32_t> index_;
  std::vector<std::string_view> levels_;
  std::string bytes_;
  std::vector<std::uint64_t> ends_;
};

}  // namespace lathe::data
