#include "engine/data/ArffReader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "engine/data/ArffColumnBuilder.h"
#include "engine/data/ArffHeader.h"
#include "engine/data/ArffLineReader.h"
#include "engine/data/ArffRowParser.h"
#include "engine/data/BinaryFormat.h"
#include "engine/data/TextDecoder.h"
#include "engine/jobs/JobContext.h"

namespace lathe::data {
namespace {

using namespace std::string_view_literals;

constexpr std::size_t kLinesPerCheck = 4096;
constexpr std::size_t kReadChunk = std::size_t{16} << 20;

// Files that are clearly something else, by their first bytes.
void refuseBinary(std::string_view bytes, const std::string& sourceName) {
  const ErrorLocation start{sourceName, -1, -1, 0};
  if (bytes.starts_with("\x1f\x8b"sv))
    throw Error(ErrorCode::Unsupported, "a gzip-compressed file (.arff.gz?): unpack it, then import the .arff", start);
  if (const auto what = binaryFormatOf(bytes))
    throw Error(ErrorCode::Parse, "not an ARFF file: this is " + std::string(*what), start);
  if (bytes.starts_with("\xFF\xFE"sv) || bytes.starts_with("\xFE\xFF"sv))
    throw Error(ErrorCode::Unsupported, "UTF-16 text: ARFF files are read as UTF-8 or Latin-1; save it as UTF-8",
                start);
}

std::string latin1ToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

}  // namespace

ImportResult readArffBytes(std::string_view bytes, const std::string& sourceName, const jobs::JobContext& context) {
  context.throwIfStopped();
  if (bytes.empty())
    throw Error(ErrorCode::Parse, "the file is empty: not an ARFF file", ErrorLocation{sourceName, -1, -1, 0});
  refuseBinary(bytes, sourceName);

  ImportResult result;
  result.format = "arff";
  result.encoding = "utf-8";
  const bool bom = bytes.starts_with("\xEF\xBB\xBF"sv);
  if (bom) bytes.remove_prefix(3);
  std::string decoded;
  std::string_view text = bytes;
  if (std::int64_t invalid = -1; !TextDecoder::isValidUtf8(bytes, &invalid)) {
    decoded = latin1ToUtf8(bytes);
    text = decoded;
    result.encoding = "latin-1";
    const auto offset = static_cast<std::int64_t>(invalid + (bom ? 3 : 0));
    result.warnings.push_back({"the file is not valid UTF-8 (the first invalid byte is at offset " +
                                   std::to_string(offset) + "); read as Latin-1",
                               ErrorLocation{sourceName, -1, -1, offset}, 1});
  }

  ArffLineReader lines(text, sourceName, result.encoding == "latin-1");
  const ArffHeader header = ArffHeader::read(lines, context);
  const std::int64_t dataLine = lines.lineNumber();
  std::vector<ArffColumnBuilder> columns;
  columns.reserve(header.attributes.size());
  for (const ArffAttribute& attribute : header.attributes) columns.emplace_back(attribute);

  ArffRowParser rows(columns, lines);
  std::string_view line;
  std::size_t count = 0;
  while (lines.next(line)) {
    if (++count % kLinesPerCheck == 0) {
      context.throwIfStopped();
      context.progress(lines.fraction(), "Reading ARFF rows");
    }
    rows.parse(line);
  }
  context.throwIfStopped();

  std::vector<std::shared_ptr<const Column>> built;
  built.reserve(columns.size());
  for (ArffColumnBuilder& column : columns) built.push_back(column.finish(result.warnings));
  rows.addWarnings(result.warnings);
  if (built.front()->size() == 0)
    result.warnings.push_back({"the @data section holds no rows: the table has its columns and no rows",
                               ErrorLocation{sourceName, dataLine, -1, -1}, 1});
  result.table = Table(std::move(built));
  context.progress(1.0, "Read ARFF");
  return result;
}

ImportResult readArff(const std::string& path, const jobs::JobContext& context) {
  context.throwIfStopped();
  const ErrorLocation where{path, -1, -1, -1};
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw Error(ErrorCode::Io, "a folder, not an ARFF file", where);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::Io, std::string("cannot open the file: ") + std::strerror(errno), where);
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0 || !in) throw Error(ErrorCode::Io, "cannot tell the size of the file", where);

  const jobs::JobContext reading = context.subRange(0.0, 0.2);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    reading.throwIfStopped();
    const std::size_t chunk = std::min(kReadChunk, bytes.size() - done);
    in.read(bytes.data() + done, static_cast<std::streamsize>(chunk));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) throw Error(ErrorCode::Io, "the file shrank while it was being read", where);
    done += got;
    reading.progress(static_cast<double>(done) / static_cast<double>(bytes.size()), "Reading the file");
  }
  return readArffBytes(bytes, path, context.subRange(0.2, 1.0));
}

}  // namespace lathe::data
