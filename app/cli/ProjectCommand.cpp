#include "app/cli/ProjectCommand.h"

#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "app/cli/Cli.h"
#include "app/cli/CommandLine.h"
#include "app/cli/ConsoleJob.h"
#include "app/cli/ImportOptions.h"
#include "app/cli/WritableProject.h"
#include "engine/data/ImportRequestJson.h"
#include "engine/jobs/Job.h"
#include "engine/pipeline/DemoProject.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectFiles.h"
#include "engine/store/ProjectInfoRepository.h"
#include "engine/store/ProjectLock.h"
#include "engine/store/RunRepository.h"
#include "engine/store/StoreDatasetJob.h"

namespace lathe::cli {
namespace {

using nlohmann::ordered_json;

// The metrics of the CLI contract; for these, lower is better.
bool knownMetric(const std::string& name, bool& lowerIsBetter) {
  static const char* higher[] = {"accuracy", "balanced_accuracy", "precision", "recall", "f1",
                                 "f1_macro", "roc_auc", "pr_auc", "r2"};
  static const char* lower[] = {"log_loss", "mse", "rmse", "mae"};
  for (const char* m : higher)
    if (name == m) return lowerIsBetter = false, true;
  for (const char* m : lower)
    if (name == m) return lowerIsBetter = true, true;
  return false;
}

double parseNumber(const std::string& option, const std::string& text) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    throw UsageError{option + " takes a finite number, not '" + text + "'"};
  return value;
}

std::string number(double v) {
  std::ostringstream s;
  s << std::setprecision(6) << v;
  return s.str();
}

// Where the demo's credit-g.arff is: $LATHE_DEMO_DATA, else installed beside the binary
// (<prefix>/share/lathe/demo), else the source tree's resources/demo or the shared datasets above
// the build folder (a development build). The engine has no resources, so the CLI hands it the bytes.
std::string demoDataPath() {
  namespace fs = std::filesystem;
  if (const char* given = std::getenv("LATHE_DEMO_DATA"); given && *given) return given;
  std::error_code error;
  const fs::path exe = fs::read_symlink("/proc/self/exe", error);
  std::vector<fs::path> tried;
  if (!error) {
    tried.push_back(exe.parent_path() / "../share/lathe/demo/credit-g.arff");
    for (fs::path at = exe.parent_path(); !at.empty() && tried.size() < 10; at = at.parent_path()) {
      tried.push_back(at / "resources/demo/credit-g.arff");  // the source tree (a development build)
      tried.push_back(at / "shared/datasets/credit-g.arff");
      if (at == at.parent_path()) break;
    }
  }
  for (const auto& candidate : tried)
    if (fs::is_regular_file(candidate, error)) return candidate.lexically_normal().string();
  throw Error(ErrorCode::InvalidArgument,
              "cannot find the demo's data, credit-g.arff (looked beside lathe in ../share/lathe/demo and in the "
              "source tree's shared/datasets); set LATHE_DEMO_DATA to its path");
}

std::string readDemoData(const std::string& path) {
  constexpr std::uintmax_t kLimit = 64u << 20;  // credit-g is 150 kB; anything huge is not it
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error) throw Error(ErrorCode::Io, "cannot read the demo's data: " + error.message(), {path});
  if (size > kLimit) throw Error(ErrorCode::InvalidArgument, "the demo's data is too large to be credit-g.arff", {path});
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size())))
    throw Error(ErrorCode::Io, "cannot read the demo's data", {path});
  return bytes;
}

// DemoProject::write as a console job: progress, and Ctrl-C leaves no file.
class WriteDemoJob final : public jobs::Job {
 public:
  WriteDemoJob(std::string path, std::string arff) : path_(std::move(path)), arff_(std::move(arff)) {}
  std::string name() const override { return "Write the demo project"; }
  void run(jobs::JobContext& context) override { pipeline::DemoProject::write(path_, arff_, context); }

 private:
  std::string path_;
  std::string arff_;
};

