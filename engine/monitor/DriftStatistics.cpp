#include "engine/monitor/DriftStatistics.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

namespace lathe::monitor {
namespace {

constexpr double kShareFloor = 1e-4;

// A share as PSI uses it: at least the floor (an empty bin costs a finite amount; NaN and
// negative shares, which only code can produce, count as empty).
double floored(double share) { return share > kShareFloor ? share : kShareFloor; }

// P(a, x) by its series, for x < a + 1 (Numerical Recipes' gser).
double lowerGammaSeries(double a, double x) {
  double sum = 1.0 / a;
  double term = sum;
  double ap = a;
  for (int n = 0; n < 100000; ++n) {
    ap += 1.0;
    term *= x / ap;
    sum += term;
    if (std::abs(term) < std::abs(sum) * 1e-16) break;
  }
  return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Q(a, x) by its continued fraction (modified Lentz), for x >= a + 1 (Numerical Recipes' gcf).
double upperGammaFraction(double a, double x) {
  constexpr double tiny = std::numeric_limits<double>::min() / std::numeric_limits<double>::epsilon();
  double b = x + 1.0 - a;
  double c = 1.0 / tiny;
  double d = 1.0 / b;
  double h = d;
  for (int i = 1; i < 100000; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::abs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < 1e-16) break;
  }
  return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

double clamp01(double p) {
  if (!(p >= 0.0)) return 0.0;  // also NaN, which the series cannot give for finite input
  return p > 1.0 ? 1.0 : p;
}

// F(x) of the baseline reconstructed from its quantiles (quantile k at k / (size - 1)), linear
// between neighbouring quantiles: right-continuous, so a run of equal quantiles is a jump.
double baselineCdfAt(std::span<const double> q, double x) {
  const auto upper = std::upper_bound(q.begin(), q.end(), x);
  if (upper == q.begin()) return 0.0;
  if (upper == q.end()) return 1.0;
  const auto j = static_cast<std::size_t>(upper - q.begin()) - 1;  // q[j] <= x < q[j + 1]
  const double width = q[j + 1] - q[j];                              // > 0 by construction
  double within = (x - q[j]) / width;
  if (!std::isfinite(within)) within = 0.0;  // a width overflowing double's range
  return (double(j) + within) / double(q.size() - 1);
}

// F(x-) of the same: the limit from the left, below the jump a run of equal quantiles makes at x.
double baselineCdfBefore(std::span<const double> q, double x) {
  const auto lower = std::lower_bound(q.begin(), q.end(), x);
  if (lower == q.begin()) return 0.0;
  if (lower == q.end()) return 1.0;
  const auto j = static_cast<std::size_t>(lower - q.begin()) - 1;  // q[j] < x <= q[j + 1]
  const double width = q[j + 1] - q[j];
  double within = (x - q[j]) / width;
  if (!std::isfinite(within)) within = 1.0;
  return (double(j) + within) / double(q.size() - 1);
}

}  // namespace

double DriftStatistics::psi(std::span<const double> expectedShares, std::span<const double> actualShares) {
  if (expectedShares.size() != actualShares.size()) return 0.0;
  double sum = 0.0;
  for (std::size_t i = 0; i < expectedShares.size(); ++i) {
    const double e = floored(expectedShares[i]);
    const double a = floored(actualShares[i]);
    sum += (a - e) * std::log(a / e);
  }
  return sum;
}

TestResult DriftStatistics::kolmogorovSmirnov(std::span<const double> quantiles, std::uint64_t baselineCount,
                                              std::span<const double> sortedCurrent) {
  TestResult result;
  if (quantiles.empty() || baselineCount == 0 || sortedCurrent.empty()) return result;
  const double m = double(sortedCurrent.size());
  double d = 0.0;
  // The batch's ECDF is flat between its points and the baseline's is non-decreasing, so the
  // largest gap sits at a batch point: at it, or just before it.
  for (std::size_t i = 0; i < sortedCurrent.size();) {
    const double x = sortedCurrent[i];
    std::size_t last = i;
    while (last + 1 < sortedCurrent.size() && !(sortedCurrent[last + 1] > x)) ++last;
    const double before = double(i) / m;
    const double at = double(last + 1) / m;
    d = std::max(d, std::abs(before - baselineCdfBefore(quantiles, x)));
    d = std::max(d, std::abs(at - baselineCdfAt(quantiles, x)));
    i = last + 1;
  }
  const double n = double(baselineCount);
  result.statistic = std::min(d, 1.0);
  result.pValue = kolmogorovSurvival(std::sqrt(n * m / (n + m)) * result.statistic);
  return result;
}

double DriftStatistics::kolmogorovSurvival(double x) {
  if (!(x > 0.0)) return 1.0;  // also NaN
  if (x < 1.18) {
    // The alternating series converges slowly here; use the one for the CDF instead,
    // P(K <= x) = sqrt(2 pi) / x sum exp(-(2k - 1)^2 pi^2 / (8 x^2)), which is 0 to double
    // precision below x ~ 0.15 (so the survival is exactly 1 there).
    constexpr double piSquaredOver8 = 1.2337005501361698;  // pi^2 / 8
    constexpr double sqrtTwoPi = 2.5066282746310002;
    const double y = std::exp(-piSquaredOver8 / (x * x));
    if (y == 0.0) return 1.0;
    const double y8 = std::pow(y, 8.0);
    // k = 1..4: exponents (2k - 1)^2 = 1, 9, 25, 49, i.e. y * (1 + y^8 + y^24 + y^48).
    const double cdf = sqrtTwoPi / x * y * (1.0 + y8 * (1.0 + y8 * y8 * (1.0 + y8 * y8 * y8)));
    return clamp01(1.0 - cdf);
  }
  // P(K > x) = 2 sum (-1)^(k-1) exp(-2 k^2 x^2); terms fall fast for x >= 1.18.
  double sum = 0.0;
  double sign = 1.0;
  for (int k = 1; k <= 100; ++k) {
    const double term = std::exp(-2.0 * double(k) * double(k) * x * x);
    sum += sign * term;
    if (term < 1e-18 * sum || term == 0.0) break;
    sign = -sign;
  }
  return clamp01(2.0 * sum);
}

TestResult DriftStatistics::chiSquare(std::span<const double> expectedShares,
                                      std::span<const std::uint64_t> observed) {
  TestResult result;
  const std::size_t cellCount = std::min(expectedShares.size(), observed.size());
  double shareTotal = 0.0;
  double observedTotal = 0.0;
  std::size_t cells = 0;
  std::size_t smallest = cellCount;
  for (std::size_t i = 0; i < cellCount; ++i) {
    observedTotal += double(observed[i]);
    const double share = expectedShares[i];
    if (share > 0.0 && std::isfinite(share)) {
      shareTotal += share;
      ++cells;
      if (smallest == cellCount || share < expectedShares[smallest]) smallest = i;
    }
  }
  if (cells < 2 || observedTotal <= 0.0) return result;
  // Observations where nothing was expected join the least expected cell: they still count
  // against the fit, without a division by zero.
  double pooled = 0.0;
  for (std::size_t i = 0; i < cellCount; ++i) {
    const double share = expectedShares[i];
    if (!(share > 0.0 && std::isfinite(share))) pooled += double(observed[i]);
  }
  double statistic = 0.0;
  for (std::size_t i = 0; i < cellCount; ++i) {
    const double share = expectedShares[i];
    if (!(share > 0.0 && std::isfinite(share))) continue;
    const double expected = share / shareTotal * observedTotal;
    const double seen = double(observed[i]) + (i == smallest ? pooled : 0.0);
    const double diff = seen - expected;
    statistic += diff * diff / expected;
  }
  result.statistic = statistic;
  result.pValue = chiSquareSurvival(statistic, double(cells - 1));
  return result;
}

double DriftStatistics::chiSquareSurvival(double x, double dof) {
  if (!(dof > 0.0) || !(x > 0.0)) return 1.0;  // no test, or nothing beyond the expected
  if (std::isinf(x)) return 0.0;
  const double a = dof / 2.0;
  const double half = x / 2.0;
  if (half < a + 1.0) return clamp01(1.0 - lowerGammaSeries(a, half));
  return clamp01(upperGammaFraction(a, half));
}

}  // namespace lathe::monitor
