#pragma once
#include <QString>
#include <limits>

#include "engine/store/ExperimentRun.h"

namespace lathe::widgets {

// One run's curve as a chart draws it: the run's name for the legend, the stored curve (ROC: x =
// false positive rate, y = true positive rate; PR: x = recall, y = precision), and its area as
// the engine computed it (AUC or average precision; NaN when unknown, and then not shown).
struct RunCurveSeries {
  QString name;
  store::RunCurve curve;
  double area = std::numeric_limits<double>::quiet_NaN();
};

}  // namespace lathe::widgets