int newProject(const std::vector<std::string>& args, std::ostream& out) {
  const CommandLine line(args, {{"--name", "--goal", "--kpi", "--target"}, {}, {"--demo"}});
  if (line.positionals().size() != 1) throw UsageError{"project new takes one PATH (see lathe --help)"};
  const std::string& path = line.positionals().front();
  const bool demo = line.flag("--demo");
  if (!demo && !line.value("--name")) throw UsageError{"project new needs --name N or --demo"};

  store::ProjectInfo info = demo ? pipeline::DemoProject::info() : store::ProjectInfo{};
  if (auto name = line.value("--name")) info.name = *name;
  if (info.name.empty()) throw UsageError{"--name must not be empty"};
  if (auto goal = line.value("--goal")) info.goal = *goal;
  if (auto kpi = line.value("--kpi")) {
    bool lowerIsBetter = false;
    if (!knownMetric(*kpi, lowerIsBetter)) throw UsageError{"--kpi: unknown metric '" + *kpi + "' (see lathe --help)"};
    info.kpi = {*kpi, !lowerIsBetter, std::nullopt};
  }
  if (auto target = line.value("--target")) {
    if (info.kpi.metric.empty()) throw UsageError{"--target needs --kpi METRIC"};
    info.kpi.target = parseNumber("--target", *target);
  }

  if (!demo) {
    store::Project::create(path, info);
    out << "created project '" << info.name << "' at " << path << '\n';
    return kExitOk;
  }
  WriteDemoJob write(path, readDemoData(demoDataPath()));
  runConsoleJob(write);
  if (!(info == pipeline::DemoProject::info())) {
    // The options given beside --demo override its name, goal or KPI.
    try {
      auto project = store::Project::open(path);
      store::ProjectInfoRepository(project->db()).save(info);
    } catch (...) {
      store::ProjectFiles::removeWithSidecars(path);
      throw;
    }
  }
  out << "created project '" << info.name << "' at " << path << " with dataset '" << pipeline::DemoProject::kDataset
      << "' (1000 rows, 21 columns) and pipeline '" << pipeline::DemoProject::kPipeline << "'\n";
  return kExitOk;
}

int addData(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommandLine::Spec spec{{"--name"}, {}, {"--json"}};
  ImportOptions::addTo(spec);
  const CommandLine line(args, spec);
  if (line.positionals().size() != 2) throw UsageError{"project add-data takes a PATH and a FILE (see lathe --help)"};
  const std::string& path = line.positionals()[0];
  const std::string& file = line.positionals()[1];
  std::string name = line.value("--name").value_or(std::filesystem::path(file).stem().string());
  if (name.empty()) name = std::filesystem::path(file).filename().string();
  if (name.empty()) throw UsageError{"--name must not be empty"};

  // Opened first, so a project the studio has open fails before the import.
  std::shared_ptr<store::Project> project = openWritableProject(path);

  const data::ImportRequest request = ImportOptions::request(line, file);
  data::ImportJob import(request);
  runConsoleJob(import);
  data::ImportResult& result = import.result();
  auto table = std::make_shared<const data::Table>(std::move(result.table));

  store::DatasetOrigin origin;
  std::error_code error;
  const auto absolute = std::filesystem::absolute(file, error);
  origin.sourcePath = error ? file : absolute.lexically_normal().string();
  origin.importOptionsJson = data::importRequestToJson(request);
  store::StoreDatasetJob storeJob(project, name, table, origin);
  runConsoleJob(storeJob);
  const auto version = store::DatasetRepository(project->db()).version(storeJob.versionId());

  if (line.flag("--json")) {
    ordered_json doc{{"dataset", name},
                     {"dataset_id", version ? version->datasetId : 0},
                     {"version_id", storeJob.versionId()},
                     {"version", version ? version->version : 0},
                     {"rows", table->rowCount()},
                     {"columns", table->columnCount()},
                     {"warnings", ordered_json::array()}};
    for (const auto& w : result.warnings) doc["warnings"].push_back(ImportOptions::warningText(w));
    out << doc.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
    return kExitOk;
  }
  for (const auto& w : result.warnings) err << "warning: " << ImportOptions::warningText(w) << '\n';
  out << "stored " << file << " in " << path << " as dataset '" << name << "' version "
      << (version ? version->version : 0) << ": " << table->rowCount() << " rows, " << table->columnCount()
      << " columns; version id " << storeJob.versionId() << '\n';
  return kExitOk;
}

// Why a project could not be written now. `info` opens read-only on purpose, so it asks the
// file system and the lock instead (taking the lock for an instant, never holding it).
std::string readOnlyReason(const store::Project& project) {
  if (project.readOnlyReason() == store::ReadOnlyReason::Damaged)
    return store::readOnlyReasonText(store::ReadOnlyReason::Damaged);
  const std::string& path = project.path();
  const std::string folder = store::ProjectFiles::folderOf(path);
  struct stat st {};
  const bool fileWritable = ::stat(path.c_str(), &st) == 0 && (st.st_mode & 0222) && ::access(path.c_str(), W_OK) == 0;
  const bool folderWritable = ::stat(folder.c_str(), &st) == 0 && (st.st_mode & 0222) && ::access(folder.c_str(), W_OK) == 0;
  if (!fileWritable || !folderWritable) return store::readOnlyReasonText(store::ReadOnlyReason::FileNotWritable);
  store::ProjectLock probe;
  if (!probe.tryAcquire(path)) return store::readOnlyReasonText(store::ReadOnlyReason::InUse);
  return {};
}

ordered_json optionalNumber(const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }

ordered_json optionalText(const std::string& text) { return text.empty() ? ordered_json(nullptr) : ordered_json(text); }

