#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace lathe::cli {

// lathe model register PROJECT RUN --name NAME [--json]
// lathe model list PROJECT [--json]
// lathe model alias PROJECT NAME:VERSION ALIAS [--reason TEXT]     (ALIAS "none" removes it)
// lathe model history PROJECT NAME [--json]
// lathe model export PROJECT NAME[:VERSION] [--output FILE] [--xgboost-json FILE] [--encoder FILE]
int runModel(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace lathe::cli
