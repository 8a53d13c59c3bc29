#include "engine/ml/NaiveBayes.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numbers>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {
namespace {

using nlohmann::json;
constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();
// Categorical tables (classes x levels, summed over features) larger than this are refused.
constexpr std::size_t kMaxCategoricalCells = std::size_t{1} << 26;

[[noreturn]] void invalid(const std::string& message, const std::string& value = {}) {
  throw Error(ErrorCode::InvalidArgument, "naive_bayes: " + message, {}, value);
}

const char* variantName(NaiveBayes::Variant variant) {
  switch (variant) {
    case NaiveBayes::Variant::Gaussian: return "gaussian";
    case NaiveBayes::Variant::Multinomial: return "multinomial";
    case NaiveBayes::Variant::Categorical: return "categorical";
  }
  return "gaussian";
}

// A positive-or-zero number given as a JSON number or as text ("1e-9", from the command line).
double numberParameter(const json& parameters, const char* name, double fallback, bool zeroAllowed) {
  const auto it = parameters.find(name);
  if (it == parameters.end() || it->is_null()) return fallback;
  double value = std::numeric_limits<double>::quiet_NaN();
  if (it->is_number()) {
    value = it->get<double>();
  } else if (it->is_string()) {
    const std::string& text = it->get_ref<const std::string&>();
    char* end = nullptr;
    const double parsed = std::strtod(text.c_str(), &end);
    if (!text.empty() && end == text.c_str() + text.size()) value = parsed;
  }
  if (!std::isfinite(value) || value < 0 || (!zeroAllowed && value == 0))
    invalid(std::string("parameter '") + name + "' must be a " + (zeroAllowed ? "non-negative" : "positive") +
                " number, got " + it->dump(),
            it->dump());
  return value;
}

// log(sum(exp(values))) of one row, ignoring -inf entries (absent classes).
double logSumExp(const double* values, std::size_t count) {
  const double top = *std::max_element(values, values + count);
  if (!std::isfinite(top)) return top;
  double sum = 0;
  for (std::size_t k = 0; k < count; ++k) sum += std::exp(values[k] - top);
  return top + std::log(sum);
}

}  // namespace

std::unique_ptr<Estimator> NaiveBayes::create(const json& p) {
  if (!p.is_null() && !p.is_object()) invalid("parameters must be a JSON object, got " + p.dump());
  const json parameters = p.is_null() ? json::object() : p;
  for (const auto& item : parameters.items())
    if (item.key() != "variant" && item.key() != "var_smoothing" && item.key() != "alpha")
      invalid("unknown parameter '" + item.key() + "'", item.key());
  Variant variant = Variant::Gaussian;
  if (const auto it = parameters.find("variant"); it != parameters.end() && !it->is_null()) {
    const std::string name = it->is_string() ? it->get<std::string>() : it->dump();
    if (name == "multinomial") variant = Variant::Multinomial;
    else if (name == "categorical") variant = Variant::Categorical;
    else if (name != "gaussian")
      invalid("parameter 'variant' must be gaussian, multinomial or categorical, got " + it->dump(), name);
  }
  return std::make_unique<NaiveBayes>(variant, numberParameter(parameters, "var_smoothing", 1e-9, true),
                                      numberParameter(parameters, "alpha", 1.0, false));
}

json NaiveBayes::parameters() const {
  return {{"variant", variantName(variant_)}, {"var_smoothing", varSmoothing_}, {"alpha", alpha_}};
}

void NaiveBayes::checkValues(const FeatureMatrix& x, const char* what) const {
  for (std::size_t f = 0; f < x.cols(); ++f) {
    const auto column = x.column(f);
    for (std::size_t r = 0; r < column.size(); ++r) {
      const double v = column[r];
      const char* problem = nullptr;
      if (std::isnan(v)) problem = "a missing value (naive Bayes needs them filled: a fill step in the recipe, or impute=median)";
      else if (std::isinf(v)) problem = "an infinite value";
      else if (variant_ == Variant::Multinomial && v < 0) problem = "a negative value (multinomial needs counts or weights)";
      else if (variant_ == Variant::Categorical && (v < 0 || v != std::floor(v) || v >= kMaxLevels))
        problem = "a value that is not a level code 0 .. 65535 (categorical needs codes)";
      if (problem)
        invalid("feature '" + x.names()[f] + "' has " + problem + " in row " + std::to_string(r + 1) + " of the " +
                    what + " data",
                std::to_string(v));
    }
  }
}

