#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xgboost/c_api.h>

namespace lathe::ml {

// An XGBoost booster handle (RAII, move-only) with the few calls XgboostModel makes, each
// return code checked (a failure is lathe::Error with XGBGetLastError()). Every result XGBoost
// hands back in its own buffers is copied out at once, as the C API requires.
class XgboostBooster {
 public:
  XgboostBooster() = default;  // no booster yet
  // A new booster caching predictions for `cache` (empty: a booster to load a model into).
  explicit XgboostBooster(std::span<const DMatrixHandle> cache);
  ~XgboostBooster();
  XgboostBooster(XgboostBooster&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  XgboostBooster& operator=(XgboostBooster&& other) noexcept;
  XgboostBooster(const XgboostBooster&) = delete;
  XgboostBooster& operator=(const XgboostBooster&) = delete;

  bool valid() const noexcept { return handle_ != nullptr; }
  void setParam(const std::string& name, const std::string& value);
  void updateOneIter(int iteration, DMatrixHandle train);
  // The score of the booster's first evaluation metric on `data` (e.g. "[3]\tvalid-logloss:0.1").
  double evaluate(int iteration, DMatrixHandle data);
  // Normal prediction on all trees: rows (binary, regression) or rows x classes (softprob).
  std::vector<float> predict(DMatrixHandle data) const;
  // The same from row-major floats (NaN: missing) without a DMatrix: XGBoost's in-place
  // prediction, for small batches, where building a DMatrix costs more than the trees.
  std::vector<float> predictDense(std::span<const float> values, std::size_t rows, std::size_t cols) const;
  // The first `rounds` boosting rounds as a new booster (early stopping keeps the best ones).
  XgboostBooster slice(int rounds) const;

  std::string save(std::string_view format) const;  // "ubj" or "json"
  void load(std::string_view bytes);                 // throws lathe::Error(Parse)
  std::size_t featureCount() const;
  int boostedRounds() const;
  // Importance per feature name ("f0", "f1", ...); features never split on are absent.
  std::vector<std::pair<std::string, double>> featureScores(std::string_view importanceType) const;

 private:
  BoosterHandle handle_ = nullptr;
};

}  // namespace lathe::ml
