#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace lathe::cli {

// lathe monitor PROJECT [--schedule NAME] [--all] [--json]
//   Runs the project's monitoring schedules that are due (every enabled one with --all, one with
//   --schedule) and stores the runs: what cron calls.
// lathe monitor PROJECT --baseline DATASET|BASELINE --current FILE [--model M] [--labels FILE
//   --key COL] [--sensitive COL] [--json]
//   One comparison, stored nowhere: {"features": [...], "violations": [...], ...}.
// lathe monitor baseline PROJECT NAME (--dataset D | --file F) [--model M] [--sensitive COL]
// lathe monitor schedule PROJECT NAME --baseline B (--file F | --dataset D | --endpoint E
//   [--window-hours H]) [--model M] [--labels FILE --key COL] [--sensitive COL] [--every MINUTES]
// lathe monitor history PROJECT [--schedule NAME] [--json]
// Exit 0 whether or not anything drifted (the JSON says); 2 on bad input.
int runMonitor(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace lathe::cli
