#include "engine/store/ColumnCodec.h"

#include <bit>
#include <cstring>
#include <type_traits>

#include "engine/core/Error.h"

namespace lathe::store {
namespace {

using data::Column;
using data::ColumnType;

constexpr std::uint8_t kHasBitmap = 1;

template <typename T>
T swapBytes(T value) {
  if constexpr (std::endian::native == std::endian::little || sizeof(T) == 1) {
    return value;
  } else {
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    for (std::size_t i = 0; i < sizeof(T) / 2; ++i) std::swap(bytes[i], bytes[sizeof(T) - 1 - i]);
    std::memcpy(&value, bytes, sizeof(T));
    return value;
  }
}

// Appends little-endian values to a buffer sized once up front.
class Writer {
 public:
  explicit Writer(std::size_t capacity) { bytes_.reserve(capacity); }

  template <typename T>
  void scalar(T value) {
    value = swapBytes(value);
    const auto* raw = reinterpret_cast<const std::uint8_t*>(&value);
    bytes_.insert(bytes_.end(), raw, raw + sizeof(T));
  }
  template <typename T>
  void array(std::span<const T> values) {
    static_assert(std::is_trivially_copyable_v<T>);
    const std::size_t at = bytes_.size();
    bytes_.resize(at + values.size_bytes());
    if (values.empty()) return;
    if constexpr (std::endian::native == std::endian::little || sizeof(T) == 1) {
      std::memcpy(bytes_.data() + at, values.data(), values.size_bytes());
    } else {
      for (std::size_t i = 0; i < values.size(); ++i) {
        const T swapped = swapBytes(values[i]);
        std::memcpy(bytes_.data() + at + i * sizeof(T), &swapped, sizeof(T));
      }
    }
  }
  std::vector<std::uint8_t> take() { return std::move(bytes_); }

 private:
  std::vector<std::uint8_t> bytes_;
};

// Reads little-endian values, checking every size against what is left before allocating.
class Reader {
 public:
  Reader(std::span<const std::uint8_t> bytes, const std::string& name) : bytes_(bytes), name_(name) {}

  [[noreturn]] void corrupt(const std::string& what) const {
    throw Error(ErrorCode::Corrupt, "column '" + name_ + "': " + what,
                ErrorLocation{{}, -1, -1, static_cast<std::int64_t>(at_)});
  }
  std::size_t remaining() const { return bytes_.size() - at_; }

  template <typename T>
  T scalar(const char* what) {
    if (remaining() < sizeof(T)) corrupt(std::string("truncated before its ") + what);
    T value;
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return swapBytes(value);
  }
  // `count` values of T, refused before any allocation when the bytes cannot hold them.
  template <typename T>
  std::vector<T> array(std::uint64_t count, const char* what) {
    if (count > remaining() / sizeof(T))
      corrupt(std::string("its ") + what + " need " + std::to_string(count) + " x " + std::to_string(sizeof(T)) +
              " bytes, but only " + std::to_string(remaining()) + " are left");
    std::vector<T> values(static_cast<std::size_t>(count));
    if (count != 0) std::memcpy(values.data(), bytes_.data() + at_, values.size() * sizeof(T));
    for (T& value : values) value = swapBytes(value);
    at_ += values.size() * sizeof(T);
    return values;
  }
  std::string_view text(std::uint64_t size, const char* what) {
    if (size > remaining()) corrupt(std::string("its ") + what + " run past the end of the bytes");
    const std::string_view view(reinterpret_cast<const char*>(bytes_.data() + at_), static_cast<std::size_t>(size));
    at_ += static_cast<std::size_t>(size);
    return view;
  }

