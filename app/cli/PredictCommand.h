#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace lathe::cli {

// lathe predict PROJECT --model NAME[:VERSION] --input FILE --output FILE [--key COL]... [--json]
// Batch scoring with a registered version: the recipe as in training, predictions,
// probabilities and the decision at the version's threshold, written as CSV.
int runPredict(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace lathe::cli
