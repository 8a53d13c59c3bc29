#include "app/cli/ImportCommand.h"

#include <chrono>
#include <cmath>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "app/cli/Cli.h"
#include "app/cli/CommandLine.h"
#include "app/cli/ConsoleJob.h"
#include "app/cli/ImportOptions.h"
#include "engine/data/ColumnProfile.h"
#include "engine/data/DataImporter.h"

namespace lathe::cli {
namespace {

std::string number(double v) {
  if (std::isnan(v)) return "";
  std::ostringstream s;
  s << std::setprecision(6) << v;
  return s.str();
}

std::string summary(const data::ColumnProfile& p) {
  using data::ColumnType;
  if (p.count == 0) return "all missing";
  switch (p.type) {
    case ColumnType::Float64:
    case ColumnType::Int64:
      return "min " + number(p.min) + "  mean " + number(p.mean) + "  max " + number(p.max);
    case ColumnType::Datetime:
      return data::formatDatetime(*p.exactMin) + " .. " + data::formatDatetime(*p.exactMax);
    case ColumnType::Bool:
    case ColumnType::Categorical:
    case ColumnType::Text: {
      std::string s = std::to_string(p.distinct) + " distinct";
      if (!p.topCategories.empty())
        s += ", top '" + p.topCategories.front().value + "' (" + std::to_string(p.topCategories.front().count) + ")";
      return s;
    }
  }
  return {};
}

}  // namespace

int runImport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommandLine::Spec spec{{}, {}, {"--json"}};
  ImportOptions::addTo(spec);
  const CommandLine line(args, spec);
  if (line.positionals().size() != 1) throw UsageError{"import takes one FILE (see lathe --help)"};
  const data::ImportRequest request = ImportOptions::request(line, line.positionals().front());

  data::ImportJob job(request);
  const auto start = std::chrono::steady_clock::now();
  runConsoleJob(job);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const data::ImportResult& result = job.result();
  const data::Table& table = result.table;

  jobs::NullProgressSink quiet;
  std::stop_source never;
  const jobs::JobContext profiling(never.get_token(), quiet);

  if (line.flag("--json")) {
    nlohmann::ordered_json doc;
    doc["rows"] = table.rowCount();
    doc["columns"] = nlohmann::json::array();
    for (const auto& column : table.columns())
      doc["columns"].push_back(nlohmann::ordered_json{{"name", column->name()},
                                                      {"type", data::columnTypeName(column->type())},
                                                      {"missing", column->missingCount()}});
    doc["warnings"] = nlohmann::json::array();
    for (const auto& w : result.warnings) doc["warnings"].push_back(ImportOptions::warningText(w));
    doc["seconds"] = std::round(seconds * 1000.0) / 1000.0;
    doc["format"] = result.format;
    doc["encoding"] = result.encoding;
    out << doc.dump() << '\n';
    return kExitOk;
  }

  out << request.path << ": " << table.rowCount() << " rows, " << table.columnCount() << " columns ("
      << result.format << ", " << result.encoding << ") in " << std::fixed << std::setprecision(2) << seconds
      << " s\n\n";
  out << std::defaultfloat;
  std::size_t width = 6;
  for (const auto& column : table.columns()) width = std::max(width, std::min<std::size_t>(column->name().size(), 40));
  out << std::left << std::setw(static_cast<int>(width + 2)) << "column" << std::setw(13) << "type" << std::setw(10)
      << "missing" << "summary\n";
  for (const auto& column : table.columns()) {
    const auto profile = data::profileColumn(*column, profiling);
    out << std::left << std::setw(static_cast<int>(width + 2)) << column->name().substr(0, 40) << std::setw(13)
        << data::columnTypeName(column->type()) << std::setw(10) << column->missingCount() << summary(profile) << '\n';
  }
  for (const auto& w : result.warnings) err << "warning: " << ImportOptions::warningText(w) << '\n';
  return kExitOk;
}

}  // namespace lathe::cli
