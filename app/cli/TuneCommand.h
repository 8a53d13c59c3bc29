#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace lathe::cli {

// lathe tune FILE --target COL --algo NAME --trials N [--strategy random|grid|bayes]
// [--objective METRIC] [--budget SECONDS] [--cv K] [--seed S] [--parallel P] [--space JSON|FILE]
// [--no-pruning] [--project PATH [--resume ID]] [import options] [--json]: searches the
// algorithm's hyperparameters (its built-in space unless --space) with k-fold cross-validation,
// trials two at a time, poor ones stopped early; prints every trial and the best. With
// --project the trials are recorded there as runs (the best with its model) and an interrupted
// tuning carries on with --resume.
int runTune(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace lathe::cli
