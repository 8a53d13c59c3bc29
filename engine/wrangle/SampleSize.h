#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace lathe::wrangle {

// How many rows a sample takes: a count ("rows": n) or a share ("fraction": 0 < f <= 1), exactly
// one of them. A count above the table's rows takes them all.
struct SampleSize {
  std::optional<std::size_t> rows;
  std::optional<double> fraction;

  static SampleSize fromParameters(const nlohmann::json& parameters, const std::string& kind);
  void writeTo(nlohmann::json& parameters) const;
  std::size_t of(std::size_t population) const;
  std::string describe() const;
};

}  // namespace lathe::wrangle
