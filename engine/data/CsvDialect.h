#pragma once
#include <string_view>

#include "engine/data/CsvOptions.h"

namespace lathe::data {

// The shape of a delimited text file, sniffed from a sample and overridden by the options.
struct CsvDialect {
  char delimiter = ',';
  char quote = '"';
  bool header = true;
  char decimal = '.';

  // Sniffs what `options` leaves unset from the start of the (decoded) text:
  // - delimiter: among , ; tab |, the one that splits the sample's records into the same number
  //   (more than one) of fields most consistently; ',' for a one-column file;
  // - header: yes when a field of the first record does not fit the type the rest of its column
  //   shares in the sample ("y" over numbers); otherwise yes unless every field of the first
  //   record is a number, a date or a boolean;
  // - decimal: ',' when the delimiter is ';' and numbers in the sample are written "3,5".
  static CsvDialect sniff(std::string_view text, const CsvOptions& options);
};

}  // namespace lathe::data
