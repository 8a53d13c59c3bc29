#include "engine/ml/XgboostBooster.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "engine/core/Error.h"
#include "engine/ml/XgboostCall.h"

namespace lathe::ml {
namespace {

// The proxy DMatrix an in-place prediction passes its data through. The call sets the proxy's
// data, so each thread has its own; it is made once, because making one reads the cgroup's CPU
// quota from /sys (XGBoost's GenericParameter), which costs more than a small batch's trees.
class ThreadProxy {
 public:
  ThreadProxy() = default;
  ~ThreadProxy() {
    if (handle_) XGDMatrixFree(handle_);
  }
  ThreadProxy(const ThreadProxy&) = delete;
  ThreadProxy& operator=(const ThreadProxy&) = delete;
  DMatrixHandle get() {
    if (!handle_) xgboostCall(XGProxyDMatrixCreate(&handle_), "XGProxyDMatrixCreate");
    return handle_;
  }

 private:
  DMatrixHandle handle_ = nullptr;
};

// A prediction copied out of XGBoost's buffer (valid only until its next call on this thread).
std::vector<float> copied(const bst_ulong* shape, bst_ulong dims, const float* result) {
  std::size_t size = dims == 0 ? 0 : 1;
  for (bst_ulong d = 0; d < dims; ++d) size *= shape[d];
  return std::vector<float>(result, result + size);
}

}  // namespace

XgboostBooster::XgboostBooster(std::span<const DMatrixHandle> cache) {
  xgboostCall(XGBoosterCreate(cache.data(), cache.size(), &handle_), "XGBoosterCreate");
}

XgboostBooster::~XgboostBooster() {
  if (handle_) XGBoosterFree(handle_);
}

XgboostBooster& XgboostBooster::operator=(XgboostBooster&& other) noexcept {
  if (this != &other) {
    if (handle_) XGBoosterFree(handle_);
    handle_ = std::exchange(other.handle_, nullptr);
  }
  return *this;
}

void XgboostBooster::setParam(const std::string& name, const std::string& value) {
  xgboostCall(XGBoosterSetParam(handle_, name.c_str(), value.c_str()), "XGBoosterSetParam(" + name + ")",
              ErrorCode::InvalidArgument);
}

void XgboostBooster::updateOneIter(int iteration, DMatrixHandle train) {
  xgboostCall(XGBoosterUpdateOneIter(handle_, iteration, train), "XGBoosterUpdateOneIter");
}

double XgboostBooster::evaluate(int iteration, DMatrixHandle data) {
  DMatrixHandle matrices[] = {data};
  const char* names[] = {"valid"};
  const char* result = nullptr;
  xgboostCall(XGBoosterEvalOneIter(handle_, iteration, matrices, names, 1, &result), "XGBoosterEvalOneIter");
  // "[3]\tvalid-logloss:0.123": the number after the first metric's colon.
  const std::string_view text = result ? result : "";
  const auto colon = text.find(':');
  double score = 0.0;
  if (colon == std::string_view::npos)
    throw Error(ErrorCode::Internal, "xgboost: unexpected evaluation result '" + std::string(text) + "'");
  const std::string number(text.substr(colon + 1, text.find_first_of("\t \n", colon + 1) - colon - 1));
  char* end = nullptr;
  score = std::strtod(number.c_str(), &end);
  if (end == number.c_str())
    throw Error(ErrorCode::Internal, "xgboost: unexpected evaluation result '" + std::string(text) + "'");
  return score;
}

std::vector<float> XgboostBooster::predict(DMatrixHandle data) const {
  static constexpr const char* kConfig =
      R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false})";
  const bst_ulong* shape = nullptr;
  bst_ulong dims = 0;
  const float* result = nullptr;
  xgboostCall(XGBoosterPredictFromDMatrix(handle_, data, kConfig, &shape, &dims, &result),
              "XGBoosterPredictFromDMatrix");
  return copied(shape, dims, result);
}

std::vector<float> XgboostBooster::predictDense(std::span<const float> values, std::size_t rows, std::size_t cols) const {
  // XGBoost's JSON reads NaN, as Python's json module writes it.
  static constexpr const char* kConfig =
      R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false, )"
      R"("cache_id": 0, "missing": NaN})";
  if (values.size() != rows * cols) throw Error(ErrorCode::Internal, "xgboost: the values are not rows x columns");
  char array[200];
  std::snprintf(array, sizeof array,
                R"({"data": [%llu, true], "shape": [%zu, %zu], "strides": null, "typestr": "<f4", "version": 3})",
                static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(values.data())), rows, cols);
  thread_local ThreadProxy proxy;
  const bst_ulong* shape = nullptr;
  bst_ulong dims = 0;
  const float* result = nullptr;
  xgboostCall(XGBoosterPredictFromDense(handle_, array, kConfig, proxy.get(), &shape, &dims, &result),
              "XGBoosterPredictFromDense");
  return copied(shape, dims, result);
}

XgboostBooster XgboostBooster::slice(int rounds) const {
  XgboostBooster out;
  xgboostCall(XGBoosterSlice(handle_, 0, rounds, 1, &out.handle_), "XGBoosterSlice");
  return out;
}

std::string XgboostBooster::save(std::string_view format) const {
  const std::string config = nlohmann::json{{"format", format}}.dump();
  bst_ulong length = 0;
  const char* bytes = nullptr;
  xgboostCall(XGBoosterSaveModelToBuffer(handle_, config.c_str(), &length, &bytes), "XGBoosterSaveModelToBuffer");
  return std::string(bytes, length);
}

void XgboostBooster::load(std::string_view bytes) {
  xgboostCall(XGBoosterLoadModelFromBuffer(handle_, bytes.data(), bytes.size()), "XGBoosterLoadModelFromBuffer",
              ErrorCode::Parse);
}

std::size_t XgboostBooster::featureCount() const {
  bst_ulong count = 0;
  xgboostCall(XGBoosterGetNumFeature(handle_, &count), "XGBoosterGetNumFeature");
  return count;
}

int XgboostBooster::boostedRounds() const {
  int rounds = 0;
  xgboostCall(XGBoosterBoostedRounds(handle_, &rounds), "XGBoosterBoostedRounds");
  return rounds;
}

std::vector<std::pair<std::string, double>> XgboostBooster::featureScores(std::string_view importanceType) const {
  const std::string config = nlohmann::json{{"importance_type", importanceType}, {"feature_map", ""}}.dump();
  bst_ulong features = 0;
  const char** names = nullptr;
  bst_ulong dims = 0;
  const bst_ulong* shape = nullptr;
  const float* scores = nullptr;
  xgboostCall(XGBoosterFeatureScore(handle_, config.c_str(), &features, &names, &dims, &shape, &scores),
              "XGBoosterFeatureScore");
  std::vector<std::pair<std::string, double>> out;
  out.reserve(features);
  for (bst_ulong i = 0; i < features; ++i) out.emplace_back(names[i], scores[i]);
  return out;
}

}  // namespace lathe::ml