int info(const std::vector<std::string>& args, std::ostream& out) {
  const CommandLine line(args, {{}, {}, {"--json"}});
  if (line.positionals().size() != 1) throw UsageError{"project info takes one PATH (see lathe --help)"};
  store::ProjectOpenOptions options;
  options.readOnly = true;
  auto project = store::Project::open(line.positionals().front(), options);
  const store::ProjectInfo about = store::ProjectInfoRepository(project->db()).load();
  const auto datasets = store::DatasetRepository(project->db()).list();
  store::RunRepository runs(project->db());
  const std::int64_t format = project->db().queryInt("PRAGMA user_version");
  const std::string readOnly = readOnlyReason(*project);

  if (line.flag("--json")) {
    ordered_json doc{{"name", about.name}, {"description", about.description}, {"goal", about.goal}};
    doc["kpi"] = {{"metric", optionalText(about.kpi.metric)},
                  {"direction", about.kpi.higherIsBetter ? "maximize" : "minimize"},
                  {"target", optionalNumber(about.kpi.target)}};
    doc["costs"] = {{"tp", optionalNumber(about.costs.truePositive)}, {"fp", optionalNumber(about.costs.falsePositive)},
                    {"fn", optionalNumber(about.costs.falseNegative)}, {"tn", optionalNumber(about.costs.trueNegative)}};
    doc["format"] = format;
    doc["read_only"] = !readOnly.empty();
    doc["read_only_reason"] = optionalText(readOnly);
    doc["datasets"] = ordered_json::array();
    for (const auto& d : datasets) {
      ordered_json versions = ordered_json::array();
      for (const auto& v : d.versions)
        versions.push_back({{"id", v.id}, {"version", v.version}, {"rows", v.rowCount}, {"columns", v.columnCount},
                            {"source", optionalText(v.origin.sourcePath)},
                            {"parent", v.origin.parentVersionId ? ordered_json(*v.origin.parentVersionId) : ordered_json(nullptr)},
                            {"recipe_hash", optionalText(v.origin.recipeHash)}, {"content_hash", v.contentHash},
                            {"stored_bytes", v.storedBytes}});
      doc["datasets"].push_back({{"id", d.id}, {"name", d.name}, {"versions", std::move(versions)}});
    }
    doc["runs"] = runs.count();
    doc["models"] = runs.modelCount();
    out << doc.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
    return kExitOk;
  }

  out << about.name << "  (" << project->path() << ")\n";
  if (!about.description.empty()) out << "  description: " << about.description << '\n';
  out << "  goal:        " << (about.goal.empty() ? "(not written yet)" : about.goal) << '\n';
  out << "  KPI:         ";
  if (about.kpi.metric.empty()) out << "(not chosen yet)";
  else out << about.kpi.metric << (about.kpi.target ? (about.kpi.higherIsBetter ? " >= " : " <= ") + number(*about.kpi.target)
                                                    : std::string(about.kpi.higherIsBetter ? ", higher is better" : ", lower is better"));
  out << '\n';
  if (about.costs.isSet()) {
    const auto cost = [](const std::optional<double>& v) { return v ? number(*v) : std::string("-"); };
    out << "  values:      TP " << cost(about.costs.truePositive) << "  FP " << cost(about.costs.falsePositive) << "  FN "
        << cost(about.costs.falseNegative) << "  TN " << cost(about.costs.trueNegative) << '\n';
  }
  out << "  format:      " << format << '\n';
  out << "  read-only:   " << (readOnly.empty() ? "no" : "yes (" + readOnly + ")") << '\n';
  out << "datasets: " << datasets.size() << '\n';
  for (const auto& d : datasets) {
    out << "  " << d.name << "  (id " << d.id << ")\n";
    for (const auto& v : d.versions) {
      out << "    v" << v.version << "  id " << v.id << "  " << v.rowCount << " rows x " << v.columnCount << " columns  "
          << v.storedBytes << " bytes stored  sha256 " << v.contentHash.substr(0, 12);
      if (!v.origin.sourcePath.empty()) out << "  from " << v.origin.sourcePath;
      if (v.origin.parentVersionId) out << "  from version id " << *v.origin.parentVersionId;
      if (!v.origin.recipeHash.empty()) out << " by recipe " << v.origin.recipeHash.substr(0, 12);
      out << '\n';
    }
  }
  out << "runs: " << runs.count() << "  models: " << runs.modelCount() << '\n';
  return kExitOk;
}

}  // namespace

int runProject(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) throw UsageError{"project needs a subcommand: new, add-data or info (see lathe --help)"};
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args.front() == "new") return newProject(rest, out);
  if (args.front() == "add-data") return addData(rest, out, err);
  if (args.front() == "info") return info(rest, out);
  throw UsageError{"unknown subcommand '" + args.front() + "' (new, add-data or info)"};
}

}  // namespace lathe::cli
