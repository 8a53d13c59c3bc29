#include "engine/data/CsvImport.h"

#include <cmath>
#include <limits>
#include <thread>
#include <unordered_map>

#include "engine/data/CsvCursor.h"
#include "engine/data/CsvStringChunk.h"
#include "engine/jobs/ParallelFor.h"

namespace lathe::data {
namespace {
constexpr std::size_t kChunkBytes = 2 << 20;   // small enough to balance the cores, big enough to amortise
constexpr std::uint64_t kCheckEvery = 4096;    // records between looks at the stop token
constexpr double kScanShare = 0.4;             // of the progress bar: first pass, then second
constexpr double kParseShare = 0.5;

bool isExplicitlyMissing(const CsvField& field, const MissingTokens& tokens) {
  return (!field.quoted && field.value.empty()) || tokens.matches(field.value);
}
}  // namespace

struct CsvImport::ChunkScan {
  std::size_t rows = 0;
  std::int64_t lines = 0;
  std::size_t maxFields = 0;
  std::vector<CsvTypeScan> columns;
  std::uint64_t shortRows = 0, longRows = 0;
  std::int64_t firstShortLine = -1, firstLongLine = -1;  // relative to the chunk
  std::optional<Error> error;
};

struct CsvImport::ColumnBuffers {
  ColumnType type = ColumnType::Float64;
  bool isString = false;  // categorical or text: decided when assembling
  bool forced = false;
  DateOrder order = DateOrder::MonthFirst;
  std::uint64_t present = 0;
  std::vector<double> f64;
  std::vector<std::int64_t> i64;
  std::vector<std::uint8_t> b8;
  std::vector<std::int32_t> codes;
  std::vector<std::uint8_t> missing;
};

CsvImport::CsvImport(std::string_view text, std::string source, const CsvOptions& options,
                     const jobs::JobContext& context)
    : text_(text), source_(std::move(source)), options_(options), context_(context),
      dialect_(CsvDialect::sniff(text, options)), missing_(options.missingTokens) {}

CsvImport::~CsvImport() = default;

Error CsvImport::located(const Error& e, std::int64_t lineBase) const {
  ErrorLocation where = e.where();
  where.file = source_;
  if (where.line >= 0) where.line += lineBase;
  return Error(e.code(), e.message(), where, e.value());
}

void CsvImport::report(double from, double span, std::size_t bytes, const char* message) {
  const double done = static_cast<double>(bytesDone_.fetch_add(bytes) + bytes);
  context_.progress(from + span * done / static_cast<double>(std::max<std::size_t>(1, dataEnd_ - dataStart_)), message);
}

Table CsvImport::run(std::vector<ImportWarning>& warnings) {
  readHeader();
  scanTypes();
  planColumns(warnings);
  parseValues();
  std::vector<std::shared_ptr<const Column>> columns;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    context_.throwIfStopped();
    columns.push_back(assemble(c));
  }
  context_.progress(1.0, "Done");
  return Table(std::move(columns));
}

void CsvImport::readHeader() {
  dataEnd_ = text_.size();
  std::vector<CsvField> fields;
  if (dialect_.header) {
    CsvCursor cursor(text_, 0, text_.size(), dialect_.delimiter, dialect_.quote, options_.maxFieldBytes);
    try {
      cursor.next(fields);
    } catch (const Error& e) {
      throw located(e, 1);
    }
    for (const auto& f : fields) header_.names.emplace_back(f.value);
    dataStart_ = cursor.position();
    headerLines_ = cursor.linesConsumed();
  }
  if (options_.maxRows) {  // the preview reads only the first rows: cut the text after them
    CsvCursor cursor(text_, dataStart_, text_.size(), dialect_.delimiter, dialect_.quote, options_.maxFieldBytes);
    try {
      for (std::uint64_t r = 0; r < *options_.maxRows && cursor.next(fields); ++r) {}
    } catch (const Error&) {
      // the preview shows the rows before the problem; the full import reports it
    }
    dataEnd_ = cursor.position();
  }
}

