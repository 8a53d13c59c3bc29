#include "engine/deploy/AbTestAnalysis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <numbers>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/Error.h"
#include "engine/eval/Metric.h"
#include "engine/eval/Predictions.h"

namespace lathe::deploy {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The z of 80% power: the usual target when planning how many rows a test needs.
constexpr double kPowerZ = 0.8416212335729143;

[[noreturn]] void invalid(const std::string& message, std::string value = {}) {
  throw Error(ErrorCode::InvalidArgument, "A/B test: " + message, {}, std::move(value));
}

// ---- Distributions (no statistics library in the engine's dependencies) ----

double normalCdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

// Acklam's rational approximation (relative error 1e-9), polished by one Halley step.
double normalQuantile(double p) {
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                 1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                 6.680131188771972e+01, -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                 -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                 3.754408661907416e+00};
  constexpr double tail = 0.02425;
  double x = 0.0;
  if (p < tail) {
    const double q = std::sqrt(-2.0 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  } else if (p <= 1.0 - tail) {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  } else {
    const double q = std::sqrt(-2.0 * std::log1p(-p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  const double e = normalCdf(x) - p;
  const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(x * x / 2.0);
  return x - u / (1.0 + x * u / 2.0);
}

// The continued fraction of the incomplete beta function, by the modified Lentz method.
double betaFraction(double a, double b, double x) {
  constexpr double tiny = 1e-300;
  const auto guard = [](double v) { return std::abs(v) < tiny ? tiny : v; };
  double c = 1.0;
  double d = 1.0 / guard(1.0 - (a + b) * x / (a + 1.0));
  double h = d;
  for (int m = 1; m <= 500; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((a - 1.0 + m2) * (a + m2));
    d = 1.0 / guard(1.0 + aa * d);
    c = guard(1.0 + aa / c);
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1.0 + m2));
    d = 1.0 / guard(1.0 + aa * d);
    c = guard(1.0 + aa / c);
    const double step = d * c;
    h *= step;
    if (std::abs(step - 1.0) < 1e-15) break;
  }
  return h;
}

// I_x(a, b), the regularized incomplete beta function.
double regularizedBeta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double front =
      std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1.0) / (a + b + 2.0)) return front * betaFraction(a, b, x) / a;
  return 1.0 - front * betaFraction(b, a, 1.0 - x) / b;
}

// P(|T| >= |t|) for Student's t with df degrees of freedom (df need not be an integer: Welch).
double studentTwoSided(double t, double df) {
  if (!std::isfinite(t)) return 0.0;
  return regularizedBeta(df / 2.0, 0.5, df / (df + t * t));
}

// The t with P(|T| >= t) = 1 - confidence, by bisection: a handful of calls per analysis.
double studentCritical(double confidence, double df) {
  const double target = 1.0 - confidence;
  double low = 0.0, high = 1.0;
  while (studentTwoSided(high, df) > target && high < 1e12) high *= 2.0;
  for (int i = 0; i < 200 && high - low > 1e-13 * high; ++i) {
    const double mid = (low + high) / 2.0;
    (studentTwoSided(mid, df) > target ? low : high) = mid;
  }
  return (low + high) / 2.0;
}

// Linear interpolation between order statistics (numpy's default percentile).
double percentile(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

// ---- Wording ----

// Decimals enough to show the size of `scale` with two or three significant digits; at least
// three below 1, as metrics in [0, 1] are read to the third decimal.
int decimalsFor(double scale) {
  if (!(scale > 0.0) || !std::isfinite(scale)) return 3;
  const int magnitude = static_cast<int>(std::floor(std::log10(scale)));
  if (scale < 1.0) return std::clamp(1 - magnitude, 3, 12);
  return std::max(0, 2 - magnitude);
}

std::string fixed(double value, int decimals, bool sign = false) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, sign ? "%+.*f" : "%.*f", decimals, value);
  std::string out = buffer;
  // A tiny negative rounds to "-0.000": it is shown as zero.
  if (out.front() == '-' && out.find_first_not_of("-0.") == std::string::npos) {
    if (sign)
      out.front() = '+';
    else
      out.erase(0, 1);
  }
  return out;
}

