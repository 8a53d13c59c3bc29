#include "engine/eval/DataSplit.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include "engine/core/Error.h"

namespace lathe::eval {
namespace {

Error invalid(std::string message, std::string value = {}) {
  return Error(ErrorCode::InvalidArgument, std::move(message), {}, std::move(value));
}

// A uniform draw in [0, bound) by rejection, so the result does not depend on the standard
// library's distribution code.
std::uint64_t uniformBelow(std::mt19937_64& rng, std::uint64_t bound) {
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
  std::uint64_t draw;
  do draw = rng();
  while (draw >= limit);
  return draw % bound;
}

template <typename T>
void shuffleInPlace(std::vector<T>& values, std::mt19937_64& rng) {
  for (std::size_t i = values.size(); i > 1; --i) std::swap(values[i - 1], values[uniformBelow(rng, i)]);
}

// Classes numbered by first appearance (as StratifiedKFold numbers them), and their counts.
struct EncodedClasses {
  std::vector<std::size_t> code;  // per row
  std::vector<std::size_t> counts;
  std::vector<double> labels;     // class index value per code
  std::vector<std::vector<std::size_t>> rows() const {
    std::vector<std::vector<std::size_t>> out(counts.size());
    for (std::size_t c = 0; c < counts.size(); ++c) out[c].reserve(counts[c]);
    for (std::size_t r = 0; r < code.size(); ++r) out[code[r]].push_back(r);
    return out;
  }
};

EncodedClasses encodeClasses(std::span<const double> y) {
  for (std::size_t r = 0; r < y.size(); ++r)
    if (!std::isfinite(y[r]) || y[r] < 0 || y[r] != std::floor(y[r]))
      throw invalid("split: row " + std::to_string(r + 1) + " has no valid class (index " + std::to_string(y[r]) + ")",
                    std::to_string(y[r]));
  std::vector<double> distinct(y.begin(), y.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<std::size_t> byValue(distinct.size(), std::numeric_limits<std::size_t>::max());
  EncodedClasses out;
  out.code.resize(y.size());
  for (std::size_t r = 0; r < y.size(); ++r) {
    const auto v = static_cast<std::size_t>(std::lower_bound(distinct.begin(), distinct.end(), y[r]) - distinct.begin());
    if (byValue[v] == std::numeric_limits<std::size_t>::max()) {
      byValue[v] = out.counts.size();
      out.counts.push_back(0);
      out.labels.push_back(y[r]);
    }
    out.code[r] = byValue[v];
    ++out.counts[byValue[v]];
  }
  return out;
}

std::string className(double label) { return std::to_string(static_cast<long long>(label)); }

// Shares `total` rows among classes in proportion to their counts, capped per class, by largest
// remainder (ties: the larger class, then the first seen).
std::vector<std::size_t> allocate(const std::vector<std::size_t>& counts, const std::vector<std::size_t>& caps,
                                  std::size_t rows, std::size_t total) {
  const std::size_t classes = counts.size();
  std::vector<std::size_t> share(classes);
  std::vector<double> remainder(classes);
  std::size_t given = 0;
  for (std::size_t c = 0; c < classes; ++c) {
    const double ideal = static_cast<double>(counts[c]) * static_cast<double>(total) / static_cast<double>(rows);
    share[c] = std::min(caps[c], static_cast<std::size_t>(std::floor(ideal)));
    remainder[c] = ideal - static_cast<double>(share[c]);
    given += share[c];
  }
  std::vector<std::size_t> order(classes);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
    return counts[a] > counts[b];
  });
  // Rounds until every row is placed; the caller guarantees the caps leave room for `total`.
  while (given < total) {
    const std::size_t before = given;
    for (std::size_t c : order)
      if (given < total && share[c] < caps[c]) ++share[c], ++given;
    if (given == before) break;
  }
  return share;
}

std::size_t partSize(std::size_t rows, double fraction, const char* name) {
  if (!std::isfinite(fraction) || fraction < 0.0 || fraction >= 1.0)
    throw invalid(std::string("holdout: the ") + name + " fraction must be in [0, 1), got " + std::to_string(fraction),
                  std::to_string(fraction));
  return static_cast<std::size_t>(std::ceil(static_cast<double>(rows) * fraction));
}

constexpr double kMaxFoldRows = 1e8;

void checkFolds(std::size_t rows, std::size_t folds) {
  if (folds < 2) throw invalid("k-fold: at least 2 folds are needed, got " + std::to_string(folds), std::to_string(folds));
  if (folds > rows)
    throw invalid("k-fold: " + std::to_string(folds) + " folds need at least as many rows, but there are " +
                      std::to_string(rows),
                  std::to_string(folds));
  // Every fold lists every row once: bound the memory that takes (leave-one-out on 10,000 rows fits).
  if (static_cast<double>(folds) * static_cast<double>(rows) > kMaxFoldRows)
    throw invalid("k-fold: " + std::to_string(folds) + " folds of " + std::to_string(rows) +
                      " rows are too many to hold; use fewer folds",
                  std::to_string(folds));
}

KFoldSplit foldsFromAssignment(const std::vector<std::size_t>& testFold, std::size_t folds) {
  KFoldSplit split;
  split.folds.resize(folds);
  std::vector<std::size_t> sizes(folds, 0);
  for (std::size_t f : testFold) ++sizes[f];
  for (std::size_t f = 0; f < folds; ++f) {
    split.folds[f].test.reserve(sizes[f]);
    split.folds[f].train.reserve(testFold.size() - sizes[f]);
  }
  for (std::size_t r = 0; r < testFold.size(); ++r)
    for (std::size_t f = 0; f < folds; ++f) (f == testFold[r] ? split.folds[f].test : split.folds[f].train).push_back(r);
  return split;
}

}  // namespace

