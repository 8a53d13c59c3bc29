#pragma once
#include <string>
#include <vector>

#include "engine/core/Error.h"
#include "engine/data/Table.h"

namespace lathe::data {

// Something a reader recovered from and the user should know: a ragged row padded, a value
// outside an ARFF attribute's declared set, an encoding guessed. `count` folds repeats of the
// same kind into one warning that names where the first one was.
struct ImportWarning {
  std::string message;
  ErrorLocation where;
  std::size_t count = 1;
};

struct ImportResult {
  Table table;
  std::vector<ImportWarning> warnings;
  std::string encoding;  // what the bytes were decoded from: "utf-8", "cp949", "utf-16le"...
  std::string format;    // "csv", "arff", "json", "jsonl", "sqlite"
};

}  // namespace lathe::data
