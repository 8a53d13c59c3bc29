#include "engine/ml/XgboostModel.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numeric>
#include <random>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/ModelFile.h"
#include "engine/ml/XgboostMatrix.h"
#include "engine/ml/XgboostModelCheck.h"

namespace lathe::ml {
namespace {

using nlohmann::json;

[[noreturn]] void badParameter(const std::string& name, const std::string& rule, const json& value) {
  throw Error(ErrorCode::InvalidArgument, "xgboost: parameter '" + name + "' " + rule + ", got " + value.dump(), {},
              value.dump());
}

// A number given as a JSON number or as text ("0.1", from the command line).
double numberOf(const json& parameters, const std::string& name, double fallback) {
  const auto it = parameters.find(name);
  if (it == parameters.end() || it->is_null()) return fallback;
  if (it->is_number()) return it->get<double>();
  if (it->is_string()) {
    const std::string& text = it->get_ref<const std::string&>();
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (!text.empty() && end == text.c_str() + text.size()) return value;
  }
  badParameter(name, "must be a number", *it);
}

double realParameter(const json& parameters, const std::string& name, double fallback, double low, double high,
                     bool lowIncluded) {
  const double value = numberOf(parameters, name, fallback);
  if (!std::isfinite(value) || value > high || value < low || (!lowIncluded && value == low))
    badParameter(name,
                 "must be a number in " + std::string(lowIncluded ? "[" : "(") + json(low).dump() + ", " +
                     json(high).dump() + "]",
                 parameters.at(name));
  return value;
}

std::int64_t integerParameter(const json& parameters, const std::string& name, std::int64_t fallback, std::int64_t low,
                              std::int64_t high) {
  const double value = numberOf(parameters, name, static_cast<double>(fallback));
  if (!std::isfinite(value) || value != std::floor(value) || value < static_cast<double>(low) ||
      value > static_cast<double>(high))
    badParameter(name, "must be a whole number from " + std::to_string(low) + " to " + std::to_string(high),
                 parameters.at(name));
  return static_cast<std::int64_t>(value);
}

std::string objectiveOf(Task task) {
  switch (task) {
    case Task::Binary: return "binary:logistic";
    case Task::Multiclass: return "multi:softprob";
    default: return "reg:squarederror";
  }
}

std::string evalMetricOf(Task task) {
  switch (task) {
    case Task::Binary: return "logloss";
    case Task::Multiclass: return "mlogloss";
    default: return "rmse";
  }
}

// What XGBoost calls num_class: the class count for softprob, 0 otherwise.
std::size_t numClassOf(Task task, std::size_t classes) { return task == Task::Multiclass ? classes : 0; }

std::string shortest(double value) { return json(value).dump(); }

void checkTrainingData(const TrainingData& data, const char* what) {
  const std::string which(what);
  if (data.x.rows() == 0) throw Error(ErrorCode::InvalidArgument, "xgboost: the " + which + " data has no rows");
  if (data.x.cols() == 0) throw Error(ErrorCode::InvalidArgument, "xgboost: the " + which + " data has no features");
  if (data.y.size() != data.x.rows())
    throw Error(ErrorCode::InvalidArgument, "xgboost: the " + which + " data has " + std::to_string(data.y.size()) +
                                                " targets for " + std::to_string(data.x.rows()) + " rows");
  const bool classify = isClassification(data.task);
  for (std::size_t r = 0; r < data.y.size(); ++r) {
    const double v = data.y[r];
    const bool ok = classify ? (v >= 0 && v < static_cast<double>(data.classCount()) && v == std::floor(v))
                             : (std::isfinite(v) && std::fabs(v) <= 3.0e38);
    if (!ok)
      throw Error(ErrorCode::InvalidArgument,
                  "xgboost: target '" + data.target + "' in row " + std::to_string(r + 1) + " of the " + which +
                      " data is " + (classify ? "not a class index" : "missing, infinite or too large"),
                  {}, std::to_string(v));
  }
}

}  // namespace

std::unique_ptr<Estimator> XgboostModel::create(const json& p) {
  static const char* const known[] = {"n_estimators",          "max_depth",           "learning_rate", "subsample",
                                      "colsample_bytree",      "min_child_weight",    "reg_lambda",    "random_state",
                                      "early_stopping_rounds", "validation_fraction", "threads"};
  if (!p.is_null() && !p.is_object())
    throw Error(ErrorCode::InvalidArgument, "xgboost: parameters must be a JSON object, got " + p.dump());
  const json parameters = p.is_null() ? json::object() : p;
  for (const auto& item : parameters.items())
    if (std::find(std::begin(known), std::end(known), item.key()) == std::end(known))
      throw Error(ErrorCode::InvalidArgument, "xgboost: unknown parameter '" + item.key() + "'", {}, item.key());
  Parameters out;
  out.nEstimators = static_cast<int>(integerParameter(parameters, "n_estimators", 100, 1, 100000));
  out.maxDepth = static_cast<int>(integerParameter(parameters, "max_depth", 6, 0, 64));
  out.learningRate = realParameter(parameters, "learning_rate", 0.3, 0.0, 1.0, false);
  out.subsample = realParameter(parameters, "subsample", 1.0, 0.0, 1.0, false);
  out.colsampleBytree = realParameter(parameters, "colsample_bytree", 1.0, 0.0, 1.0, false);
  out.minChildWeight = realParameter(parameters, "min_child_weight", 1.0, 0.0, 1e300, true);
  out.regLambda = realParameter(parameters, "reg_lambda", 1.0, 0.0, 1e300, true);
  out.randomState = integerParameter(parameters, "random_state", 0, 0, 2147483647);
  out.earlyStoppingRounds = static_cast<int>(integerParameter(parameters, "early_stopping_rounds", 0, 0, 100000));
  out.validationFraction = realParameter(parameters, "validation_fraction", 0.1, 0.0, 0.9, false);
  out.threads = static_cast<int>(integerParameter(parameters, "threads", 0, 0, 1024));
  return std::make_unique<XgboostModel>(out);
}

json XgboostModel::parameters() const {
  const auto& p = parameters_;
  return {{"n_estimators", p.nEstimators},
          {"max_depth", p.maxDepth},
          {"learning_rate", p.learningRate},
          {"subsample", p.subsample},
          {"colsample_bytree", p.colsampleBytree},
          {"min_child_weight", p.minChildWeight},
          {"reg_lambda", p.regLambda},
          {"random_state", p.randomState},
          {"early_stopping_rounds", p.earlyStoppingRounds > 0 ? json(p.earlyStoppingRounds) : json(nullptr)},
          {"validation_fraction", p.validationFraction},
          {"threads", p.threads}};
}

void XgboostModel::setValidation(const TrainingData& validation) { validation_ = validation; }

void XgboostModel::fit(const TrainingData& data, const jobs::JobContext& context) {
  if (!supports(data.task))
    throw Error(ErrorCode::InvalidArgument, "xgboost: cannot learn a " + std::string(taskName(data.task)) + " task");
  checkTrainingData(data, "training");
  if (isClassification(data.task)) {
    if (data.classCount() < 2 || (data.task == Task::Binary && data.classCount() != 2))
      throw Error(ErrorCode::InvalidArgument, "xgboost: a " + std::string(taskName(data.task)) + " task with " +
                                                  std::to_string(data.classCount()) + " classes");
    if (std::all_of(data.y.begin(), data.y.end(), [&](double v) { return v == data.y.front(); }))
      throw Error(ErrorCode::InvalidArgument,
                  "xgboost: target '" + data.target + "' has one class only ('" +
                      data.classes[static_cast<std::size_t>(data.y.front())] + "'); a classifier needs two or more");
  }
  if (validation_) {
    if (validation_->x.cols() != data.x.cols() || validation_->task != data.task ||
        validation_->classCount() != data.classCount())
      throw Error(ErrorCode::InvalidArgument,
                  "xgboost: the validation data does not have the training data's features and classes");
    checkTrainingData(*validation_, "validation");
  }

  // Early stopping without a validation set holds out a seeded random share of the rows.
  const TrainingData* train = &data;
  const TrainingData* valid = validation_ ? &*validation_ : nullptr;
  TrainingData heldIn, heldOut;
  const bool earlyStopping = parameters_.earlyStoppingRounds > 0;
  if (earlyStopping && !valid) {
    const std::size_t rows = data.x.rows();
    const auto outCount = static_cast<std::size_t>(std::floor(parameters_.validationFraction * static_cast<double>(rows)));
    if (outCount == 0 || outCount == rows)
      throw Error(ErrorCode::InvalidArgument, "xgboost: early stopping needs a validation set; " + std::to_string(rows) +
                                                  " rows are too few to hold out validation_fraction " +
                                                  shortest(parameters_.validationFraction));
    std::vector<std::size_t> order(rows);
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 random(static_cast<std::uint64_t>(parameters_.randomState));
    std::shuffle(order.begin(), order.end(), random);
    std::vector<std::size_t> outRows(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(outCount));
    std::vector<std::size_t> inRows(order.begin() + static_cast<std::ptrdiff_t>(outCount), order.end());
    std::sort(outRows.begin(), outRows.end());
    std::sort(inRows.begin(), inRows.end());
    heldIn = data.selectRows(inRows);
    heldOut = data.selectRows(outRows);
    train = &heldIn;
    valid = &heldOut;
  }

  context.progress(0.0, "xgboost: preparing data");
  const XgboostMatrix trainMatrix(train->x, train->y, parameters_.threads, "training");
  std::optional<XgboostMatrix> validMatrix;
  if (valid && earlyStopping) validMatrix.emplace(valid->x, valid->y, parameters_.threads, "validation");
  std::vector<DMatrixHandle> cache{trainMatrix.handle()};
  if (validMatrix) cache.push_back(validMatrix->handle());

  XgboostBooster booster(cache);
  const auto& p = parameters_;
  booster.setParam("verbosity", "0");
  booster.setParam("objective", objectiveOf(data.task));
  if (data.task == Task::Multiclass) booster.setParam("num_class", std::to_string(data.classCount()));
  booster.setParam("eval_metric", evalMetricOf(data.task));
  booster.setParam("tree_method", "hist");
  booster.setParam("max_depth", std::to_string(p.maxDepth));
  booster.setParam("eta", shortest(p.learningRate));
  booster.setParam("subsample", shortest(p.subsample));
  booster.setParam("colsample_bytree", shortest(p.colsampleBytree));
  booster.setParam("min_child_weight", shortest(p.minChildWeight));
  booster.setParam("lambda", shortest(p.regLambda));
  booster.setParam("seed", std::to_string(p.randomState));
  booster.setParam("nthread", std::to_string(p.threads));

  double bestScore = INFINITY;
  int best = -1;
  int trained = 0;
  for (int round = 0; round < p.nEstimators; ++round) {
    context.throwIfStopped();
    booster.updateOneIter(round, trainMatrix.handle());
    trained = round + 1;
    context.progress(static_cast<double>(trained) / p.nEstimators,
                     "xgboost: round " + std::to_string(trained) + " of " + std::to_string(p.nEstimators));
    if (!validMatrix) continue;
    const double score = booster.evaluate(round, validMatrix->handle());
    context.point("validation " + evalMetricOf(data.task), trained, score);
    if (score < bestScore) {  // XGBoost's EarlyStopping: a strict improvement
      bestScore = score;
      best = round;
    } else if (round - best >= p.earlyStoppingRounds) {
      break;
    }
  }
  context.throwIfStopped();

  task_ = data.task;
  classes_ = data.classes;
  features_ = data.x.names();
  roundsTrained_ = trained;
  rounds_ = validMatrix && best >= 0 ? best + 1 : trained;
  booster_ = rounds_ < trained ? booster.slice(rounds_) : std::move(booster);
  computeImportances();
  prepareSmallBatchBooster();
  context.progress(1.0, "xgboost: " + std::to_string(rounds_) + " rounds");
}

void XgboostModel::computeImportances() {
  importances_.assign(features_.size(), 0.0);
  for (const auto& [name, score] : booster_.featureScores("gain")) {
    // Features are unnamed in the DMatrix, so XGBoost calls them f0, f1, ...
    if (name.size() < 2 || name[0] != 'f') continue;
    char* end = nullptr;
    const unsigned long index = std::strtoul(name.c_str() + 1, &end, 10);
    if (*end == '\0' && index < importances_.size() && std::isfinite(score)) importances_[index] = score;
  }
  const double total = std::accumulate(importances_.begin(), importances_.end(), 0.0);
  if (total > 0)
    for (double& v : importances_) v /= total;
}

namespace {
constexpr std::size_t kSmallBatchRows = 256;
}

std::vector<float> XgboostModel::rawPredict(const FeatureMatrix& x) const {
  if (!booster_.valid()) throw Error(ErrorCode::InvalidArgument, "xgboost: the model is not fitted");
  if (x.cols() != features_.size())
    throw Error(ErrorCode::InvalidArgument, "xgboost: the model was fitted on " + std::to_string(features_.size()) +
                                                " features, got " + std::to_string(x.cols()));
  if (x.rows() == 0) return {};
  std::vector<float> out;
  if (x.rows() <= kSmallBatchRows && smallBatchBooster_.valid()) {
    out = smallBatchBooster_.predictDense(XgboostMatrix::rowMajorValues(x, "prediction"), x.rows(), x.cols());
  } else {
    const XgboostMatrix matrix(x, {}, parameters_.threads, "prediction");
    std::lock_guard lock(predictMutex_);
    out = booster_.predict(matrix.handle());
  }
  const std::size_t width = task_ == Task::Multiclass ? classes_.size() : 1;
  if (out.size() != x.rows() * width)
    throw Error(ErrorCode::Internal, "xgboost: " + std::to_string(out.size()) + " predictions for " +
                                         std::to_string(x.rows()) + " rows");
  return out;
}

namespace {

// The classes (as XGBClassifier decides them) and the probabilities from one raw prediction.
std::vector<double> classesFrom(const std::vector<float>& raw, std::size_t rows, Task task, std::size_t k) {
  if (task == Task::Regression) return {raw.begin(), raw.end()};
  std::vector<double> out(rows);
  if (task == Task::Binary) {
    for (std::size_t r = 0; r < rows; ++r) out[r] = raw[r] > 0.5f ? 1.0 : 0.0;
    return out;
  }
  for (std::size_t r = 0; r < rows; ++r) {
    const auto row = raw.begin() + static_cast<std::ptrdiff_t>(r * k);
    out[r] = static_cast<double>(std::max_element(row, row + static_cast<std::ptrdiff_t>(k)) - row);
  }
  return out;
}

ClassProbabilities probabilitiesFrom(const std::vector<float>& raw, std::size_t rows, Task task, std::size_t k) {
  ClassProbabilities out{rows, k, std::vector<double>(rows * k)};
  if (task == Task::Binary) {
    for (std::size_t r = 0; r < rows; ++r) {
      out.values[2 * r] = 1.0 - static_cast<double>(raw[r]);
      out.values[2 * r + 1] = raw[r];
    }
  } else {
    std::copy(raw.begin(), raw.end(), out.values.begin());
  }
  return out;
}

}  // namespace

std::vector<double> XgboostModel::predict(const FeatureMatrix& x) const {
  return classesFrom(rawPredict(x), x.rows(), task_, classes_.size());
}

ClassProbabilities XgboostModel::predictProba(const FeatureMatrix& x) const {
  if (booster_.valid() && task_ == Task::Regression)
    throw Error(ErrorCode::Unsupported, "xgboost: a regression model has no class probabilities");
  return probabilitiesFrom(rawPredict(x), x.rows(), task_, classes_.size());
}

Estimator::Prediction XgboostModel::predictWithProbabilities(const FeatureMatrix& x) const {
  const std::vector<float> raw = rawPredict(x);
  Prediction out;
  out.values = classesFrom(raw, x.rows(), task_, classes_.size());
  if (task_ != Task::Regression) out.probabilities = probabilitiesFrom(raw, x.rows(), task_, classes_.size());
  return out;
}

std::string XgboostModel::boosterJson() const {
  if (!booster_.valid()) throw Error(ErrorCode::InvalidArgument, "xgboost: the model is not fitted");
  return booster_.save("json");
}

void XgboostModel::save(ModelWriter& out) const {
  if (!booster_.valid()) throw Error(ErrorCode::InvalidArgument, "xgboost: cannot save a model that is not fitted");
  out.text(taskName(task_));
  out.texts(classes_);
  out.texts(features_);
  out.u32(static_cast<std::uint32_t>(rounds_));
  out.u32(static_cast<std::uint32_t>(roundsTrained_));
  out.f64s(importances_);
  out.bytes(booster_.save("ubj"));
}

void XgboostModel::load(ModelReader& in) {
  const std::size_t start = in.offset();
  auto corrupt = [&](const std::string& what) {
    throw Error(ErrorCode::Parse, "xgboost model: " + what, ErrorLocation{{}, -1, -1, static_cast<std::int64_t>(start)});
  };
  const std::string task = in.text();
  Task parsed = Task::Regression;
  if (task == "binary") parsed = Task::Binary;
  else if (task == "multiclass") parsed = Task::Multiclass;
  else if (task == "regression") parsed = Task::Regression;
  else corrupt("unknown task '" + task.substr(0, 40) + "'");
  std::vector<std::string> classes = in.texts();
  std::vector<std::string> features = in.texts();
  const std::uint32_t rounds = in.u32();
  const std::uint32_t roundsTrained = in.u32();
  std::vector<double> importances = in.f64s();
  const std::string ubjson = in.bytes();
  if ((parsed == Task::Binary && classes.size() != 2) || (parsed == Task::Multiclass && classes.size() < 2) ||
      (parsed == Task::Regression && !classes.empty()))
    corrupt(std::to_string(classes.size()) + " classes for a " + task + " model");
  if (features.empty()) corrupt("no features");
  if (importances.size() != features.size()) corrupt("importances do not match the features");
  for (double v : importances)
    if (!std::isfinite(v) || v < 0 || v > 1) corrupt("an importance out of range");
  if (rounds == 0 || rounds > static_cast<std::uint32_t>(parameters_.nEstimators) || roundsTrained < rounds ||
      roundsTrained > static_cast<std::uint32_t>(parameters_.nEstimators))
    corrupt("round counts out of range for n_estimators " + std::to_string(parameters_.nEstimators));
  XgboostModelCheck::validate(ubjson, objectiveOf(parsed), features.size(), numClassOf(parsed, classes.size()));

  XgboostBooster booster(std::span<const DMatrixHandle>{});
  booster.load(ubjson);
  if (booster.featureCount() != features.size() || booster.boostedRounds() != static_cast<int>(rounds))
    corrupt("the booster does not match the model file's features and rounds");
  task_ = parsed;
  classes_ = std::move(classes);
  features_ = std::move(features);
  importances_ = std::move(importances);
  rounds_ = static_cast<int>(rounds);
  roundsTrained_ = static_cast<int>(roundsTrained);
  booster_ = std::move(booster);
  prepareSmallBatchBooster();
}

void XgboostModel::prepareSmallBatchBooster() {
  XgboostBooster copy(std::span<const DMatrixHandle>{});
  copy.load(booster_.save("ubj"));
  copy.setParam("nthread", "1");
  // One prediction now, so that the booster configures itself here and not in the first
  // requests' concurrent predictions.
  const std::vector<float> missing(features_.size(), std::numeric_limits<float>::quiet_NaN());
  copy.predictDense(missing, 1, features_.size());
  smallBatchBooster_ = std::move(copy);
}

}  // namespace lathe::ml
