#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/ml/Task.h"

namespace lathe::eval {

// Rows kept for training, model selection and the final, untouched estimate (indices into the
// data, ascending within each part).
struct HoldoutSplit {
  std::vector<std::size_t> train;
  std::vector<std::size_t> validation;
  std::vector<std::size_t> test;
  std::vector<std::string> warnings;
};

struct HoldoutOptions {
  double validationFraction = 0.0;  // 0: no validation part
  double testFraction = 0.25;       // scikit-learn's train_test_split default
  std::uint64_t seed = 0;
};

// One fold of k-fold cross-validation: fit on `train`, score on `test`.
struct Fold {
  std::vector<std::size_t> train;
  std::vector<std::size_t> test;
};

struct KFoldSplit {
  std::vector<Fold> folds;
  std::vector<std::string> warnings;  // e.g. a class with fewer members than folds
};

struct KFoldOptions {
  std::size_t folds = 5;
  bool shuffle = true;
  std::uint64_t seed = 0;
};

// How rows are divided for evaluation. Classification (`y` holds class indices) is stratified:
// every part keeps the class shares of the whole; regression and clustering rows are shuffled.
// Same data, options and seed -> the same split, on every platform (our own Fisher-Yates over
// std::mt19937_64, not std::shuffle, whose draws differ between standard libraries).
class DataSplit {
 public:
  // Three-way holdout. Part sizes as train_test_split rounds them: test = ceil(n * testFraction),
  // validation = ceil(n * validationFraction), train = the rest. Stratified: each class's rows are
  // shared out by largest remainder so part sizes stay exact and every class share is within one
  // row of proportional. Throws lathe::Error(InvalidArgument) for a fraction outside [0, 1), the
  // fractions leaving no training row, or a part that would be empty although asked for; a class
  // too small to reach every part is a warning.
  static HoldoutSplit holdout(std::span<const double> y, ml::Task task, const HoldoutOptions& options);

  // K folds. Classification: as scikit-learn's StratifiedKFold (1.2): per-fold class counts are
  // identical to its, and without shuffling the folds themselves are identical. Otherwise: as
  // KFold (the first n % k folds one row larger; identical folds without shuffling). For
  // clustering pass rows only (`y` empty). Throws lathe::Error(InvalidArgument) for k < 2, k
  // greater than the rows, (stratified) k greater than every class's count, or folds x rows
  // above 1e8 (every fold lists every row: bounded memory; leave-one-out up to 10,000 rows fits);
  // a class with fewer members than k is a warning, as scikit-learn warns.
  static KFoldSplit kFold(std::span<const double> y, ml::Task task, const KFoldOptions& options);
  static KFoldSplit kFold(std::size_t rows, const KFoldOptions& options);

  // 0..n-1 in an order drawn from `seed` (the shuffle every split and permutation uses).
  static std::vector<std::size_t> permutation(std::size_t n, std::uint64_t seed);
};

}  // namespace lathe::eval
