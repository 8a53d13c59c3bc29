// The project store on real data: import a CSV, store it in a new project, close it, reopen it
// (open + list), read one column, read the whole table. Prints one JSON line of seconds and sizes.
// Usage: lathe-store-bench [CSV] [--column N] [--keep PROJECT]
//   CSV defaults to build/bench-data/flights-3m.csv; the project goes to a temporary folder and
//   is removed afterwards unless --keep names where to leave it.
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stop_token>
#include <string>
#include <unistd.h>

#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobContext.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"

namespace fs = std::filesystem;
using namespace lathe;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string jsonString(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);  // as the apps do: freed column buffers go back to the OS
  std::string csv = "build/bench-data/flights-3m.csv";
  std::string keep;
  std::size_t columnIndex = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--column" && i + 1 < argc) columnIndex = std::stoul(argv[++i]);
    else if (arg == "--keep" && i + 1 < argc) keep = argv[++i];
    else if (!arg.starts_with("--")) csv = arg;
    else {
      std::fprintf(stderr, "usage: lathe-store-bench [CSV] [--column N] [--keep PROJECT]\n");
      return 2;
    }
  }
  const fs::path folder = fs::temp_directory_path() / ("lathe-store-bench-" + std::to_string(::getpid()));
  const std::string path = keep.empty() ? (folder / "bench.lathe").string() : keep;
  try {
    if (keep.empty()) fs::create_directories(folder);
    jobs::NullProgressSink sink;
    std::stop_source stop;
    const jobs::JobContext context(stop.get_token(), sink);

    auto start = std::chrono::steady_clock::now();
    data::ImportRequest request;
    request.path = csv;
    const data::Table table = data::DataImporter::import(request, context).table;
    const double importSeconds = secondsSince(start);

    start = std::chrono::steady_clock::now();
    auto project = store::Project::create(path, store::ProjectInfo{"Store benchmark", {}, {}, {}, {}, {}, {}});
    store::DatasetOrigin origin;
    origin.sourcePath = fs::absolute(csv).string();
    const std::int64_t versionId = store::DatasetRepository(project->db()).addDataset("flights", table, origin, &context);
    const double storeSeconds = secondsSince(start);

    start = std::chrono::steady_clock::now();
    project.reset();  // checkpoints the WAL: a closed project is one file
    const double closeSeconds = secondsSince(start);
    const auto projectBytes = fs::file_size(path);

    start = std::chrono::steady_clock::now();
    project = store::Project::open(path);
    store::DatasetRepository repository(project->db());
    const auto datasets = repository.list();
    const double reopenSeconds = secondsSince(start);
    if (datasets.size() != 1 || datasets.front().versions.front().rowCount != static_cast<std::int64_t>(table.rowCount()))
      throw Error(ErrorCode::Internal, "the reopened project does not list the stored dataset");

    start = std::chrono::steady_clock::now();
    const auto column = repository.loadColumn(versionId, columnIndex, &context);
    const double columnSeconds = secondsSince(start);

    start = std::chrono::steady_clock::now();
    const data::Table loaded = repository.loadTable(versionId, {}, &context);
    const double tableSeconds = secondsSince(start);
    if (loaded.rowCount() != table.rowCount() || loaded.columnCount() != table.columnCount())
      throw Error(ErrorCode::Internal, "the table read back differs in shape");

    std::printf(
        "{\"csv\":%s,\"csv_bytes\":%llu,\"rows\":%zu,\"columns\":%zu,\"project_bytes\":%llu,"
        "\"import_seconds\":%.3f,\"store_seconds\":%.3f,\"close_seconds\":%.3f,\"reopen_seconds\":%.4f,"
        "\"read_column\":%s,\"read_column_seconds\":%.4f,\"read_table_seconds\":%.3f}\n",
        jsonString(csv).c_str(), static_cast<unsigned long long>(fs::file_size(csv)), table.rowCount(),
        table.columnCount(), static_cast<unsigned long long>(projectBytes), importSeconds, storeSeconds, closeSeconds,
        reopenSeconds, jsonString(column->name()).c_str(), columnSeconds, tableSeconds);
    project.reset();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lathe-store-bench: %s\n", e.what());
    if (keep.empty()) fs::remove_all(folder);
    return 2;
  }
  if (keep.empty()) fs::remove_all(folder);
  return 0;
}
