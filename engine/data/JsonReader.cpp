#include "engine/data/JsonReader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "engine/core/Error.h"
#include "engine/data/JsonChunkedInput.h"
#include "engine/data/JsonColumnBuilder.h"
#include "engine/data/JsonErrorText.h"
#include "engine/data/JsonTableHandler.h"

namespace lathe::data {
namespace {

ImportResult readSource(JsonChunkedInput& source, const std::string& name, const jobs::JobContext& context) {
  ImportResult result;
  result.encoding = "utf-8";
  source.skipBom();
  source.skipWhitespace();
  const bool empty = source.atEnd();
  const bool lines = empty || source.current() == '{';
  result.format = lines ? "jsonl" : "json";
  JsonTableHandler handler(source, lines ? 1 : 2);
  if (lines) {
    for (; !source.atEnd(); source.skipWhitespace()) {
      if (source.current() != '{')
        throw Error(ErrorCode::Parse, "expected '{' to begin the next object of these JSON Lines",
                    source.locate(source.offset()), printableJsonText(std::string_view(&source.current(), 1)));
      handler.parse(false);
    }
  } else {
    handler.parse(true);
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
    columns.push_back(pending[i].build(handler.rows(), name, result.warnings));
    // Free its buffers before the next column is built: moving out steals them all (assigning an
    // empty builder would keep the string's capacity), and the moved-to builder dies here.
    { const JsonColumnBuilder drained = std::move(pending[i]); }
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
  JsonChunkedInput source(in, error ? 0 : size, path, context.subRange(0.0, 0.9));
  return readSource(source, path, context);
}

ImportResult readJsonBytes(std::string_view bytes, const std::string& sourceName, const jobs::JobContext& context) {
  JsonChunkedInput source(bytes, sourceName, context.subRange(0.0, 0.9));
  return readSource(source, sourceName, context);
}

}  // namespace lathe::data
