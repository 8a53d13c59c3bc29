#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace lathe::store {

// A prepared statement: bind by 1-based index, step, read columns by 0-based index. Text is
// UTF-8; a NULL reads as "" / 0 / nullopt. Failures throw StoreError.
class Statement {
 public:
  explicit Statement(sqlite3_stmt* statement) noexcept : statement_(statement) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, std::optional<double> value);
  Statement& bindBlob(int index, std::span<const std::uint8_t> bytes);
  Statement& bindNull(int index);

  // True when a row is ready, false when the statement is done.
  bool step();
  // Steps to the end, for statements that return no rows.
  void run();
  void reset();

  bool isNull(int column) const;
  std::int64_t int64(int column) const;
  double real(int column) const;
  std::optional<double> optionalReal(int column) const;
  std::string text(int column) const;
  // Valid until the next step, reset or destruction.
  std::span<const std::uint8_t> blob(int column) const;

 private:
  sqlite3_stmt* statement_;
};

}  // namespace lathe::store