void NaiveBayes::fit(const TrainingData& data, const jobs::JobContext& context) {
  if (!supports(data.task)) invalid("cannot learn a " + std::string(taskName(data.task)) + " task; it is a classifier");
  const std::size_t rows = data.x.rows(), d = data.x.cols(), k = data.classCount();
  if (rows == 0) invalid("the training data has no rows");
  if (d == 0) invalid("the training data has no features");
  if (data.y.size() != rows) invalid("the training data has a target per row missing");
  if (k < 2) invalid("target '" + data.target + "' has fewer than two classes");
  std::vector<double> counts(k, 0.0);
  std::vector<std::size_t> label(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    const double v = data.y[r];
    if (!(v >= 0 && v < static_cast<double>(k) && v == std::floor(v)))
      invalid("target '" + data.target + "' in row " + std::to_string(r + 1) + " is not a class index",
              std::to_string(v));
    label[r] = static_cast<std::size_t>(v);
    counts[label[r]] += 1;
  }
  if (std::count_if(counts.begin(), counts.end(), [](double c) { return c > 0; }) < 2)
    invalid("target '" + data.target + "' has one class only ('" + data.classes[label[0]] +
            "'); a classifier needs two or more");
  checkValues(data.x, "training");

  std::vector<double> theta, var, logProb;
  std::vector<std::uint32_t> levels;
  if (variant_ == Variant::Categorical) {
    std::size_t cells = 0;
    for (std::size_t f = 0; f < d; ++f) {
      const auto column = data.x.column(f);
      levels.push_back(static_cast<std::uint32_t>(*std::max_element(column.begin(), column.end())) + 1);
      cells += k * levels.back();
    }
    if (cells > kMaxCategoricalCells)
      invalid("the features have too many levels for a categorical model (" + std::to_string(cells) + " cells)");
    logProb.assign(cells, 0.0);
  } else {
    theta.assign(k * d, 0.0);
    var.assign(k * d, variant_ == Variant::Gaussian ? 1.0 : 0.0);
    if (variant_ == Variant::Multinomial) logProb.assign(k * d, 0.0);
  }

  double largestVariance = 0;
  std::size_t offset = 0;
  for (std::size_t f = 0; f < d; ++f) {
    context.throwIfStopped();
    context.progress(static_cast<double>(f) / static_cast<double>(d), "naive_bayes: feature " + data.x.names()[f]);
    const auto column = data.x.column(f);
    if (variant_ == Variant::Gaussian) {
      // Two passes (mean, then squared deviations) as numpy's var does.
      std::vector<double> sum(k, 0.0), squares(k, 0.0);
      double all = 0, allSquares = 0;
      for (std::size_t r = 0; r < rows; ++r) {
        sum[label[r]] += column[r];
        all += column[r];
      }
      const double mean = all / static_cast<double>(rows);
      for (std::size_t c = 0; c < k; ++c)
        if (counts[c] > 0) theta[c * d + f] = sum[c] / counts[c];
      for (std::size_t r = 0; r < rows; ++r) {
        const double deviation = column[r] - theta[label[r] * d + f];
        squares[label[r]] += deviation * deviation;
        allSquares += (column[r] - mean) * (column[r] - mean);
      }
      for (std::size_t c = 0; c < k; ++c)
        if (counts[c] > 0) var[c * d + f] = squares[c] / counts[c];
      largestVariance = std::max(largestVariance, allSquares / static_cast<double>(rows));
    } else if (variant_ == Variant::Multinomial) {
      for (std::size_t r = 0; r < rows; ++r) theta[label[r] * d + f] += column[r];  // feature counts
    } else {
      const std::size_t n = levels[f];
      for (std::size_t r = 0; r < rows; ++r) logProb[offset + label[r] * n + static_cast<std::size_t>(column[r])] += 1;
      for (std::size_t c = 0; c < k; ++c) {
        const double denominator = std::log(counts[c] + alpha_ * static_cast<double>(n));
        for (std::size_t l = 0; l < n; ++l) {
          double& cell = logProb[offset + c * n + l];
          cell = std::log(cell + alpha_) - denominator;
        }
      }
      offset += k * n;
    }
  }

  if (variant_ == Variant::Gaussian) {
    if (!(largestVariance > 0)) invalid("every feature is constant, so the classes cannot be told apart");
    const double epsilon = varSmoothing_ * largestVariance;
    for (std::size_t c = 0; c < k; ++c) {
      if (counts[c] == 0) continue;
      for (std::size_t f = 0; f < d; ++f) {
        double& v = var[c * d + f];
        v += epsilon;
        if (!(v > 0))
          invalid("feature '" + data.x.names()[f] + "' is constant within class '" + data.classes[c] +
                  "' and var_smoothing is 0; give var_smoothing a positive value");
      }
    }
  } else if (variant_ == Variant::Multinomial) {
    for (std::size_t c = 0; c < k; ++c) {
      double total = 0;
      for (std::size_t f = 0; f < d; ++f) total += theta[c * d + f] + alpha_;
      for (std::size_t f = 0; f < d; ++f) logProb[c * d + f] = std::log(theta[c * d + f] + alpha_) - std::log(total);
    }
    theta.clear();
    var.clear();
  }

  classes_ = data.classes;
  features_ = data.x.names();
  classCounts_ = std::move(counts);
  theta_ = std::move(theta);
  var_ = std::move(var);
  logProb_ = std::move(logProb);
  levels_ = std::move(levels);
  deriveLogPriors();
  deriveLevelOffsets();
  context.progress(1.0, "naive_bayes: fitted");
}

