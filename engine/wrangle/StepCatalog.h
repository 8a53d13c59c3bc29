#pragma once

namespace lathe::wrangle {

// The step kinds, registered with StepRegistry by group; each function lives beside its steps.
// Columns, rows, missing values and splitting (CoreSteps.cpp).
void registerCoreSteps();
// Encoding, scaling, binning, outliers, dates, text and integration (FeatureSteps.cpp).
void registerFeatureSteps();

}  // namespace lathe::wrangle