std::string pText(double p) {
  if (!std::isfinite(p)) return "p unknown";
  if (p < 0.001) return "p < 0.001";
  return "p = " + fixed(p, p < 0.01 ? 3 : 2);
}

std::string confidenceText(double confidence) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g%%", confidence * 100.0);
  return buffer;
}

// 1234 -> "1,234": the counts in sentences are read by people.
std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

// Two significant digits: the count is a planning estimate, not a promise.
std::size_t roughly(std::size_t n) {
  std::size_t unit = 1;
  while (n / unit >= 100) unit *= 10;
  return (n + unit - 1) / unit * unit;
}

// ---- The records as eval::Predictions, one per variant ----

bool isRegressionMetric(std::string_view metric) {
  const auto names = eval::Metric::defaultsFor(ml::Task::Regression);
  return std::ranges::find(names, metric) != names.end();
}

bool needsProbability(std::string_view metric) {
  return metric == "roc_auc" || metric == "pr_auc" || metric == "log_loss";
}

// Binary metrics that single out one class; the others are symmetric in the classes.
bool needsPositiveClass(std::string_view metric) {
  return needsProbability(metric) || metric == "precision" || metric == "recall" || metric == "f1";
}

struct Variants {
  std::vector<std::string> names;  // in order of first appearance
  std::vector<eval::Predictions> predictions;
};

std::string recordName(std::size_t i) { return "record " + std::to_string(i + 1); }

Variants prepare(std::span<const AbRecord> records, const AbTestSettings& settings) {
  const std::string& metric = settings.metric;
  const bool regression = isRegressionMetric(metric);
  Variants out;
  const auto variantIndex = [&](const std::string& name) {
    const auto it = std::ranges::find(out.names, name);
    if (it != out.names.end()) return static_cast<std::size_t>(it - out.names.begin());
    out.names.push_back(name);
    return out.names.size() - 1;
  };
  for (std::size_t i = 0; i < records.size(); ++i)
    if (records[i].variant.empty()) invalid(recordName(i) + " names no variant");

  ml::Task task = ml::Task::Regression;
  std::vector<std::string> classes;
  if (!regression) {
    std::set<std::string> labels;
    for (std::size_t i = 0; i < records.size(); ++i) {
      const AbRecord& r = records[i];
      if (r.actualLabel.empty()) invalid(recordName(i) + " (variant '" + r.variant + "') has no actual label");
      if (r.predictedLabel.empty()) invalid(recordName(i) + " (variant '" + r.variant + "') has no predicted label");
      labels.insert(r.actualLabel);
      labels.insert(r.predictedLabel);
    }
    if (!settings.positiveClass.empty()) labels.insert(settings.positiveClass);
    // One class everywhere still has an accuracy; a class no row carries makes the matrix 2x2.
    if (labels.size() == 1 && !needsPositiveClass(metric)) labels.insert(std::string());
    classes.assign(labels.begin(), labels.end());
    if (classes.size() == 2) {
      task = ml::Task::Binary;
      if (!settings.positiveClass.empty()) {
        if (classes[1] != settings.positiveClass) std::swap(classes[0], classes[1]);
      } else if (needsPositiveClass(metric)) {
        invalid(metric + " needs the positive class; the classes are '" + classes[0] + "' and '" + classes[1] + "'",
                metric);
      }
    } else if (classes.size() < 2) {
      invalid("the records hold one class only ('" + classes.front() + "'), and " + metric +
                  " needs the positive class among two",
              metric);
    } else {
      task = ml::Task::Multiclass;
      if (!settings.positiveClass.empty())
        invalid("a positive class ('" + settings.positiveClass + "') applies to two classes, and the records have " +
                    std::to_string(classes.size()),
                settings.positiveClass);
      if (needsProbability(metric))
        throw Error(ErrorCode::Unsupported,
                    "A/B test: " + metric + " of " + std::to_string(classes.size()) +
                        " classes needs every class's probability, and A/B records carry the positive class's only",
                    {}, metric);
    }
  }

  const auto classOf = [&](const std::string& label) {
    return static_cast<double>(std::ranges::find(classes, label) - classes.begin());
  };
  for (std::size_t i = 0; i < records.size(); ++i) {
    const AbRecord& r = records[i];
    const std::size_t v = variantIndex(r.variant);
    if (v == out.predictions.size()) {
      eval::Predictions p;
      p.task = task;
      p.classCount = classes.size();
      if (needsProbability(metric)) p.probabilities.classes = 2;
      out.predictions.push_back(std::move(p));
    }
    eval::Predictions& p = out.predictions[v];
    if (regression) {
      if (!std::isfinite(r.actualValue) || !std::isfinite(r.predictedValue))
        invalid(recordName(i) + " (variant '" + r.variant + "') has a missing, NaN or infinite value");
      p.yTrue.push_back(r.actualValue);
      p.yPred.push_back(r.predictedValue);
      continue;
    }
    p.yTrue.push_back(classOf(r.actualLabel));
    p.yPred.push_back(classOf(r.predictedLabel));
    if (needsProbability(metric)) {
      if (!r.positiveProbability)
        invalid(metric + " needs the positive class's probability, and " + recordName(i) + " (variant '" +
                r.variant + "') has none");
      const double q = *r.positiveProbability;
      if (!std::isfinite(q) || q < 0.0 || q > 1.0)
        invalid(recordName(i) + " (variant '" + r.variant + "') has a probability outside [0, 1]: " +
                    std::to_string(q),
                std::to_string(q));
      p.probabilities.values.push_back(1.0 - q);
      p.probabilities.values.push_back(q);
      ++p.probabilities.rows;
    }
  }
  return out;
}

