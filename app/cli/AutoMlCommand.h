#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace lathe::cli {

// lathe automl FILE --target COL --budget SECONDS [--objective METRIC] [--algos A,B,...] [--cv K]
// [--seed S] [--parallel P] [--no-ensemble] [--project PATH] [import options] [--json]: tries
// every algorithm that can learn the target, tuned, within the budget, then an ensemble of the
// best trials (unless --no-ensemble), and prints the leaderboard (best per algorithm, and the
// ensemble with its members) and the winner. With --project every trial is recorded there and
// the winner's run keeps its model.
int runAutoMl(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace lathe::cli
