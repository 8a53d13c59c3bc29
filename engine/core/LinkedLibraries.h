#pragma once
#include <string>
#include <vector>

namespace lathe {

struct LibraryVersion {
  std::string name;
  std::string version;
};

// The versions of the libraries the engine actually runs with, read at run time where the
// library can tell (SQLite, XGBoost) and at compile time where it is header-only (Eigen).
std::vector<LibraryVersion> linkedLibraries();

}  // namespace lathe