void CsvImport::scanTypes() {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  chunks_ = splitCsvChunks(text_.substr(0, dataEnd_), dataStart_, dialect_.delimiter, dialect_.quote,
                           std::max<std::size_t>(cores, (dataEnd_ - dataStart_) / kChunkBytes));
  scans_.assign(chunks_.size(), {});
  const std::size_t headerCount = header_.names.size();
  jobs::parallelFor(chunks_.size(), options_.threads, [&](std::size_t c) {
    ChunkScan& scan = scans_[c];
    CsvCursor cursor(text_, chunks_[c].begin, chunks_[c].end, dialect_.delimiter, dialect_.quote,
                     options_.maxFieldBytes);
    std::vector<CsvField> fields;
    std::size_t reported = chunks_[c].begin;
    try {
      while (cursor.next(fields)) {
        if (scan.columns.size() < fields.size()) scan.columns.resize(fields.size());
        scan.maxFields = std::max(scan.maxFields, fields.size());
        if (headerCount && fields.size() != headerCount) {
          const bool isShort = fields.size() < headerCount;
          if ((isShort ? scan.shortRows++ : scan.longRows++) == 0)
            (isShort ? scan.firstShortLine : scan.firstLongLine) = cursor.recordLine();
        }
        for (std::size_t f = 0; f < fields.size(); ++f) {
          if (isExplicitlyMissing(fields[f], missing_)) continue;
          CsvTypeScan& types = scan.columns[f];
          if (!types.typedPossible()) {
            ++types.present;  // a string column: only the count matters now
          } else if (!trimSpaces(fields[f].value).empty()) {
            types.add(fields[f].value, dialect_.decimal);
          }
        }
        cursor.clearStorage();
        if (++scan.rows % kCheckEvery == 0) {
          context_.throwIfStopped();
          report(0.0, kScanShare, cursor.position() - reported, "Checking column types");
          reported = cursor.position();
        }
      }
    } catch (const Error& e) {
      scan.error = e;  // located once the lines before this chunk are known
    }
    scan.lines = cursor.linesConsumed();
    report(0.0, kScanShare, chunks_[c].end - reported, "Checking column types");
  });
  context_.throwIfStopped();

  firstLine_.resize(chunks_.size());
  firstRow_.resize(chunks_.size());
  std::int64_t line = 1 + headerLines_;
  for (std::size_t c = 0; c < chunks_.size(); ++c) {
    if (scans_[c].error) throw located(*scans_[c].error, line);
    firstLine_[c] = line;
    firstRow_[c] = rows_;
    line += scans_[c].lines;
    rows_ += scans_[c].rows;
  }
}

