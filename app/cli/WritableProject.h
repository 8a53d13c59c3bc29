#pragma once
#include <memory>
#include <string>

namespace lathe::store {
class Project;
}

namespace lathe::cli {

// A project a command writes to (runs, datasets, tunings): opened for writing and kept from the
// studio meanwhile, so a project open there fails here at once, before any work is done.
// Throws lathe::Error (ProjectFileError) naming the file.
std::shared_ptr<store::Project> openWritableProject(const std::string& path);

}  // namespace lathe::cli
