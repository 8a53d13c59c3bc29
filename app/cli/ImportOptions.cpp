#include "app/cli/ImportOptions.h"

#include <cstdlib>

namespace lathe::cli {
namespace {

char parseDelimiter(const std::string& text) {
  if (text == "\\t" || text == "tab" || text == "\t") return '\t';
  if (text.size() != 1) throw UsageError{"--delimiter takes one character (or 'tab'), not '" + text + "'"};
  return text.front();
}

}  // namespace

void ImportOptions::addTo(CommandLine::Spec& spec) {
  spec.valued.insert({"--encoding", "--delimiter", "--format", "--table", "--threads"});
  spec.flags.insert("--no-header");
}

data::ImportRequest ImportOptions::request(const CommandLine& line, const std::string& path) {
  data::ImportRequest request;
  request.path = path;
  if (auto e = line.value("--encoding")) request.csv.encoding = *e;
  if (auto d = line.value("--delimiter")) request.csv.delimiter = parseDelimiter(*d);
  if (auto f = line.value("--format")) request.format = *f;
  if (auto t = line.value("--table")) request.sqliteTable = *t;
  if (line.flag("--no-header")) request.csv.header = false;
  if (auto t = line.value("--threads")) {
    request.csv.threads = std::atoi(t->c_str());
    if (request.csv.threads < 1 || request.csv.threads > 256) throw UsageError{"--threads takes a number from 1 to 256"};
  }
  return request;
}

std::string ImportOptions::warningText(const data::ImportWarning& w) {
  return formatError(w.message + (w.count > 1 ? " (" + std::to_string(w.count) + " times)" : ""), w.where);
}

const char* ImportOptions::help() {
  return "                   --format: auto (default), csv, tsv, arff, json, jsonl, sqlite;\n"
         "                   --encoding: auto (default), utf-8, cp949 (euc-kr), utf-16, ...;\n"
         "                   --delimiter: one character or 'tab'; --no-header: the first row\n"
         "                   is data; --table: the SQLite table; --threads: how many cores\n"
         "                   to parse with (default: all).\n";
}

}  // namespace lathe::cli