double metricOf(const std::string& metric, const eval::Predictions& p, const std::string& variant) {
  try {
    return eval::Metric::compute(metric, p);
  } catch (const Error& e) {
    throw Error(e.code(), "A/B test: variant '" + variant + "': " + e.message(), e.where(), e.value());
  }
}

// ---- The three methods: each fills the summaries and, per variant, what a comparison needs ----

struct Spread {
  double difference = 0.0;
  ConfidenceInterval interval;
  double pValue = 1.0;
  double standardError = kNaN;  // of the difference, for the rows-needed estimate
};

class Method {
 public:
  virtual ~Method() = default;
  virtual ConfidenceInterval intervalOf(std::size_t variant) const = 0;
  virtual Spread compare(std::size_t variant, std::size_t reference) const = 0;
};

class ProportionMethod final : public Method {
 public:
  ProportionMethod(const Variants& variants, double confidence) : confidence_(confidence) {
    for (const auto& p : variants.predictions) {
      std::uint64_t correct = 0;
      for (std::size_t i = 0; i < p.yTrue.size(); ++i) correct += p.yTrue[i] == p.yPred[i] ? 1 : 0;
      correct_.push_back(correct);
      rows_.push_back(p.yTrue.size());
    }
  }
  ConfidenceInterval intervalOf(std::size_t v) const override {
    return AbTestAnalysis::wilsonInterval(correct_[v], rows_[v], confidence_);
  }
  // Newcombe's hybrid score interval (his method 10), built from the two Wilson intervals.
  Spread compare(std::size_t v, std::size_t ref) const override {
    const double pv = share(v), pr = share(ref);
    const ConfidenceInterval wv = intervalOf(v), wr = intervalOf(ref);
    Spread s;
    s.difference = pv - pr;
    s.interval = {s.difference - std::hypot(pv - wv.low, wr.high - pr),
                  s.difference + std::hypot(wv.high - pv, pr - wr.low)};
    s.pValue = AbTestAnalysis::twoProportionPValue(correct_[ref], rows_[ref], correct_[v], rows_[v]);
    s.standardError = std::sqrt(pv * (1.0 - pv) / static_cast<double>(rows_[v]) +
                                pr * (1.0 - pr) / static_cast<double>(rows_[ref]));
    return s;
  }

