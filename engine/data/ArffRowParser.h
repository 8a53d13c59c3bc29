#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/data/ArffColumnBuilder.h"
#include "engine/data/ArffLineScanner.h"

namespace lathe::data {

// Reads the rows of an ARFF @data section into the column builders, one line at a time:
// dense rows ("5.1,3.5,Iris-setosa") and sparse ones ("{0 5.1, 4 Iris-setosa}"), each with an
// optional instance weight at the end ("{0.5}"), which is accepted and ignored. An unquoted '?'
// is missing; a quoted '?' is the text "?".
class ArffRowParser {
 public:
  ArffRowParser(std::vector<ArffColumnBuilder>& columns, const ArffLineReader& lines)
      : columns_(columns), lines_(lines) {}

  // Parses one line (blank and comment lines add no row). Throws lathe::Error(Parse) naming the
  // line, the column and the value for a malformed row.
  void parse(std::string_view line);

  // The recoveries worth a warning, folded into one each.
  void addWarnings(std::vector<ImportWarning>& warnings) const;

 private:
  struct Value {
    std::string_view text;
    bool missing = false;
    std::size_t at = 0;
  };
  Value readValue(ArffLineScanner& s, std::string_view stops, bool emptyIsMissing);
  void store(ArffLineScanner& s, std::size_t index, const Value& value);
  void readWeight(ArffLineScanner& s);
  void parseDense(ArffLineScanner& s);
  void parseSparse(ArffLineScanner& s);

  std::vector<ArffColumnBuilder>& columns_;
  const ArffLineReader& lines_;
  std::string scratch_;
  std::size_t weighted_ = 0;
  ErrorLocation firstWeight_;
  std::size_t emptyValues_ = 0;
  ErrorLocation firstEmpty_;
};

}  // namespace lathe::data
