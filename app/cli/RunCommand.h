#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace lathe::cli {

// lathe run PROJECT [--pipeline NAME] [--seed S] [--json]: runs a pipeline of the project
// headless, exactly as the studio's Run all does (the same node catalogue, the same seed ->
// the same metrics), with console progress per node, and records its runs in the project.
// Exit 0 when every node is done, 1 when a node failed, 2 for usage or bad input (an invalid
// pipeline: each problem on stderr with its node), 130 on Ctrl-C. Opens the project for
// writing, so it must not be open in Lathe Studio meanwhile.
int runRun(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace lathe::cli
