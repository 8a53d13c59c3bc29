#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace lathe::cli {

// lathe endpoint create PROJECT NAME --variant NAME:VERSION=WEIGHT... [--canary NAME:VERSION=WEIGHT]
//                       [--key-column COL] [--sampling F] [--json]
// lathe endpoint list PROJECT [--json]
// lathe endpoint show PROJECT NAME [--json]          (with its token, weights, events, traffic)
// lathe endpoint weights PROJECT NAME --variant NAME:VERSION=WEIGHT... [--reason TEXT]
// lathe endpoint canary PROJECT NAME (--step | --rollback | --promote) [--reason TEXT]
// lathe endpoint ab PROJECT NAME --labels FILE --key COL --label COL [--metric M] [--positive C] [--json]
int runEndpoint(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace lathe::cli
