#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/data/Table.h"
#include "engine/deploy/AbRecord.h"

namespace lathe::store {
class Database;
}

namespace lathe::deploy {

// Joins what an endpoint answered (the logged outputs of its sampled requests, each row with its
// key) with the labels that arrived later (a table with the key column and the true outcome), so
// AbTestAnalysis can judge the variants. A key answered more than once counts with its latest
// answer; keys without a label, and labels without an answer, are left out and counted.
class AbLabelJoin {
 public:
  struct Result {
    std::vector<AbRecord> records;
    std::size_t answeredWithoutLabel = 0;
    std::size_t labelsWithoutAnswer = 0;
    // Keys labelled more than once: one record each, with the file's last label (a correction
    // comes after what it corrects).
    std::size_t labelsRepeated = 0;
  };

  // `positiveClass` (binary only) turns each row's probability of its predicted class into the
  // probability of the positive class. Throws lathe::Error(InvalidArgument) naming a key or label
  // column that is not in `labels`.
  static Result join(store::Database& db, std::int64_t endpointId, const data::Table& labels,
                     const std::string& keyColumn, const std::string& labelColumn, const std::string& positiveClass = {});
};

}  // namespace lathe::deploy
