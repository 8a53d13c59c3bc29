// lathe: the command-line interface. Links the engine only, never Qt.
#include <exception>
#include <iostream>

#include "app/cli/Cli.h"

int main(int argc, char* argv[]) {
  try {
    return lathe::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "lathe: " << e.what() << '\n';
    return lathe::cli::kExitFailure;
  }
}