 private:
  std::span<const std::uint8_t> bytes_;
  const std::string& name_;
  std::size_t at_ = 0;
};

std::size_t bitmapWords(std::size_t rows) { return rows / 64 + (rows % 64 != 0); }

std::vector<std::uint64_t> bitmapOf(const Column& column) {
  std::vector<std::uint64_t> words(bitmapWords(column.size()), 0);
  for (std::size_t row = 0; row < column.size(); ++row)
    if (column.isValid(row)) words[row / 64] |= std::uint64_t{1} << (row % 64);
  return words;
}

// Offsets 0 = o[0] <= o[1] <= ... <= o[n] <= limit (the bytes left), checked before any is used.
void checkOffsets(Reader& in, std::span<const std::uint64_t> offsets, std::uint64_t limit, const char* what) {
  if (offsets.front() != 0) in.corrupt(std::string(what) + " offsets do not start at 0");
  for (std::size_t i = 1; i < offsets.size(); ++i)
    if (offsets[i] < offsets[i - 1] || offsets[i] > limit)
      in.corrupt(std::string(what) + " offset " + std::to_string(i) + " is out of range");
}

void encodeValues(Writer& out, const Column& column) {
  switch (column.type()) {
    case ColumnType::Float64: out.array(column.float64Values()); break;
    case ColumnType::Int64:
    case ColumnType::Datetime: out.array(column.int64Values()); break;
    case ColumnType::Bool: out.array(column.boolValues()); break;
    case ColumnType::Categorical: {
      const auto& levels = column.levels();
      std::vector<std::uint64_t> offsets{0};
      offsets.reserve(levels.size() + 1);
      for (const std::string& level : levels) offsets.push_back(offsets.back() + level.size());
      out.scalar<std::uint64_t>(levels.size());
      out.array<std::uint64_t>(offsets);
      for (const std::string& level : levels)
        out.array(std::span(reinterpret_cast<const std::uint8_t*>(level.data()), level.size()));
      out.array(column.codes());
      break;
    }
    case ColumnType::Text: {
      std::vector<std::uint64_t> offsets(column.size() + 1, 0);
      for (std::size_t row = 0; row < column.size(); ++row) offsets[row + 1] = offsets[row] + column.textAt(row).size();
      out.array<std::uint64_t>(offsets);
      for (std::size_t row = 0; row < column.size(); ++row) {
        const std::string_view cell = column.textAt(row);
        out.array(std::span(reinterpret_cast<const std::uint8_t*>(cell.data()), cell.size()));
      }
      break;
    }
  }
}

std::size_t encodedSize(const Column& column) {
  const std::size_t rows = column.size();
  std::size_t size = ColumnCodec::kHeaderBytes + (column.validity().hasMissing() ? bitmapWords(rows) * 8 : 0);
  switch (column.type()) {
    case ColumnType::Float64:
    case ColumnType::Int64:
    case ColumnType::Datetime: return size + rows * 8;
    case ColumnType::Bool: return size + rows;
    case ColumnType::Categorical: {
      size += 8 + (column.levels().size() + 1) * 8 + rows * 4;
      for (const std::string& level : column.levels()) size += level.size();
      return size;
    }
    case ColumnType::Text: {
      size += (rows + 1) * 8;
      for (std::size_t row = 0; row < rows; ++row) size += column.textAt(row).size();
      return size;
    }
  }
  return size;
}

data::Validity decodeValidity(Reader& in, std::uint64_t rows, std::uint64_t missing) {
  const std::vector<std::uint64_t> words = in.array<std::uint64_t>(bitmapWords(static_cast<std::size_t>(rows)),
                                                                   "validity bitmap");
  data::Validity validity;
  const auto size = static_cast<std::size_t>(rows);
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (words[w] == ~std::uint64_t{0}) continue;
    const std::size_t end = std::min(size, (w + 1) * 64);
    for (std::size_t row = w * 64; row < end; ++row)
      if ((words[w] >> (row % 64) & 1U) == 0) validity.setMissing(row, size);
  }
  if (validity.missingCount() != missing)
    in.corrupt("its bitmap marks " + std::to_string(validity.missingCount()) + " missing values, its header " +
               std::to_string(missing));
  return validity;
}

std::shared_ptr<const Column> decodeCategorical(Reader& in, const std::string& name, std::uint64_t rows,
                                                data::Validity validity) {
  const auto levelCount = in.scalar<std::uint64_t>("level count");
  if (levelCount > std::uint64_t{INT32_MAX}) in.corrupt("its level count " + std::to_string(levelCount) + " is too large");
  if (levelCount >= in.remaining() / 8) in.corrupt("its level count " + std::to_string(levelCount) + " exceeds the bytes");
  const std::vector<std::uint64_t> offsets = in.array<std::uint64_t>(levelCount + 1, "level offsets");
  checkOffsets(in, offsets, in.remaining(), "level");
  const std::string_view bytes = in.text(offsets.back(), "level bytes");
  std::vector<std::string> levels;
  levels.reserve(static_cast<std::size_t>(levelCount));
  for (std::size_t i = 0; i < levelCount; ++i)
    levels.emplace_back(bytes.substr(static_cast<std::size_t>(offsets[i]), static_cast<std::size_t>(offsets[i + 1] - offsets[i])));
  std::vector<std::int32_t> codes = in.array<std::int32_t>(rows, "category codes");
  const auto count = static_cast<std::int64_t>(levelCount);
  for (std::size_t row = 0; row < codes.size(); ++row) {
    if (codes[row] < -1 || codes[row] >= count)
      in.corrupt("row " + std::to_string(row) + " has category code " + std::to_string(codes[row]) + " outside its " +
                 std::to_string(count) + " levels");
    if (codes[row] == -1 && validity.isValid(row))
      in.corrupt("row " + std::to_string(row) + " has no category but is not marked missing");
  }
  return Column::categorical(name, std::move(codes), std::move(levels), std::move(validity));
}

std::shared_ptr<const Column> decodeText(Reader& in, const std::string& name, std::uint64_t rows,
                                         data::Validity validity) {
  if (rows >= in.remaining() / 8) in.corrupt("its " + std::to_string(rows) + " rows need more offsets than the bytes hold");
  std::vector<std::uint64_t> offsets = in.array<std::uint64_t>(rows + 1, "text offsets");
  checkOffsets(in, offsets, in.remaining(), "text");
  const std::string_view bytes = in.text(offsets.back(), "text bytes");
  return Column::text(name, std::move(offsets), std::string(bytes), std::move(validity));
}

}  // namespace

