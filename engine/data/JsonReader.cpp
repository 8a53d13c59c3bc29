#include "engine/data/JsonReader.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

#include "engine/core/Error.h"
#include "engine/data/TextColumnInference.h"

namespace lathe::data {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
constexpr std::uint64_t kTickBytes = std::uint64_t{256} << 10;     // ~1 ms of parsing between stop checks
constexpr std::uint64_t kMaxValueBytes = std::uint64_t{64} << 20;  // one string, number or nested value
// Objects with disjoint keys make a table of rows x columns cells from a small file; past this
// many cells, a table more than 1/64 empty is refused rather than allocated.
constexpr std::uint64_t kSparseCellFloor = std::uint64_t{1} << 26;
constexpr std::uint64_t kSparseRatio = 64;

// Text safe to show in a message: valid UTF-8 kept, anything else '?', at most 80 bytes.
std::string printable(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && out.size() < 80;) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool valid = length != 0 && i + length <= text.size() && (c >= 0x20 || length != 1) && c != 0x7F;
    for (std::size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    out.append(valid ? text.substr(i, length) : "?");
    i += valid ? length : 1;
  }
  return out;
}

// nlohmann's message without its "[json.exception...]" tag, its own line/column (relative to
// where a JSON Lines object began) and the raw token (kept as the error's value instead).
std::string describe(std::string_view text) {
  if (text.starts_with("[json.exception"))
    if (const auto end = text.find("] "); end != std::string_view::npos) text.remove_prefix(end + 2);
  if (text.starts_with("parse error"))
    if (const auto colon = text.find(": "); colon != std::string_view::npos) text.remove_prefix(colon + 2);
  if (const auto token = text.find("; last read:"); token != std::string_view::npos) text = text.substr(0, token);
  return std::string(text);
}

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

// The input, in memory or streamed from a file in chunks, read byte by byte by nlohmann's lexer
// through SourceIterator. It counts the bytes since the last parser event, so an endless string
// is an error rather than an endless buffer, and looks at the stop token every kTickBytes.
class ByteSource {
 public:
  ByteSource(std::string_view bytes, std::string name, jobs::JobContext context)
      : name_(std::move(name)), context_(std::move(context)), chunk_(bytes), total_(bytes.size()) {}
  ByteSource(std::istream& in, std::uint64_t size, std::string name, jobs::JobContext context)
      : name_(std::move(name)), context_(std::move(context)), in_(&in), buffer_(kChunkBytes, '\0'), total_(size) {
    refill();
  }

  std::uint64_t offset() const { return chunkStart_ + pos_; }
  bool atEnd() { return pos_ == chunk_.size() && !refill(); }
  const char& current() const { return chunk_[pos_]; }
  void advance() {
    ++pos_;
    if (++sinceMark_ > kMaxValueBytes)
      throw Error(ErrorCode::Parse, "a single value is longer than 64 MiB", locate(markOffset_));
    if (offset() >= nextTick_) tick();
  }
  // A parser event: the value before it is complete.
  void mark() {
    sinceMark_ = 0;
    markOffset_ = offset();
  }

  void skipBom() {
    const std::string_view head = chunk_.substr(0, 3);
    if (head == "\xEF\xBB\xBF") pos_ = bom_ = 3;
    else if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF"))
      throw Error(ErrorCode::Unsupported, "UTF-16 JSON is not supported; save the file as UTF-8", {name_, 1, 1, 0});
    mark();
  }
  void skipWhitespace() {
    mark();
    while (!atEnd() && (current() == ' ' || current() == '\n' || current() == '\r' || current() == '\t')) advance();
  }