 private:
  double share(std::size_t v) const { return static_cast<double>(correct_[v]) / static_cast<double>(rows_[v]); }
  double confidence_;
  std::vector<std::uint64_t> correct_;
  std::vector<std::uint64_t> rows_;
};

// mae and mse are the means of per-row absolute and squared errors: t intervals, Welch's test.
class WelchMethod final : public Method {
 public:
  WelchMethod(const Variants& variants, bool squared, double confidence) : confidence_(confidence) {
    for (const auto& p : variants.predictions) {
      const std::size_t n = p.yTrue.size();
      double mean = 0.0;
      for (std::size_t i = 0; i < n; ++i) mean += errorOf(p, i, squared);
      mean /= static_cast<double>(n);
      double sum2 = 0.0;
      for (std::size_t i = 0; i < n; ++i) sum2 += std::pow(errorOf(p, i, squared) - mean, 2);
      means_.push_back(mean);
      variances_.push_back(n > 1 ? sum2 / static_cast<double>(n - 1) : kNaN);
      rows_.push_back(static_cast<double>(n));
    }
  }
  ConfidenceInterval intervalOf(std::size_t v) const override {
    if (rows_[v] < 2.0) return {kNaN, kNaN};
    const double half = studentCritical(confidence_, rows_[v] - 1.0) * std::sqrt(variances_[v] / rows_[v]);
    return {means_[v] - half, means_[v] + half};
  }
  Spread compare(std::size_t v, std::size_t ref) const override {
    Spread s;
    s.difference = means_[v] - means_[ref];
    if (rows_[v] < 2.0 || rows_[ref] < 2.0) return {s.difference, {kNaN, kNaN}, kNaN, kNaN};
    const double qv = variances_[v] / rows_[v], qr = variances_[ref] / rows_[ref];
    s.standardError = std::sqrt(qv + qr);
    if (s.standardError == 0.0) {  // every error the same: the difference is exact
      s.interval = {s.difference, s.difference};
      s.pValue = s.difference == 0.0 ? 1.0 : 0.0;
      return s;
    }
    const double df = (qv + qr) * (qv + qr) / (qv * qv / (rows_[v] - 1.0) + qr * qr / (rows_[ref] - 1.0));
    const double half = studentCritical(confidence_, df) * s.standardError;
    s.interval = {s.difference - half, s.difference + half};
    s.pValue = studentTwoSided(s.difference / s.standardError, df);
    return s;
  }

 private:
  static double errorOf(const eval::Predictions& p, std::size_t i, bool squared) {
    const double e = p.yTrue[i] - p.yPred[i];
    return squared ? e * e : std::abs(e);
  }
  double confidence_;
  std::vector<double> means_, variances_, rows_;
};

