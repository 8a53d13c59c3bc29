#pragma once
#include <memory>

#include "engine/data/CsvWriter.h"
#include "engine/jobs/Job.h"

namespace lathe::data {

// writeCsv() as a background job: File > Export Data as CSV.
class ExportCsvJob final : public jobs::Job {
 public:
  ExportCsvJob(std::shared_ptr<const Table> table, std::string path, CsvWriteOptions options)
      : table_(std::move(table)), path_(std::move(path)), options_(std::move(options)) {}
  std::string name() const override { return "Export " + path_; }
  void run(jobs::JobContext& context) override { writeCsv(*table_, path_, options_, context); }
  const std::string& path() const { return path_; }

 private:
  std::shared_ptr<const Table> table_;
  std::string path_;
  CsvWriteOptions options_;
};

}  // namespace lathe::data
