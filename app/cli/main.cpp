// lathe: the command-line interface. Links the engine only, never Qt.
#include <malloc.h>

#include <exception>
#include <iostream>

#include "app/cli/Cli.h"

int main(int argc, char* argv[]) {
  // Column buffers are large: a fixed threshold sends them straight to the OS and gives them
  // back when freed, instead of glibc raising the threshold and keeping freed buffers mapped.
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  try {
    return lathe::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "lathe: " << e.what() << '\n';
    return lathe::cli::kExitFailure;
  }
}
