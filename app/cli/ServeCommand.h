#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace lathe::cli {

// lathe serve PROJECT --endpoint NAME [--port P] [--token T] [--host H] [--threads N] [--rate-limit R]
// lathe serve BUNDLE --token T [--port P] [--host H] ...
// Serves until SIGINT or SIGTERM, then stops cleanly: the answers in progress are written and
// the request log's last batch is committed.
int runServe(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace lathe::cli
