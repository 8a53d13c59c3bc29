#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace lathe::ml {

class Estimator;

// A fitted model as bytes: data only, never code. Layout: the magic "LATHEMDL", a format
// version (u32), the algorithm name, its parameters (JSON text), then the estimator's own
// fields written through ModelWriter, then a SHA-256 of everything before it. Every length is
// checked against what is left before anything is allocated, so a truncated, corrupted or
// hostile file (BAD_INPUTS case 33) is lathe::Error(Parse) naming the byte offset, never a crash
// or a huge allocation.
class ModelWriter {
 public:
  void u32(std::uint32_t value);
  void u64(std::uint64_t value);
  void i64(std::int64_t value);
  void f64(double value);
  void text(std::string_view value);
  void json(const nlohmann::json& value);
  void f64s(const std::vector<double>& values);
  void u32s(const std::vector<std::uint32_t>& values);
  void i32s(const std::vector<std::int32_t>& values);
  void texts(const std::vector<std::string>& values);
  void bytes(std::string_view value);  // a length-prefixed blob (XGBoost's UBJSON model)
  const std::string& data() const noexcept { return data_; }

 private:
  std::string data_;
};

class ModelReader {
 public:
  explicit ModelReader(std::string_view data) : data_(data) {}
  std::uint32_t u32();
  std::uint64_t u64();
  std::int64_t i64();
  double f64();
  std::string text();
  nlohmann::json json();
  std::vector<double> f64s();
  std::vector<std::uint32_t> u32s();
  std::vector<std::int32_t> i32s();
  std::vector<std::string> texts();
  std::string bytes();
  // A count read from the file, refused when it exceeds `limit` or what the remaining bytes
  // could hold at `bytesEach` bytes per item.
  std::uint64_t count(std::uint64_t limit, std::size_t bytesEach);
  std::size_t offset() const noexcept { return offset_; }
  bool atEnd() const noexcept { return offset_ == data_.size(); }

 private:
  std::string_view take(std::size_t size);
  std::string_view data_;
  std::size_t offset_ = 0;
};

class ModelFile {
 public:
  static constexpr std::uint32_t kFormatVersion = 1;
  // The estimator's bytes in the format above.
  static std::string serialize(const Estimator& estimator);
  // Rebuilds a fitted estimator through EstimatorRegistry; throws lathe::Error(Parse) with the
  // byte offset for anything wrong, and lathe::Error(Unsupported) for a newer format version.
  static std::unique_ptr<Estimator> deserialize(std::string_view bytes);
  static void write(const Estimator& estimator, const std::string& path);
  static std::unique_ptr<Estimator> read(const std::string& path);
};

}  // namespace lathe::ml
