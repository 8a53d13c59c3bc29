#pragma once
// A stored binary run of breast_cancer.csv whose positive-class probability is
// sigmoid((feature - centre) / scale): a one-feature "model" made as a run stores it (RunRecord),
// with its ROC and PR curves and its confusion matrix. Shared by the chart and panel tests.
#include <cmath>
#include <string>

#include "ChartTestSupport.h"
#include "engine/experiments/RunRecord.h"

inline lathe::store::ExperimentRun sigmoidRun(const BreastCancer& data, const QString& feature, double centre, double scale) {
  lathe::eval::Predictions p;
  p.task = lathe::ml::Task::Binary;
  p.classCount = 2;
  p.yTrue = data.malignant;
  p.probabilities.rows = p.yTrue.size();
  p.probabilities.classes = 2;
  for (double x : data.features.at(feature)) {
    const double probability = 1.0 / (1.0 + std::exp(-(x - centre) / scale));
    p.probabilities.values.push_back(1.0 - probability);
    p.probabilities.values.push_back(probability);
    p.yPred.push_back(probability > 0.5 ? 1.0 : 0.0);
  }
  lathe::store::ExperimentRun run;
  run.task = "binary";
  run.metrics.push_back({"test", "roc_auc", 0.0});
  lathe::experiments::RunRecord::addCharts(run, p, {"benign", "malignant"}, "test");
  return run;
}
