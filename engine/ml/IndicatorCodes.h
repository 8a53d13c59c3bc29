#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/ml/FeatureMatrix.h"
#include "engine/ml/TrainingData.h"

namespace lathe::ml {

class ModelWriter;
class ModelReader;

// Folds a one-hot encoding's indicator columns back into level codes, exactly as FeatureEncoder's
// Codes encoding gives them (the level's index; NaN for a missing or unseen level; numbers as
// they are). A VotingEnsemble is fitted on one-hot columns, one encoder for all its members, but
// trees learn better from codes (on credit-g a forest or XGBoost loses 0.003-0.007 ROC AUC on
// one-hot columns): its tree members see the codes this gives. The layout is learned from the
// training data's origins and saved with the model, since predict() sees the matrix alone.
class IndicatorCodes {
 public:
  // The layout of `x` as `origins` describe it; the identity when no feature is one-hot.
  static IndicatorCodes fromOrigins(const FeatureMatrix& x, const std::vector<FeatureOrigin>& origins);

  bool identity() const noexcept { return widths_.empty(); }
  // `oneHot` (with the columns it was learned from) as codes; InvalidArgument for other columns.
  FeatureMatrix codes(const FeatureMatrix& oneHot) const;
  // The same for training rows, with origins as the Codes encoding gives them.
  TrainingData codes(const TrainingData& oneHot) const;
  // Importances of the code columns spread back evenly over their one-hot columns.
  std::vector<double> spread(const std::vector<double>& codeImportances) const;

  void save(ModelWriter& out) const;
  void load(ModelReader& in);  // lathe::Error(Parse) for a layout that does not add up

 private:
  std::size_t inputs_ = 0;              // one-hot columns
  std::vector<std::uint32_t> widths_;   // per code column: its indicators (0: a number, copied)
  std::vector<std::string> names_;      // per code column
};

}  // namespace lathe::ml
