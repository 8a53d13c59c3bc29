#include "engine/monitor/PredictionSensitivity.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "engine/data/ColumnGather.h"
#include "engine/deploy/ScoringModel.h"
#include "engine/jobs/JobContext.h"

namespace lathe::monitor {
namespace {

// One number per row that summarises the model's answer, and how two answers differ.
double distance(const deploy::ScoredRows& a, const deploy::ScoredRows& b, std::size_t row, double scale) {
  if (!ml::isClassification(a.task)) return std::abs(a.predicted[row] - b.predicted[row]) / scale;
  const auto& pa = a.probabilities;
  const auto& pb = b.probabilities;
  if (pa.classes == 0 || pb.classes != pa.classes) return a.predicted[row] == b.predicted[row] ? 0.0 : 1.0;
  if (pa.classes == 2) return std::abs(pa.at(row, 1) - pb.at(row, 1));
  double total = 0.0;
  for (std::size_t k = 0; k < pa.classes; ++k) total += std::abs(pa.at(row, k) - pb.at(row, k));
  return total / 2.0;
}

double spread(const std::vector<double>& values) {
  if (values.size() < 2) return 1.0;
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
  double sum = 0.0;
  for (double v : values) sum += (v - mean) * (v - mean);
  const double sd = std::sqrt(sum / double(values.size()));
  return sd > 0.0 && std::isfinite(sd) ? sd : 1.0;
}

}  // namespace

std::vector<std::pair<std::string, double>> PredictionSensitivity::compute(const deploy::ScoringModel& model,
                                                                           const data::Table& rows, std::size_t maxRows,
                                                                           std::uint64_t seed,
                                                                           const jobs::JobContext* context) {
  std::vector<std::pair<std::string, double>> out;
  std::mt19937_64 random(seed);
  std::vector<std::size_t> sample(rows.rowCount());
  std::iota(sample.begin(), sample.end(), std::size_t{0});
  if (sample.size() > maxRows) {
    std::shuffle(sample.begin(), sample.end(), random);
    sample.resize(maxRows);
    std::sort(sample.begin(), sample.end());
  }
  const data::Table base = data::gatherTable(rows, sample);
  const auto& schema = model.inputSchema();
  for (const auto& column : schema) out.emplace_back(column.name, 0.0);
  if (base.rowCount() < 2) return out;
  const deploy::ScoredRows reference = model.score(base);
  const double scale = ml::isClassification(reference.task) ? 1.0 : spread(reference.predicted);

  std::vector<std::size_t> order(base.rowCount());
  for (std::size_t f = 0; f < schema.size(); ++f) {
    if (context) {
      context->throwIfStopped();
      context->progress(double(f) / double(schema.size()), "feature sensitivity");
    }
    const auto index = base.indexOf(schema[f].name);
    if (!index) continue;
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::shuffle(order.begin(), order.end(), random);
    auto columns = base.columns();
    columns[*index] = data::gatherColumn(base.column(*index), order);
    const deploy::ScoredRows shuffled = model.score(data::Table(std::move(columns)));
    double total = 0.0;
    for (std::size_t r = 0; r < base.rowCount(); ++r) total += distance(reference, shuffled, r, scale);
    out[f].second = total / double(base.rowCount());
  }
  return out;
}

}  // namespace lathe::monitor
