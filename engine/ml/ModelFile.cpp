#include "engine/ml/ModelFile.h"

#include <nettle/sha2.h>

#include <array>
#include <bit>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <new>
#include <unistd.h>

#include "engine/core/Error.h"
#include "engine/ml/Estimator.h"
#include "engine/ml/EstimatorRegistry.h"

namespace lathe::ml {

namespace {

// "LATHEMDL" read as a little-endian u64, so the magic goes through the same writer and reader.
constexpr std::uint64_t kMagic = 0x4C444D454854414CULL;
constexpr std::size_t kDigestSize = SHA256_DIGEST_SIZE;
// No single array, string or list in a model file may be larger than this (2 GB arrays are
// refused before anything is allocated; the remaining bytes bound it far more tightly anyway).
constexpr std::uint64_t kMaxItems = std::uint64_t{1} << 31;
constexpr std::uint64_t kMaxFileBytes = std::uint64_t{4} << 30;
const char* const kInMemory = "model data";

[[noreturn]] void fail(std::size_t offset, const std::string& message) {
  throw Error(ErrorCode::Parse, message, ErrorLocation{kInMemory, -1, -1, static_cast<std::int64_t>(offset)});
}

void putLittleEndian(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

std::uint64_t getLittleEndian(std::string_view in) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < in.size(); ++i) value |= std::uint64_t{static_cast<unsigned char>(in[i])} << (8 * i);
  return value;
}

std::array<std::uint8_t, kDigestSize> sha256(std::string_view bytes) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  std::array<std::uint8_t, kDigestSize> digest{};
  sha256_digest(&context, digest.size(), digest.data());
  return digest;
}

// Python's pickle (and joblib, which wraps it) starts with PROTO 0x80 and a protocol number;
// zlib-compressed joblib files start with 0x78. Named so the user knows why it is refused.
bool looksLikePickle(std::string_view bytes) {
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x80 && static_cast<unsigned char>(bytes[1]) <= 5)
    return true;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x78 &&
      (static_cast<unsigned char>(bytes[1]) == 0x9C || static_cast<unsigned char>(bytes[1]) == 0xDA ||
       static_cast<unsigned char>(bytes[1]) == 0x01))
    return true;
  return false;
}

}  // namespace

// ---- ModelWriter ----

