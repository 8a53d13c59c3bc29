#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/data/ArffDateFormat.h"
#include "engine/data/ArffLineReader.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::data {

// The attribute types Lathe reads; "real" reads as Numeric. Relational attributes are refused.
enum class ArffType : std::uint8_t { Numeric, Integer, Nominal, String, Date };

struct ArffAttribute {
  std::string name;
  ArffType type = ArffType::Numeric;
  std::vector<std::string> levels;  // Nominal: the declared values, in declared order
  ArffDateFormat dateFormat;        // Date
  std::int64_t line = -1;           // where it was declared
};

// The declarations before @data: the relation's name and the attributes, in order.
struct ArffHeader {
  std::string relation;
  std::vector<ArffAttribute> attributes;

  // Reads lines up to and including @data. Throws lathe::Error(Parse) for bytes that are not an
  // ARFF header (binary data, a missing @data, an unknown type) and lathe::Error(Unsupported)
  // for relational attributes, each naming the line.
  static ArffHeader read(ArffLineReader& lines, const jobs::JobContext& context);
};

}  // namespace lathe::data
