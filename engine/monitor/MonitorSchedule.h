#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace lathe::monitor {

// Where a monitoring run takes its batch from.
enum class BatchSource : std::uint8_t {
  File,        // a CSV/ARFF/JSON file, read again at every run
  Dataset,     // a project dataset (its newest version)
  RequestLog,  // an endpoint's logged inputs over the last `windowHours`
};

const char* batchSourceName(BatchSource source);  // file, dataset, request_log
BatchSource batchSourceFromName(const std::string& name);  // throws lathe::Error(InvalidArgument)

// A monitoring schedule as the project keeps it: which baseline, which batch, which model, how
// often. It runs while the studio is open and from `lathe monitor PROJECT` (cron).
struct MonitorSchedule {
  std::int64_t id = 0;
  std::string name;
  std::int64_t baselineId = 0;
  BatchSource source = BatchSource::File;
  std::string sourceRef;      // the file's path, the dataset's name, or the endpoint's name
  double windowHours = 24.0;  // RequestLog only
  std::string model;          // a registered version ("churn", "churn:3", "churn:production"); "" = none
  std::string labelsPath;     // true labels that arrived later (a file with the key and the target)
  std::string keyColumn;      // joins labels to the batch's rows
  std::string sensitiveAttribute;  // the column bias is measured on; "" = none
  int intervalMinutes = 60 * 24;
  bool enabled = true;
  std::string lastRunAt;  // ISO 8601 UTC; "" = never

  bool isDue(const std::string& nowIso) const;
};

void to_json(nlohmann::json& out, const MonitorSchedule& schedule);
void from_json(const nlohmann::json& in, MonitorSchedule& schedule);

}  // namespace lathe::monitor
