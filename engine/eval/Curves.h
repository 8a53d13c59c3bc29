#pragma once
#include <span>
#include <vector>

namespace lathe::eval {

// The ROC curve of scores against a binary truth, exactly as scikit-learn 1.2's
// roc_curve(y_true, y_score, pos_label, drop_intermediate=True) returns it: points at each
// distinct score, from the highest, with collinear intermediate points dropped, preceded by
// (0, 0) at threshold thresholds[1] + 1.
struct RocCurve {
  std::vector<double> fpr;
  std::vector<double> tpr;
  std::vector<double> thresholds;  // decreasing

  // Rows where yTrue == positiveClass are positives (yTrue holds class indices as doubles).
  // Throws lathe::Error(InvalidArgument) for empty input, different lengths, NaN in yTrue, NaN or
  // infinite scores, and when yTrue has no positive or no negative row (sklearn warns and returns NaN
  // there; a curve of NaN would draw nothing without saying why).
  static RocCurve of(std::span<const double> yTrue, std::span<const double> scores, double positiveClass = 1.0);
  // The area under it (trapezoids, as sklearn's auc).
  double area() const;
};

// The precision-recall curve exactly as scikit-learn 1.2's precision_recall_curve returns it:
// one point per distinct score, from the lowest threshold (recall 1) up, then the point
// (recall 0, precision 1) which has no threshold. precision and recall have one more value than
// thresholds.
struct PrecisionRecallCurve {
  std::vector<double> precision;
  std::vector<double> recall;      // decreasing
  std::vector<double> thresholds;  // increasing

  // As RocCurve::of; no positive row is an error (sklearn warns and sets recall to 1).
  static PrecisionRecallCurve of(std::span<const double> yTrue, std::span<const double> scores,
                                 double positiveClass = 1.0);
  // Average precision: the step-wise area, sum over points of (R[i] - R[i+1]) * P[i], as
  // sklearn's average_precision_score.
  double averagePrecision() const;
};

}  // namespace lathe::eval