// Every other metric: each variant's rows resampled with replacement `resamples` times, the
// metric computed on each resample; percentile intervals, and the p-value that inverts them (the
// difference's interval at level 1 - p just reaches 0).
class BootstrapMethod final : public Method {
 public:
  BootstrapMethod(const Variants& variants, const AbTestSettings& settings) : confidence_(settings.confidence) {
    eval::Predictions resample;
    for (std::size_t v = 0; v < variants.predictions.size(); ++v) {
      const eval::Predictions& all = variants.predictions[v];
      const std::size_t n = all.yTrue.size();
      const std::size_t classes = all.probabilities.classes;
      // One stream per variant, so adding a variant does not change another's resamples.
      std::seed_seq seeds{static_cast<std::uint32_t>(settings.seed), static_cast<std::uint32_t>(settings.seed >> 32),
                          static_cast<std::uint32_t>(v)};
      std::mt19937_64 random(seeds);
      resample.task = all.task;
      resample.classCount = all.classCount;
      resample.yTrue.resize(n);
      resample.yPred.resize(n);
      resample.probabilities.classes = classes;
      resample.probabilities.rows = all.probabilities.rows;
      resample.probabilities.values.resize(all.probabilities.values.size());
      std::vector<double> values(settings.resamples, kNaN);
      std::size_t valid = 0;
      for (double& value : values) {
        for (std::size_t i = 0; i < n; ++i) {
          const std::size_t row = static_cast<std::size_t>(random() % n);
          resample.yTrue[i] = all.yTrue[row];
          resample.yPred[i] = all.yPred[row];
          for (std::size_t k = 0; k < classes && !all.probabilities.values.empty(); ++k)
            resample.probabilities.values[i * classes + k] = all.probabilities.values[row * classes + k];
        }
        try {  // a resample can miss a class that roc_auc needs: it simply does not count
          value = eval::Metric::compute(settings.metric, resample);
          ++valid;
        } catch (const Error&) {
        }
      }
      if (valid * 2 < values.size())
        invalid("variant '" + variants.names[v] + "': " + settings.metric + " is undefined on " +
                    std::to_string(values.size() - valid) + " of " + std::to_string(values.size()) +
                    " bootstrap resamples (a class is too rare); more labelled rows are needed",
                variants.names[v]);
      values_.push_back(std::move(values));
    }
  }
  ConfidenceInterval intervalOf(std::size_t v) const override {
    std::vector<double> sorted;
    for (const double x : values_[v])
      if (std::isfinite(x)) sorted.push_back(x);
    std::ranges::sort(sorted);
    const double alpha = 1.0 - confidence_;
    return {percentile(sorted, alpha / 2.0), percentile(sorted, 1.0 - alpha / 2.0)};
  }
  Spread compare(std::size_t v, std::size_t ref) const override {
    std::vector<double> differences;
    for (std::size_t b = 0; b < values_[v].size(); ++b)
      if (std::isfinite(values_[v][b]) && std::isfinite(values_[ref][b]))
        differences.push_back(values_[v][b] - values_[ref][b]);
    Spread s;
    if (differences.empty()) return {kNaN, {kNaN, kNaN}, kNaN, kNaN};
    std::ranges::sort(differences);
    const double alpha = 1.0 - confidence_;
    s.interval = {percentile(differences, alpha / 2.0), percentile(differences, 1.0 - alpha / 2.0)};
    const auto atMost = std::ranges::upper_bound(differences, 0.0) - differences.begin();
    const auto atLeast = differences.end() - std::ranges::lower_bound(differences, 0.0);
    const double b = static_cast<double>(differences.size());
    s.pValue = std::min(1.0, 2.0 * static_cast<double>(std::min(atMost, atLeast) + 1) / (b + 1.0));
    double mean = 0.0;
    for (const double d : differences) mean += d;
    mean /= b;
    double sum2 = 0.0;
    for (const double d : differences) sum2 += (d - mean) * (d - mean);
    s.standardError = differences.size() > 1 ? std::sqrt(sum2 / (b - 1.0)) : kNaN;
    return s;
  }

 private:
  double confidence_;
  std::vector<std::vector<double>> values_;  // [variant][resample]
};

// ---- Verdict and sentence ----