void CsvImport::planColumns(std::vector<ImportWarning>& warnings) {
  std::size_t columnCount = header_.names.size();
  std::uint64_t shortRows = 0, longRows = 0;
  std::int64_t firstShort = -1, firstLong = -1;
  for (std::size_t c = 0; c < chunks_.size(); ++c) {
    const ChunkScan& scan = scans_[c];
    columnCount = std::max(columnCount, scan.maxFields);
    if (scan.shortRows && firstShort < 0) firstShort = firstLine_[c] + scan.firstShortLine;
    if (scan.longRows && firstLong < 0) firstLong = firstLine_[c] + scan.firstLongLine;
    shortRows += scan.shortRows;
    longRows += scan.longRows;
  }
  const std::size_t named = header_.names.size();
  if (shortRows)
    warnings.push_back({std::to_string(shortRows) + " rows have fewer fields than the header's " +
                            std::to_string(named) + "; the missing fields are empty",
                        {source_, firstShort}, shortRows});
  if (longRows)
    warnings.push_back({std::to_string(longRows) + " rows have more fields than the header's " + std::to_string(named) +
                            "; " + std::to_string(columnCount - named) + " columns were added for them",
                        {source_, firstLong}, longRows});
  header_.complete(columnCount, source_, warnings);

  columns_.resize(columnCount);
  strings_.resize(columnCount);
  for (std::size_t col = 0; col < columnCount; ++col) {
    CsvTypeScan merged;
    for (const ChunkScan& scan : scans_)
      if (col < scan.columns.size()) merged.merge(scan.columns[col]);  // rows without the field: missing
    ColumnBuffers& buffers = columns_[col];
    buffers.present = merged.present;
    buffers.order = merged.dateOrder();
    const auto forced = options_.columnTypes.find(header_.names[col]);
    buffers.forced = forced != options_.columnTypes.end();
    if (buffers.forced) {
      buffers.type = forced->second;
      buffers.isString = buffers.type == ColumnType::Categorical || buffers.type == ColumnType::Text;
    } else if (const auto typed = merged.typed()) {
      buffers.type = *typed;
    } else {
      buffers.isString = true;
      buffers.type = ColumnType::Categorical;  // until the distinct values say otherwise
    }
    buffers.missing.assign(rows_, 0);
    switch (buffers.type) {
      case ColumnType::Float64: buffers.f64.resize(rows_); break;
      case ColumnType::Int64:
      case ColumnType::Datetime: buffers.i64.resize(rows_); break;
      case ColumnType::Bool: buffers.b8.resize(rows_); break;
      case ColumnType::Categorical:
      case ColumnType::Text: buffers.codes.resize(rows_); break;
    }
    if (buffers.isString) {
      strings_[col].reserve(chunks_.size());
      const std::size_t maxLevels = buffers.type == ColumnType::Text ? 0 : options_.categoricalMaxLevels;
      for (std::size_t c = 0; c < chunks_.size(); ++c) {
        strings_[col].emplace_back(buffers.codes.data(), maxLevels);
        strings_[col].back().setFirstRow(firstRow_[c]);
      }
    }
  }
}

void CsvImport::parseValues() {
  bytesDone_ = 0;
  storage_.resize(chunks_.size());
  jobs::parallelFor(chunks_.size(), options_.threads, [&](std::size_t c) {
    CsvCursor cursor(text_, chunks_[c].begin, chunks_[c].end, dialect_.delimiter, dialect_.quote,
                     options_.maxFieldBytes);
    std::vector<CsvField> fields;
    std::size_t row = firstRow_[c];
    std::size_t reported = chunks_[c].begin;
    auto fail = [&](std::size_t col, std::string_view value) {
      const ColumnBuffers& b = columns_[col];
      throw Error(ErrorCode::Parse,
                  "'" + std::string(value) + "' in column '" + header_.names[col] + "' is not " +
                      std::string(columnTypeName(b.type)),
                  {source_, firstLine_[c] + cursor.recordLine(), static_cast<std::int64_t>(col) + 1}, std::string(value));
    };
    while (cursor.next(fields)) {
      for (std::size_t col = 0; col < columns_.size(); ++col) {
        ColumnBuffers& b = columns_[col];
        const bool present = col < fields.size() && !isExplicitlyMissing(fields[col], missing_);
        const std::string_view value = present ? fields[col].value : std::string_view();
        if (b.isString) {
          CsvStringChunk& strings = strings_[col][c];
          if (present) strings.add(row, value);
          else {
            strings.addMissing(row);
            b.missing[row] = 1;
          }
          continue;
        }
        if (!present || trimSpaces(value).empty()) {
          b.missing[row] = 1;
          if (b.type == ColumnType::Float64) b.f64[row] = std::numeric_limits<double>::quiet_NaN();
          continue;
        }
        bool ok = false;
        switch (b.type) {
          case ColumnType::Float64: ok = parseFloat64(value, b.f64[row], dialect_.decimal); break;
          case ColumnType::Int64: ok = parseInt64(value, b.i64[row]); break;
          case ColumnType::Datetime: ok = parseDatetime(value, b.i64[row], b.order); break;
          case ColumnType::Bool: {
            bool v = false;
            ok = parseBool(value, v);
            b.b8[row] = v;
            break;
          }
          default: break;
        }
        if (!ok) fail(col, value);
      }
      ++row;
      if ((row - firstRow_[c]) % kCheckEvery == 0) {
        context_.throwIfStopped();
        report(kScanShare, kParseShare, cursor.position() - reported, "Reading values");
        reported = cursor.position();
      }
    }
    storage_[c] = cursor.takeStorage();
    report(kScanShare, kParseShare, chunks_[c].end - reported, "Reading values");
  });
  context_.throwIfStopped();
}

