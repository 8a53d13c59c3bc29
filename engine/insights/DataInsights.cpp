#include "engine/insights/DataInsights.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>

#include "engine/core/Error.h"
#include "engine/insights/ColumnFacts.h"
#include "engine/insights/DuplicateRows.h"
#include "engine/insights/TargetLeakage.h"
#include "engine/wrangle/DropColumnsStep.h"
#include "engine/wrangle/DropDuplicatesStep.h"
#include "engine/wrangle/FillMissingStep.h"
#include "engine/wrangle/FilterRowsStep.h"

namespace lathe::insights {
namespace {

using data::Column;
using data::ColumnType;

constexpr const char* kProgress = "Checking data quality";

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
  std::optional<TargetLeakage> target;
  if (targetIndex != kNoColumn) {
    targetFacts = ColumnFacts::of(table.column(targetIndex), context);
    target = TargetLeakage::of(table.column(targetIndex), targetFacts, context);
    if (target && target->classes())
      if (auto insight = imbalance(table.column(targetIndex), targetFacts))
        add(std::move(*insight), static_cast<std::ptrdiff_t>(targetIndex));
  }

  DuplicateRows duplicateRows(rows);
  const double columnShare = 0.9 / static_cast<double>(table.columnCount());
  for (std::size_t c = 0; c < table.columnCount(); ++c) {
    context.progress(columnShare * static_cast<double>(c), kProgress);
    const Column& column = table.column(c);
    const bool isTarget = c == targetIndex;
    const ColumnFacts facts = isTarget ? std::move(targetFacts) : ColumnFacts::of(column, context);
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
    if (!isTarget && facts.highCardinality(column))
      add({InsightKind::HighCardinality, InsightSeverity::Warning, column.name(),
           static_cast<double>(facts.distinct) / static_cast<double>(facts.present), facts.distinct, {},
           dropColumn(column.name())},
          position);
    if (!isTarget && target && !facts.identifierLike(column))
      if (const auto score = target->leakingScore(column, facts, context))
        add({InsightKind::TargetLeakage, InsightSeverity::High, column.name(), *score, target->rows(), targetName,
             dropColumn(column.name())},
            position);
    duplicateRows.add(column, facts, context);
  }

  context.progress(0.9, kProgress);
  if (const std::uint64_t duplicates = duplicateRows.count(table, context); duplicates > 0) {
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
