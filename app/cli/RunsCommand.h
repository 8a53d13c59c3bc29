#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace lathe::cli {

// lathe runs PATH [--json]: the project's experiment runs, as the studio's experiments table
// shows them. Opens the project read-only, so it works while the studio has it open.
int runRuns(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace lathe::cli
