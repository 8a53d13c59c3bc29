#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace lathe::cli {

// lathe project new PATH (--name N | --demo) [--goal TEXT] [--kpi METRIC] [--target VALUE]
// lathe project add-data PATH FILE [--name DATASET] [--json] [import options]
// lathe project info PATH [--json]
// Opening problems (missing, not a project, in use, newer format, ...) are one line naming the
// file and the problem, exit 2. `info` opens read-only, so it works while the studio has the
// project open; `add-data` needs the project to itself.
int runProject(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace lathe::cli