void judge(AbComparison& c, const Spread& s, std::size_t rowsV, std::size_t rowsR, const AbTestResult& result,
           std::size_t minRows) {
  const std::string& metric = result.metric;
  const std::string ci = confidenceText(result.confidence) + " CI ";
  const int decimals =
      decimalsFor(std::max({std::abs(c.difference), std::abs(c.interval.low), std::abs(c.interval.high)}));
  if (rowsV < minRows || rowsR < minRows) {
    c.verdict = AbVerdict::NotEnoughData;
    c.moreRowsNeeded = minRows - std::min(rowsV, rowsR);
    c.sentence = "Not enough labelled rows yet to compare " + c.variant + " with " + c.reference + ": " + c.variant +
                 " has " + grouped(rowsV) + " and " + c.reference + " " + grouped(rowsR) +
                 ", and each variant needs at least " + grouped(minRows) + ".";
    return;
  }
  const double alpha = 1.0 - result.confidence;
  if (std::isfinite(c.pValue) && c.pValue < alpha && c.difference != 0.0) {
    // The sentence speaks of the gain (or loss) in the metric's own direction, always positive.
    const bool better = (c.difference > 0.0) == result.higherIsBetter;
    c.verdict = better ? AbVerdict::Better : AbVerdict::Worse;
    const bool flip = c.difference < 0.0;
    const double size = std::abs(c.difference);
    const double low = flip ? -c.interval.high : c.interval.low;
    const double high = flip ? -c.interval.low : c.interval.high;
    // A metric where lower is better says which way it moved: "by 0.157 log_loss (lower; ...".
    const std::string direction = result.higherIsBetter ? "" : flip ? "lower; " : "higher; ";
    c.sentence = c.variant + " is " + (better ? "better" : "worse") + " than " + c.reference + " by " +
                 fixed(size, decimals) + " " + metric + " (" + direction + ci + fixed(low, decimals) + " to " +
                 fixed(high, decimals) + ", " + pText(c.pValue) + "): the difference is real.";
    return;
  }
  c.verdict = AbVerdict::NoDifferenceYet;
  const std::string interval = "(" + ci + fixed(c.interval.low, decimals, true) + " to " +
                               fixed(c.interval.high, decimals, true) + ")";
  if (c.difference == 0.0 || !(s.standardError > 0.0)) {
    c.sentence = c.variant + " and " + c.reference + " have the same " + metric + " so far " + interval +
                 ", no difference yet (" + pText(c.pValue) + ").";
    return;
  }
  // Rows per variant (equal split) at which a difference this size is found with 80% power; the
  // standard error shrinks as 1 / sqrt(rows) from what the current rows give.
  const double z = normalQuantile(1.0 - alpha / 2.0) + kPowerZ;
  const double factor = std::pow(z * s.standardError / std::abs(c.difference), 2.0);
  const double harmonic = 2.0 / (1.0 / static_cast<double>(rowsV) + 1.0 / static_cast<double>(rowsR));
  const double more = std::min(std::ceil((factor - 1.0) * harmonic), 1e15);
  c.moreRowsNeeded = static_cast<std::size_t>(std::max(1.0, more));
  c.sentence = c.variant + " differs from " + c.reference + " by " + fixed(c.difference, decimals, true) + " " +
               metric + " " + interval + ", not significant yet (" + pText(c.pValue) + "); about " +
               grouped(roughly(*c.moreRowsNeeded)) +
               " more labelled rows per variant would be needed to detect a difference this size.";
}

}  // namespace

ConfidenceInterval AbTestAnalysis::wilsonInterval(std::uint64_t successes, std::uint64_t trials, double confidence) {
  if (trials == 0 || successes > trials)
    invalid("a proportion of " + std::to_string(successes) + " in " + std::to_string(trials) + " rows");
  if (!(confidence > 0.0 && confidence < 1.0)) invalid("the confidence must be between 0 and 1");
  const double z = normalQuantile(0.5 + confidence / 2.0);
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double denominator = 1.0 + z * z / n;
  const double centre = (p + z * z / (2.0 * n)) / denominator;
  const double half = z / denominator * std::sqrt(p * (1.0 - p) / n + z * z / (4.0 * n * n));
  // At 0 or all successes the bound is exactly 0 or 1; the formula leaves a rounding error there.
  return {successes == 0 ? 0.0 : std::max(0.0, centre - half),
          successes == trials ? 1.0 : std::min(1.0, centre + half)};
}

