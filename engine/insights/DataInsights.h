#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "engine/data/Table.h"
#include "engine/insights/DataInsight.h"
#include "engine/jobs/JobContext.h"

namespace lathe::insights {

// The "data quality and insights" report: warnings about a table, each with a recipe step that
// fixes it where one exists (as SageMaker Data Wrangler's report does). Thresholds follow
// Data Wrangler where it documents them; elsewhere they are the choices written beside them.
//
// Missing values: a float64 NaN counts as missing, as in pandas' isna() and the column profile.
// Bounded work: one pass per column into per-row group ids (open addressing, no per-row heap
// object), one hash per row for duplicates; a few seconds for 3 million rows.
class DataInsights {
 public:
  // Missing values: any is Info; from 20% a Warning; from 50% High, and the fix drops the
  // column (a column mostly made up is worse than none). Below 50% the fix fills: the median
  // for float64/int64 columns, the most frequent value for the others. On the target the fix
  // drops the rows without a target instead: made-up labels would teach the model nothing true.
  static constexpr double kMissingWarningShare = 0.20;
  static constexpr double kMissingHighShare = 0.50;

  // Near-constant: one value holds at least this share of the rows with a value.
  static constexpr double kNearConstantShare = 0.95;

  // High cardinality (categorical and text columns, not the target): more distinct values than
  // this share of the rows with a value and more than kHighCardinalityMinDistinct of them, or
  // more than kHighCardinalityMaxLevels levels whatever the rows (one-hot encoding that many
  // makes a table wider than any model wants). An int64 column whose every value differs (a
  // row number, an ID) counts too: no measured quantity is unique in every row of a real table.
  static constexpr double kHighCardinalityShare = 0.50;
  static constexpr std::size_t kHighCardinalityMinDistinct = 20;
  static constexpr std::size_t kHighCardinalityMaxLevels = 1000;

  // Duplicate rows: a Warning from this share of the rows, Info below.
  static constexpr double kDuplicateWarningShare = 0.05;

  // A target is a class label when it is categorical, bool or text, or numeric with at most this
  // many distinct values, all whole (0/1, 1..5 ratings, digits 0..9); other numeric targets are
  // regression targets.
  static constexpr std::size_t kMaxNumericClasses = 20;

  // Class imbalance: the rarest class has fewer rows than this share of the largest class, or
  // than kImbalanceRowShare of the rows. With many classes a balanced class is itself small, so
  // the row share is capped at half a balanced class's share (30 equal classes are not rare).
  static constexpr double kImbalanceMajorityShare = 0.10;
  static constexpr double kImbalanceRowShare = 0.05;

  // Target leakage: each feature alone predicts the target, by its levels (categorical, bool,
  // text, numeric with at most kLeakageBins values) or by kLeakageBins quantile bins (numeric,
  // datetime), missing values being a level of their own. The score is the accuracy of the
  // majority class per level for a class target, the R^2 of the per-level means for a numeric
  // one, both leave-one-out: each row is predicted from the other rows of its level (a row alone
  // in its level gets the overall majority or mean), so a level holding one row cannot score by
  // remembering it. Data Wrangler also scores features on rows they were not fitted on.
  // Reported, as High, when the score reaches kLeakageScore and the feature removes at least
  // kLeakageGain of the errors the majority class makes (for R^2 the baseline is 0).
  // Identifier-like features (high cardinality above) are skipped: they are reported as such.
  static constexpr std::size_t kLeakageBins = 20;
  static constexpr double kLeakageScore = 0.98;
  static constexpr double kLeakageGain = 0.80;
  // Level x class counts kept at most for one feature; above, the feature is not scored.
  static constexpr std::size_t kMaxLeakageCells = std::size_t{1} << 23;

  // Constant and near-constant columns need this many rows with a value (one row is not a
  // pattern).
  static constexpr std::size_t kMinRowsForConstant = 2;

  // Every insight on `table`, by severity (High first), then table order (table-wide insights
  // first, then by column, then by kind). `target` names the column a model will predict; empty,
  // or a name the table lacks, means none (no imbalance or leakage insights). Honours the
  // context's stop token (throws jobs::JobCancelled) and reports progress.
  static std::vector<DataInsight> of(const data::Table& table, const std::string& target,
                                     const jobs::JobContext& context);
};

}  // namespace lathe::insights
