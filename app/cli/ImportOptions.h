#pragma once
#include <string>

#include "app/cli/CommandLine.h"
#include "engine/data/DataImporter.h"

namespace lathe::cli {

// How to read a data file, as `lathe import` and `lathe project add-data` both take it:
// --format F, --encoding E, --delimiter D, --no-header, --table T, --threads N.
class ImportOptions {
 public:
  // Adds the options to a command's spec.
  static void addTo(CommandLine::Spec& spec);
  // The request for `path` with the options given on `line`; throws UsageError on a bad value.
  static data::ImportRequest request(const CommandLine& line, const std::string& path);
  // A warning as one line: "file:line:column: message (N times)".
  static std::string warningText(const data::ImportWarning& warning);
  // The lines of `lathe --help` that describe them, indented for the command list.
  static const char* help();
};

}  // namespace lathe::cli
