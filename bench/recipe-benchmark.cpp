// A one-hot plus scaling recipe on real data (issue 5 item 9): import a CSV (not timed), then
// time Recipe::fit (which fits every step and returns the transformed table) for one-hot
// encoding of two category columns and standard scaling of two number columns.
// Prints one JSON line. Usage: lathe-recipe-bench [CSV] [--one-hot A,B] [--scale C,D]
//   CSV defaults to build/bench-data/flights-3m.csv with origin,destination and delay,distance.
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <sstream>
#include <stop_token>
#include <string>
#include <vector>

#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobContext.h"
#include "engine/wrangle/Recipe.h"
#include "engine/wrangle/StepRegistry.h"

using namespace lathe;

namespace {

std::vector<std::string> splitNames(const std::string& text) {
  std::vector<std::string> names;
  std::stringstream stream(text);
  for (std::string name; std::getline(stream, name, ',');)
    if (!name.empty()) names.push_back(name);
  return names;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);  // as the apps do: freed column buffers go back to the OS
  std::string csv = "build/bench-data/flights-3m.csv";
  std::vector<std::string> oneHot{"origin", "destination"}, scale{"delay", "distance"};
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--one-hot" && i + 1 < argc) oneHot = splitNames(argv[++i]);
    else if (arg == "--scale" && i + 1 < argc) scale = splitNames(argv[++i]);
    else if (!arg.starts_with("--")) csv = arg;
    else {
      std::fprintf(stderr, "usage: lathe-recipe-bench [CSV] [--one-hot A,B] [--scale C,D]\n");
      return 2;
    }
  }
  try {
    jobs::NullProgressSink sink;
    std::stop_source stop;
    const jobs::JobContext context(stop.get_token(), sink);
    auto start = std::chrono::steady_clock::now();
    data::ImportRequest request;
    request.path = csv;
    const data::Table table = data::DataImporter::import(request, context).table;
    const double importSeconds = secondsSince(start);

    wrangle::Recipe recipe;
    // Airports number a few hundred: the default guard of 200 levels is raised for them.
    recipe.append(wrangle::StepRegistry::create("one_hot", {{"columns", oneHot}, {"max_levels", 1000}}));
    recipe.append(wrangle::StepRegistry::create("scale", {{"columns", scale}, {"method", "standard"}}));
    start = std::chrono::steady_clock::now();
    const data::Table out = recipe.fit(table, &context);
    const double recipeSeconds = secondsSince(start);
    std::printf("{\"rows\":%zu,\"columns_in\":%zu,\"columns_out\":%zu,\"import_seconds\":%.3f,"
                "\"recipe_seconds\":%.3f}\n",
                out.rowCount(), table.columnCount(), out.columnCount(), importSeconds, recipeSeconds);
  } catch (const Error& e) {
    std::fprintf(stderr, "lathe-recipe-bench: %s\n", e.what());
    return 2;
  }
  return 0;
}
