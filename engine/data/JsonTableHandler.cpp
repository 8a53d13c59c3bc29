#include "engine/data/JsonTableHandler.h"

#include <charconv>
#include <cstdio>
#include <iterator>
#include <limits>

#include "engine/core/Error.h"
#include "engine/data/JsonErrorText.h"

namespace lathe::data {
namespace {

// Objects with disjoint keys make a table of rows x columns cells from a small file; past this
// many cells, a table more than 1/64 empty is refused rather than allocated.
constexpr std::uint64_t kSparseCellFloor = std::uint64_t{1} << 26;
constexpr std::uint64_t kSparseRatio = 64;

void appendJsonString(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// The input iterator nlohmann's lexer reads through; a default-constructed one is the end. It is
// local to this file, as the parse is, so the compiler inlines the lexer's reads as it would in a
// single file.
struct SourceIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  JsonChunkedInput* source = nullptr;

  reference operator*() const { return source->current(); }
  SourceIterator& operator++() {
    source->advance();
    return *this;
  }
  SourceIterator operator++(int) {
    SourceIterator old = *this;
    source->advance();
    return old;
  }
  bool operator==(const SourceIterator& other) const { return done() == other.done(); }
  bool done() const { return source == nullptr || source->atEnd(); }
};

}  // namespace

void JsonTableHandler::parse(bool strict) {
  base_ = source_.offset();
  nlohmann::json::sax_parse(SourceIterator{&source_}, SourceIterator{}, this, nlohmann::json::input_format_t::json, strict);
}

template <typename T>
bool JsonTableHandler::integer(T value, Kind kind) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return scalar(kind, std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
}

bool JsonTableHandler::null() { return scalar(Kind::Missing, {}); }
bool JsonTableHandler::boolean(bool value) { return scalar(Kind::Bool, value ? "true" : "false"); }
bool JsonTableHandler::number_integer(std::int64_t value) { return integer(value, Kind::Int); }
bool JsonTableHandler::number_unsigned(std::uint64_t value) {
  return integer(value, value <= std::uint64_t{std::numeric_limits<std::int64_t>::max()} ? Kind::Int : Kind::Float);
}
bool JsonTableHandler::number_float(double, const std::string& literal) { return scalar(Kind::Float, literal); }
bool JsonTableHandler::string(std::string& value) { return scalar(Kind::String, value); }
bool JsonTableHandler::binary(nlohmann::json::binary_t&) { return true; }  // only binary formats (CBOR, ...) have it

bool JsonTableHandler::start_object(std::size_t) {
  source_.mark();
  if (depth_ == rowDepth_ - 1) {
    ++rows_;
    next_ = 0;
  } else if (depth_ >= rowDepth_) {
    nestedOpen('{');
  } else {
    notATable("an object");
  }
  ++depth_;
  return true;
}

bool JsonTableHandler::key(std::string& name) {
  source_.mark();
  if (depth_ == rowDepth_) {
    current_ = columnFor(name);
  } else {
    nestedSeparator();
    appendJsonString(nested_, name);
    nested_ += ':';
    afterKey_ = true;
  }
  return true;
}

bool JsonTableHandler::end_object() {
  source_.mark();
  if (--depth_ >= rowDepth_) nestedClose('}');
  return true;
}

bool JsonTableHandler::start_array(std::size_t) {
  source_.mark();
  if (depth_ >= rowDepth_) nestedOpen('[');
  else if (depth_ != 0 || rowDepth_ != 2) notATable("an array");
  ++depth_;
  return true;
}

bool JsonTableHandler::end_array() {
  source_.mark();
  if (--depth_ >= rowDepth_) nestedClose(']');
  return true;
}

bool JsonTableHandler::parse_error(std::size_t position, const std::string& lastToken,
                                   const nlohmann::detail::exception& error) {
  // position counts the bytes read including the offending one, from where this parse began.
  const std::uint64_t at = base_ + (position > 0 ? position - 1 : 0);
  throw Error(ErrorCode::Parse, "not valid JSON: " + describeJsonError(error.what()), source_.locate(at),
              printableJsonText(lastToken));
}

void JsonTableHandler::checkSparse() {
  const std::uint64_t cells = std::uint64_t{columns_.size()} * rows_;
  if (cells > kSparseCellFloor && cells / kSparseRatio > present_)
    throw Error(ErrorCode::Unsupported,
                std::to_string(columns_.size()) + " different keys over " + std::to_string(rows_) +
                    " objects would make a table almost all missing; the objects share too few keys",
                source_.locate(source_.offset()));
}

bool JsonTableHandler::scalar(Kind kind, std::string_view text) {
  source_.mark();
  if (depth_ == rowDepth_) {
    setCell(kind, text);
  } else if (depth_ > rowDepth_) {
    nestedSeparator();
    if (kind == Kind::String) appendJsonString(nested_, text);
    else nested_ += kind == Kind::Missing ? std::string_view("null") : text;
    checkNestedSize();
  } else {
    notATable(kind == Kind::String    ? "a string"
              : kind == Kind::Missing ? "null"
              : kind == Kind::Bool    ? "true or false"
                                      : "a number");
  }
  return true;
}

void JsonTableHandler::setCell(Kind kind, std::string_view text) {
  if (columns_[current_].set(rows_ - 1, kind, text) && repeated_++ == 0) firstRepeat_ = source_.offset();
  if (kind != Kind::Missing) ++present_;
}

// Keys usually come in the same order in every object, so the next column is tried first.
std::size_t JsonTableHandler::columnFor(const std::string& name) {
  if (next_ < columns_.size() && columns_[next_].name() == name) return next_++;
  const auto [it, added] = index_.try_emplace(name, columns_.size());
  if (added) {
    columns_.push_back(JsonColumnBuilder{name});
    checkSparse();
  }
  next_ = it->second + 1;
  return it->second;
}

void JsonTableHandler::nestedSeparator() {
  if (afterKey_) {
    afterKey_ = false;
  } else {
    if (!open_.back()) nested_ += ',';
    open_.back() = false;
  }
}

void JsonTableHandler::nestedOpen(char bracket) {
  if (open_.empty()) nested_.clear();
  else nestedSeparator();
  nested_ += bracket;
  open_.push_back(true);
}

void JsonTableHandler::nestedClose(char bracket) {
  nested_ += bracket;
  open_.pop_back();
  checkNestedSize();
  if (open_.empty()) setCell(Kind::Nested, nested_);
}

void JsonTableHandler::checkNestedSize() {
  if (nested_.size() > JsonChunkedInput::kMaxValueBytes)
    throw Error(ErrorCode::Parse, "a nested value in row " + std::to_string(rows_) + " is larger than 64 MiB",
                source_.locate(source_.offset()));
}

void JsonTableHandler::notATable(const std::string& what) {
  const std::string message =
      depth_ == 0
          ? "the top level is " + what + "; a JSON table is an array of objects, or one object per line (JSON Lines)"
          : "row " + std::to_string(rows_ + 1) + " is " + what +
                ", not an object; a JSON table is an array of objects, one per row";
  throw Error(ErrorCode::Parse, message, source_.locate(source_.offset() > 0 ? source_.offset() - 1 : 0));
}

}  // namespace lathe::data
