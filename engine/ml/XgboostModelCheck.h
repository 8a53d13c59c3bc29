#pragma once
#include <cstddef>
#include <string_view>

namespace lathe::ml {

// Checks a saved XGBoost model (UBJSON) before libxgboost reads it, because XGBoost trusts its
// model files: a hostile or corrupted file with a child index out of range, a split on a feature
// the model does not have or a NaN threshold would make it read out of bounds. Verified here:
// it parses as UBJSON (truncation is caught), the objective, feature and class counts are the
// ones the Lathe model file declares, and every tree is a real tree (arrays of one length, each
// node reached once from the root, numeric splits only, finite thresholds and leaf values).
// Throws lathe::Error(Parse) saying what is wrong.
class XgboostModelCheck {
 public:
  static void validate(std::string_view ubjson, std::string_view objective, std::size_t features,
                       std::size_t classes);
};

}  // namespace lathe::ml