void NaiveBayes::deriveLogPriors() {
  double total = 0;
  for (double c : classCounts_) total += c;
  logPrior_.clear();
  for (double c : classCounts_) logPrior_.push_back(c > 0 ? std::log(c) - std::log(total) : kMinusInfinity);
}

void NaiveBayes::deriveLevelOffsets() {
  levelOffsets_.clear();
  std::size_t offset = 0;
  for (std::uint32_t n : levels_) {
    levelOffsets_.push_back(offset);
    offset += classes_.size() * n;
  }
}

std::vector<double> NaiveBayes::jointLogLikelihood(const FeatureMatrix& x) const {
  if (classCounts_.empty()) invalid("the model is not fitted");
  if (x.cols() != features_.size())
    invalid("the model was fitted on " + std::to_string(features_.size()) + " features, got " +
            std::to_string(x.cols()));
  checkValues(x, "prediction");
  const std::size_t rows = x.rows(), d = features_.size(), k = classes_.size();
  std::vector<double> jll(rows * k, kMinusInfinity);
  std::vector<double> sum(rows);  // one class's scores, contiguous so the feature loops stream
  for (std::size_t c = 0; c < k; ++c) {
    if (classCounts_[c] == 0) continue;  // stays -inf: probability 0
    double constant = logPrior_[c];
    if (variant_ == Variant::Gaussian)
      for (std::size_t f = 0; f < d; ++f) constant -= 0.5 * std::log(2.0 * std::numbers::pi * var_[c * d + f]);
    std::fill(sum.begin(), sum.end(), constant);
    for (std::size_t f = 0; f < d; ++f) {
      const auto column = x.column(f);
      if (variant_ == Variant::Gaussian) {
        const double mean = theta_[c * d + f], half = 0.5 / var_[c * d + f];
        for (std::size_t r = 0; r < rows; ++r) sum[r] -= (column[r] - mean) * (column[r] - mean) * half;
      } else if (variant_ == Variant::Multinomial) {
        const double weight = logProb_[c * d + f];
        for (std::size_t r = 0; r < rows; ++r) sum[r] += column[r] * weight;
      } else {
        const std::size_t n = levels_[f];
        const double* block = logProb_.data() + levelOffsets_[f] + c * n;
        // A level never seen when fitting: the smoothed probability of a zero count.
        const double unseen = std::log(alpha_) - std::log(classCounts_[c] + alpha_ * static_cast<double>(n));
        for (std::size_t r = 0; r < rows; ++r) {
          const auto level = static_cast<std::size_t>(column[r]);
          sum[r] += level < n ? block[level] : unseen;
        }
      }
    }
    for (std::size_t r = 0; r < rows; ++r) jll[r * k + c] = sum[r];
  }
  return jll;
}

