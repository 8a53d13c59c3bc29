#include "app/cli/PredictCommand.h"

#include <chrono>
#include <nlohmann/json.hpp>
#include <ostream>

#include "app/cli/Cli.h"
#include "app/cli/CommandLine.h"
#include "app/cli/ConsoleJob.h"
#include "engine/deploy/BatchScoringJob.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"

namespace lathe::cli {

int runPredict(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
  const CommandLine line(args, {{"--model", "--input", "--dataset", "--output"}, {"--key"}, {"--json"}});
  if (line.positionals().size() != 1) throw UsageError{"predict takes one PROJECT (see lathe --help)"};
  const auto model = line.value("--model");
  const auto input = line.value("--input");
  const auto dataset = line.value("--dataset");
  const auto output = line.value("--output");
  if (!model || !output || input.has_value() == dataset.has_value())
    throw UsageError{"predict needs --model NAME[:VERSION], one of --input FILE or --dataset NAME[:VERSION], and --output FILE"};
  store::ProjectOpenOptions options;
  options.readOnly = true;  // scoring only reads the project, so it works while the studio has it open
  const std::shared_ptr<store::Project> project = store::Project::open(line.positionals().front(), options);
  deploy::BatchScoringRequest request;
  request.model = *model;
  if (input) request.inputPath = *input;
  else request.datasetVersionId = store::DatasetRepository(project->db()).findVersion(*dataset).id;
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
