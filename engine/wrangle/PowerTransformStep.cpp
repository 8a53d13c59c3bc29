#include "engine/wrangle/PowerTransformStep.h"

#include <cmath>
#include <limits>
#include <utility>

#include "engine/core/Error.h"
#include "engine/wrangle/NumericColumnValues.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {
using nlohmann::json;
const std::string kStep = "power transform";
constexpr double kInf = std::numeric_limits<double>::infinity();

// The negative log-likelihood scikit-learn minimises: n/2 log(var(yj(x))) - (lambda - 1) sum
// sign(x) log1p(|x|).
class NegativeLogLikelihood {
 public:
  NegativeLogLikelihood(std::span<const double> values, const jobs::JobContext* context)
      : values_(values), context_(context) {
    for (double x : values_) signedLogSum_ += std::copysign(std::log1p(std::fabs(x)), x);
  }
  double operator()(double lambda) const {
    throwIfStopped(context_);
    if (++calls_ > 2000) throw Error(ErrorCode::Internal, kStep + ": the lambda search did not converge");
    const double n = static_cast<double>(values_.size());
    double sum = 0.0;
    for (double x : values_) sum += PowerTransformStep::yeoJohnson(x, lambda);
    const double mean = sum / n;
    double squares = 0.0;
    for (double x : values_) {
      const double d = PowerTransformStep::yeoJohnson(x, lambda) - mean;
      squares += d * d;
    }
    const double variance = squares / n;
    if (!(variance >= std::numeric_limits<double>::min())) return kInf;
    return n / 2 * std::log(variance) - (lambda - 1) * signedLogSum_;
  }

 private:
  std::span<const double> values_;
  const jobs::JobContext* context_;
  double signedLogSum_ = 0.0;
  mutable int calls_ = 0;
};

struct Bracket {
  double xa, xb, xc, fa, fb, fc;
};

// scipy.optimize.bracket, step for step, so the search starts where scikit-learn's does.
template <typename F>
Bracket bracket(const F& f, double xa, double xb) {
  constexpr double gold = 1.618034, growLimit = 110.0, verySmall = 1e-21;
  double fa = f(xa), fb = f(xb);
  if (fa < fb) std::swap(xa, xb), std::swap(fa, fb);
  double xc = xb + gold * (xb - xa), fc = f(xc);
  for (int iter = 0; fc < fb; ++iter) {
    if (iter > 1000) throw Error(ErrorCode::Internal, kStep + ": no bracket for the lambda search");
    const double tmp1 = (xb - xa) * (fb - fc), tmp2 = (xb - xc) * (fb - fa), val = tmp2 - tmp1;
    const double denom = std::fabs(val) < verySmall ? 2 * verySmall : 2 * val;
    double w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom, fw;
    const double wlim = xb + growLimit * (xc - xb);
    if ((w - xc) * (xb - w) > 0) {
      fw = f(w);
      if (fw < fc) return {xb, w, xc, fb, fw, fc};
      if (fw > fb) return {xa, xb, w, fa, fb, fw};
      w = xc + gold * (xc - xb);
      fw = f(w);
    } else if ((w - wlim) * (wlim - xc) >= 0) {
      w = wlim;
      fw = f(w);
    } else if ((w - wlim) * (xc - w) > 0) {
      fw = f(w);
      if (fw < fc) {
        xb = xc, xc = w, w = xc + gold * (xc - xb);
        fb = fc, fc = fw, fw = f(w);
      }
    } else {
      w = xc + gold * (xc - xb);
      fw = f(w);
    }
    xa = xb, xb = xc, xc = w;
    fa = fb, fb = fc, fc = fw;
  }
  return {xa, xb, xc, fa, fb, fc};
}

