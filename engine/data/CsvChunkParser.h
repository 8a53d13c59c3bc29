#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/data/ColumnType.h"
#include "engine/data/CsvColumnSegment.h"
#include "engine/data/CsvDialect.h"
#include "engine/data/MissingTokens.h"
#include "engine/jobs/JobContext.h"

namespace lathe::data {

// A column's type fixed in advance: by the user (forced) or, on a re-read, by what the other
// chunks decided. Values that do not fit are an error for a forced type.
struct CsvPin {
  CsvColumnSegment::Kind kind = CsvColumnSegment::Kind::String;
  DateOrder order = DateOrder::MonthFirst;
  bool forced = false;  // the user's choice: a value that does not fit is an error
};

// What a chunk of records holds: one segment per column it has fields for, row and line counts,
// and the rows whose field count differs from the header's.
struct CsvChunkResult {
  std::vector<CsvColumnSegment> columns;
  std::size_t rows = 0;
  std::int64_t lines = 0;
  std::uint64_t shortRows = 0, longRows = 0;
  std::int64_t firstShortLine = -1, firstLongLine = -1;  // relative to the chunk's first line
};

// Parses one chunk of records in a single pass, each value straight into its column's segment
// as the type its column fits so far (see CsvColumnSegment). When a value breaks that type in a
// way that needs the earlier values as text (an int column meeting "abc", a month-first date
// column meeting 31/12/2024), the chunk is parsed again with that column pinned: rare, and the
// chunk is still in memory. Errors carry lines relative to the chunk.
class CsvChunkParser {
 public:
  struct Settings {
    const CsvDialect* dialect = nullptr;
    const MissingTokens* missing = nullptr;
    std::uint64_t maxFieldBytes = 0;
    std::size_t headerFields = 0;    // 0: no header
    std::size_t maxLevels = 65536;   // distinct strings a segment keeps as codes
    const std::map<std::size_t, CsvPin>* pins = nullptr;  // by column index
    std::optional<std::size_t> onlyColumn;  // re-reads parse just this column
  };

  static CsvChunkResult parse(std::string_view text, const Settings& settings, const jobs::JobContext& context);
};

}  // namespace lathe::data
