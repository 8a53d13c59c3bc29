#pragma once
// Where a test finds the source tree, the shared datasets and the `lathe` CLI. They are read when
// the test runs, never compiled in: an absolute path on a compile line would make every test
// object particular to its checkout, and CI's fresh clone could not reuse the ccache of a build
// made in another folder. ctest sets LATHE_SOURCE_DIR, LATHE_DATASETS_DIR and LATHE_CLI
// (tests/CMakeLists.txt); a test started by hand from build/<preset>/tests finds them from its
// own place.
#include <cstdlib>
#include <filesystem>
#include <string>

namespace lathe::testpaths {

inline std::string fromEnvironment(const char* variable, const std::string& otherwise) {
  const char* value = std::getenv(variable);
  return value && *value ? std::string(value) : otherwise;
}

// build/<preset>/tests, where the test executables are.
inline std::string testsFolder() {
  std::error_code error;
  return std::filesystem::read_symlink("/proc/self/exe", error).parent_path().string();
}

inline const std::string& sourceDir() {
  static const std::string dir = fromEnvironment("LATHE_SOURCE_DIR", testsFolder() + "/../../..");
  return dir;
}

inline const std::string& datasetsDir() {
  static const std::string dir = fromEnvironment("LATHE_DATASETS_DIR", sourceDir() + "/../shared/datasets");
  return dir;
}

inline const std::string& cliPath() {
  static const std::string path = fromEnvironment("LATHE_CLI", testsFolder() + "/../app/lathe");
  return path;
}

}  // namespace lathe::testpaths

// The names the tests have always used; each is a const char*.
#define LATHE_SOURCE_DIR (::lathe::testpaths::sourceDir().c_str())
#define LATHE_DATASETS_DIR (::lathe::testpaths::datasetsDir().c_str())
#define LATHE_CLI (::lathe::testpaths::cliPath().c_str())
