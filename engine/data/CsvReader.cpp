#include "engine/data/CsvReader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>

#include "engine/data/BinaryFormat.h"
#include "engine/data/CsvFileSource.h"
#include "engine/data/CsvImport.h"
#include "engine/data/TextDecoder.h"

namespace lathe::data {
namespace {

[[noreturn]] void refuseBinary(std::string_view what, const std::string& source) {
  throw Error(ErrorCode::Unsupported, "this is a " + std::string(what) + " file, not delimited text", {source});
}

// A known binary format, by the signature at its start.
void checkSignature(std::string_view raw, const std::string& source) {
  if (const auto what = binaryFormatOf(raw))
    throw Error(ErrorCode::Unsupported, "this is " + std::string(*what) + ", not delimited text", {source});
}

// Binary without a known signature: control bytes (other than tab, LF, CR) are rare in text and
// about one byte in nine of random or compressed data. Count them in the raw bytes, since a
// decoder turns each byte >= 0x80 into two or three; but in UTF-16 every ASCII character has a
// NUL, so there the decoded text is what counts.
bool looksBinary(std::string_view head) {
  head = head.substr(0, 64 * 1024);
  std::size_t control = 0;
  for (char c : head) control += (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r');
  return head.size() >= 16 && control * 20 > head.size();
}

bool isUtf16(std::string_view encoding) { return encoding.starts_with("utf-16"); }

// Refuses a binary file: `raw` is the file's first bytes, `content` what to count control
// characters in: the raw bytes again, or for UTF-16 the decoded text.
void checkNotBinary(std::string_view raw, std::string_view content, const std::string& source) {
  checkSignature(raw, source);
  if (looksBinary(content)) refuseBinary("binary", source);
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

std::string readFileHead(const std::string& path, std::size_t bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::Io, std::string("cannot open the file: ") + std::strerror(errno), {path});
  std::string head(bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(bytes));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

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
  // A UTF-8 file is read block by block, so the import never holds the whole file; anything
  // else (or a UTF-8 file with broken sequences) is read whole and decoded first.
  std::string head = readFileHead(path, kStreamSampleBytes);
  const std::string encoding = options.encoding.empty() || options.encoding == "auto" ? TextDecoder::detect(head)
                                                                                      : options.encoding;
  if (encoding == "utf-8" || encoding == "UTF-8" || encoding == "utf8") {
    try {
      return readUtf8Blocks(path, head, options, context);
    } catch (const CsvFileSource::NotUtf8&) {
    }
  }
  const std::string bytes = readFileBytes(path);
  context.throwIfStopped();
  return readBytes(bytes, path, options, context);
}

ImportResult CsvReader::readUtf8Blocks(const std::string& path, std::string_view head, const CsvOptions& options,
                                       const jobs::JobContext& context) {
  const std::size_t bom = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  checkNotBinary(head, head, path);
  std::string_view sample = head.substr(bom);
  // The sample may end inside a character: leave that character to the blocks.
  std::size_t cut = sample.size();
  for (std::size_t back = 0; back < 4 && cut > 0 && (static_cast<unsigned char>(sample[cut - 1]) & 0xC0) == 0x80; ++back) --cut;
  if (cut > 0 && static_cast<unsigned char>(sample[cut - 1]) >= 0xC0) --cut;
  sample = sample.substr(0, cut);
  if (!TextDecoder::isValidUtf8(sample)) throw CsvFileSource::NotUtf8{};
  CsvFileSource file(path, bom);
  if (file.size() <= sample.size() && trimSpaces(sample).find_first_not_of("\r\n") == std::string_view::npos)
    throw Error(ErrorCode::Parse, "the file is empty: no header and no rows", {path});
  ImportResult result;
  result.format = "csv";
  result.encoding = "utf-8";
  result.table = CsvImport(file, sample, path, options, context).run(result.warnings);
  return result;
}

ImportResult CsvReader::readBytes(std::string_view raw, const std::string& source, const CsvOptions& options,
                                  const jobs::JobContext& context) {
  ImportResult result;
  result.format = "csv";
  std::string decodedStorage;
  std::string_view text;
  TextDecoder::Result decoded;
  checkSignature(raw, source);
  try {
    decoded = TextDecoder::decode(raw, options.encoding, decodedStorage, text);
  } catch (Error& e) {
    // Bytes that are no text at all say so, rather than which byte the encoding stopped at.
    if (e.code() == ErrorCode::Parse && !raw.starts_with("\xFF\xFE") && !raw.starts_with("\xFE\xFF") &&
        !isUtf16(e.value()) && looksBinary(raw))
      refuseBinary("binary", source);
    throw Error(e.code(), e.message(), {source, -1, -1, e.where().byteOffset}, e.value());
  }
  result.encoding = decoded.encoding;
  checkNotBinary(raw, isUtf16(decoded.encoding) ? text : raw, source);
  result.warnings = decodeWarnings(decoded, options, source);
  if (trimSpaces(text).find_first_not_of("\r\n") == std::string_view::npos)
    throw Error(ErrorCode::Parse, "the file is empty: no header and no rows", {source});

  // Byte offsets in errors are the file's when the text is the file's own bytes (less a BOM).
  const std::int64_t byteBase = text.data() >= raw.data() && text.data() < raw.data() + raw.size()
                                    ? static_cast<std::int64_t>(text.data() - raw.data())
                                    : -1;
  CsvMemorySource memory(text, byteBase);
  result.table = CsvImport(memory, text, source, options, context).run(result.warnings);
  return result;
}

}  // namespace lathe::data
