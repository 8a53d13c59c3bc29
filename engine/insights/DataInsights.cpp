#include "engine/insights/DataInsights.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string_view>

#include "engine/core/Error.h"
#include "engine/wrangle/DropColumnsStep.h"
#include "engine/wrangle/DropDuplicatesStep.h"
#include "engine/wrangle/FillMissingStep.h"
#include "engine/wrangle/FilterRowsStep.h"

namespace lathe::insights {
namespace {

using data::Column;
using data::ColumnType;

constexpr std::size_t kRowsPerCheck = std::size_t{1} << 16;  // a few ms of work between stop checks
constexpr std::uint32_t kNoRow = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint64_t kManyDistinct = std::numeric_limits<std::uint64_t>::max();
constexpr std::size_t kBinSample = std::size_t{1} << 16;  // values sampled for quantile bin edges
constexpr const char* kProgress = "Checking data quality";

template <typename Fn>
void forRows(std::size_t rows, const jobs::JobContext& context, Fn&& fn) {
  for (std::size_t begin = 0; begin < rows; begin += kRowsPerCheck) {
    context.throwIfStopped();
    for (std::size_t row = begin, end = std::min(rows, begin + kRowsPerCheck); row < end; ++row) fn(row);
  }
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser: a bijection, so equal mixes mean equal keys
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// What passes over one column tell: rows with a value, distinct values, the most frequent value,
// and (where they are kept) each row's level: equal values share one, numbered from 0, with
// their sizes and first rows; -1 where the value is missing.
struct ColumnFacts {
  std::uint64_t present = 0;
  std::uint64_t distinct = 0;  // kManyDistinct: a float64/datetime column past kLeakageBins values
  std::uint64_t topCount = 0;  // exact whenever the value holds more than half the rows
  std::size_t topRow = kNoRow;
  std::vector<std::int32_t> level;  // empty when not kept
  std::vector<std::uint32_t> sizes;
  std::vector<std::uint32_t> firsts;
};

void finishLevels(ColumnFacts& facts) {
  for (std::size_t l = 0; l < facts.sizes.size(); ++l) {
    const std::uint32_t size = facts.sizes[l];
    if (size == 0) continue;
    ++facts.distinct;
    if (size > facts.topCount || (size == facts.topCount && facts.firsts[l] < facts.topRow))
      facts.topCount = size, facts.topRow = facts.firsts[l];
  }
}

// Levels by first appearance through open addressing: no node per value, so millions of
// distinct texts or IDs cost a few flat arrays. `same(a, b)` confirms rows whose hashes match.
template <typename Present, typename Hash, typename Same>
ColumnFacts levelsByHash(std::size_t rows, Present present, Hash hashOf, Same same, const jobs::JobContext& context) {
  ColumnFacts facts;
  facts.level.assign(rows, -1);
  std::vector<std::uint64_t> hashes;  // per level
  std::vector<std::int32_t> slots(1024, -1);
  auto freeSlot = [&](std::uint64_t hash) {
    std::size_t i = hash & (slots.size() - 1);
    while (slots[i] >= 0) i = (i + 1) & (slots.size() - 1);
    return i;
  };
  forRows(rows, context, [&](std::size_t row) {
    if (!present(row)) return;
    ++facts.present;
    const std::uint64_t hash = hashOf(row);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const std::int32_t s = slots[i];
      if (s >= 0) {
        if (hashes[static_cast<std::size_t>(s)] != hash || !same(facts.firsts[static_cast<std::size_t>(s)], row))
          continue;
        ++facts.sizes[static_cast<std::size_t>(s)];
        facts.level[row] = s;
        return;
      }
      const auto id = static_cast<std::int32_t>(hashes.size());
      slots[i] = id;
      hashes.push_back(hash);
      facts.sizes.push_back(1);
      facts.firsts.push_back(static_cast<std::uint32_t>(row));
      facts.level[row] = id;
      if (hashes.size() * 2 > slots.size()) {  // keep the load under one half
        slots.assign(slots.size() * 2, -1);
        for (std::size_t l = 0; l < hashes.size(); ++l) slots[freeSlot(hashes[l])] = static_cast<std::int32_t>(l);
      }
      return;
    }
  });
  finishLevels(facts);
  return facts;
}

// Float64, int64 and datetime columns, compared by their bits (keyOf gives -0.0 as 0.0). Up to
// kLeakageBins distinct values they get levels. Past that a majority vote finds the only value
// that could hold 95% of the rows; int64 columns are counted exactly (an ID is int64), the
// others left uncounted (no check needs their count).
template <typename Present, typename Key>
ColumnFacts numericFacts(const Column& column, Present present, Key keyOf, const jobs::JobContext& context) {
  const std::size_t rows = column.size();
  std::vector<std::uint64_t> few;
  bool many = false;
  std::uint64_t candidate = 0, votes = 0, presentRows = 0;
  forRows(rows, context, [&](std::size_t row) {
    if (!present(row)) return;
    ++presentRows;
    const std::uint64_t key = keyOf(row);
    if (votes == 0) candidate = key;
    votes = key == candidate ? votes + 1 : votes - 1;
    if (!many && std::find(few.begin(), few.end(), key) == few.end()) {
      if (few.size() == DataInsights::kLeakageBins) many = true;
      else few.push_back(key);
    }
  });
  ColumnFacts facts;
  if (!many) {
    facts.present = presentRows;
    facts.level.assign(rows, -1);
    facts.sizes.assign(few.size(), 0);
    facts.firsts.assign(few.size(), kNoRow);
    forRows(rows, context, [&](std::size_t row) {
      if (!present(row)) return;
      const auto l = static_cast<std::size_t>(std::find(few.begin(), few.end(), keyOf(row)) - few.begin());
      facts.level[row] = static_cast<std::int32_t>(l);
      if (facts.sizes[l]++ == 0) facts.firsts[l] = static_cast<std::uint32_t>(row);
    });
    finishLevels(facts);
    return facts;
  }
  if (column.type() == ColumnType::Int64) {
    facts = levelsByHash(rows, present, [&](std::size_t row) { return mix(keyOf(row)); },
                         [](std::size_t, std::size_t) { return true; }, context);
    facts.level = {}, facts.sizes = {}, facts.firsts = {};  // leakage bins this column instead
    return facts;
  }
  facts.present = presentRows;
  facts.distinct = kManyDistinct;
  forRows(rows, context, [&](std::size_t row) {
    if (!present(row) || keyOf(row) != candidate) return;
    if (facts.topCount++ == 0) facts.topRow = row;
  });
  return facts;
}

ColumnFacts factsOf(const Column& column, const jobs::JobContext& context) {
  const std::size_t rows = column.size();
  const auto valid = [&](std::size_t row) { return column.isValid(row); };
  switch (column.type()) {
    case ColumnType::Float64: {
      const auto values = column.float64Values();
      return numericFacts(
          column, [&](std::size_t row) { return column.isValid(row) && !std::isnan(values[row]); },
          [&](std::size_t row) { return values[row] == 0.0 ? 0 : std::bit_cast<std::uint64_t>(values[row]); },
          context);
    }
    case ColumnType::Int64:
    case ColumnType::Datetime: {
      const auto values = column.int64Values();
      return numericFacts(column, valid, [&](std::size_t row) { return static_cast<std::uint64_t>(values[row]); },
                          context);
    }
    case ColumnType::Text:
      return levelsByHash(
          rows, valid, [&](std::size_t row) { return mix(std::hash<std::string_view>{}(column.textAt(row))); },
          [&](std::size_t a, std::size_t b) { return column.textAt(a) == column.textAt(b); }, context);
    case ColumnType::Bool:
    case ColumnType::Categorical: break;
  }
  const bool isBool = column.type() == ColumnType::Bool;
  ColumnFacts facts;
  facts.level.assign(rows, -1);
  facts.sizes.assign(isBool ? 2 : column.levels().size(), 0);
  facts.firsts.assign(facts.sizes.size(), kNoRow);
  const auto codes = isBool ? std::span<const std::int32_t>() : column.codes();
  const auto bools = isBool ? column.boolValues() : std::span<const std::uint8_t>();
  forRows(rows, context, [&](std::size_t row) {
    if (!column.isValid(row)) return;
    const std::int32_t l = isBool ? std::int32_t{bools[row] != 0} : codes[row];
    if (l < 0 || static_cast<std::size_t>(l) >= facts.sizes.size()) return;
    ++facts.present;
    facts.level[row] = l;
    if (facts.sizes[static_cast<std::size_t>(l)]++ == 0) facts.firsts[static_cast<std::size_t>(l)] = static_cast<std::uint32_t>(row);
  });
  finishLevels(facts);
  return facts;
}

bool isTextLike(const Column& column) {
  return column.type() == ColumnType::Categorical || column.type() == ColumnType::Text;
}

// Distinct values in (almost) every row: an ID, a name, free text.
bool identifierLike(const Column& column, const ColumnFacts& facts) {
  if (facts.distinct == kManyDistinct || facts.distinct <= DataInsights::kHighCardinalityMinDistinct) return false;
  if (isTextLike(column))
    return static_cast<double>(facts.distinct) > DataInsights::kHighCardinalityShare * static_cast<double>(facts.present);
  return column.type() == ColumnType::Int64 && facts.distinct == facts.present;
}

bool highCardinality(const Column& column, const ColumnFacts& facts) {
  return identifierLike(column, facts) ||
         (isTextLike(column) && facts.distinct > DataInsights::kHighCardinalityMaxLevels);
}

InsightFix dropColumn(const std::string& name) {
  return {wrangle::DropColumnsStep::kKind, {{"columns", {name}}}};
}

// "not is_missing([name])", with "]" doubled inside the brackets as the formula language wants.
InsightFix dropRowsWithout(const std::string& name) {
  std::string quoted;
  for (char c : name) quoted += c == ']' ? std::string("]]") : std::string(1, c);
  return {wrangle::FilterRowsStep::kKind, {{"formula", "not is_missing([" + quoted + "])"}}};
}

InsightFix fillMissing(const Column& column) {
  const bool numeric = column.type() == ColumnType::Float64 || column.type() == ColumnType::Int64;
  return {wrangle::FillMissingStep::kKind,
          {{"columns", {column.name()}}, {"strategy", numeric ? "median" : "mode"}, {"indicator", false}}};
}

// The target as the leakage scores read it: a class per row (-1 none) or a finite value (NaN none).
struct Target {
  std::size_t index = 0;
  bool classes = false;
  std::vector<std::int32_t> classOf;
  std::size_t classCount = 0;
  std::size_t majority = 0;  // the largest class
  std::uint64_t majorityRows = 0;
  std::vector<double> value;
  double mean = 0.0;
  double totalSquares = 0.0;  // sum of squared deviations from the mean
  std::uint64_t rows = 0;     // rows the scores count
};

bool wholeNumbers(const Column& column, const jobs::JobContext& context) {
  bool whole = true;
  forRows(column.size(), context, [&](std::size_t row) {
    const double v = column.numericAt(row);
    if (!std::isnan(v) && !(std::isfinite(v) && v == std::floor(v))) whole = false;
  });
  return whole;
}

std::optional<Target> prepareTarget(const Column& column, std::size_t index, ColumnFacts& facts,
                                    const jobs::JobContext& context) {
  Target target;
  target.index = index;
  const bool numeric = column.type() == ColumnType::Float64 || column.type() == ColumnType::Int64;
  target.classes = column.type() == ColumnType::Bool || isTextLike(column) ||
                   (numeric && facts.distinct <= DataInsights::kMaxNumericClasses && wholeNumbers(column, context));
  if (target.classes) {
    if (facts.distinct < 2 || facts.distinct > DataInsights::kHighCardinalityMaxLevels) return std::nullopt;
    target.classOf = facts.level;
    target.classCount = facts.sizes.size();
    target.majority = static_cast<std::size_t>(
        std::max_element(facts.sizes.begin(), facts.sizes.end()) - facts.sizes.begin());
    target.majorityRows = facts.sizes[target.majority];
    target.rows = facts.present;
    return target;
  }
  target.value.assign(column.size(), std::numeric_limits<double>::quiet_NaN());
  double sum = 0.0;
  forRows(column.size(), context, [&](std::size_t row) {
    const double v = column.numericAt(row);
    if (!std::isfinite(v)) return;
    target.value[row] = v, sum += v, ++target.rows;
  });
  if (target.rows < 2) return std::nullopt;
  target.mean = sum / static_cast<double>(target.rows);
  forRows(column.size(), context, [&](std::size_t row) {
    if (const double v = target.value[row]; !std::isnan(v)) target.totalSquares += (v - target.mean) * (v - target.mean);
  });
  if (!(target.totalSquares > 0.0) || !std::isfinite(target.totalSquares)) return std::nullopt;
  return target;
}

// A numeric column with many values in kLeakageBins quantile bins: edges from a strided sample,
// a value in the bin of the edges below it; -1 where missing.
std::vector<std::int32_t> quantileBins(const Column& column, std::size_t& bins, const jobs::JobContext& context) {
  const std::size_t rows = column.size();
  std::vector<double> sample;
  const std::size_t stride = std::max<std::size_t>(1, rows / kBinSample);
  for (std::size_t row = 0; row < rows; row += stride)
    if (const double v = column.numericAt(row); !std::isnan(v)) sample.push_back(v);
  std::sort(sample.begin(), sample.end());
  std::vector<double> edges;
  for (std::size_t k = 1; k < DataInsights::kLeakageBins && !sample.empty(); ++k) {
    const double edge = sample[k * (sample.size() - 1) / DataInsights::kLeakageBins];
    if (edges.empty() || edge > edges.back()) edges.push_back(edge);
  }
  bins = edges.size() + 1;
  std::vector<std::int32_t> level(rows, -1);
  forRows(rows, context, [&](std::size_t row) {
    const double v = column.numericAt(row);
    if (!std::isnan(v))
      level[row] = static_cast<std::int32_t>(std::lower_bound(edges.begin(), edges.end(), v) - edges.begin());
  });
  return level;
}

// Leave-one-out accuracy of the majority class per level (missing values: level `levels`).
std::optional<double> classScore(std::span<const std::int32_t> level, std::size_t levels, const Target& target,
                                 const jobs::JobContext& context) {
  const std::size_t width = levels + 1, classes = target.classCount;
  if (width > DataInsights::kMaxLeakageCells / classes) return std::nullopt;
  std::vector<std::uint32_t> cells(width * classes, 0);
  forRows(level.size(), context, [&](std::size_t row) {
    const std::int32_t c = target.classOf[row];
    if (c < 0) return;
    const std::size_t l = level[row] < 0 ? levels : static_cast<std::size_t>(level[row]);
    ++cells[l * classes + static_cast<std::size_t>(c)];
  });
  std::uint64_t correct = 0;
  for (std::size_t l = 0; l < width; ++l) {
    std::uint64_t first = 0, second = 0, total = 0;
    std::size_t best = 0;
    for (std::size_t c = 0; c < classes; ++c) {
      const std::uint64_t n = cells[l * classes + c];
      total += n;
      if (n > first) second = first, first = n, best = c;
      else if (n > second) second = n;
    }
    // A row alone in its level is predicted by the majority class; otherwise a row is right when
    // its class still leads the level without it (a tie is counted wrong).
    if (total == 1) correct += best == target.majority ? 1 : 0;
    else if (first > second + 1) correct += first;
  }
  return static_cast<double>(correct) / static_cast<double>(target.rows);
}

// Leave-one-out R^2 of the mean per level: without row i its level's mean moves by
// (y_i - mean)/(n - 1), so the level's squared error is its spread times (n / (n - 1))^2.
std::optional<double> valueScore(std::span<const std::int32_t> level, std::size_t levels, const Target& target,
                                 const jobs::JobContext& context) {
  const std::size_t width = levels + 1;
  if (width > DataInsights::kMaxLeakageCells) return std::nullopt;
  std::vector<double> count(width, 0.0), sum(width, 0.0), spread(width, 0.0);
  auto levelOf = [&](std::size_t row) { return level[row] < 0 ? levels : static_cast<std::size_t>(level[row]); };
  forRows(level.size(), context, [&](std::size_t row) {
    if (const double v = target.value[row]; !std::isnan(v)) count[levelOf(row)] += 1.0, sum[levelOf(row)] += v;
  });
  forRows(level.size(), context, [&](std::size_t row) {
    const double v = target.value[row];
    if (std::isnan(v)) return;
    const std::size_t l = levelOf(row);
    const double d = v - sum[l] / count[l];
    spread[l] += d * d;
  });
  double errors = 0.0;
  for (std::size_t l = 0; l < width; ++l) {
    if (count[l] == 1.0) errors += (sum[l] - target.mean) * (sum[l] - target.mean);
    else if (count[l] > 1.0) errors += spread[l] * (count[l] / (count[l] - 1.0)) * (count[l] / (count[l] - 1.0));
  }
  return 1.0 - errors / target.totalSquares;
}

std::optional<DataInsight> leakage(const Column& column, const ColumnFacts& facts, const Target& target,
                                   const std::string& targetName, const jobs::JobContext& context) {
  std::size_t levels = facts.sizes.size();
  std::vector<std::int32_t> bins;
  std::span<const std::int32_t> level = facts.level;
  if (facts.level.empty()) {
    bins = quantileBins(column, levels, context);
    level = bins;
  }
  const auto score = target.classes ? classScore(level, levels, target, context) : valueScore(level, levels, target, context);
  if (!score || *score < DataInsights::kLeakageScore) return std::nullopt;
  if (target.classes) {
    const double baseline = static_cast<double>(target.majorityRows) / static_cast<double>(target.rows);
    if (*score - baseline < DataInsights::kLeakageGain * (1.0 - baseline)) return std::nullopt;
  }
  return DataInsight{InsightKind::TargetLeakage, InsightSeverity::High, column.name(), *score, target.rows, targetName,
                     dropColumn(column.name())};
}

std::optional<DataInsight> imbalance(const Column& column, const ColumnFacts& facts) {
  std::uint32_t largest = 0;
  std::size_t rarest = 0, classes = 0;
  for (std::size_t l = 0; l < facts.sizes.size(); ++l) {
    if (facts.sizes[l] == 0) continue;
    ++classes;
    largest = std::max(largest, facts.sizes[l]);
    if (facts.sizes[rarest] == 0 || facts.sizes[l] < facts.sizes[rarest]) rarest = l;
  }
  const double share = static_cast<double>(facts.sizes[rarest]) / static_cast<double>(facts.present);
  const double rowShare = std::min(DataInsights::kImbalanceRowShare, 0.5 / static_cast<double>(classes));
  if (static_cast<double>(facts.sizes[rarest]) >= DataInsights::kImbalanceMajorityShare * largest && share >= rowShare)
    return std::nullopt;
  return DataInsight{InsightKind::ClassImbalance, InsightSeverity::Warning, column.name(), share, facts.sizes[rarest],
                     column.displayText(facts.firsts[rarest]), std::nullopt};
}

bool cellsEqual(const Column& column, std::size_t a, std::size_t b) {
  const bool validA = column.isValid(a), validB = column.isValid(b);
  if (!validA || !validB) return validA == validB;
  switch (column.type()) {
    case ColumnType::Float64: {
      const double x = column.float64Values()[a], y = column.float64Values()[b];
      return x == y || (std::isnan(x) && std::isnan(y));
    }
    case ColumnType::Int64:
    case ColumnType::Datetime: return column.int64Values()[a] == column.int64Values()[b];
    case ColumnType::Bool: return column.boolValues()[a] == column.boolValues()[b];
    case ColumnType::Categorical: return column.codes()[a] == column.codes()[b];
    case ColumnType::Text: return column.textAt(a) == column.textAt(b);
  }
  return false;
}

// Folds one column into the row hashes: its level where kept (exact per value), else its bits.
void hashColumn(const Column& column, const ColumnFacts& facts, std::vector<std::uint64_t>& hashes,
                const jobs::JobContext& context) {
  forRows(hashes.size(), context, [&](std::size_t row) {
    std::uint64_t cell = 0x9e3779b97f4a7c15ULL;  // missing
    if (!facts.level.empty()) cell = static_cast<std::uint64_t>(facts.level[row]);
    else if (column.isValid(row)) {
      const double v = column.numericAt(row);
      cell = column.type() == ColumnType::Float64 ? std::bit_cast<std::uint64_t>(v == 0.0 ? 0.0 : v)
                                                  : static_cast<std::uint64_t>(column.int64Values()[row]);
    }
    hashes[row] = mix(hashes[row] * 31 + cell);
  });
}

// Rows equal in every column to an earlier row, as pandas' duplicated() counts them (missing
// equals missing, NaN equals NaN): open addressing over row numbers, rows compared on a hash match.
std::uint64_t duplicateRows(const data::Table& table, const std::vector<std::uint64_t>& hashes,
                            const jobs::JobContext& context) {
  const std::size_t rows = hashes.size();
  std::vector<std::uint32_t> slots(std::bit_ceil(std::max<std::size_t>(rows * 2, 16)), kNoRow);
  const std::size_t mask = slots.size() - 1;
  std::uint64_t duplicates = 0;
  forRows(rows, context, [&](std::size_t row) {
    for (std::size_t i = hashes[row] & mask;; i = (i + 1) & mask) {
      const std::uint32_t other = slots[i];
      if (other == kNoRow) {
        slots[i] = static_cast<std::uint32_t>(row);
        return;
      }
      if (hashes[other] != hashes[row]) continue;
      bool equal = true;
      for (std::size_t c = 0; c < table.columnCount() && equal; ++c) equal = cellsEqual(table.column(c), other, row);
      if (equal) {
        ++duplicates;
        return;
      }
    }
  });
  return duplicates;
}

InsightSeverity missingSeverity(double share) {
  if (share >= DataInsights::kMissingHighShare) return InsightSeverity::High;
  return share >= DataInsights::kMissingWarningShare ? InsightSeverity::Warning : InsightSeverity::Info;
}

}  // namespace

std::vector<DataInsight> DataInsights::of(const data::Table& table, const std::string& targetName,
                                          const jobs::JobContext& context) {
  const std::size_t rows = table.rowCount();
  if (rows == 0 || table.columnCount() == 0) return {};
  if (rows > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))  // levels and rows are 32-bit
    throw Error(ErrorCode::Unsupported, "data insights handle at most 2147483647 rows; this table has " +
                                            std::to_string(rows));
  // (insight, position in table order: -1 table-wide, else the column's index)
  std::vector<std::pair<DataInsight, std::ptrdiff_t>> found;
  const auto add = [&](DataInsight insight, std::ptrdiff_t position) { found.emplace_back(std::move(insight), position); };

