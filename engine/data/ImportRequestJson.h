#pragma once
#include <string>

#include "engine/data/DataImporter.h"

namespace lathe::data {

// The options an import was made with, as the JSON a project stores beside the dataset
// (dataset_version.import_options), so anyone can see, and redo, exactly how a file was read.
// Only what the user can set is written; unset (sniffed) options are left out.
std::string importRequestToJson(const ImportRequest& request);

}  // namespace lathe::data
