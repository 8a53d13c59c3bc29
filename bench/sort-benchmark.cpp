// Sorting a real table's rows: imports a CSV once, then sorts it by each named column RUNS times
// (TableSort::rowOrder, both cores) and prints one JSON line: per column the seconds of each run
// and a checksum of the order (sum of position * row) that the script compares with pandas'.
// Usage: lathe-sort-bench CSV RUNS COLUMN...   e.g. lathe-sort-bench flights-3m.csv 5 delay origin
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <stop_token>
#include <string>
#include <vector>

#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/data/TableSort.h"
#include "engine/jobs/JobContext.h"

using namespace lathe;

int main(int argc, char** argv) {
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);  // as the apps do
  if (argc < 4) {
    std::fprintf(stderr, "usage: lathe-sort-bench CSV RUNS COLUMN...\n");
    return 2;
  }
  try {
    std::stop_source stop;
    jobs::NullProgressSink sink;
    const jobs::JobContext context(stop.get_token(), sink);
    data::ImportRequest request;
    request.path = argv[1];
    const int runs = std::max(1, std::stoi(argv[2]));
    const data::Table table = data::DataImporter::import(request, context).table;
    std::string json = "{\"rows\":" + std::to_string(table.rowCount());
    for (int c = 3; c < argc; ++c) {
      const auto index = table.indexOf(argv[c]);
      if (!index) throw Error(ErrorCode::InvalidArgument, std::string("no column ") + argv[c], {request.path});
      const std::vector<data::SortKey> keys{{*index, false}};
      json += ",\"" + std::string(argv[c]) + "\":{\"type\":\"" +
              std::string(data::columnTypeName(table.column(*index).type())) + "\",\"seconds\":[";
      std::uint64_t checksum = 0;
      for (int run = 0; run < runs; ++run) {
        const auto start = std::chrono::steady_clock::now();
        const auto order = data::TableSort::rowOrder(table, keys, context);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        json += (run ? "," : "") + std::to_string(seconds);
        checksum = 0;
        for (std::size_t i = 0; i < order.size(); ++i) checksum += i * order[i];
      }
      json += "],\"checksum\":" + std::to_string(checksum) + "}";
    }
    std::printf("%s}\n", json.c_str());
    return 0;
  } catch (const Error& e) {
    std::fprintf(stderr, "%s\n", formatError(e.message(), e.where()).c_str());
    return 2;
  }
}
