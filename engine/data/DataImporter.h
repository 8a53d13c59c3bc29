#pragma once
#include <string>
#include <string_view>

#include "engine/data/CsvOptions.h"
#include "engine/data/ImportResult.h"
#include "engine/jobs/Job.h"

namespace lathe::data {

// What to import: a file, its format ("auto" decides from the name and the first bytes), the
// options for delimited text and, for an SQLite database, which table.
struct ImportRequest {
  std::string path;
  std::string format = "auto";  // auto, csv, tsv, arff, json, jsonl, sqlite
  CsvOptions csv;
  std::string sqliteTable;      // empty: the database's only table (an error lists them if several)
};

// The one entry point for importing data from any supported file.
class DataImporter {
 public:
  static ImportResult import(const ImportRequest& request, const jobs::JobContext& context);
  // "csv", "arff", "json", "jsonl" or "sqlite", from the name and the first bytes.
  static std::string detectFormat(const std::string& path, std::string_view head);
};

// DataImporter::import as a background job; the caller takes result() when it has finished.
class ImportJob final : public jobs::Job {
 public:
  explicit ImportJob(ImportRequest request) : request_(std::move(request)) {}
  std::string name() const override;
  void run(jobs::JobContext& context) override { result_ = DataImporter::import(request_, context); }
  const ImportRequest& request() const { return request_; }
  ImportResult& result() { return result_; }

 private:
  ImportRequest request_;
  ImportResult result_;
};

}  // namespace lathe::data
