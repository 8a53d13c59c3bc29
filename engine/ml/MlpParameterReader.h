#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace lathe::ml {

// Reads an algorithm's parameters from JSON for its factory (mlp and knn share it): every
// value is checked, and a bad or unknown one is lathe::Error(InvalidArgument) naming the
// algorithm and the parameter ("knn: parameter 'n_neighbors' must be an integer from 1 to
// 100000, got -1"). Numbers may also come as text ("5"), the way the CLI's --param K=V gives them.
class MlpParameterReader {
 public:
  // Refuses anything but an object (null counts as empty) and any key not in `known`.
  MlpParameterReader(std::string algorithm, const nlohmann::json& parameters,
                     std::initializer_list<std::string_view> known);

  double number(const std::string& name, double fallback, double min, double max) const;
  std::int64_t integer(const std::string& name, std::int64_t fallback, std::int64_t min, std::int64_t max) const;
  bool boolean(const std::string& name, bool fallback) const;
  std::string choice(const std::string& name, const std::string& fallback,
                     std::initializer_list<std::string_view> options) const;
  // A list of integers: a JSON array, one number, or text such as "100,50" or "[100, 50]".
  std::vector<std::int64_t> integers(const std::string& name, std::vector<std::int64_t> fallback, std::size_t maxCount,
                                     std::int64_t min, std::int64_t max) const;
  bool has(const std::string& name) const;

 private:
  [[noreturn]] void fail(const std::string& name, const std::string& expected, const nlohmann::json& got) const;
  std::string algorithm_;
  nlohmann::json parameters_;
};

}  // namespace lathe::ml
