#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace lathe::cli {

// lathe train FILE --target COL --algo NAME [--cv K | --holdout F] [--seed S] [--param K=V]...
// [--json]: imports FILE, encodes its features as the algorithm wants them, and estimates the
// model's scores by k-fold cross-validation (5 folds unless told) or a holdout; prints the task,
// the metrics and the time. The same engine code the studio's Training dock runs.
int runTrain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace lathe::cli
