#include "engine/serve/RequestColumn.h"

#include <cmath>
#include <limits>

#include "engine/data/ValueParsing.h"
#include "engine/data/Validity.h"
#include "engine/serve/RequestError.h"

namespace lathe::serve {
namespace {

using data::ColumnType;

// A value quoted in a message, cut short: the message goes back to the client and into logs,
// so a 1 MB string must not come back whole.
std::string quoted(std::string_view text) {
  constexpr std::size_t kMax = 40;
  std::string out = "\"";
  out += text.size() > kMax ? std::string(text.substr(0, kMax)) + "..." : std::string(text);
  return out + "\"";
}

bool isIntegral(double value) {
  // 2^63 is exactly representable; anything at or above it does not fit an int64.
  constexpr double kLimit = 9223372036854775808.0;
  return std::isfinite(value) && std::trunc(value) == value && value >= -kLimit && value < kLimit;
}

}  // namespace

RequestColumn::RequestColumn(std::string name, data::ColumnType type) : name_(std::move(name)), type_(type) {}

void RequestColumn::fail(std::size_t row, const std::string& why) const {
  throw RequestError(400, "row " + std::to_string(row) + ", column \"" + name_ + "\": " + why);
}

void RequestColumn::addRow() {
  missing_.push_back(1);
  switch (type_) {
    case ColumnType::Float64: floats_.push_back(std::numeric_limits<double>::quiet_NaN()); break;
    case ColumnType::Int64:
    case ColumnType::Datetime: ints_.push_back(0); break;
    case ColumnType::Bool: bools_.push_back(0); break;
    case ColumnType::Categorical: codes_.push_back(-1); break;
    case ColumnType::Text: texts_.emplace_back(); break;
  }
}

void RequestColumn::setFinite(std::size_t row, double value, std::string_view literal) {
  if (!std::isfinite(value)) fail(row, "not a finite number: " + std::string(literal));
  if (type_ == ColumnType::Float64) {
    floats_[row] = value;
  } else {  // Int64
    if (!isIntegral(value)) fail(row, "expected an integer, got " + std::string(literal));
    ints_[row] = static_cast<std::int64_t>(value);
  }
  markPresent(row);
}

void RequestColumn::setLabel(std::size_t row, std::string_view text) {
  if (type_ == ColumnType::Text) {
    texts_[row] = std::string(text);
  } else {
    codes_[row] = levelCode(text);
  }
  markPresent(row);
}

std::int32_t RequestColumn::levelCode(std::string_view text) {
  // Up to kScannedLevels levels (the usual categorical column) a scan beats hashing each cell;
  // past them the levels are indexed.
  constexpr std::size_t kScannedLevels = 16;
  if (levelIndex_.empty()) {
    for (std::size_t i = 0; i < levels_.size(); ++i)
      if (levels_[i] == text) return static_cast<std::int32_t>(i);
    levels_.emplace_back(text);
    if (levels_.size() > kScannedLevels)
      for (std::size_t i = 0; i < levels_.size(); ++i) levelIndex_.emplace(levels_[i], static_cast<std::int32_t>(i));
    return static_cast<std::int32_t>(levels_.size() - 1);
  }
  if (const auto found = levelIndex_.find(text); found != levelIndex_.end()) return found->second;
  const auto code = static_cast<std::int32_t>(levels_.size());
  levels_.emplace_back(text);
  levelIndex_.emplace(levels_.back(), code);
  return code;
}

void RequestColumn::setBool(std::size_t row, bool value) {
  switch (type_) {
    case ColumnType::Bool:
      bools_[row] = value ? 1 : 0;
      markPresent(row);
      return;
    case ColumnType::Categorical:
    case ColumnType::Text: return setLabel(row, value ? "true" : "false");
    default: fail(row, std::string("expected ") + (type_ == ColumnType::Datetime ? "a date" : "a number") + ", got " +
                       (value ? "true" : "false"));
  }
}

void RequestColumn::setInteger(std::size_t row, std::int64_t value) {
  switch (type_) {
    case ColumnType::Float64: floats_[row] = static_cast<double>(value); break;
    case ColumnType::Int64: ints_[row] = value; break;
    case ColumnType::Bool:
      if (value != 0 && value != 1) fail(row, "expected true, false, 0 or 1, got " + std::to_string(value));
      bools_[row] = static_cast<std::uint8_t>(value);
      break;
    case ColumnType::Categorical:
    case ColumnType::Text: return setLabel(row, std::to_string(value));
    case ColumnType::Datetime: fail(row, "expected an ISO 8601 date string, got " + std::to_string(value));
  }
  markPresent(row);
}

void RequestColumn::setUnsigned(std::size_t row, std::uint64_t value) {
  if (value <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
    return setInteger(row, static_cast<std::int64_t>(value));
  switch (type_) {
    case ColumnType::Float64:
      floats_[row] = static_cast<double>(value);
      markPresent(row);
      return;
    case ColumnType::Categorical:
    case ColumnType::Text: return setLabel(row, std::to_string(value));
    default: fail(row, "number out of range: " + std::to_string(value));
  }
}

void RequestColumn::setDouble(std::size_t row, double value, std::string_view literal) {
  switch (type_) {
    case ColumnType::Float64:
    case ColumnType::Int64: return setFinite(row, value, literal);
    case ColumnType::Bool:
      if (value != 0.0 && value != 1.0) fail(row, "expected true, false, 0 or 1, got " + std::string(literal));
      bools_[row] = value == 1.0 ? 1 : 0;
      markPresent(row);
      return;
    case ColumnType::Categorical:
    case ColumnType::Text: return setLabel(row, literal);
    case ColumnType::Datetime: fail(row, "expected an ISO 8601 date string, got " + std::string(literal));
  }
}

void RequestColumn::setString(std::size_t row, std::string_view value) {
  switch (type_) {
    case ColumnType::Float64:
    case ColumnType::Int64: {
      // "NaN" and "inf" get their own message: they are the usual way non-finite values leak in.
      double parsed = 0;
      if (data::parseFloat64(value, parsed) && !std::isfinite(parsed))
        fail(row, "not a finite number: " + quoted(value));
      fail(row, std::string("expected ") + (type_ == ColumnType::Int64 ? "an integer" : "a number") + ", got the string " +
                    quoted(value));
    }
    case ColumnType::Bool: fail(row, "expected true or false, got the string " + quoted(value));
    case ColumnType::Categorical:
    case ColumnType::Text: return setLabel(row, value);
    case ColumnType::Datetime: {
      std::int64_t micros = 0;
      if (!data::parseDatetime(value, micros)) fail(row, "expected an ISO 8601 date, got " + quoted(value));
      ints_[row] = micros;
      markPresent(row);
      return;
    }
  }
}

void RequestColumn::setText(std::size_t row, std::string_view text) {
  const std::string_view trimmed = data::trimSpaces(text);
  switch (type_) {
    case ColumnType::Float64:
    case ColumnType::Int64: {
      std::int64_t whole = 0;
      if (type_ == ColumnType::Int64 && data::parseInt64(trimmed, whole)) return setInteger(row, whole);
      double value = 0;
      if (!data::parseFloat64(trimmed, value))
        fail(row, std::string("expected ") + (type_ == ColumnType::Int64 ? "an integer" : "a number") + ", got " +
                      quoted(text));
      return setFinite(row, value, trimmed);
    }
    case ColumnType::Bool: {
      bool value = false;
      if (trimmed == "0" || trimmed == "1") return setBool(row, trimmed == "1");
      if (!data::parseBool(trimmed, value)) fail(row, "expected true or false, got " + quoted(text));
      return setBool(row, value);
    }
    case ColumnType::Categorical:
    case ColumnType::Text: return setLabel(row, text);
    case ColumnType::Datetime: return setString(row, trimmed);
  }
}

std::shared_ptr<const data::Column> RequestColumn::finish() {
  data::Validity validity = data::Validity::fromMissingFlags(missing_.data(), missing_.size());
  switch (type_) {
    case ColumnType::Float64: return data::Column::float64(name_, std::move(floats_), std::move(validity));
    case ColumnType::Int64: return data::Column::int64(name_, std::move(ints_), std::move(validity));
    case ColumnType::Datetime: return data::Column::datetime(name_, std::move(ints_), std::move(validity));
    case ColumnType::Bool: return data::Column::boolean(name_, std::move(bools_), std::move(validity));
    case ColumnType::Categorical:
      return data::Column::categorical(name_, std::move(codes_), std::move(levels_), std::move(validity));
    case ColumnType::Text: {
      std::vector<std::uint64_t> offsets{0};
      std::string bytes;
      for (const auto& text : texts_) {
        bytes += text;
        offsets.push_back(bytes.size());
      }
      return data::Column::text(name_, std::move(offsets), std::move(bytes), std::move(validity));
    }
  }
  return nullptr;
}

}  // namespace lathe::serve