void ModelWriter::u32(std::uint32_t value) { putLittleEndian(data_, value, 4); }
void ModelWriter::u64(std::uint64_t value) { putLittleEndian(data_, value, 8); }
void ModelWriter::i64(std::int64_t value) { putLittleEndian(data_, static_cast<std::uint64_t>(value), 8); }
void ModelWriter::f64(double value) { putLittleEndian(data_, std::bit_cast<std::uint64_t>(value), 8); }
void ModelWriter::text(std::string_view value) {
  u64(value.size());
  data_.append(value);
}
void ModelWriter::json(const nlohmann::json& value) {
  // Replace invalid UTF-8 rather than throw: parameters are plain values.
  text(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}
void ModelWriter::f64s(const std::vector<double>& values) {
  u64(values.size());
  for (double v : values) f64(v);
}
void ModelWriter::u32s(const std::vector<std::uint32_t>& values) {
  u64(values.size());
  for (auto v : values) u32(v);
}
void ModelWriter::i32s(const std::vector<std::int32_t>& values) {
  u64(values.size());
  for (auto v : values) u32(static_cast<std::uint32_t>(v));
}
void ModelWriter::texts(const std::vector<std::string>& values) {
  u64(values.size());
  for (const auto& v : values) text(v);
}
void ModelWriter::bytes(std::string_view value) { text(value); }

// ---- ModelReader ----

std::string_view ModelReader::take(std::size_t size) {
  const std::size_t left = data_.size() - offset_;
  if (size > left)
    fail(offset_, "model file is truncated: needs " + std::to_string(size) + " more bytes, " + std::to_string(left) +
                      " left");
  const std::string_view out = data_.substr(offset_, size);
  offset_ += size;
  return out;
}

std::uint32_t ModelReader::u32() { return static_cast<std::uint32_t>(getLittleEndian(take(4))); }
std::uint64_t ModelReader::u64() { return getLittleEndian(take(8)); }
std::int64_t ModelReader::i64() { return static_cast<std::int64_t>(getLittleEndian(take(8))); }
double ModelReader::f64() { return std::bit_cast<double>(getLittleEndian(take(8))); }

std::uint64_t ModelReader::count(std::uint64_t limit, std::size_t bytesEach) {
  const std::size_t at = offset_;
  const std::uint64_t n = u64();
  if (n > limit)
    fail(at, "model file holds a count of " + std::to_string(n) + " where at most " + std::to_string(limit) +
                 " is allowed");
  const std::uint64_t left = data_.size() - offset_;
  if (bytesEach > 0 && n > left / bytesEach)
    fail(at, "model file holds a count of " + std::to_string(n) + " items of " + std::to_string(bytesEach) +
                 " bytes but only " + std::to_string(left) + " bytes are left");
  return n;
}

std::string ModelReader::text() {
  const auto n = count(kMaxItems, 1);
  return std::string(take(static_cast<std::size_t>(n)));
}

nlohmann::json ModelReader::json() {
  const std::size_t at = offset_;
  const std::string source = text();
  auto value = nlohmann::json::parse(source, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) fail(at, "model file holds malformed JSON");
  return value;
}

std::vector<double> ModelReader::f64s() {
  const auto n = count(kMaxItems, 8);
  std::vector<double> out(static_cast<std::size_t>(n));
  for (auto& v : out) v = f64();
  return out;
}

std::vector<std::uint32_t> ModelReader::u32s() {
  const auto n = count(kMaxItems, 4);
  std::vector<std::uint32_t> out(static_cast<std::size_t>(n));
  for (auto& v : out) v = u32();
  return out;
}

std::vector<std::int32_t> ModelReader::i32s() {
  const auto n = count(kMaxItems, 4);
  std::vector<std::int32_t> out(static_cast<std::size_t>(n));
  for (auto& v : out) v = static_cast<std::int32_t>(u32());
  return out;
}

std::vector<std::string> ModelReader::texts() {
  const auto n = count(kMaxItems, 8);  // each text is at least its 8-byte length
  std::vector<std::string> out;
  out.reserve(static_cast<std::size_t>(n));
  for (std::uint64_t i = 0; i < n; ++i) out.push_back(text());
  return out;
}

std::string ModelReader::bytes() { return text(); }

// ---- ModelFile ----

std::string ModelFile::serialize(const Estimator& estimator) {
  ModelWriter out;
  out.u64(kMagic);
  out.u32(kFormatVersion);
  out.text(estimator.algorithm());
  out.json(estimator.parameters());
  estimator.save(out);
  std::string bytes = out.data();
  const auto digest = sha256(bytes);
  bytes.append(reinterpret_cast<const char*>(digest.data()), digest.size());
  return bytes;
}

std::unique_ptr<Estimator> ModelFile::deserialize(std::string_view bytes) {
  if (looksLikePickle(bytes))
    fail(0, "this is a Python pickle/joblib file: Lathe never loads pickles, since loading one runs code from the "
            "file; export the model from Lathe or retrain it here");
  if (bytes.size() < 8 + 4 + kDigestSize) {
    if (bytes.size() >= 8 && getLittleEndian(bytes.substr(0, 8)) == kMagic)
      fail(bytes.size(), "model file is truncated: " + std::to_string(bytes.size()) + " bytes");
    fail(0, "not a Lathe model file (too short, " + std::to_string(bytes.size()) + " bytes)");
  }
  const std::string_view body = bytes.substr(0, bytes.size() - kDigestSize);
  ModelReader in(body);
  if (in.u64() != kMagic) fail(0, "not a Lathe model file (no LATHEMDL signature)");
  const std::uint32_t version = in.u32();
  if (version > kFormatVersion)
    throw Error(ErrorCode::Unsupported,
                "model file format version " + std::to_string(version) + " is newer than this Lathe reads (" +
                    std::to_string(kFormatVersion) + "); update Lathe to open it",
                ErrorLocation{kInMemory, -1, -1, 8});
  if (version == 0) fail(8, "model file format version 0 is not valid");
  const auto digest = sha256(body);
  if (std::memcmp(digest.data(), bytes.data() + body.size(), kDigestSize) != 0)
    fail(body.size(), "model file is damaged: its SHA-256 checksum does not match its contents");

  std::size_t at = in.offset();
  try {
    const std::string algorithm = in.text();
    at = in.offset();
    const nlohmann::json parameters = in.json();
    at = in.offset();
    std::unique_ptr<Estimator> estimator;
    try {
      estimator = EstimatorRegistry::create(algorithm, parameters);
    } catch (const Error& e) {
      fail(at, "model file names an algorithm or parameters Lathe cannot use: " + e.message());
    }
    at = in.offset();
    estimator->load(in);
    if (!in.atEnd()) fail(in.offset(), "model file has unexpected bytes after the model");
    return estimator;
  } catch (const Error& e) {
    if (e.code() == ErrorCode::Parse) throw;
    fail(e.where().byteOffset >= 0 ? static_cast<std::size_t>(e.where().byteOffset) : at,
         "model file holds an invalid model: " + e.message());
  } catch (const std::bad_alloc&) {
    fail(at, "model file asks for more memory than is available");
  } catch (const nlohmann::json::exception& e) {
    fail(at, std::string("model file holds unexpected JSON: ") + e.what());
  } catch (const std::length_error&) {
    fail(at, "model file holds an impossible size");
  }
}

void ModelFile::write(const Estimator& estimator, const std::string& path) {
  const std::string bytes = serialize(estimator);
  // A temporary file beside the target, then a rename: a crash leaves the old file or the new.
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  {
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file) throw Error(ErrorCode::Io, "cannot write the model file", ErrorLocation{path});
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size() && std::fflush(file) == 0 &&
                         ::fsync(::fileno(file)) == 0;
    const bool closed = std::fclose(file) == 0;
    if (!written || !closed) {
      std::remove(temporary.c_str());
      throw Error(ErrorCode::Io, "cannot write the model file (disk full or I/O error)", ErrorLocation{path});
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::remove(temporary.c_str());
    throw Error(ErrorCode::Io, "cannot replace the model file: " + error.message(), ErrorLocation{path});
  }
}

std::unique_ptr<Estimator> ModelFile::read(const std::string& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error) throw Error(ErrorCode::Io, "cannot read the model file: " + error.message(), ErrorLocation{path});
  if (size > kMaxFileBytes)
    throw Error(ErrorCode::Parse, "model file is too large (" + std::to_string(size) + " bytes)",
                ErrorLocation{path});
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error(ErrorCode::Io, "cannot open the model file", ErrorLocation{path});
  std::string bytes(static_cast<std::size_t>(size), '\0');
  file.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uint64_t>(file.gcount()) != size)
    throw Error(ErrorCode::Io, "the model file changed while it was read", ErrorLocation{path});
  try {
    return deserialize(bytes);
  } catch (const Error& e) {
    ErrorLocation where = e.where();
    where.file = path;
    throw Error(e.code(), e.message(), where, e.value());
  }
}

}  // namespace lathe::ml
