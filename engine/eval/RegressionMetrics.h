#pragma once
#include <span>
#include <vector>

namespace lathe::eval {

// Regression metrics exactly as scikit-learn 1.2 computes them (agreement to 1e-9, see
// tests/engine/eval). Each throws lathe::Error(InvalidArgument) for empty input, different
// lengths, or a NaN or infinite value (naming the row), as sklearn refuses them too.

double meanSquaredError(std::span<const double> yTrue, std::span<const double> yPred);
double rootMeanSquaredError(std::span<const double> yTrue, std::span<const double> yPred);
double meanAbsoluteError(std::span<const double> yTrue, std::span<const double> yPred);
// 1 - SS_res / SS_tot. A constant yTrue gives 1 for perfect predictions and 0 otherwise (sklearn's
// force_finite=True). Fewer than 2 rows is an error (sklearn returns NaN with a warning).
double r2Score(std::span<const double> yTrue, std::span<const double> yPred);
// yTrue - yPred per row (positive: the model predicted too little), for residual plots.
std::vector<double> residuals(std::span<const double> yTrue, std::span<const double> yPred);

}  // namespace lathe::eval
