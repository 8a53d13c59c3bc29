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
#include "engine/data/CsvTextSource.h"
#include "engine/data/ImportResult.h"
#include "engine/data/MissingTokens.h"
#include "engine/jobs/JobContext.h"

namespace lathe::data {

// One CSV import of decoded text (see CsvReader for the whole story): the header, then every
// chunk parsed once in parallel (CsvChunkParser), then each column assembled from its chunks'
// segments once its type is known from all of them.
class CsvImport {
 public:
  // `sample`: the start of the text, for sniffing the dialect.
  CsvImport(CsvTextSource& text, std::string_view sample, std::string source, const CsvOptions& options,
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

  CsvTextSource& text_;
  std::string source_;
  const CsvOptions& options_;
  const jobs::JobContext& context_;
  CsvDialect dialect_;
  MissingTokens missing_;
  CsvHeader header_;
  std::uint64_t dataStart_ = 0;
  std::uint64_t dataEnd_ = 0;
  std::int64_t headerLines_ = 0;
  std::map<std::size_t, CsvPin> forced_;
  std::vector<CsvChunk> chunks_;
  std::vector<CsvChunkResult> results_;
  std::vector<std::int64_t> firstLine_;
  std::vector<std::size_t> firstRow_;
  std::size_t rows_ = 0;
  std::size_t columnCount_ = 0;
};

}  // namespace lathe::data
