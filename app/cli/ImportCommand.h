#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace lathe::cli {

// lathe import FILE [--format F] [--encoding E] [--delimiter D] [--no-header] [--table T] [--json]
// Imports a data file and prints its schema, row count, warnings and a profile of each column.
int runImport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace lathe::cli