std::shared_ptr<const Column> CsvImport::assemble(std::size_t col) {
  ColumnBuffers& b = columns_[col];
  std::string name = header_.names[col];
  if (b.isString) return assembleStrings(b, col);
  Validity validity = Validity::fromMissingFlags(b.missing.data(), b.missing.size());
  std::vector<std::uint8_t>().swap(b.missing);
  switch (b.type) {
    case ColumnType::Float64: return Column::float64(std::move(name), std::move(b.f64), std::move(validity));
    case ColumnType::Int64: return Column::int64(std::move(name), std::move(b.i64), std::move(validity));
    case ColumnType::Datetime: return Column::datetime(std::move(name), std::move(b.i64), std::move(validity));
    case ColumnType::Bool: return Column::boolean(std::move(name), std::move(b.b8), std::move(validity));
    default: break;
  }
  throw Error(ErrorCode::Internal, "unexpected column type");
}

std::shared_ptr<const Column> CsvImport::assembleStrings(ColumnBuffers& b, std::size_t col) {
  std::vector<CsvStringChunk>& chunks = strings_[col];
  Validity validity = Validity::fromMissingFlags(b.missing.data(), b.missing.size());
  std::vector<std::uint8_t>().swap(b.missing);

  // Merge the chunks' dictionaries; stay categorical while the values repeat enough.
  bool text = b.type == ColumnType::Text;
  std::unordered_map<std::string_view, std::int32_t> index;
  std::vector<std::vector<std::int32_t>> remap(chunks.size());
  for (std::size_t c = 0; c < chunks.size() && !text; ++c) {
    if (chunks[c].asText()) {
      text = true;
      break;
    }
    for (std::string_view level : chunks[c].levels()) {
      const auto [it, added] = index.try_emplace(level, static_cast<std::int32_t>(index.size()));
      remap[c].push_back(it->second);
    }
    if (!b.forced && index.size() > options_.categoricalMaxLevels) text = true;
  }
  if (!b.forced && !text && b.present > 0 &&
      static_cast<double>(index.size()) > options_.categoricalMaxRatio * static_cast<double>(b.present))
    text = true;

  std::string name = header_.names[col];
  if (!text) {
    std::vector<std::string> levels(index.size());
    for (const auto& [value, code] : index) levels[static_cast<std::size_t>(code)] = std::string(value);
    jobs::parallelFor(chunks.size(), options_.threads, [&](std::size_t c) {
      const std::size_t end = c + 1 < chunks.size() ? firstRow_[c + 1] : rows_;
      for (std::size_t row = firstRow_[c]; row < end; ++row)
        if (b.codes[row] >= 0) b.codes[row] = remap[c][static_cast<std::size_t>(b.codes[row])];
    });
    return Column::categorical(std::move(name), std::move(b.codes), std::move(levels), std::move(validity));
  }

  std::vector<std::uint64_t> offsets;
  offsets.reserve(rows_ + 1);
  offsets.push_back(0);
  std::string bytes;
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    const CsvStringChunk& chunk = chunks[c];
    const std::size_t end = c + 1 < chunks.size() ? firstRow_[c + 1] : rows_;
    if (chunk.asText()) {
      const std::uint64_t base = bytes.size();
      bytes.append(chunk.bytes());
      for (std::uint64_t e : chunk.ends()) offsets.push_back(base + e);
    } else {
      for (std::size_t row = firstRow_[c]; row < end; ++row) {
        if (b.codes[row] >= 0) bytes.append(chunk.levels()[static_cast<std::size_t>(b.codes[row])]);
        offsets.push_back(bytes.size());
      }
    }
  }
  std::vector<std::int32_t>().swap(b.codes);
  return Column::text(std::move(name), std::move(offsets), std::move(bytes), std::move(validity));
}

}  // namespace lathe::data
