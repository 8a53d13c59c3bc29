#pragma once
#include <cstdint>
#include <span>

namespace lathe::monitor {

struct TestResult {
  double statistic = 0.0;
  double pValue = 1.0;
};

// The statistics drift is measured with. Pure functions; every one is defined for empty and
// degenerate input (documented per function) and never divides by zero.
class DriftStatistics {
 public:
  // Population stability index, sum over bins of (a - e) * ln(a / e), with each share floored
  // at 1e-4 first so an empty bin costs a finite amount. Shares of different lengths, or empty:
  // 0.
  static double psi(std::span<const double> expectedShares, std::span<const double> actualShares);

  // Two-sample Kolmogorov-Smirnov of a batch against a baseline given as `quantiles` (1,001 of
  // them, 0 to 1) of `baselineCount` values. `sortedCurrent` must be sorted. The p-value is the
  // asymptotic Kolmogorov distribution at sqrt(n m / (n + m)) D (scipy's ks_2samp(method="asymp")
  // uses the one-sample distribution at n = round(n m / (n + m)) instead, which this is the limit
  // of). Either side empty: D 0, p 1.
  static TestResult kolmogorovSmirnov(std::span<const double> quantiles, std::uint64_t baselineCount,
                                      std::span<const double> sortedCurrent);

  // Kolmogorov's limiting distribution: P(K > x) = 2 sum (-1)^(k-1) exp(-2 k^2 x^2).
  static double kolmogorovSurvival(double x);

  // Chi-square goodness of fit of observed counts against expected shares (scaled to the
  // observed total), over the cells whose expected share is above zero; observations in cells
  // with an expected share of zero are pooled into the smallest expected cell. Fewer than two
  // cells, or no observations: statistic 0, p 1.
  static TestResult chiSquare(std::span<const double> expectedShares, std::span<const std::uint64_t> observed);

  // P(X > x) for chi-square with `dof` degrees of freedom (regularized upper incomplete gamma).
  static double chiSquareSurvival(double x, double dof);
};

}  // namespace lathe::monitor
