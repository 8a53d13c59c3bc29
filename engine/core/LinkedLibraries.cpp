#include "engine/core/LinkedLibraries.h"

#include <Eigen/Core>
#include <sqlite3.h>
#include <xgboost/c_api.h>

namespace lathe {

std::vector<LibraryVersion> linkedLibraries() {
  int major = 0, minor = 0, patch = 0;
  XGBoostVersion(&major, &minor, &patch);
  return {
      {"Eigen", std::to_string(EIGEN_WORLD_VERSION) + '.' + std::to_string(EIGEN_MAJOR_VERSION) +
                    '.' + std::to_string(EIGEN_MINOR_VERSION)},
      {"SQLite", sqlite3_libversion()},
      {"XGBoost", std::to_string(major) + '.' + std::to_string(minor) + '.' + std::to_string(patch)},
  };
}

}  // namespace lathe
