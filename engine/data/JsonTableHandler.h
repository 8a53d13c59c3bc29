#pragma once
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/data/JsonChunkedInput.h"
#include "engine/data/JsonColumnBuilder.h"

namespace lathe::data {

// Turns nlohmann's SAX events into pending columns. Rows are the objects at rowDepth (1 in JSON
// Lines, 2 inside the top-level array); anything deeper is a nested value, written out as compact
// JSON text on the fly (no DOM, no recursion, so any depth is safe).
class JsonTableHandler {
 public:
  JsonTableHandler(JsonChunkedInput& source, int rowDepth) : source_(source), rowDepth_(rowDepth) {}

  // Parses from where the input stands: with `strict`, the whole document (nothing may follow
  // it); without, one JSON Lines object, leaving the input just after it. The parse runs in this
  // class's file so the SAX calls below are inlined into nlohmann's parser.
  void parse(bool strict);

  // nlohmann's SAX interface.
  bool null();
  bool boolean(bool value);
  bool number_integer(std::int64_t value);
  bool number_unsigned(std::uint64_t value);
  bool number_float(double, const std::string& literal);
  bool string(std::string& value);
  bool binary(nlohmann::json::binary_t&);
  bool start_object(std::size_t);
  bool key(std::string& name);
  bool end_object();
  bool start_array(std::size_t);
  bool end_array();
  bool parse_error(std::size_t position, const std::string& lastToken, const nlohmann::detail::exception& error);

  std::size_t repeatedKeys() const { return repeated_; }
  std::uint64_t firstRepeatOffset() const { return firstRepeat_; }
  std::size_t rows() const { return rows_; }
  std::vector<JsonColumnBuilder>& columns() { return columns_; }
  // Throws when rows x columns would be a huge, almost empty table.
  void checkSparse();

 private:
  using Kind = JsonColumnBuilder::Kind;

  template <typename T>
  bool integer(T value, Kind kind);
  bool scalar(Kind kind, std::string_view text);
  void setCell(Kind kind, std::string_view text);
  std::size_t columnFor(const std::string& name);
  void nestedSeparator();
  void nestedOpen(char bracket);
  void nestedClose(char bracket);
  void checkNestedSize();
  [[noreturn]] void notATable(const std::string& what);

  JsonChunkedInput& source_;
  int rowDepth_;
  int depth_ = 0;
  std::uint64_t base_ = 0;
  std::size_t rows_ = 0;
  std::uint64_t present_ = 0;
  std::vector<JsonColumnBuilder> columns_;
  std::unordered_map<std::string, std::size_t> index_;
  std::size_t next_ = 0;
  std::size_t current_ = 0;
  std::size_t repeated_ = 0;
  std::uint64_t firstRepeat_ = 0;
  std::string nested_;
  std::vector<bool> open_;  // per open nested container: nothing written in it yet
  bool afterKey_ = false;
};

}  // namespace lathe::data