  // Line and column of a byte offset, found by reading again from the start: only errors and
  // warnings need it, so the parse itself counts nothing.
  ErrorLocation locate(std::uint64_t at) {
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

 private:
  bool refill() {
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
  void tick() {
    context_.throwIfStopped();
    context_.progress(total_ ? static_cast<double>(offset()) / static_cast<double>(total_) : 0.0, "Reading JSON");
    nextTick_ = offset() + kTickBytes;
  }

  std::string name_;
  jobs::JobContext context_;
  std::istream* in_ = nullptr;
  std::string buffer_;
  std::string_view chunk_;
  std::uint64_t total_ = 0;
  std::uint64_t chunkStart_ = 0;
  std::size_t pos_ = 0;
  std::size_t bom_ = 0;
  std::uint64_t sinceMark_ = 0;
  std::uint64_t markOffset_ = 0;
  std::uint64_t nextTick_ = kTickBytes;
};

// The input iterator nlohmann's lexer reads through; a default-constructed one is the end.
struct SourceIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  ByteSource* source = nullptr;

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

enum class Kind : std::uint8_t { Missing, Int, Float, Bool, String, Nested };
constexpr unsigned bit(Kind kind) { return 1U << static_cast<unsigned>(kind); }

// One column while parsing: the kind and the text of every cell, in one buffer (no per-cell
// objects). The type is decided once every value is known.
struct PendingColumn {
  std::string name;
  std::vector<Kind> kinds;
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;

  void padTo(std::size_t rows) {
    if (kinds.size() >= rows) return;
    kinds.resize(rows, Kind::Missing);
    offsets.resize(rows + 1, bytes.size());
  }
  // Returns true when the row already had a value (a repeated key): the later one wins, as in
  // nlohmann's own DOM and in JavaScript.
  bool set(std::size_t row, Kind kind, std::string_view text) {
    const bool repeated = kinds.size() == row + 1;
    if (repeated) {
      kinds.pop_back();
      offsets.pop_back();
      bytes.resize(offsets.back());
    }
    padTo(row);
    kinds.push_back(kind);
    bytes.append(text);
    offsets.push_back(bytes.size());
    return repeated;
  }
  std::string_view textAt(std::size_t row) const {
    return std::string_view(bytes).substr(offsets[row], offsets[row + 1] - offsets[row]);
  }
};

// Turns nlohmann's SAX events into pending columns. Rows are the objects at rowDepth (1 in JSON
// Lines, 2 inside the top-level array); anything deeper is a nested value, written out as compact
// JSON text on the fly (no DOM, no recursion, so any depth is safe).
class TableHandler {
 public:
  TableHandler(ByteSource& source, int rowDepth) : source_(source), rowDepth_(rowDepth) {}
  void setBase(std::uint64_t base) { base_ = base; }

  // nlohmann's SAX interface.
  bool null() { return scalar(Kind::Missing, {}); }
  bool boolean(bool value) { return scalar(Kind::Bool, value ? "true" : "false"); }
  bool number_integer(std::int64_t value) { return integer(value, Kind::Int); }
  bool number_unsigned(std::uint64_t value) {
    return integer(value, value <= std::uint64_t{std::numeric_limits<std::int64_t>::max()} ? Kind::Int : Kind::Float);
  }
  bool number_float(double, const std::string& literal) { return scalar(Kind::Float, literal); }
  bool string(std::string& value) { return scalar(Kind::String, value); }
  bool binary(nlohmann::json::binary_t&) { return true; }  // only binary formats (CBOR, ...) have it
  bool start_object(std::size_t) {
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
  bool key(std::string& name) {
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
  bool end_object() {
    source_.mark();
    if (--depth_ >= rowDepth_) nestedClose('}');
    return true;
  }
  bool start_array(std::size_t) {
    source_.mark();
    if (depth_ >= rowDepth_) nestedOpen('[');
    else if (depth_ != 0 || rowDepth_ != 2) notATable("an array");
    ++depth_;
    return true;
  }
  bool end_array() {
    source_.mark();
    if (--depth_ >= rowDepth_) nestedClose(']');
    return true;
  }
  bool parse_error(std::size_t position, const std::string& lastToken, const nlohmann::detail::exception& error) {
    // position counts the bytes read including the offending one, from where this parse began.
    const std::uint64_t at = base_ + (position > 0 ? position - 1 : 0);
    throw Error(ErrorCode::Parse, "not valid JSON: " + describe(error.what()), source_.locate(at),
                printable(lastToken));
  }

  std::size_t repeatedKeys() const { return repeated_; }
  std::uint64_t firstRepeatOffset() const { return firstRepeat_; }
  std::size_t rows() const { return rows_; }
  std::vector<PendingColumn>& columns() { return columns_; }
  // Throws when rows x columns would be a huge, almost empty table.
  void checkSparse() {
    const std::uint64_t cells = std::uint64_t{columns_.size()} * rows_;
    if (cells > kSparseCellFloor && cells / kSparseRatio > present_)
      throw Error(ErrorCode::Unsupported,
                  std::to_string(columns_.size()) + " different keys over " + std::to_string(rows_) +
                      " objects would make a table almost all missing; the objects share too few keys",
                  source_.locate(source_.offset()));
  }

 private:
  template <typename T>
  bool integer(T value, Kind kind) {
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return scalar(kind, std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
  }

  bool scalar(Kind kind, std::string_view text) {
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

  void setCell(Kind kind, std::string_view text) {
    if (columns_[current_].set(rows_ - 1, kind, text) && repeated_++ == 0) firstRepeat_ = source_.offset();
    if (kind != Kind::Missing) ++present_;
  }

  // Keys usually come in the same order in every object, so the next column is tried first.
  std::size_t columnFor(const std::string& name) {
    if (next_ < columns_.size() && columns_[next_].name == name) return next_++;
    const auto [it, added] = index_.try_emplace(name, columns_.size());
    if (added) {
      columns_.push_back(PendingColumn{name, {}, {0}, {}});
      checkSparse();
    }
    next_ = it->second + 1;
    return it->second;
  }

  void nestedSeparator() {
    if (afterKey_) {
      afterKey_ = false;
    } else {
      if (!open_.back()) nested_ += ',';
      open_.back() = false;
    }
  }
  void nestedOpen(char bracket) {
    if (open_.empty()) nested_.clear();
    else nestedSeparator();
    nested_ += bracket;
    open_.push_back(true);
  }
  void nestedClose(char bracket) {
    nested_ += bracket;
    open_.pop_back();
    checkNestedSize();
    if (open_.empty()) setCell(Kind::Nested, nested_);
  }
  void checkNestedSize() {
    if (nested_.size() > kMaxValueBytes)
      throw Error(ErrorCode::Parse, "a nested value in row " + std::to_string(rows_) + " is larger than 64 MiB",
                  source_.locate(source_.offset()));
  }

  [[noreturn]] void notATable(const std::string& what) {
    const std::string message =
        depth_ == 0
            ? "the top level is " + what + "; a JSON table is an array of objects, or one object per line (JSON Lines)"
            : "row " + std::to_string(rows_ + 1) + " is " + what +
                  ", not an object; a JSON table is an array of objects, one per row";
    throw Error(ErrorCode::Parse, message, source_.locate(source_.offset() > 0 ? source_.offset() - 1 : 0));
  }

  ByteSource& source_;
  int rowDepth_;
  int depth_ = 0;
  std::uint64_t base_ = 0;
  std::size_t rows_ = 0;
  std::uint64_t present_ = 0;
  std::vector<PendingColumn> columns_;
  std::unordered_map<std::string, std::size_t> index_;
  std::size_t next_ = 0;
  std::size_t current_ = 0;
  std::size_t repeated_ = 0;
  std::uint64_t firstRepeat_ = 0;
  std::string nested_;
  std::vector<bool> open_;  // per open nested container: nothing written in it yet
  bool afterKey_ = false;
};

const InferenceOptions& jsonInference() {
  // JSON has a real null, so no string is read as a missing-value token.
  static const InferenceOptions options = [] {
    InferenceOptions o;
    o.missingTokens.clear();
    return o;
  }();
  return options;
}

std::shared_ptr<const Column> buildColumn(PendingColumn& pending, std::size_t rows, const std::string& source,
                                          std::vector<ImportWarning>& warnings) {
  pending.padTo(rows);
  unsigned seen = 0;
  for (const Kind kind : pending.kinds) seen |= bit(kind);
  seen &= ~bit(Kind::Missing);
  const unsigned numbers = bit(Kind::Int) | bit(Kind::Float);
  Validity validity;
  if (seen != 0 && (seen & ~numbers) == 0) {
    if (seen == bit(Kind::Int)) {
      std::vector<std::int64_t> values(rows, 0);
      for (std::size_t row = 0; row < rows; ++row) {
        const auto text = pending.textAt(row);
        if (pending.kinds[row] == Kind::Missing) validity.setMissing(row, rows);
        else std::from_chars(text.data(), text.data() + text.size(), values[row]);
      }
      return Column::int64(pending.name, std::move(values), std::move(validity));
    }
    std::vector<double> values(rows, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t row = 0; row < rows; ++row) {
      if (pending.kinds[row] == Kind::Missing) validity.setMissing(row, rows);
      else if (!parseDeclaredFloat64(pending.textAt(row), values[row]))
        throw Error(ErrorCode::Internal, "JSON number '" + std::string(pending.textAt(row)) + "' did not parse");
    }
    return Column::float64(pending.name, std::move(values), std::move(validity));
  }
  if (seen == bit(Kind::Bool)) {
    std::vector<std::uint8_t> values(rows, 0);
    for (std::size_t row = 0; row < rows; ++row) {
      if (pending.kinds[row] == Kind::Missing) validity.setMissing(row, rows);
      else values[row] = pending.textAt(row) == "true";
    }
    return Column::boolean(pending.name, std::move(values), std::move(validity));
  }
  const int groups = ((seen & numbers) != 0) + ((seen & bit(Kind::Bool)) != 0) + ((seen & bit(Kind::String)) != 0);
  const std::string column = "column '" + pending.name + "' ";
  if (seen & bit(Kind::Nested))
    warnings.push_back({column + "holds nested objects or arrays; kept as their JSON text", {source}});
  else if (groups > 1)
    warnings.push_back({column + "mixes strings, numbers or true/false; typed from the text of every value", {source}});
  std::vector<std::string_view> values(rows);
  std::vector<std::uint8_t> missing(rows, 0);
  for (std::size_t row = 0; row < rows; ++row) {
    values[row] = pending.textAt(row);
    missing[row] = pending.kinds[row] == Kind::Missing;
  }
  return buildColumnFromText(pending.name, values, missing, jsonInference(),
                             (seen & bit(Kind::Nested)) ? std::optional(ColumnType::Text) : std::nullopt);
}

ImportResult readSource(ByteSource& source, const std::string& name, const jobs::JobContext& context) {
  ImportResult result;
  result.encoding = "utf-8";
  source.skipBom();
  source.skipWhitespace();
  const bool empty = source.atEnd();
  const bool lines = empty || source.current() == '{';
  result.format = lines ? "jsonl" : "json";
  TableHandler handler(source, lines ? 1 : 2);
  if (lines) {
    for (; !source.atEnd(); source.skipWhitespace()) {
      if (source.current() != '{')
        throw Error(ErrorCode::Parse, "expected '{' to begin the next object of these JSON Lines",
                    source.locate(source.offset()), printable(std::string_view(&source.current(), 1)));
      handler.setBase(source.offset());
      nlohmann::json::sax_parse(SourceIterator{&source}, SourceIterator{}, &handler,
                                nlohmann::json::input_format_t::json, false);
    }
  } else {
    handler.setBase(source.offset());
    nlohmann::json::sax_parse(SourceIterator{&source}, SourceIterator{}, &handler);
  }
  if (empty) result.warnings.push_back({"the file holds no JSON data", {name}});
  if (handler.repeatedKeys() > 0)
    result.warnings.push_back({"an object repeats a key; the last value was kept",
                               source.locate(handler.firstRepeatOffset()), handler.repeatedKeys()});
  handler.checkSparse();

  const jobs::JobContext build = context.subRange(0.9, 1.0);
  auto& pending = handler.columns();
  std::vector<std::shared_ptr<const Column>> columns;
  for (std::size_t i = 0; i < pending.size(); ++i) {
    build.throwIfStopped();
    build.progress(static_cast<double>(i) / static_cast<double>(pending.size()), "Building columns");
    columns.push_back(buildColumn(pending[i], handler.rows(), name, result.warnings));
    pending[i] = PendingColumn{};  // free its buffers before the next column is built
  }
  result.table = Table(std::move(columns));
  context.progress(1.0, "Read JSON");
  return result;
}

}  // namespace

ImportResult readJson(const std::string& path, const jobs::JobContext& context) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw Error(ErrorCode::Io, "is a folder, not a JSON file", {path});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::Io, std::string("cannot open the file: ") + std::strerror(errno), {path});
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  ByteSource source(in, error ? 0 : size, path, context.subRange(0.0, 0.9));
  return readSource(source, path, context);
}

ImportResult readJsonBytes(std::string_view bytes, const std::string& sourceName, const jobs::JobContext& context) {
  ByteSource source(bytes, sourceName, context.subRange(0.0, 0.9));
  return readSource(source, sourceName, context);
}

}  // namespace lathe::data
