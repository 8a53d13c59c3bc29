#include "engine/wrangle/RowSampling.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace lathe::wrangle {
namespace {
__extension__ typedef unsigned __int128 Wide;  // g++ and clang; __extension__ keeps -Wpedantic quiet
}  // namespace

std::size_t RowSampling::below(std::size_t bound) {
  // Lemire's multiply-shift with rejection: unbiased, and defined by the engine's output alone.
  const std::uint64_t range = bound;
  Wide product = static_cast<Wide>(engine_()) * range;
  auto low = static_cast<std::uint64_t>(product);
  if (low < range) {
    const std::uint64_t threshold = (0 - range) % range;
    while (low < threshold) {
      product = static_cast<Wide>(engine_()) * range;
      low = static_cast<std::uint64_t>(product);
    }
  }
  return static_cast<std::size_t>(product >> 64);
}

void RowSampling::shuffle(std::vector<std::size_t>& rows) {
  for (std::size_t i = rows.size(); i > 1; --i) std::swap(rows[i - 1], rows[below(i)]);
}

std::vector<std::size_t> RowSampling::choose(const std::vector<std::size_t>& rows, std::size_t count) {
  count = std::min(count, rows.size());
  // Knuth's selection sampling: one pass, the chosen rows come out in order.
  std::vector<std::size_t> chosen;
  chosen.reserve(count);
  std::size_t needed = count;
  for (std::size_t i = 0; i < rows.size() && needed > 0; ++i) {
    const std::size_t left = rows.size() - i;
    if (below(left) < needed) {
      chosen.push_back(rows[i]);
      --needed;
    }
  }
  return chosen;
}

std::vector<std::size_t> RowSampling::apportion(const std::vector<double>& weights, std::size_t total) {
  std::vector<std::size_t> parts(weights.size(), 0);
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (weights.empty() || !(sum > 0)) return parts;
  std::vector<double> remainders(weights.size());
  std::size_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = weights[i] / sum * static_cast<double>(total);
    parts[i] = static_cast<std::size_t>(std::floor(exact));
    remainders[i] = exact - std::floor(exact);
    given += parts[i];
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  for (std::size_t k = 0; given < total && k < order.size(); ++k, ++given) ++parts[order[k]];
  return parts;
}

std::vector<std::vector<std::size_t>> RowSampling::groupRows(const data::Column& column) {
  std::vector<std::vector<std::size_t>> groups;
  std::vector<std::size_t> missing;
  if (column.type() == data::ColumnType::Categorical) {
    std::vector<std::int64_t> groupOfCode(column.levels().size(), -1);
    const auto codes = column.codes();
    for (std::size_t row = 0; row < column.size(); ++row) {
      if (!column.isValid(row)) {
        missing.push_back(row);
        continue;
      }
      auto& group = groupOfCode[static_cast<std::size_t>(codes[row])];
      if (group < 0) group = static_cast<std::int64_t>(groups.size()), groups.emplace_back();
      groups[static_cast<std::size_t>(group)].push_back(row);
    }
  } else {
    std::unordered_map<std::string, std::size_t> groupOf;
    for (std::size_t row = 0; row < column.size(); ++row) {
      if (!column.isValid(row)) {
        missing.push_back(row);
        continue;
      }
      auto [it, added] = groupOf.try_emplace(column.displayText(row), groups.size());
      if (added) groups.emplace_back();
      groups[it->second].push_back(row);
    }
  }
  if (!missing.empty()) groups.push_back(std::move(missing));
  return groups;
}

}  // namespace lathe::wrangle
