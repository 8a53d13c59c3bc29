#include "engine/data/CsvImport.h"

#include <algorithm>
#include <charconv>
#include <future>
#include <limits>
#include <thread>
#include <unordered_map>

#include "engine/data/CsvCursor.h"
#include "engine/jobs/ParallelFor.h"

namespace lathe::data {
namespace {

using Kind = CsvColumnSegment::Kind;
constexpr std::size_t kChunkBytes = 2 << 20;   // small enough to balance the cores, big enough to amortise
constexpr std::size_t kBlockBytes = 16 << 20;  // what the import holds of the file at a time
constexpr std::size_t kHeadBytes = 1 << 20;    // enough for a header of many thousand columns

Kind kindOf(ColumnType type) {
  switch (type) {
    case ColumnType::Bool: return Kind::Bool;
    case ColumnType::Int64: return Kind::Int;
    case ColumnType::Float64: return Kind::Float;
    case ColumnType::Datetime: return Kind::Date;
    default: return Kind::String;
  }
}

}  // namespace

CsvImport::CsvImport(CsvTextSource& text, std::string_view sample, std::string source, const CsvOptions& options,
                     const jobs::JobContext& context)
    : text_(text), source_(std::move(source)), options_(options), context_(context),
      dialect_(CsvDialect::sniff(sample, options)), missing_(options.missingTokens) {}

Error CsvImport::located(const Error& e, std::int64_t lineBase, std::size_t chunkBegin) const {
  ErrorLocation where = e.where();
  where.file = source_;
  if (where.line >= 0) where.line += lineBase;
  const std::int64_t base = text_.fileOffset(chunkBegin);
  where.byteOffset = where.byteOffset >= 0 && base >= 0 ? where.byteOffset + base : -1;
  return Error(e.code(), e.message(), where, e.value());
}

CsvChunkParser::Settings CsvImport::settings() const {
  CsvChunkParser::Settings s;
  s.dialect = &dialect_;
  s.missing = &missing_;
  s.maxFieldBytes = options_.maxFieldBytes;
  s.headerFields = header_.names.size();
  s.maxLevels = options_.categoricalMaxLevels;
  s.pins = &forced_;
  return s;
}

Table CsvImport::run(std::vector<ImportWarning>& warnings) {
  readHeader();
  parseChunks();
  text_.releaseBlock();
  reportRaggedRows(warnings);
  header_.complete(columnCount_, source_, warnings);
  std::vector<std::shared_ptr<const Column>> columns(columnCount_);
  // Columns are independent from here on; each frees its chunks' segments as it is built.
  jobs::parallelFor(columnCount_, options_.threads, [&](std::size_t c) {
    context_.throwIfStopped();
    columns[c] = assemble(c);
  });
  context_.progress(1.0, "Done");
  return Table(std::move(columns));
}

void CsvImport::readHeader() {
  dataEnd_ = text_.size();
  std::vector<CsvField> fields;
  if (dialect_.header) {
    const std::string_view head = text_.block(0, kHeadBytes, dialect_.delimiter, dialect_.quote);
    CsvCursor cursor(head, 0, head.size(), dialect_.delimiter, dialect_.quote, options_.maxFieldBytes);
    try {
      cursor.next(fields);
    } catch (const Error& e) {
      throw located(e, 1, 0);
    }
    for (const auto& f : fields) header_.names.emplace_back(f.value);
    dataStart_ = cursor.position();
    headerLines_ = cursor.linesConsumed();
  }
  if (options_.maxRows) {  // the preview reads only the first rows: cut the text after them
    const std::string_view head = text_.block(dataStart_, kHeadBytes, dialect_.delimiter, dialect_.quote);
    CsvCursor cursor(head, 0, head.size(), dialect_.delimiter, dialect_.quote, options_.maxFieldBytes);
    try {
      for (std::uint64_t r = 0; r < *options_.maxRows && cursor.next(fields); ++r) {}
    } catch (const Error&) {
      // the preview shows the rows before the problem; the full import reports it
    }
    dataEnd_ = dataStart_ + cursor.position();
  }
  for (const auto& [name, type] : options_.columnTypes) {
    std::size_t index = std::find(header_.names.begin(), header_.names.end(), name) - header_.names.begin();
    if (index == header_.names.size() && name.starts_with("column_")) {  // a column without a header name
      std::size_t n = 0;
      const auto [end, ec] = std::from_chars(name.data() + 7, name.data() + name.size(), n);
      if (ec == std::errc() && end == name.data() + name.size() && n > 0) index = n - 1;
      else continue;
    } else if (index == header_.names.size()) {
      continue;
    }
    forced_[index] = CsvPin{kindOf(type), DateOrder::MonthFirst, true};
  }
}

void CsvImport::parseChunks() {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const auto settings = this->settings();
  const double total = static_cast<double>(std::max<std::uint64_t>(1, dataEnd_ - dataStart_));
  std::int64_t line = 1 + headerLines_;
  columnCount_ = header_.names.size();
  // Block by block: each block's chunks in parallel; the first error in the file wins,
  // whichever thread met it first. Unless the import is to use one thread, the next block is read
  // (and checked to be UTF-8) on a thread of its own while this one is parsed: reading is a
  // tenth of the work, and the cores would otherwise wait for it. What the read throws is
  // rethrown only once this block is done, so errors keep the file's order.
  struct Block {
    std::string_view text;
    std::vector<CsvChunk> pieces;
  };
  auto readBlock = [this, cores](std::uint64_t at) {
    Block b;
    b.text = text_.block(at, kBlockBytes, dialect_.delimiter, dialect_.quote);
    if (at + b.text.size() > dataEnd_) b.text = b.text.substr(0, dataEnd_ - at);
    b.pieces = splitCsvChunks(b.text, 0, dialect_.delimiter, dialect_.quote,
                              std::max<std::size_t>(cores, b.text.size() / kChunkBytes));
    return b;
  };
  const bool readAhead = options_.threads != 1;
  Block current = dataStart_ < dataEnd_ ? readBlock(dataStart_) : Block{};
  for (std::uint64_t from = dataStart_; from < dataEnd_;) {
    const std::string_view block = current.text;
    if (block.empty()) break;
    std::future<Block> next;  // its destructor waits for the read, however this block ends
    if (readAhead && from + block.size() < dataEnd_) next = std::async(std::launch::async, readBlock, from + block.size());
    const std::vector<CsvChunk>& pieces = current.pieces;
    const std::size_t first = chunks_.size();
    for (const CsvChunk& piece : pieces) chunks_.push_back({from + piece.begin, from + piece.end});
    results_.resize(chunks_.size());
    std::vector<std::optional<Error>> errors(pieces.size());
    jobs::parallelFor(pieces.size(), options_.threads, [&](std::size_t p) {
      const std::string_view chunk = block.substr(pieces[p].begin, pieces[p].end - pieces[p].begin);
      try {
        results_[first + p] = CsvChunkParser::parse(chunk, settings, context_);
      } catch (const Error& e) {
        errors[p] = e;  // located below, once the lines before this chunk are known
      }
    });
    context_.throwIfStopped();
    for (std::size_t p = 0; p < pieces.size(); ++p) {
      const std::size_t c = first + p;
      if (errors[p]) throw located(*errors[p], line, chunks_[c].begin);
      firstLine_.push_back(line);
      firstRow_.push_back(rows_);
      line += results_[c].lines;
      rows_ += results_[c].rows;
      columnCount_ = std::max(columnCount_, results_[c].columns.size());
    }
    from += block.size();
    context_.progress(0.9 * static_cast<double>(from - dataStart_) / total, "Reading rows");
    if (from < dataEnd_) current = next.valid() ? next.get() : readBlock(from);
  }
}

void CsvImport::reportRaggedRows(std::vector<ImportWarning>& warnings) const {
  std::uint64_t shortRows = 0, longRows = 0;
  std::int64_t firstShort = -1, firstLong = -1;
  for (std::size_t c = 0; c < chunks_.size(); ++c) {
    const CsvChunkResult& r = results_[c];
    if (r.shortRows && firstShort < 0) firstShort = firstLine_[c] + r.firstShortLine;
    if (r.longRows && firstLong < 0) firstLong = firstLine_[c] + r.firstLongLine;
    shortRows += r.shortRows;
    longRows += r.longRows;
  }
  const std::size_t named = header_.names.size();
  if (shortRows)
    warnings.push_back({std::to_string(shortRows) + " rows have fewer fields than the header's " +
                            std::to_string(named) + "; the missing fields are empty",
                        {source_, firstShort}, shortRows});
  if (longRows)
    warnings.push_back({std::to_string(longRows) + " rows have more fields than the header's " + std::to_string(named) +
                            "; " + std::to_string(columnCount_ - named) + " columns were added for them",
                        {source_, firstLong}, longRows});
}

CsvColumnSegment CsvImport::reread(std::size_t chunk, std::size_t column, const CsvPin& pin) const {
  std::map<std::size_t, CsvPin> pins{{column, pin}};
  auto s = settings();
  s.pins = &pins;
  s.onlyColumn = column;
  std::string storage;
  const std::string_view text = text_.reread(chunks_[chunk].begin, chunks_[chunk].end - chunks_[chunk].begin, storage);
  auto result = CsvChunkParser::parse(text, s, context_);
  return std::move(result.columns.at(column));
}

std::shared_ptr<const Column> CsvImport::assemble(std::size_t column) {
  // The type every chunk's values fit, then each chunk's segment in that type.
  CsvTypeScan evidence;
  for (auto& r : results_)
    if (column < r.columns.size()) evidence.merge(r.columns[column].evidence);
  CsvPin pin;
  if (const auto it = forced_.find(column); it != forced_.end()) {
    pin = it->second;
  } else if (const auto typed = evidence.typed()) {
    pin = {kindOf(*typed), evidence.dateOrder(), false};
  }
  std::vector<CsvColumnSegment*> segments(chunks_.size(), nullptr);
  for (std::size_t c = 0; c < chunks_.size(); ++c) {
    if (column >= results_[c].columns.size()) continue;  // no row of this chunk reaches the column
    CsvColumnSegment& seg = results_[c].columns[column];
    if (seg.kind == Kind::Empty && (pin.kind != Kind::String || seg.blankRows == 0)) continue;  // all missing
    const bool fits = seg.kind == pin.kind && (pin.kind != Kind::Date || seg.order == pin.order);
    if (seg.kind == Kind::Int && pin.kind == Kind::Float) {
      seg.floats.resize(seg.ints.size());
      for (std::size_t r = 0; r < seg.ints.size(); ++r)
        seg.floats[r] = seg.isMissing(r) ? std::numeric_limits<double>::quiet_NaN() : static_cast<double>(seg.ints[r]);
      std::vector<std::int64_t>().swap(seg.ints);
      seg.kind = Kind::Float;
    } else if (!fits) {
      seg = reread(c, column, pin);
    }
    segments[c] = &seg;
  }

  std::string name = header_.names[column];
  if (pin.kind == Kind::String) return assembleStrings(column, segments);

  // Appending each chunk in turn (no zero-filled array to overwrite) keeps this one pass.
  Validity validity;
  std::vector<double> floats;
  std::vector<std::int64_t> ints;
  if (pin.kind == Kind::Float) floats.reserve(rows_);
  else ints.reserve(rows_);
  for (std::size_t c = 0; c < chunks_.size(); ++c) {
    const std::size_t begin = firstRow_[c];
    const std::size_t rows = results_[c].rows;
    CsvColumnSegment* seg = segments[c];
    if (!seg) {
      for (std::size_t r = 0; r < rows; ++r) validity.setMissing(begin + r, rows_);
      if (pin.kind == Kind::Float) floats.insert(floats.end(), rows, std::numeric_limits<double>::quiet_NaN());
      else ints.insert(ints.end(), rows, 0);
      continue;
    }
    if (pin.kind == Kind::Float) floats.insert(floats.end(), seg->floats.begin(), seg->floats.end());
    else ints.insert(ints.end(), seg->ints.begin(), seg->ints.end());
    for (std::size_t r = 0; r < seg->missing.size(); ++r)
      if (seg->missing[r]) validity.setMissing(begin + r, rows_);
    *seg = CsvColumnSegment{};  // free it now
  }
  switch (pin.kind) {
    case Kind::Float: return Column::float64(std::move(name), std::move(floats), std::move(validity));
    case Kind::Int: return Column::int64(std::move(name), std::move(ints), std::move(validity));
    case Kind::Date: return Column::datetime(std::move(name), std::move(ints), std::move(validity));
    default: {
      std::vector<std::uint8_t> bools(ints.begin(), ints.end());
      return Column::boolean(std::move(name), std::move(bools), std::move(validity));
    }
  }
}

std::shared_ptr<const Column> CsvImport::assembleStrings(std::size_t column, std::vector<CsvColumnSegment*>& segments) {
  const bool forced = forced_.count(column) != 0;
  const bool forcedText = forced && forced_.at(column).kind == Kind::String &&
                          options_.columnTypes.count(header_.names[column]) &&
                          options_.columnTypes.at(header_.names[column]) == ColumnType::Text;
  // Merge the chunks' dictionaries while the values repeat enough to stay categorical.
  bool text = forcedText;
  std::uint64_t present = 0;
  std::unordered_map<std::string_view, std::int32_t> index;
  std::vector<std::vector<std::int32_t>> remap(chunks_.size());
  for (std::size_t c = 0; c < chunks_.size(); ++c) {
    if (!segments[c]) continue;
    present += segments[c]->evidence.present;
    if (text) continue;
    if (segments[c]->asText) {
      text = true;
      continue;
    }
    for (const std::string& level : segments[c]->levels)
      remap[c].push_back(index.try_emplace(level, static_cast<std::int32_t>(index.size())).first->second);
    if (!forced && index.size() > options_.categoricalMaxLevels) text = true;
  }
  if (!forced && !text && present > 0 &&
      static_cast<double>(index.size()) > options_.categoricalMaxRatio * static_cast<double>(present))
    text = true;

  Validity validity;
  std::string name = header_.names[column];
  if (!text) {
    std::vector<std::string> levels(index.size());
    for (const auto& [value, code] : index) levels[static_cast<std::size_t>(code)] = std::string(value);
    std::vector<std::int32_t> codes;
    codes.reserve(rows_);
    for (std::size_t c = 0; c < chunks_.size(); ++c) {
      const std::size_t begin = firstRow_[c];
      if (!segments[c]) {
        for (std::size_t r = 0; r < results_[c].rows; ++r) validity.setMissing(begin + r, rows_);
        codes.insert(codes.end(), results_[c].rows, -1);
        continue;
      }
      CsvColumnSegment& seg = *segments[c];
      for (std::size_t r = 0; r < seg.codes.size(); ++r) {
        const std::int32_t code = seg.codes[r];
        if (code < 0) validity.setMissing(begin + r, rows_);
        codes.push_back(code < 0 ? -1 : remap[c][static_cast<std::size_t>(code)]);
      }
      seg = CsvColumnSegment{};  // free it now
    }
    return Column::categorical(std::move(name), std::move(codes), std::move(levels), std::move(validity));
  }

  std::vector<std::uint64_t> offsets;
  offsets.reserve(rows_ + 1);
  offsets.push_back(0);
  std::string bytes;
  for (std::size_t c = 0; c < chunks_.size(); ++c) {
    const std::size_t begin = firstRow_[c];
    CsvColumnSegment* seg = segments[c];
    if (!seg) {
      for (std::size_t r = 0; r < results_[c].rows; ++r) {
        validity.setMissing(begin + r, rows_);
        offsets.push_back(bytes.size());
      }
      continue;
    }
    for (std::size_t r = 0; r < seg->rows; ++r) {
      if (seg->isMissing(r)) validity.setMissing(begin + r, rows_);
      if (seg->asText) {
        const std::uint64_t from = r == 0 ? 0 : seg->ends[r - 1];
        bytes.append(seg->bytes, from, seg->ends[r] - from);
      } else if (seg->codes[r] >= 0) {
        bytes.append(seg->levels[static_cast<std::size_t>(seg->codes[r])]);
      }
      offsets.push_back(bytes.size());
    }
    *seg = CsvColumnSegment{};
  }
  return Column::text(std::move(name), std::move(offsets), std::move(bytes), std::move(validity));
}

}  // namespace lathe::data
