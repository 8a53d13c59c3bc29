#pragma once
#include <atomic>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/data/CsvChunkParser.h"
#include "engine/data/CsvChunker.h"
#include "engine/data/CsvDialect.h"
#include "engine/data/CsvHeader.h"
#include "engine/data/CsvOptions.h"
#include "engine/data/ImportResult.h"
#include "engine/data/MissingTokens.h"
#include "engine/jobs/JobContext.h"

namespace lathe::data {

// One CSV import of decoded text (see CsvReader for the whole story): the header, then every
// chunk parsed once in parallel (CsvChunkParser), then each column assembled from its chunks'
// segments once its type is known from all of them.
class CsvImport {
 public:
  // byteBase: where text[0] sits in the file (a BOM before it), or -1 when the text was
  // transcoded and its offsets are not the file's.
  CsvImport(std::string_view text, std::string source, std::int64_t byteBase, const CsvOptions& options,
            const jobs::JobContext& context);
  Table run(std::vector<ImportWarning>& warnings);

 private:
  void readHeader();
  void parseChunks();
  void reportRaggedRows(std::vector<ImportWarning>& warnings) const;
  std::optional<CsvPin> forcedPin(std::size_t column) const;
  std::shared_ptr<const Column> assemble(std::size_t column);
  std::shared_ptr<const Column> assembleStrings(std::size_t column, std::vector<CsvColumnSegment*>& segments);
  CsvColumnSegment reread(std::size_t chunk, std::size_t column, const CsvPin& pin) const;
  Error located(const Error& e, std::int64_t lineBase, std::size_t chunkBegin) const;
  CsvChunkParser::Settings settings() const;

  std::string_view text_;
  std::string source_;
  std::int64_t byteBase_;
  const CsvOptions& options_;
  const jobs::JobContext& context_;
  CsvDialect dialect_;
  MissingTokens missing_;
  CsvHeader header_;
  std::size_t dataStart_ = 0;
  std::size_t dataEnd_ = 0;
  std::int64_t headerLines_ = 0;
  std::map<std::size_t, CsvPin> forced_;
  std::vector<CsvChunk> chunks_;
  std::vector<CsvChunkResult> results_;
  std::vector<std::int64_t> firstLine_;
  std::vector<std::size_t> firstRow_;
  std::size_t rows_ = 0;
  std::size_t columnCount_ = 0;
  std::atomic<std::uint64_t> bytesDone_{0};
};

}  // namespace lathe::data
