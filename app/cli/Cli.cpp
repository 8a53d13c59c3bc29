#include "app/cli/Cli.h"

#include <ostream>

#include "engine/core/LinkedLibraries.h"
#include "engine/core/Version.h"

namespace lathe::cli {
namespace {

void printHelp(std::ostream& out) {
  out << "Usage: lathe COMMAND [OPTIONS]\n"
         "\n"
         "Lathe runs the machine-learning work of Lathe Studio headless: the same engine,\n"
         "the same results, for scripts and servers.\n"
         "\n"
         "Options:\n"
         "  -h, --help       Show this help and exit.\n"
         "  -V, --version    Show the version of lathe and of the libraries it runs with.\n"
         "\n"
         "Exit status: 0 on success, 1 when the work failed, 2 on bad input or usage\n"
         "(with one line on stderr naming the file, line and column where it applies).\n";
}

void printVersion(std::ostream& out) {
  out << "lathe " << kVersion << '\n';
  for (const auto& lib : linkedLibraries()) out << "  " << lib.name << ' ' << lib.version << '\n';
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    printHelp(err);
    return kExitUsage;
  }
  const std::string& first = args.front();
  if (first == "-h" || first == "--help" || first == "help") {
    printHelp(out);
    return kExitOk;
  }
  if (first == "-V" || first == "--version" || first == "version") {
    printVersion(out);
    return kExitOk;
  }
  if (!first.empty() && first.front() == '-')
    err << "lathe: unknown option '" << first << "' (see lathe --help)\n";
  else
    err << "lathe: unknown command '" << first << "' (see lathe --help)\n";
  return kExitUsage;
}

}  // namespace lathe::cli
