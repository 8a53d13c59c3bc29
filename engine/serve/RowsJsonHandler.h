#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/core/TextHash.h"
#include "engine/serve/RequestColumn.h"

namespace lathe::serve {

// Reads `{"rows": [{"column": value, ...}, ...]}` as a stream of SAX events straight into typed
// columns, never building the JSON tree: a million tiny rows cost nothing before the row limit
// stops them, and a 10,000-row batch is read without a node per cell. Other top-level keys are
// skipped (room for later fields). Problems throw RequestError naming the row and column.
// nlohmann's parser calls the overrides below; RowsJsonReader (simdjson, the fast path) calls the
// same events, with text as views, so both paths decide every body the same way.
class RowsJsonHandler final : public nlohmann::json_sax<nlohmann::json> {
 public:
  // `columns`: the schema's columns, filled here. `keyColumn` (may be empty): the column whose
  // value keys each row's traffic split; taken even when it is not one of `columns`.
  RowsJsonHandler(std::vector<RequestColumn>& columns, std::string keyColumn, std::size_t maxRows);

  // After a successful parse: how many rows, each row's key (only when keyColumn is set), and
  // which columns were given in at least one row.
  std::size_t rows() const noexcept { return rows_; }
  std::vector<std::optional<std::string>> takeKeys() { return std::move(keys_); }
  // Throws for a body without "rows", an empty batch, or a schema column no row gave.
  void finish() const;

  // The events that carry text, as views; the overrides below call them too.
  void keyText(std::string_view value);
  void stringText(std::string_view value);
  void floatText(double value, std::string_view literal);

  bool null() override;
  bool boolean(bool value) override;
  bool number_integer(number_integer_t value) override;
  bool number_unsigned(number_unsigned_t value) override;
  bool number_float(number_float_t value, const string_t& literal) override;
  bool string(string_t& value) override;
  bool binary(binary_t& value) override;
  bool start_object(std::size_t elements) override;
  bool key(string_t& value) override;
  bool end_object() override;
  bool start_array(std::size_t elements) override;
  bool end_array() override;
  bool parse_error(std::size_t position, const std::string& lastToken, const nlohmann::detail::exception& error) override;

 private:
  enum class State { Start, Top, Rows, Row, Done };
  static constexpr int kKeySlot = -2;  // the current key is the key column (not in the schema)
  static constexpr int kNoSlot = -1;

  // A scalar arrived: where does it go? False when it is skipped (an ignored top-level key).
  bool scalarArrives(const char* what);
  // Whether the value now arriving is the row's key.
  bool takesKey() const noexcept { return !keyColumn_.empty() && (slot_ == kKeySlot || keyIsAlsoColumn_); }
  void rowKey(std::string_view value);
  // The schema column named `name` (kNoSlot if none), trying first the one the previous row had
  // at this position: clients send every row's keys in the same order.
  int slotOf(std::string_view name);
  [[noreturn]] void failCell(const char* what) const;

  std::vector<RequestColumn>& columns_;
  TextMap<int> index_;
  std::string keyColumn_;
  std::size_t maxRows_;

  State state_ = State::Start;
  bool expectRows_ = false;  // the last top-level key was "rows"
  bool sawRows_ = false;
  int skipDepth_ = 0;        // > 0 while skipping an ignored top-level value
  int slot_ = kNoSlot;       // the column the next value in a row belongs to
  bool keyIsAlsoColumn_ = false;
  std::size_t rows_ = 0;
  std::size_t position_ = 0;      // keys so far in the current row
  std::vector<int> rowOrder_;     // per key position: the slot the last row had there
  std::vector<std::size_t> lastSeen_;  // per column: 1 + the last row that gave it (0: never)
  std::vector<std::optional<std::string>> keys_;
};

}  // namespace lathe::serve