  constexpr std::size_t kNoColumn = std::numeric_limits<std::size_t>::max();
  const std::size_t targetIndex = targetName.empty() ? kNoColumn : table.indexOf(targetName).value_or(kNoColumn);
  ColumnFacts targetFacts;
  std::optional<Target> target;
  if (targetIndex != kNoColumn) {
    targetFacts = factsOf(table.column(targetIndex), context);
    target = prepareTarget(table.column(targetIndex), targetIndex, targetFacts, context);
    if (target && target->classes)
      if (auto insight = imbalance(table.column(targetIndex), targetFacts))
        add(std::move(*insight), static_cast<std::ptrdiff_t>(targetIndex));
  }

  std::vector<std::uint64_t> hashes(rows, 0);
  const double columnShare = 0.9 / static_cast<double>(table.columnCount());
  for (std::size_t c = 0; c < table.columnCount(); ++c) {
    context.progress(columnShare * static_cast<double>(c), kProgress);
    const Column& column = table.column(c);
    const bool isTarget = c == targetIndex;
    const ColumnFacts facts = isTarget ? std::move(targetFacts) : factsOf(column, context);
    const auto position = static_cast<std::ptrdiff_t>(c);

    if (const std::uint64_t missing = rows - facts.present; missing > 0) {
      const double share = static_cast<double>(missing) / static_cast<double>(rows);
      const InsightFix fix = isTarget                        ? dropRowsWithout(column.name())
                             : share >= kMissingHighShare    ? dropColumn(column.name())
                                                             : fillMissing(column);
      add({InsightKind::MissingValues, missingSeverity(share), column.name(), share, missing, {}, fix}, position);
    }
    if (!isTarget && facts.present >= kMinRowsForConstant) {
      const double top = static_cast<double>(facts.topCount) / static_cast<double>(facts.present);
      if (facts.distinct == 1)
        add({InsightKind::ConstantColumn, InsightSeverity::Warning, column.name(), 1.0, facts.present,
             column.displayText(facts.topRow), dropColumn(column.name())},
            position);
      else if (top >= kNearConstantShare)
        add({InsightKind::NearConstantColumn, InsightSeverity::Info, column.name(), top, facts.topCount,
             column.displayText(facts.topRow), dropColumn(column.name())},
            position);
    }
    if (!isTarget && highCardinality(column, facts))
      add({InsightKind::HighCardinality, InsightSeverity::Warning, column.name(),
           static_cast<double>(facts.distinct) / static_cast<double>(facts.present), facts.distinct, {},
           dropColumn(column.name())},
          position);
    if (!isTarget && target && !identifierLike(column, facts))
      if (auto insight = leakage(column, facts, *target, targetName, context)) add(std::move(*insight), position);
    hashColumn(column, facts, hashes, context);
  }

  context.progress(0.9, kProgress);
  if (const std::uint64_t duplicates = duplicateRows(table, hashes, context); duplicates > 0) {
    const double share = static_cast<double>(duplicates) / static_cast<double>(rows);
    add({InsightKind::DuplicateRows, share >= kDuplicateWarningShare ? InsightSeverity::Warning : InsightSeverity::Info,
         {}, share, duplicates, {}, InsightFix{wrangle::DropDuplicatesStep::kKind, {{"columns", nlohmann::json::array()}}}},
        -1);
  }

  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    if (a.first.severity != b.first.severity) return a.first.severity > b.first.severity;
    if (a.second != b.second) return a.second < b.second;
    return a.first.kind < b.first.kind;
  });
  std::vector<DataInsight> out;
  out.reserve(found.size());
  for (auto& [insight, position] : found) out.push_back(std::move(insight));
  context.progress(1.0, kProgress);
  return out;
}

}  // namespace lathe::insights