std::vector<std::uint8_t> ColumnCodec::encode(const Column& column) {
  Writer out(encodedSize(column));
  for (const char c : kMagic) out.scalar(static_cast<std::uint8_t>(c));
  out.scalar(kVersion);
  out.scalar(static_cast<std::uint8_t>(column.type()));
  const bool bitmap = column.validity().hasMissing();
  out.scalar(static_cast<std::uint8_t>(bitmap ? kHasBitmap : 0));
  out.scalar<std::uint64_t>(column.size());
  out.scalar<std::uint64_t>(column.missingCount());
  if (bitmap) out.array<std::uint64_t>(bitmapOf(column));
  encodeValues(out, column);
  return out.take();
}

std::shared_ptr<const Column> ColumnCodec::decode(std::span<const std::uint8_t> bytes, const std::string& name,
                                                  ColumnType type, std::uint64_t rowCount) {
  Reader in(bytes, name);
  for (const char c : kMagic)
    if (in.scalar<std::uint8_t>("magic") != static_cast<std::uint8_t>(c)) in.corrupt("not an encoded column (bad magic)");
  const auto version = in.scalar<std::uint16_t>("codec version");
  if (version != kVersion) in.corrupt("unknown column codec version " + std::to_string(version));
  const auto storedType = in.scalar<std::uint8_t>("type");
  if (storedType != static_cast<std::uint8_t>(type))
    in.corrupt("its bytes hold " +
               (storedType <= static_cast<std::uint8_t>(ColumnType::Datetime)
                    ? std::string(data::columnTypeName(static_cast<ColumnType>(storedType)))
                    : "unknown type " + std::to_string(storedType)) +
               " values, the project says " + std::string(data::columnTypeName(type)));
  const auto flags = in.scalar<std::uint8_t>("flags");
  if ((flags & ~kHasBitmap) != 0) in.corrupt("unknown flags " + std::to_string(flags));
  const auto rows = in.scalar<std::uint64_t>("row count");
  if (rows != rowCount)
    in.corrupt("its bytes hold " + std::to_string(rows) + " rows, the dataset has " + std::to_string(rowCount));
  const auto missing = in.scalar<std::uint64_t>("missing count");
  if (missing > rows) in.corrupt("more missing values than rows");
  if ((flags & kHasBitmap) == 0 && missing != 0) in.corrupt("missing values but no validity bitmap");
  data::Validity validity = (flags & kHasBitmap) ? decodeValidity(in, rows, missing) : data::Validity{};

  std::shared_ptr<const Column> column;
  switch (type) {
    case ColumnType::Float64: column = Column::float64(name, in.array<double>(rows, "values"), std::move(validity)); break;
    case ColumnType::Int64: column = Column::int64(name, in.array<std::int64_t>(rows, "values"), std::move(validity)); break;
    case ColumnType::Datetime:
      column = Column::datetime(name, in.array<std::int64_t>(rows, "values"), std::move(validity));
      break;
    case ColumnType::Bool: {
      std::vector<std::uint8_t> values = in.array<std::uint8_t>(rows, "values");
      for (std::size_t row = 0; row < values.size(); ++row)
        if (values[row] > 1) in.corrupt("row " + std::to_string(row) + " holds bool byte " + std::to_string(values[row]));
      column = Column::boolean(name, std::move(values), std::move(validity));
      break;
    }
    case ColumnType::Categorical: column = decodeCategorical(in, name, rows, std::move(validity)); break;
    case ColumnType::Text: column = decodeText(in, name, rows, std::move(validity)); break;
    default: in.corrupt("unknown column type");
  }
  if (in.remaining() != 0) in.corrupt(std::to_string(in.remaining()) + " bytes left over after the values");
  return column;
}

}  // namespace lathe::store
