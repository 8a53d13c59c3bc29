#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace lathe::cli {

// Exit codes of the CLI contract (../shared/DESIGN.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the work itself failed (not the user's input)
inline constexpr int kExitUsage = 2;    // bad input or usage: one clear line on stderr
inline constexpr int kExitCancelled = 130;  // stopped by Ctrl-C, as shells report SIGINT

// Runs `lathe` with args (without the program name); output to out, errors to err.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace lathe::cli
