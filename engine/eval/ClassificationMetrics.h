#pragma once
#include <span>

#include "engine/eval/ConfusionMatrix.h"
#include "engine/ml/Estimator.h"

namespace lathe::eval {

// Classification metrics exactly as scikit-learn 1.2 computes them (agreement to 1e-9, see
// tests/engine/eval). Labels are class indices held as doubles (Predictions' convention); in a
// binary task class 1 is the positive class.

// How per-class precision, recall and F1 become one number, as sklearn's `average`:
// Binary: of class 1 only (a 2-class matrix); Macro: the plain mean over the classes that occur in
// yTrue or yPred; Weighted: the mean weighted by each class's true rows.
// With zero_division=0: a class never predicted has precision 0, one never true recall 0, and F1
// is 0 where precision + recall is 0.
enum class Average { Binary, Macro, Weighted };

double accuracy(const ConfusionMatrix& m);
// The mean recall over the classes present in yTrue (sklearn's balanced_accuracy_score).
double balancedAccuracy(const ConfusionMatrix& m);
// Average::Binary on a matrix of more than 2 classes is lathe::Error(InvalidArgument).
double precision(const ConfusionMatrix& m, Average average);
double recall(const ConfusionMatrix& m, Average average);
double f1(const ConfusionMatrix& m, Average average);

// The mean of -log p(true class), each probability clipped to [eps, 1 - eps] (eps = 2^-52,
// sklearn's eps="auto" for float64) and each row renormalised to sum 1 after clipping, as
// sklearn's log_loss(y_true, p, labels=range(classes)). A probability of exactly 0 for the true
// class therefore costs -log(eps) = 36.04, not infinity.
double logLoss(std::span<const double> yTrue, const ml::ClassProbabilities& probabilities);

// ROC AUC: binary, of column 1; multiclass, one-vs-rest averaged over classes (macro), as
// sklearn's roc_auc_score(y, p, multi_class="ovr"). lathe::Error(InvalidArgument) when a class
// has no row in yTrue (the area is undefined), and for multiclass rows not summing to 1 (as
// sklearn, which checks np.allclose(row sum, 1)).
double rocAuc(std::span<const double> yTrue, const ml::ClassProbabilities& probabilities);

// PR AUC = average precision: binary, of column 1 (sklearn's average_precision_score);
// multiclass, one-vs-rest macro (sklearn >= 1.3's; 1.2 applied to label_binarize(y)).
// lathe::Error(InvalidArgument) when a class has no row in yTrue.
double averagePrecision(std::span<const double> yTrue, const ml::ClassProbabilities& probabilities);

// Every function above throws lathe::Error(InvalidArgument) for empty input, mismatched sizes,
// labels that are not class indices, and NaN or infinite probabilities (naming the row).

}  // namespace lathe::eval