// scipy.optimize.brent's minimiser (tol 1.48e-8, 500 iterations).
template <typename F>
double brent(const F& f, const Bracket& br) {
  constexpr double tol = 1.48e-8, minTol = 1.0e-11, cg = 0.3819660;
  double x = br.xb, w = br.xb, v = br.xb, fx = br.fb, fw = br.fb, fv = br.fb;
  double a = std::min(br.xa, br.xc), b = std::max(br.xa, br.xc);
  double deltax = 0.0, rat = 0.0;
  for (int iter = 0; iter < 500; ++iter) {
    const double tol1 = tol * std::fabs(x) + minTol, tol2 = 2.0 * tol1, xmid = 0.5 * (a + b);
    if (std::fabs(x - xmid) < tol2 - 0.5 * (b - a)) break;
    if (std::fabs(deltax) <= tol1) {
      deltax = x >= xmid ? a - x : b - x;
      rat = cg * deltax;
    } else {
      const double t1 = (x - w) * (fx - fv);
      double t2 = (x - v) * (fx - fw);
      double p = (x - v) * t2 - (x - w) * t1;
      t2 = 2.0 * (t2 - t1);
      if (t2 > 0.0) p = -p;
      t2 = std::fabs(t2);
      const double previous = deltax;
      deltax = rat;
      if (p > t2 * (a - x) && p < t2 * (b - x) && std::fabs(p) < std::fabs(0.5 * t2 * previous)) {
        rat = p / t2;
        const double u = x + rat;
        if (u - a < tol2 || b - u < tol2) rat = xmid - x >= 0 ? tol1 : -tol1;
      } else {
        deltax = x >= xmid ? a - x : b - x;
        rat = cg * deltax;
      }
    }
    const double u = std::fabs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
    const double fu = f(u);
    if (fu > fx) {
      (u < x ? a : b) = u;
      if (fu <= fw || w == x) v = w, w = u, fv = fw, fw = fu;
      else if (fu <= fv || v == x || v == w) v = u, fv = fu;
    } else {
      (u >= x ? a : b) = x;
      v = w, w = x, x = u;
      fv = fw, fw = fx, fx = fu;
    }
  }
  return x;
}

}  // namespace

PowerTransformStep::PowerTransformStep(std::vector<std::string> columns) : columns_(std::move(columns)) {}

std::unique_ptr<RecipeStep> PowerTransformStep::fromParameters(const json& parameters) {
  return std::make_unique<PowerTransformStep>(readColumnList(parameters, kStep));
}

json PowerTransformStep::parameters() const { return {{"columns", columns_}}; }

std::string PowerTransformStep::describe() const {
  std::string names;
  for (const auto& column : columns_) names += (names.empty() ? "" : ", ") + column;
  return "Yeo-Johnson power transform of " + names;
}

double PowerTransformStep::yeoJohnson(double x, double lambda) {
  constexpr double eps = std::numeric_limits<double>::epsilon();
  if (x >= 0) return std::fabs(lambda) < eps ? std::log1p(x) : (std::pow(x + 1, lambda) - 1) / lambda;
  return std::fabs(lambda - 2) > eps ? -(std::pow(-x + 1, 2 - lambda) - 1) / (2 - lambda) : -std::log1p(-x);
}

double PowerTransformStep::fitLambda(std::span<const double> values, const jobs::JobContext* context) {
  const std::vector<double> finite = sortedFinite(values);
  if (finite.size() < 2 || finite.front() == finite.back() || !std::isfinite(finite.front()) ||
      !std::isfinite(finite.back()))
    return 1.0;
  const NegativeLogLikelihood f(finite, context);
  const double lambda = brent(f, bracket(f, -2.0, 2.0));
  return std::isfinite(lambda) ? lambda : 1.0;
}

void PowerTransformStep::fit(const data::Table& training, const jobs::JobContext* context) {
  std::map<std::string, double> fitted;
  for (const auto& name : columns_) {
    throwIfStopped(context);
    fitted[name] = fitLambda(numericValues(requireNumericColumn(training, name, kStep)), context);
  }
  lambdas_ = std::move(fitted);
}

data::Table PowerTransformStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  data::Table out = table;
  for (const auto& name : columns_) {
    throwIfStopped(context);
    const double l = lambda(name);
    const std::size_t index = requireColumnIndex(out, name, kStep);
    std::vector<double> values = numericValues(requireNumericColumn(out, name, kStep));
    for (double& v : values)
      if (!std::isnan(v)) v = yeoJohnson(v, l);
    out = replaceColumn(out, index, {float64Column(name, std::move(values))});
  }
  return out;
}

double PowerTransformStep::lambda(const std::string& column) const {
  const auto it = lambdas_.find(column);
  if (it == lambdas_.end()) throwNotFitted(kStep, column);
  return it->second;
}

json PowerTransformStep::fittedState() const {
  if (lambdas_.empty()) return json::object();
  json lambdas = json::object();
  for (const auto& [column, l] : lambdas_) lambdas[column] = l;
  return {{"lambdas", lambdas}};
}

void PowerTransformStep::restoreFittedState(const json& state) {
  requireStateObject(state, kStep, "the fitted state");
  std::map<std::string, double> restored;
  if (!state.empty()) {
    const json& lambdas = stateField(state, kStep, "lambdas");
    requireStateObject(lambdas, kStep, "the fitted lambdas");
    for (const auto& [column, l] : lambdas.items()) {
      if (!l.is_number() || !std::isfinite(l.get<double>()))
        throw Error(ErrorCode::Parse, kStep + ": the fitted lambda of '" + column + "' must be a number");
      restored[column] = l.get<double>();
    }
  }
  lambdas_ = std::move(restored);
}

}  // namespace lathe::wrangle
