// The Data dock's work on a big table, each timed RUNS times after one import: a formula filter
// (FilterTableJob: delay > 60 and origin == "ATL"), the correlation matrix of the numeric
// columns, and a scatter sample of delay against distance coloured by origin (20,000 points and a
// density grid of every row). Prints one JSON line: seconds per run, and what each produced so
// the script can check it against pandas.
// Usage: lathe-explore-bench CSV RUNS
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <stop_token>
#include <string>

#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/explore/CorrelationMatrix.h"
#include "engine/explore/ScatterSample.h"
#include "engine/expr/FilterTableJob.h"
#include "engine/jobs/JobContext.h"

using namespace lathe;

namespace {

std::string timed(int runs, const std::function<void()>& work) {
  std::string seconds = "[";
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    work();
    seconds += (run ? "," : "") + std::to_string(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return seconds + "]";
}

}  // namespace

int main(int argc, char** argv) {
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);  // as the apps do
  if (argc != 3) {
    std::fprintf(stderr, "usage: lathe-explore-bench CSV RUNS\n");
    return 2;
  }
  try {
    std::stop_source stop;
    jobs::NullProgressSink sink;
    jobs::JobContext context(stop.get_token(), sink);
    data::ImportRequest request;
    request.path = argv[1];
    const int runs = std::max(1, std::stoi(argv[2]));
    const auto table = std::make_shared<const data::Table>(data::DataImporter::import(request, context).table);

    std::size_t kept = 0;
    const std::string filterSeconds = timed(runs, [&] {
      expr::FilterTableJob job(table, expr::Formula::parse(R"(delay > 60 and origin == "ATL")"));
      job.run(context);
      kept = job.result()->size();
    });
    double correlation = 0.0;
    const std::string correlationSeconds = timed(runs, [&] {
      const auto matrix = explore::CorrelationMatrix::of(*table, context);
      correlation = matrix.at(0, 1);
    });
    std::size_t points = 0;
    std::uint64_t total = 0;
    const std::string scatterSeconds = timed(runs, [&] {
      const auto sample = explore::ScatterSample::of(*table, "distance", "delay", "origin", context);
      points = sample.x.size();
      total = sample.totalPoints;
    });
    std::printf("{\"rows\":%zu,\"filter\":{\"seconds\":%s,\"kept\":%zu},\"corr\":{\"seconds\":%s,\"delay_distance\":%.12f},"
                "\"scatter\":{\"seconds\":%s,\"points\":%zu,\"total\":%llu}}\n",
                table->rowCount(), filterSeconds.c_str(), kept, correlationSeconds.c_str(), correlation,
                scatterSeconds.c_str(), points, static_cast<unsigned long long>(total));
    return 0;
  } catch (const Error& e) {
    std::fprintf(stderr, "%s\n", formatError(e.message(), e.where()).c_str());
    return 2;
  }
}
