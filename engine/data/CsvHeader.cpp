#include "engine/data/CsvHeader.h"

#include <unordered_set>

#include "engine/data/ValueParsing.h"

namespace lathe::data {

void CsvHeader::complete(std::size_t columnCount, const std::string& source, std::vector<ImportWarning>& warnings) {
  const std::size_t named = names.size();
  names.resize(std::max(columnCount, named));
  std::unordered_set<std::string> seen;
  std::size_t blank = 0, repeated = 0;
  std::string firstBlank, firstRepeated;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string& name = names[i];
    if (trimSpaces(name).empty()) {
      name = "column_" + std::to_string(i + 1);
      if (i < named && blank++ == 0) firstBlank = name;
    }
    if (!seen.insert(name).second) {
      const std::string base = name;
      for (int k = 1; !seen.insert(name = base + "." + std::to_string(k)).second; ++k) {}
      if (repeated++ == 0) firstRepeated = "'" + base + "' (now '" + name + "')";
    }
  }
  if (blank)
    warnings.push_back({std::to_string(blank) + " header names are empty; they were named by position, the first "
                        "is " + firstBlank, {source, 1}, blank});
  if (repeated)
    warnings.push_back({std::to_string(repeated) + " header names repeat an earlier one and got a suffix: " +
                        firstRepeated, {source, 1}, repeated});
}

}  // namespace lathe::data
