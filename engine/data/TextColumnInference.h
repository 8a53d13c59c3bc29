#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/data/Column.h"
#include "engine/data/ValueParsing.h"

namespace lathe::data {

struct InferenceOptions {
  std::vector<std::string> missingTokens = defaultMissingTokens();
  char decimal = '.';
  // A string column becomes categorical when its distinct values are at most this share of its
  // present values and at most maxLevels; otherwise it stays text.
  double categoricalMaxRatio = 0.5;
  std::size_t categoricalMaxLevels = 65536;
};

// Decides the type of a column read as text by looking at every value (a late "abc" makes the
// whole column non-numeric instead of a silent NaN), then builds it. In order: bool, int64,
// float64, datetime (month-first, then day-first), then categorical or text; a column with no
// value at all is float64. `missing[i]` non-zero
// marks a cell the reader already knows is missing (an unquoted empty field, a JSON null); an
// empty or whitespace-only value is missing in every type but text and categorical, where a
// quoted "" stays an empty string. With `forced`, a value that does not parse as that type
// throws lathe::Error(Parse) naming the value and its 1-based row.
std::shared_ptr<const Column> buildColumnFromText(std::string name, std::span<const std::string_view> values,
                                                  std::span<const std::uint8_t> missing,
                                                  const InferenceOptions& options = {},
                                                  std::optional<ColumnType> forced = std::nullopt);

// The type buildColumnFromText would choose, without building.
ColumnType inferTextColumnType(std::span<const std::string_view> values, std::span<const std::uint8_t> missing,
                               const InferenceOptions& options = {});

}  // namespace lathe::data
