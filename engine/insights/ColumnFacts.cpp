#include "engine/insights/ColumnFacts.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <span>
#include <string_view>

#include "engine/data/RowKeys.h"
#include "engine/insights/DataInsights.h"
#include "engine/insights/ForRows.h"

namespace lathe::insights {

using data::Column;
using data::ColumnType;

namespace {

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
    facts.firsts.assign(few.size(), ColumnFacts::kNoRow);
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
    facts = levelsByHash(rows, present, [&](std::size_t row) { return data::mixBits(keyOf(row)); },
                         [](std::size_t, std::size_t) { return true; }, context);
    facts.level = {}, facts.sizes = {}, facts.firsts = {};  // leakage bins this column instead
    return facts;
  }
  facts.present = presentRows;
  facts.distinct = ColumnFacts::kManyDistinct;
  forRows(rows, context, [&](std::size_t row) {
    if (!present(row) || keyOf(row) != candidate) return;
    if (facts.topCount++ == 0) facts.topRow = row;
  });
  return facts;
}

}  // namespace

ColumnFacts ColumnFacts::of(const Column& column, const jobs::JobContext& context) {
  const std::size_t rows = column.size();
  const auto valid = [&](std::size_t row) { return column.isValid(row); };
  switch (column.type()) {
    case ColumnType::Float64: {
      const auto values = column.float64Values();
      return numericFacts(
          column, [&](std::size_t row) { return column.isValid(row) && !std::isnan(values[row]); },
          [&](std::size_t row) { return data::doubleKey(values[row]); },
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
          rows, valid, [&](std::size_t row) { return data::mixBits(std::hash<std::string_view>{}(column.textAt(row))); },
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

bool ColumnFacts::identifierLike(const Column& column) const {
  if (distinct == kManyDistinct || distinct <= DataInsights::kHighCardinalityMinDistinct) return false;
  if (isTextLike(column))
    return static_cast<double>(distinct) > DataInsights::kHighCardinalityShare * static_cast<double>(present);
  return column.type() == ColumnType::Int64 && distinct == present;
}

bool ColumnFacts::highCardinality(const Column& column) const {
  return identifierLike(column) || (isTextLike(column) && distinct > DataInsights::kHighCardinalityMaxLevels);
}

}  // namespace lathe::insights
