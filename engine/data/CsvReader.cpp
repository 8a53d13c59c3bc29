#include "engine/data/CsvReader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "engine/data/CsvImport.h"
#include "engine/data/TextDecoder.h"

namespace lathe::data {
namespace {

[[noreturn]] void refuseBinary(std::string_view what, const std::string& source) {
  throw Error(ErrorCode::Unsupported, "this is a " + std::string(what) + " file, not delimited text", {source});
}

void checkNotBinary(std::string_view raw, std::string_view text, const std::string& source) {
  static constexpr std::pair<std::string_view, std::string_view> kSignatures[] = {
      {"PK\x03\x04", "zip (or xlsx)"}, {"\x89PNG", "PNG image"}, {"%PDF", "PDF"},
      {"\xD0\xCF\x11\xE0", "legacy Office (xls)"}, {"\x1F\x8B", "gzip"}, {"PAR1", "Parquet"},
      {"\x7F" "ELF", "program"}, {"SQLite format 3", "SQLite database"}};
  for (const auto& [magic, what] : kSignatures)
    if (raw.starts_with(magic)) refuseBinary(what, source);
  const std::string_view head = text.substr(0, 4096);
  std::size_t control = 0;
  for (char c : head) control += (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r');
  if (head.size() >= 16 && control * 10 > head.size()) refuseBinary("binary", source);
}

std::vector<ImportWarning> decodeWarnings(const TextDecoder::Result& decoded, const CsvOptions& options,
                                          const std::string& source) {
  std::vector<ImportWarning> warnings;
  if (decoded.replaced > 0)
    warnings.push_back({std::to_string(decoded.replaced) + " byte sequences are not valid " + decoded.encoding +
                            " and were replaced with U+FFFD",
                        {source, -1, -1, decoded.firstReplacedAt}, decoded.replaced});
  if (decoded.encoding == "windows-1252" && (options.encoding.empty() || options.encoding == "auto"))
    warnings.push_back({"the encoding is not UTF-8, CP949, Shift-JIS or GBK; read as windows-1252 (Latin-1). "
                        "Choose the encoding if the text looks wrong",
                        {source}});
  return warnings;
}

}  // namespace

std::string readFileBytes(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(ErrorCode::Io, std::string("cannot open the file: ") + std::strerror(errno), {path});
  std::unique_ptr<int, void (*)(int*)> guard(new int(fd), [](int* f) { ::close(*f); delete f; });
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) throw Error(ErrorCode::Io, "not a regular file", {path});
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(ErrorCode::Io, std::string("cannot read the file: ") + std::strerror(errno), {path});
    if (n == 0) break;  // the file shrank while we read it: take what is there
    done += static_cast<std::size_t>(n);
  }
  bytes.resize(done);
  return bytes;
}

ImportResult CsvReader::read(const std::string& path, const CsvOptions& options, const jobs::JobContext& context) {
  const std::string bytes = readFileBytes(path);
  context.throwIfStopped();
  return readBytes(bytes, path, options, context);
}

ImportResult CsvReader::readBytes(std::string_view raw, const std::string& source, const CsvOptions& options,
                                  const jobs::JobContext& context) {
  ImportResult result;
  result.format = "csv";
  std::string decodedStorage;
  std::string_view text;
  TextDecoder::Result decoded;
  try {
    decoded = TextDecoder::decode(raw, options.encoding, decodedStorage, text);
  } catch (Error& e) {
    throw Error(e.code(), e.message(), {source, -1, -1, e.where().byteOffset}, e.value());
  }
  result.encoding = decoded.encoding;
  result.warnings = decodeWarnings(decoded, options, source);
  checkNotBinary(raw, text, source);
  if (trimSpaces(text).find_first_not_of("\r\n") == std::string_view::npos)
    throw Error(ErrorCode::Parse, "the file is empty: no header and no rows", {source});

  // Byte offsets in errors are the file's when the text is the file's own bytes (less a BOM).
  const std::int64_t byteBase = text.data() >= raw.data() && text.data() < raw.data() + raw.size()
                                    ? static_cast<std::int64_t>(text.data() - raw.data())
                                    : -1;
  result.table = CsvImport(text, source, byteBase, options, context).run(result.warnings);
  return result;
}

}  // namespace lathe::data
