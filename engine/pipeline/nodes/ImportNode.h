#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "engine/pipeline/NodeType.h"
#include "engine/store/DatasetVersionInfo.h"

namespace lathe::store {
class Database;
}

namespace lathe::pipeline {

// Import: the start of most pipelines. No input; one Table output. Parameters:
//   {"source":"file", "path":"data.csv", "format":"auto"}   a CSV/TSV, ARFF, JSON or SQLite file
//     read by the engine's importer (`lathe import`'s reader); a relative path is taken from
//     the project's folder;
//   {"source":"dataset", "dataset":"name", "version":null}  a dataset stored in the project, its
//     latest version (null) or version N.
// Its outside state (part of its fingerprint) is the file's size and modification time, or
// the chosen version's id and content hash, so editing the file or storing a new version makes
// it and everything after it stale.
class ImportNode {
 public:
  static constexpr const char* kId = "import";
  static NodeType type();

  // The stored version `parameters` choose from the project, or nothing.
  static std::optional<store::DatasetVersionInfo> chosenVersion(store::Database& db, const nlohmann::json& parameters);
};

}  // namespace lathe::pipeline