std::vector<std::size_t> DataSplit::permutation(std::size_t n, std::uint64_t seed) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::mt19937_64 rng(seed);
  shuffleInPlace(order, rng);
  return order;
}

KFoldSplit DataSplit::kFold(std::size_t rows, const KFoldOptions& options) {
  checkFolds(rows, options.folds);
  // As KFold: the first rows % k folds get one row more; shuffling permutes the rows first.
  std::vector<std::size_t> order(rows);
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (options.shuffle) order = permutation(rows, options.seed);
  std::vector<std::size_t> testFold(rows);
  std::size_t position = 0;
  for (std::size_t f = 0; f < options.folds; ++f) {
    const std::size_t size = rows / options.folds + (f < rows % options.folds ? 1 : 0);
    for (std::size_t i = 0; i < size; ++i) testFold[order[position++]] = f;
  }
  return foldsFromAssignment(testFold, options.folds);
}

KFoldSplit DataSplit::kFold(std::span<const double> y, ml::Task task, const KFoldOptions& options) {
  if (!ml::isClassification(task)) return kFold(y.size(), options);
  checkFolds(y.size(), options.folds);
  const EncodedClasses classes = encodeClasses(y);
  const std::size_t k = options.folds;
  const std::size_t smallest = *std::min_element(classes.counts.begin(), classes.counts.end());
  if (std::all_of(classes.counts.begin(), classes.counts.end(), [&](std::size_t c) { return c < k; }))
    throw invalid("k-fold: " + std::to_string(k) + " folds cannot be greater than the number of rows in every class",
                  std::to_string(k));
  std::vector<std::string> warnings;
  if (smallest < k)
    warnings.push_back("The least populated class has only " + std::to_string(smallest) +
                       " rows, which is less than the " + std::to_string(k) + " folds; some folds lack it");

  // StratifiedKFold's allocation: fold i tests the classes of sorted codes i, i+k, i+2k, ...
  const std::size_t n = y.size();
  std::vector<std::size_t> allocation(k * classes.counts.size(), 0);  // [fold][class]
  std::size_t position = 0;
  for (std::size_t c = 0; c < classes.counts.size(); ++c)
    for (std::size_t i = 0; i < classes.counts[c]; ++i, ++position) ++allocation[(position % k) * classes.counts.size() + c];
  std::mt19937_64 rng(options.seed);
  std::vector<std::size_t> testFold(n);
  const auto rowsOfClass = classes.rows();
  for (std::size_t c = 0; c < classes.counts.size(); ++c) {
    std::vector<std::size_t> foldsForClass;
    foldsForClass.reserve(classes.counts[c]);
    for (std::size_t f = 0; f < k; ++f) foldsForClass.insert(foldsForClass.end(), allocation[f * classes.counts.size() + c], f);
    if (options.shuffle) shuffleInPlace(foldsForClass, rng);
    for (std::size_t i = 0; i < rowsOfClass[c].size(); ++i) testFold[rowsOfClass[c][i]] = foldsForClass[i];
  }
  KFoldSplit split = foldsFromAssignment(testFold, k);
  split.warnings = std::move(warnings);
  return split;
}

HoldoutSplit DataSplit::holdout(std::span<const double> y, ml::Task task, const HoldoutOptions& options) {
  const std::size_t n = y.size();
  const std::size_t nTest = partSize(n, options.testFraction, "test");
  const std::size_t nValidation = partSize(n, options.validationFraction, "validation");
  if (n == 0) throw invalid("holdout: there are no rows to split");
  if (nTest + nValidation >= n)
    throw invalid("holdout: test and validation fractions leave no rows for training (" + std::to_string(n) +
                  " rows, " + std::to_string(nTest + nValidation) + " held out)");
  std::vector<std::size_t> part(n, 0);  // 0 train, 1 validation, 2 test
  HoldoutSplit split;
  if (!ml::isClassification(task) || y.empty()) {
    const auto order = permutation(n, options.seed);
    for (std::size_t i = 0; i < nTest; ++i) part[order[i]] = 2;
    for (std::size_t i = nTest; i < nTest + nValidation; ++i) part[order[i]] = 1;
  } else {
    const EncodedClasses classes = encodeClasses(y);
    const auto testShare = allocate(classes.counts, classes.counts, n, nTest);
    std::vector<std::size_t> room(classes.counts.size());
    for (std::size_t c = 0; c < room.size(); ++c) room[c] = classes.counts[c] - testShare[c];
    const auto validationShare = allocate(classes.counts, room, n, nValidation);
    const std::size_t parts = 2 + (nValidation > 0 ? 1 : 0);
    std::mt19937_64 rng(options.seed);
    auto rowsOfClass = classes.rows();
    for (std::size_t c = 0; c < classes.counts.size(); ++c) {
      if (classes.counts[c] < parts)
        split.warnings.push_back("class " + className(classes.labels[c]) + " has only " + std::to_string(classes.counts[c]) +
                                 " rows, too few to appear in every part of the holdout");
      auto& rows = rowsOfClass[c];
      shuffleInPlace(rows, rng);
      for (std::size_t i = 0; i < testShare[c]; ++i) part[rows[i]] = 2;
      for (std::size_t i = testShare[c]; i < testShare[c] + validationShare[c]; ++i) part[rows[i]] = 1;
    }
  }
  for (std::size_t r = 0; r < n; ++r) (part[r] == 0 ? split.train : part[r] == 1 ? split.validation : split.test).push_back(r);
  return split;
}

}  // namespace lathe::eval
