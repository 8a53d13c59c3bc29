#pragma once
#include <QString>

#include "engine/experiments/BusinessValueCurve.h"

namespace lathe::widgets {

// One run's business-value curve as the chart draws it: the run's name for the legend and the
// curve the engine computed from the run's ROC curve, confusion matrix and the project's costs.
struct BusinessValueSeries {
  QString name;
  experiments::BusinessValueCurve curve;
};

}  // namespace lathe::widgets
