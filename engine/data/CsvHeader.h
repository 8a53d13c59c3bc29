#pragma once
#include <string>
#include <vector>

#include "engine/data/ImportResult.h"

namespace lathe::data {

// The column names of a delimited file: from its header record, completed to the number of
// columns the data holds, with every name usable: an empty or blank name becomes column_N, a
// repeated one gets a suffix (a, a.1, a.2, as pandas does). Each rename is reported.
struct CsvHeader {
  std::vector<std::string> names;

  void complete(std::size_t columnCount, const std::string& source, std::vector<ImportWarning>& warnings);
};

}  // namespace lathe::data