std::vector<double> NaiveBayes::predict(const FeatureMatrix& x) const {
  const std::vector<double> jll = jointLogLikelihood(x);
  const std::size_t k = classes_.size();
  std::vector<double> out(x.rows());
  for (std::size_t r = 0; r < out.size(); ++r) {
    const double* row = jll.data() + r * k;
    out[r] = static_cast<double>(std::max_element(row, row + k) - row);
  }
  return out;
}

ClassProbabilities NaiveBayes::predictProba(const FeatureMatrix& x) const {
  const std::vector<double> jll = jointLogLikelihood(x);
  const std::size_t k = classes_.size();
  ClassProbabilities out{x.rows(), k, std::vector<double>(jll.size())};
  for (std::size_t r = 0; r < x.rows(); ++r) {
    const double* row = jll.data() + r * k;
    const double norm = logSumExp(row, k);
    if (std::isfinite(norm)) {
      for (std::size_t c = 0; c < k; ++c) out.values[r * k + c] = std::exp(row[c] - norm);
    } else {
      // A row so far from every class that all likelihoods underflow: the priors decide.
      for (std::size_t c = 0; c < k; ++c) out.values[r * k + c] = std::exp(logPrior_[c]);
    }
  }
  return out;
}

void NaiveBayes::save(ModelWriter& out) const {
  if (classCounts_.empty()) invalid("cannot save a model that is not fitted");
  out.text(variantName(variant_));
  out.texts(classes_);
  out.texts(features_);
  out.f64s(classCounts_);
  out.f64s(theta_);
  out.f64s(var_);
  out.f64s(logProb_);
  out.u32s(levels_);
}

void NaiveBayes::load(ModelReader& in) {
  const auto start = static_cast<std::int64_t>(in.offset());
  auto corrupt = [&](const std::string& what) {
    throw Error(ErrorCode::Parse, "naive_bayes model: " + what, ErrorLocation{{}, -1, -1, start});
  };
  if (in.text() != variantName(variant_)) corrupt("the variant differs from the parameters'");
  std::vector<std::string> classes = in.texts();
  std::vector<std::string> features = in.texts();
  std::vector<double> counts = in.f64s();
  std::vector<double> theta = in.f64s();
  std::vector<double> var = in.f64s();
  std::vector<double> logProb = in.f64s();
  std::vector<std::uint32_t> levels = in.u32s();
  const std::size_t k = classes.size(), d = features.size();
  if (k < 2 || d == 0 || counts.size() != k) corrupt("class or feature counts out of range");
  std::size_t present = 0;
  for (double c : counts) {
    if (!std::isfinite(c) || c < 0) corrupt("a class count is not a count");
    present += c > 0;
  }
  if (present < 2) corrupt("fewer than two classes were seen");
  auto allFinite = [](const std::vector<double>& values) {
    return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
  };
  if (variant_ == Variant::Gaussian) {
    if (theta.size() != k * d || var.size() != k * d || !logProb.empty() || !levels.empty())
      corrupt("the gaussian arrays do not match classes x features");
    if (!allFinite(theta) || !std::all_of(var.begin(), var.end(), [](double v) { return std::isfinite(v) && v > 0; }))
      corrupt("a mean or variance is not a finite (positive) number");
  } else if (variant_ == Variant::Multinomial) {
    if (logProb.size() != k * d || !theta.empty() || !var.empty() || !levels.empty())
      corrupt("the multinomial arrays do not match classes x features");
  } else {
    std::size_t cells = 0;
    if (levels.size() != d || !theta.empty() || !var.empty()) corrupt("the categorical arrays do not match the features");
    for (std::uint32_t n : levels) {
      if (n == 0 || n > kMaxLevels) corrupt("a feature's level count is out of range");
      cells += k * n;
    }
    if (logProb.size() != cells) corrupt("the categorical table does not match the level counts");
  }
  if (!allFinite(logProb) || std::any_of(logProb.begin(), logProb.end(), [](double v) { return v > 0; }))
    corrupt("a log probability is not a finite number <= 0");
  classes_ = std::move(classes);
  features_ = std::move(features);
  classCounts_ = std::move(counts);
  theta_ = std::move(theta);
  var_ = std::move(var);
  logProb_ = std::move(logProb);
  levels_ = std::move(levels);
  deriveLogPriors();
  deriveLevelOffsets();
}

}  // namespace lathe::ml
