#include "app/cli/PredictCommand.h"

#include <chrono>
#include <nlohmann/json.hpp>
#include <ostream>

#include "app/cli/Cli.h"
#include "app/cli/CommandLine.h"
#include "app/cli/ConsoleJob.h"
#include "engine/deploy/BatchScoringJob.h"
#include "engine/store/Project.h"

namespace lathe::cli {

int runPredict(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
  const CommandLine line(args, {{"--model", "--input", "--output"}, {"--key"}, {"--json"}});
  if (line.positionals().size() != 1) throw UsageError{"predict takes one PROJECT (see lathe --help)"};
  const auto model = line.value("--model");
  const auto input = line.value("--input");
  const auto output = line.value("--output");
  if (!model || !input || !output) throw UsageError{"predict needs --model NAME[:VERSION], --input FILE and --output FILE"};
  store::ProjectOpenOptions options;
  options.readOnly = true;  // scoring only reads the project, so it works while the studio has it open
  std::shared_ptr<const store::Project> project = store::Project::open(line.positionals().front(), options);
  deploy::BatchScoringRequest request;
  request.model = *model;
  request.inputPath = *input;
  request.outputPath = *output;
  request.keys = line.values("--key");
  const auto started = std::chrono::steady_clock::now();
  deploy::BatchScoringJob job(project, request);
  runConsoleJob(job);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const auto& table = *job.result();
  if (line.flag("--json")) {
    std::vector<std::string> columns;
    for (const auto& column : table.columns()) columns.push_back(column->name());
    out << nlohmann::ordered_json{{"model", job.modelReference()}, {"rows", table.rowCount()}, {"columns", columns},
                                  {"output", *output}, {"seconds", seconds}}
               .dump()
        << '\n';
  } else {
    out << "scored " << table.rowCount() << " rows with " << job.modelReference() << " into " << *output << '\n';
  }
  return kExitOk;
}

}  // namespace lathe::cli