double AbTestAnalysis::twoProportionPValue(std::uint64_t a, std::uint64_t n, std::uint64_t b, std::uint64_t m) {
  if (n == 0 || m == 0 || a > n || b > m)
    invalid("proportions of " + std::to_string(a) + " in " + std::to_string(n) + " and " + std::to_string(b) +
            " in " + std::to_string(m) + " rows");
  const double pa = static_cast<double>(a) / static_cast<double>(n);
  const double pb = static_cast<double>(b) / static_cast<double>(m);
  const double pooled = static_cast<double>(a + b) / static_cast<double>(n + m);
  const double se = std::sqrt(pooled * (1.0 - pooled) * (1.0 / static_cast<double>(n) + 1.0 / static_cast<double>(m)));
  if (se == 0.0) return 1.0;  // both all right or all wrong: nothing differs
  return std::erfc(std::abs(pb - pa) / se / std::numbers::sqrt2);
}

AbTestResult AbTestAnalysis::analyze(std::span<const AbRecord> records, const AbTestSettings& settings) {
  AbTestResult result;
  result.metric = settings.metric;
  result.higherIsBetter = settings.higherIsBetter.value_or(eval::Metric::higherIsBetter(settings.metric));
  result.confidence = settings.confidence;
  if (!(settings.confidence > 0.0 && settings.confidence < 1.0))
    invalid("the confidence level must be between 0 and 1, not " + std::to_string(settings.confidence));
  if (settings.minRowsPerVariant < 2) invalid("the minimum rows per variant must be at least 2");
  if (settings.resamples < 100 || settings.resamples > 1'000'000)
    invalid("the bootstrap needs between 100 and 1,000,000 resamples, not " + std::to_string(settings.resamples));
  if (records.empty()) invalid("there are no labelled records to compare");

  const Variants variants = prepare(records, settings);
  if (variants.names.size() < 2)
    invalid("the records name one variant only ('" + variants.names.front() + "'); a comparison needs two");
  std::size_t reference = 0;
  if (!settings.reference.empty()) {
    const auto it = std::ranges::find(variants.names, settings.reference);
    if (it == variants.names.end())
      invalid("the reference variant '" + settings.reference + "' has no records", settings.reference);
    reference = static_cast<std::size_t>(it - variants.names.begin());
  }
  result.reference = variants.names[reference];

  std::unique_ptr<Method> method;
  if (settings.metric == "accuracy") {
    result.method = AbMethod::TwoProportionZTest;
    method = std::make_unique<ProportionMethod>(variants, settings.confidence);
  } else if (settings.metric == "mae" || settings.metric == "mse") {
    result.method = AbMethod::WelchTTest;
    method = std::make_unique<WelchMethod>(variants, settings.metric == "mse", settings.confidence);
  } else {
    result.method = AbMethod::Bootstrap;
  }
  // Each variant's KPI first: a variant the metric cannot score is named before any resampling.
  for (std::size_t v = 0; v < variants.names.size(); ++v)
    result.variants.push_back({variants.names[v], variants.predictions[v].yTrue.size(),
                               metricOf(settings.metric, variants.predictions[v], variants.names[v]), {}});
  if (!method) method = std::make_unique<BootstrapMethod>(variants, settings);

  for (std::size_t v = 0; v < variants.names.size(); ++v) result.variants[v].interval = method->intervalOf(v);
  for (std::size_t v = 0; v < variants.names.size(); ++v) {
    if (v == reference) continue;
    const Spread spread = method->compare(v, reference);
    AbComparison c;
    c.variant = variants.names[v];
    c.reference = result.reference;
    // The point difference is always of the metric itself, whatever test gave the interval.
    c.difference = result.variants[v].value - result.variants[reference].value;
    c.interval = spread.interval;
    c.pValue = spread.pValue;
    judge(c, spread, result.variants[v].rows, result.variants[reference].rows, result, settings.minRowsPerVariant);
    result.comparisons.push_back(std::move(c));
  }
  return result;
}

}  // namespace lathe::deploy
