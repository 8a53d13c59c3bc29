#include "engine/data/CsvWriter.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "engine/core/Error.h"
#include "engine/data/ValueParsing.h"

namespace lathe::data {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kFlushBytes = std::size_t{1} << 20;
constexpr std::size_t kRowsPerTick = 4096;

void validate(const CsvWriteOptions& options) {
  const auto d = static_cast<unsigned char>(options.delimiter);
  if (d == '"' || d == '\r' || d == '\n' || d == 0 || d >= 0x80)
    throw Error(ErrorCode::InvalidArgument,
                "the CSV delimiter must be an ASCII character other than a quote or a line break", {},
                std::string(1, options.delimiter));
  if (options.lineEnding != "\n" && options.lineEnding != "\r\n")
    throw Error(ErrorCode::InvalidArgument, "the CSV line ending must be \\n or \\r\\n", {}, options.lineEnding);
}

bool isFormulaStart(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// Appends one field. `text` marks values of text and categorical columns and column names: only
// they are escaped against formulas and told apart from missing when empty.
void appendField(std::string& out, std::string_view value, bool text, const CsvWriteOptions& options) {
  const bool formula = text && options.escapeFormulas && !value.empty() && isFormulaStart(value.front());
  bool quote = formula || (text && (value.empty() || isMissingToken(value, defaultMissingTokens())));
  if (!value.empty())
    quote = quote || value.front() == ' ' || value.front() == '\t' || value.back() == ' ' || value.back() == '\t';
  for (std::size_t i = 0; !quote && i < value.size(); ++i) {
    const char c = value[i];
    quote = c == options.delimiter || c == '"' || c == '\r' || c == '\n';
  }
  if (!quote) {
    out += value;
    return;
  }
  out += '"';
  if (formula) out += '\'';
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

bool isTextual(const Column& column) {
  return column.type() == ColumnType::Text || column.type() == ColumnType::Categorical;
}

void writeAll(const Table& table, std::ostream& out, const CsvWriteOptions& options, const jobs::JobContext& context,
              const std::string& name) {
  validate(options);
  std::string buffer;
  buffer.reserve(kFlushBytes + 64 * 1024);
  const auto flush = [&] {
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (!out) throw Error(ErrorCode::Io, "cannot write the CSV data", {name});
    buffer.clear();
  };
  if (options.utf8Bom) buffer += "\xEF\xBB\xBF";
  const std::size_t columns = table.columnCount();
  const std::size_t rows = table.rowCount();
  if (columns > 0) {
    for (std::size_t c = 0; c < columns; ++c) {
      if (c > 0) buffer += options.delimiter;
      appendField(buffer, table.column(c).name(), true, options);
    }
    buffer += options.lineEnding;
  }
  for (std::size_t row = 0; row < rows; ++row) {
    if (row % kRowsPerTick == 0) {
      context.throwIfStopped();
      context.progress(static_cast<double>(row) / static_cast<double>(rows), "Writing CSV");
    }
    for (std::size_t c = 0; c < columns; ++c) {
      if (c > 0) buffer += options.delimiter;
      const Column& column = table.column(c);
      if (!column.isValid(row)) {
        if (columns == 1) buffer += "\"\"";
        continue;
      }
      appendField(buffer, column.displayText(row), isTextual(column), options);
    }
    buffer += options.lineEnding;
    if (buffer.size() >= kFlushBytes) flush();
  }
  flush();
  out.flush();
  if (!out) throw Error(ErrorCode::Io, "cannot write the CSV data", {name});
  context.progress(1.0, "Wrote CSV");
}

[[noreturn]] void ioError(const std::string& what, const std::string& path, int error) {
  throw Error(ErrorCode::Io, what + ": " + std::strerror(error), {path});
}

// A new, empty file next to `target` that no one else has: created exclusively ("x"), with a
// random name, hidden.
fs::path createTemporary(const fs::path& target, const std::string& path) {
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::random_device entropy;
  for (int attempt = 0; attempt < 100; ++attempt) {
    char suffix[24];
    std::snprintf(suffix, sizeof suffix, ".%08x.tmp", static_cast<unsigned>(entropy()));
    const fs::path candidate = folder / ("." + target.filename().string() + suffix);
    if (std::FILE* file = std::fopen(candidate.c_str(), "wbx")) {
      std::fclose(file);
      return candidate;
    }
    if (errno != EEXIST) ioError("cannot create a file in the folder", path, errno);
  }
  throw Error(ErrorCode::Io, "cannot find a free temporary file name in the folder", {path});
}

// The data on disk before the rename, so a crash cannot leave an empty file under the name.
void syncToDisk(const fs::path& file, const std::string& path) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) ioError("cannot sync the written file", path, errno);
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0) ioError("cannot sync the written file", path, error);
}

}  // namespace

void writeCsv(const Table& table, std::ostream& out, const CsvWriteOptions& options, const jobs::JobContext& context) {
  writeAll(table, out, options, context, {});
}

void writeCsv(const Table& table, const std::string& path, const CsvWriteOptions& options,
              const jobs::JobContext& context) {
  validate(options);
  std::error_code error;
  fs::path target(path);
  if (!target.has_filename()) throw Error(ErrorCode::InvalidArgument, "the path names no file", {path}, path);
  if (fs::is_symlink(target, error)) {  // write through a link, do not replace it with a file
    const fs::path resolved = fs::weakly_canonical(target, error);
    if (!error) target = resolved;
  }
  const fs::file_status status = fs::status(target, error);
  if (fs::is_directory(status)) throw Error(ErrorCode::Io, "is a folder, not a file", {path});
  if (fs::exists(status) && (status.permissions() & (fs::perms::owner_write | fs::perms::group_write |
                                                     fs::perms::others_write)) == fs::perms::none)
    throw Error(ErrorCode::Io, "the file is read-only", {path});

  const fs::path temporary = createTemporary(target, path);
  try {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) ioError("cannot open the temporary file", path, errno);
    writeAll(table, out, options, context, path);
    out.close();
    if (out.fail()) throw Error(ErrorCode::Io, "cannot write the CSV data", {path});
    syncToDisk(temporary, path);
    fs::rename(temporary, target, error);
    if (error) throw Error(ErrorCode::Io, "cannot replace the file: " + error.message(), {path});
  } catch (...) {
    fs::remove(temporary, error);
    throw;
  }
}

}  // namespace lathe::data
