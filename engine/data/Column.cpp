#include "engine/data/Column.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

#include "engine/core/Error.h"

namespace lathe::data {
namespace {

[[noreturn]] void wrongType(const std::string& name, ColumnType actual, const char* wanted) {
  throw Error(ErrorCode::Internal, "column '" + name + "' is " + std::string(columnTypeName(actual)) +
                                       ", not " + wanted);
}

template <typename T>
std::shared_ptr<const Column> make(std::string name, ColumnType type, std::vector<T> values, Validity validity) {
  const std::size_t size = values.size();
  return std::make_shared<const Column>(std::move(name), type, size, Column::Storage(std::move(values)),
                                        std::move(validity));
}

}  // namespace

Column::Column(std::string name, ColumnType type, std::size_t size, Storage storage, Validity validity)
    : name_(std::move(name)), type_(type), size_(size), storage_(std::move(storage)), validity_(std::move(validity)) {}

std::shared_ptr<const Column> Column::float64(std::string name, std::vector<double> values, Validity validity) {
  return make(std::move(name), ColumnType::Float64, std::move(values), std::move(validity));
}
std::shared_ptr<const Column> Column::int64(std::string name, std::vector<std::int64_t> values, Validity validity) {
  return make(std::move(name), ColumnType::Int64, std::move(values), std::move(validity));
}
std::shared_ptr<const Column> Column::boolean(std::string name, std::vector<std::uint8_t> values, Validity validity) {
  return make(std::move(name), ColumnType::Bool, std::move(values), std::move(validity));
}
std::shared_ptr<const Column> Column::datetime(std::string name, std::vector<std::int64_t> micros, Validity validity) {
  return make(std::move(name), ColumnType::Datetime, std::move(micros), std::move(validity));
}

std::shared_ptr<const Column> Column::categorical(std::string name, std::vector<std::int32_t> codes,
                                                  std::vector<std::string> levels, Validity validity) {
  const auto levelCount = static_cast<std::int64_t>(levels.size());
  for (std::int32_t code : codes)
    if (code < -1 || code >= levelCount)
      throw Error(ErrorCode::Internal, "column '" + name + "': category code " + std::to_string(code) +
                                           " outside its " + std::to_string(levelCount) + " levels");
  const std::size_t size = codes.size();
  return std::make_shared<const Column>(std::move(name), ColumnType::Categorical, size,
                                        Storage(CategoricalData{std::move(codes), std::move(levels)}),
                                        std::move(validity));
}

std::shared_ptr<const Column> Column::text(std::string name, std::vector<std::uint64_t> offsets, std::string bytes,
                                           Validity validity) {
  if (offsets.empty() || offsets.front() != 0 || offsets.back() != bytes.size())
    throw Error(ErrorCode::Internal, "column '" + name + "': text offsets do not span its bytes");
  for (std::size_t i = 1; i < offsets.size(); ++i)
    if (offsets[i] < offsets[i - 1]) throw Error(ErrorCode::Internal, "column '" + name + "': text offsets decrease");
  const std::size_t size = offsets.size() - 1;
  return std::make_shared<const Column>(std::move(name), ColumnType::Text, size,
                                        Storage(TextData{std::move(offsets), std::move(bytes)}), std::move(validity));
}

std::span<const double> Column::float64Values() const {
  if (type_ != ColumnType::Float64) wrongType(name_, type_, "float64");
  return std::get<std::vector<double>>(storage_);
}

std::span<const std::int64_t> Column::int64Values() const {
  if (type_ != ColumnType::Int64 && type_ != ColumnType::Datetime) wrongType(name_, type_, "int64");
  return std::get<std::vector<std::int64_t>>(storage_);
}

std::span<const std::uint8_t> Column::boolValues() const {
  if (type_ != ColumnType::Bool) wrongType(name_, type_, "bool");
  return std::get<std::vector<std::uint8_t>>(storage_);
}

std::span<const std::int32_t> Column::codes() const {
  if (type_ != ColumnType::Categorical) wrongType(name_, type_, "categorical");
  return std::get<CategoricalData>(storage_).codes;
}

const std::vector<std::string>& Column::levels() const {
  if (type_ != ColumnType::Categorical) wrongType(name_, type_, "categorical");
  return std::get<CategoricalData>(storage_).levels;
}

std::string_view Column::textAt(std::size_t row) const {
  if (type_ != ColumnType::Text) wrongType(name_, type_, "text");
  const auto& text = std::get<TextData>(storage_);
  return std::string_view(text.bytes).substr(text.offsets[row], text.offsets[row + 1] - text.offsets[row]);
}

std::string Column::displayText(std::size_t row) const {
  if (!isValid(row)) return {};
  switch (type_) {
    case ColumnType::Float64: {
      char buffer[32];
      const auto result = std::to_chars(buffer, buffer + sizeof buffer, float64Values()[row]);
      return std::string(buffer, result.ptr);
    }
    case ColumnType::Int64: return std::to_string(int64Values()[row]);
    case ColumnType::Bool: return boolValues()[row] ? "true" : "false";
    case ColumnType::Categorical: return levels()[static_cast<std::size_t>(codes()[row])];
    case ColumnType::Text: return std::string(textAt(row));
    case ColumnType::Datetime: return formatDatetime(int64Values()[row]);
  }
  return {};
}

double Column::numericAt(std::size_t row) const {
  if (!isValid(row)) return std::numeric_limits<double>::quiet_NaN();
  switch (type_) {
    case ColumnType::Float64: return float64Values()[row];
    case ColumnType::Int64:
    case ColumnType::Datetime: return static_cast<double>(int64Values()[row]);
    case ColumnType::Bool: return boolValues()[row];
    default: return std::numeric_limits<double>::quiet_NaN();
  }
}

std::size_t Column::memoryBytes() const {
  std::size_t bytes = validity_.memoryBytes();
  std::visit(
      [&bytes](const auto& s) {
        using S = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<S, CategoricalData>) {
          bytes += s.codes.capacity() * sizeof(std::int32_t);
          for (const auto& level : s.levels) bytes += sizeof(std::string) + level.capacity();
        } else if constexpr (std::is_same_v<S, TextData>) {
          bytes += s.offsets.capacity() * sizeof(std::uint64_t) + s.bytes.capacity();
        } else {
          bytes += s.capacity() * sizeof(typename S::value_type);
        }
      },
      storage_);
  return bytes;
}

std::shared_ptr<const Column> Column::renamed(std::string name) const {
  return std::make_shared<const Column>(std::move(name), type_, size_, storage_, validity_);
}

std::string formatDatetime(std::int64_t micros) {
  using namespace std::chrono;
  const sys_time<microseconds> time{microseconds(micros)};
  const auto day = floor<days>(time);
  const year_month_day ymd{day};
  const hh_mm_ss<microseconds> tod{time - day};
  char buffer[48];
  int n = std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                        static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  if (tod.to_duration().count() != 0) {
    n += std::snprintf(buffer + n, sizeof buffer - static_cast<std::size_t>(n), "T%02d:%02d:%02d",
                       static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()),
                       static_cast<int>(tod.seconds().count()));
    if (const auto us = tod.subseconds().count(); us != 0) {
      n += std::snprintf(buffer + n, sizeof buffer - static_cast<std::size_t>(n), ".%06lld", static_cast<long long>(us));
      while (buffer[n - 1] == '0') --n;
    }
  }
  return std::string(buffer, static_cast<std::size_t>(n));
}

}  // namespace lathe::data
