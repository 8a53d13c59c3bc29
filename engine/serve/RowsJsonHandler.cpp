#include "engine/serve/RowsJsonHandler.h"

#include "engine/data/JsonErrorText.h"
#include "engine/serve/RequestError.h"

namespace lathe::serve {
namespace {

[[noreturn]] void fail(const std::string& message) { throw RequestError(400, message); }

const char* const kShape = "the body must be a JSON object {\"rows\": [{\"column\": value, ...}, ...]}";

}  // namespace

RowsJsonHandler::RowsJsonHandler(std::vector<RequestColumn>& columns, std::string keyColumn, std::size_t maxRows)
    : columns_(columns), keyColumn_(std::move(keyColumn)), maxRows_(maxRows), lastSeen_(columns.size(), 0) {
  for (std::size_t c = 0; c < columns_.size(); ++c) index_.emplace(columns_[c].name(), static_cast<int>(c));
}

void RowsJsonHandler::finish() const {
  if (!sawRows_) fail(std::string("no \"rows\" array: ") + kShape);
  if (rows_ == 0) fail("empty batch: \"rows\" holds no row");
  std::string absent;
  std::size_t count = 0;
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (lastSeen_[c] == 0 && count++ < 5) absent += (absent.empty() ? "\"" : ", \"") + columns_[c].name() + "\"";
  if (count > 0)
    fail(std::string(count == 1 ? "missing column " : "missing columns ") + absent + (count > 5 ? " and more" : "") +
         " (in no row; the model needs " + std::to_string(columns_.size()) + " columns)");
}

void RowsJsonHandler::failCell(const char* what) const {
  const std::string column = slot_ >= 0 ? columns_[static_cast<std::size_t>(slot_)].name() : keyColumn_;
  fail("row " + std::to_string(rows_) + ", column \"" + column + "\": expected a value, got " + what);
}

bool RowsJsonHandler::scalarArrives(const char* what) {
  switch (state_) {
    case State::Start: fail(kShape);
    case State::Top:
      if (expectRows_) fail(std::string("\"rows\" must be an array of objects, got ") + what);
      return false;  // the value of a key we ignore
    case State::Rows: fail("row " + std::to_string(rows_) + " is not an object (got " + what + ")");
    case State::Row: return true;
    case State::Done: break;
  }
  fail(kShape);
}

void RowsJsonHandler::rowKey(std::string_view value) {
  if (takesKey()) keys_.back() = std::string(value);
}

int RowsJsonHandler::slotOf(std::string_view name) {
  if (position_ < rowOrder_.size()) {
    const int guess = rowOrder_[position_];
    if (guess >= 0 && columns_[static_cast<std::size_t>(guess)].name() == name) return guess;
  }
  const auto found = index_.find(name);
  const int slot = found == index_.end() ? kNoSlot : found->second;
  if (position_ >= rowOrder_.size()) rowOrder_.resize(position_ + 1, kNoSlot);
  rowOrder_[position_] = slot;
  return slot;
}

bool RowsJsonHandler::null() {
  if (skipDepth_ > 0) return true;
  scalarArrives("null");
  return true;  // a missing cell: the row already starts missing
}

bool RowsJsonHandler::boolean(bool value) {
  if (skipDepth_ > 0 || !scalarArrives(value ? "true" : "false")) return true;
  if (slot_ >= 0) columns_[static_cast<std::size_t>(slot_)].setBool(rows_, value);
  rowKey(value ? "true" : "false");
  return true;
}

bool RowsJsonHandler::number_integer(number_integer_t value) {
  if (skipDepth_ > 0 || !scalarArrives("a number")) return true;
  if (slot_ >= 0) columns_[static_cast<std::size_t>(slot_)].setInteger(rows_, value);
  if (takesKey()) rowKey(std::to_string(value));
  return true;
}

bool RowsJsonHandler::number_unsigned(number_unsigned_t value) {
  if (skipDepth_ > 0 || !scalarArrives("a number")) return true;
  if (slot_ >= 0) columns_[static_cast<std::size_t>(slot_)].setUnsigned(rows_, value);
  if (takesKey()) rowKey(std::to_string(value));
  return true;
}

bool RowsJsonHandler::number_float(number_float_t value, const string_t& literal) {
  floatText(value, literal);
  return true;
}

void RowsJsonHandler::floatText(double value, std::string_view literal) {
  if (skipDepth_ > 0 || !scalarArrives("a number")) return;
  if (slot_ >= 0) columns_[static_cast<std::size_t>(slot_)].setDouble(rows_, value, literal);
  rowKey(literal);
}

bool RowsJsonHandler::string(string_t& value) {
  stringText(value);
  return true;
}

void RowsJsonHandler::stringText(std::string_view value) {
  if (skipDepth_ > 0 || !scalarArrives("a string")) return;
  if (slot_ >= 0) columns_[static_cast<std::size_t>(slot_)].setString(rows_, value);
  rowKey(value);
}

bool RowsJsonHandler::binary(binary_t&) { fail(kShape); }

bool RowsJsonHandler::start_object(std::size_t) {
  if (skipDepth_ > 0) {
    ++skipDepth_;
    return true;
  }
  switch (state_) {
    case State::Start: state_ = State::Top; return true;
    case State::Top:
      if (expectRows_) fail("\"rows\" must be an array of objects, got an object");
      skipDepth_ = 1;
      return true;
    case State::Rows:
      // The limit is checked before the row is added, so a million rows stop at the first extra one.
      if (rows_ >= maxRows_)
        throw RequestError(413, "too many rows: at most " + std::to_string(maxRows_) + " rows per request");
      for (auto& column : columns_) column.addRow();
      if (!keyColumn_.empty()) keys_.emplace_back();
      state_ = State::Row;
      position_ = 0;
      return true;
    case State::Row: failCell("an object");
    case State::Done: break;
  }
  fail(kShape);
}

bool RowsJsonHandler::key(string_t& value) {
  keyText(value);
  return true;
}

void RowsJsonHandler::keyText(std::string_view value) {
  if (skipDepth_ > 0) return;
  if (state_ == State::Top) {
    expectRows_ = value == "rows";
    if (expectRows_ && sawRows_) fail("\"rows\" is given twice");
    return;
  }
  // State::Row: the only other state with keys.
  keyIsAlsoColumn_ = !keyColumn_.empty() && value == keyColumn_;
  const int slot = slotOf(value);
  ++position_;
  if (slot == kNoSlot) {
    if (!keyIsAlsoColumn_)
      fail("row " + std::to_string(rows_) + ": unknown column \"" + data::printableJsonText(value) + "\"");
    slot_ = kKeySlot;
    keyIsAlsoColumn_ = false;
    return;
  }
  slot_ = slot;
  std::size_t& seen = lastSeen_[static_cast<std::size_t>(slot_)];
  if (seen == rows_ + 1) fail("row " + std::to_string(rows_) + ": column \"" + std::string(value) + "\" is given twice");
  seen = rows_ + 1;
}

bool RowsJsonHandler::end_object() {
  if (skipDepth_ > 0) {
    --skipDepth_;
    return true;
  }
  if (state_ == State::Row) {
    ++rows_;
    state_ = State::Rows;
    slot_ = kNoSlot;
  } else if (state_ == State::Top) {
    state_ = State::Done;
  }
  return true;
}

bool RowsJsonHandler::start_array(std::size_t) {
  if (skipDepth_ > 0) {
    ++skipDepth_;
    return true;
  }
  switch (state_) {
    case State::Start: fail(kShape);
    case State::Top:
      if (!expectRows_) {
        skipDepth_ = 1;
        return true;
      }
      sawRows_ = true;
      state_ = State::Rows;
      return true;
    case State::Rows: fail("row " + std::to_string(rows_) + " is not an object (got an array)");
    case State::Row: failCell("an array");
    case State::Done: break;
  }
  fail(kShape);
}

bool RowsJsonHandler::end_array() {
  if (skipDepth_ > 0) {
    --skipDepth_;
    return true;
  }
  if (state_ == State::Rows) {
    state_ = State::Top;
    expectRows_ = false;
  }
  return true;
}

bool RowsJsonHandler::parse_error(std::size_t position, const std::string& lastToken,
                                  const nlohmann::detail::exception& error) {
  // Inside a row, after its key: name the cell, as for any other bad value.
  std::string where;
  if (state_ == State::Row && slot_ != kNoSlot) {
    const std::string column = slot_ >= 0 ? columns_[static_cast<std::size_t>(slot_)].name() : keyColumn_;
    where = "row " + std::to_string(rows_) + ", column \"" + column + "\": ";
    // nlohmann refuses 1e400 as an overflow; for the client it is a number that is not finite.
    if (std::string_view(error.what()).find("number overflow") != std::string_view::npos)
      fail(where + "not a finite number: " + data::printableJsonText(lastToken));
  }
  fail(where + (where.empty() ? "the body is " : "") + "not valid JSON (byte " + std::to_string(position) + "): " + data::describeJsonError(error.what()));
}

}  // namespace lathe::serve
