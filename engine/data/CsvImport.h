#pragma once
#include <atomic>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/data/CsvChunker.h"
#include "engine/data/CsvDialect.h"
#include "engine/data/CsvHeader.h"
#include "engine/data/CsvOptions.h"
#include "engine/data/CsvTypeScan.h"
#include "engine/data/ImportResult.h"
#include "engine/data/MissingTokens.h"
#include "engine/jobs/JobContext.h"

namespace lathe::data {

class CsvStringChunk;

// One CSV import of decoded text, pass by pass (see CsvReader for the whole story). Internal to
// CsvReader; a class so each pass is a function with the shared state in one place.
class CsvImport {
 public:
  CsvImport(std::string_view text, std::string source, const CsvOptions& options, const jobs::JobContext& context);
  ~CsvImport();
  Table run(std::vector<ImportWarning>& warnings);

 private:
  struct ChunkScan;
  struct ColumnBuffers;

  void readHeader();
  void scanTypes();
  void planColumns(std::vector<ImportWarning>& warnings);
  void parseValues();
  std::shared_ptr<const Column> assemble(std::size_t column);
  std::shared_ptr<const Column> assembleStrings(ColumnBuffers& buffers, std::size_t column);
  Error located(const Error& e, std::int64_t lineBase) const;
  void report(double from, double span, std::size_t bytes, const char* message);

  std::string_view text_;
  std::string source_;
  const CsvOptions& options_;
  const jobs::JobContext& context_;
  CsvDialect dialect_;
  MissingTokens missing_;
  CsvHeader header_;
  std::size_t dataStart_ = 0;
  std::size_t dataEnd_ = 0;
  std::int64_t headerLines_ = 0;
  std::vector<CsvChunk> chunks_;
  std::vector<ChunkScan> scans_;
  std::vector<std::int64_t> firstLine_;
  std::vector<std::size_t> firstRow_;
  std::size_t rows_ = 0;
  std::vector<ColumnBuffers> columns_;
  std::vector<std::vector<CsvStringChunk>> strings_;  // [column][chunk], string columns only
  std::vector<std::deque<std::string>> storage_;      // [chunk]: unescaped fields the strings point into
  std::atomic<std::uint64_t> bytesDone_{0};
};

}  // namespace lathe::data
