#include "engine/data/CsvDialect.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "engine/data/CsvCursor.h"
#include "engine/data/ValueParsing.h"

namespace lathe::data {
namespace {

constexpr std::size_t kSampleBytes = 64 * 1024;
constexpr int kSampleRecords = 100;

// The end of the sample: the last newline inside the first 64 KiB (or the whole text).
std::size_t sampleEnd(std::string_view text) {
  if (text.size() <= kSampleBytes) return text.size();
  const std::size_t nl = text.rfind('\n', kSampleBytes);
  return nl == std::string_view::npos ? kSampleBytes : nl + 1;
}

// The first records, with the storage their unescaped fields point into (fields with doubled
// quotes are not views of the text, so they must not outlive the cursor's storage).
struct SampleRecords {
  std::vector<std::vector<CsvField>> records;
  std::deque<std::string> storage;
};

SampleRecords sampleRecords(std::string_view text, char delimiter, char quote) {
  SampleRecords sample;
  CsvCursor cursor(text, 0, sampleEnd(text), delimiter, quote, ~std::uint64_t{0});
  std::vector<CsvField> fields;
  try {
    while (static_cast<int>(sample.records.size()) < kSampleRecords && cursor.next(fields))
      sample.records.push_back(fields);
  } catch (const Error&) {
    // A quote still open at the end of the sample: judge by the records read so far.
  }
  sample.storage = cursor.takeStorage();
  return sample;
}

// How well `delimiter` splits the sample: the share of records with the most common field count,
// or 0 when that count is 1.
double score(const std::vector<std::vector<CsvField>>& records, std::size_t& fieldCount) {
  std::map<std::size_t, int> counts;
  for (const auto& record : records) ++counts[record.size()];
  if (counts.empty()) return 0.0;
  const auto mode = std::max_element(counts.begin(), counts.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
  fieldCount = mode->first;
  if (fieldCount < 2) return 0.0;
  return static_cast<double>(mode->second) / static_cast<double>(records.size());
}

// The types a value reads as, as bits.
enum : unsigned { kBool = 1, kInt = 2, kFloat = 4, kDate = 8 };

unsigned typesOf(std::string_view value, char decimal) {
  std::int64_t i;
  double d;
  bool b;
  unsigned types = 0;
  if (parseBool(value, b)) types |= kBool;
  if (parseInt64(value, i)) types |= kInt | kFloat;
  else if (parseFloat64(value, d, decimal)) types |= kFloat;
  if (parseDatetime(value, i, DateOrder::MonthFirst) || parseDatetime(value, i, DateOrder::DayFirst)) types |= kDate;
  return types;
}

// Whether the first record names the columns. It does when one of its fields does not fit the
// type the rest of its column shares ("y" over numbers, "date" over dates), so a name that is also
// a value ("y", "t", "n" are yes/no tokens) is still a name. Otherwise it does unless every field
// in it is a value (a file without a header); a column of text below says nothing.
bool firstRecordIsHeader(const std::vector<std::vector<CsvField>>& records, char decimal,
                         const std::vector<std::string>& missingTokens) {
  const auto absent = [&](std::string_view value) {
    return trimSpaces(value).empty() || isMissingToken(value, missingTokens);
  };
  const auto& first = records.front();
  for (std::size_t column = 0; column < first.size(); ++column) {
    unsigned shared = kBool | kInt | kFloat | kDate;
    bool any = false;
    for (std::size_t row = 1; row < records.size() && shared != 0; ++row) {
      if (column >= records[row].size() || absent(records[row][column].value)) continue;
      shared &= typesOf(records[row][column].value, decimal);
      any = true;
    }
    if (any && shared != 0 && !absent(first[column].value) && (typesOf(first[column].value, decimal) & shared) == 0)
      return true;
  }
  const bool allValues = std::all_of(first.begin(), first.end(), [&](const CsvField& f) {
    return !trimSpaces(f.value).empty() && typesOf(f.value, decimal) != 0;
  });
  return !allValues;
}

bool hasDecimalCommas(const std::vector<std::vector<CsvField>>& records) {
  int commaNumbers = 0, dotNumbers = 0;
  double d;
  for (std::size_t r = 1; r < records.size(); ++r)
    for (const auto& field : records[r]) {
      if (field.value.find(',') != std::string_view::npos && parseFloat64(field.value, d, ',')) ++commaNumbers;
      else if (field.value.find('.') != std::string_view::npos && parseFloat64(field.value, d, '.')) ++dotNumbers;
    }
  return commaNumbers > dotNumbers;
}

}  // namespace

CsvDialect CsvDialect::sniff(std::string_view text, const CsvOptions& options) {
  CsvDialect dialect;
  dialect.quote = options.quote;
  if (options.delimiter) {
    dialect.delimiter = *options.delimiter;
  } else {
    double best = 0.0;
    std::size_t bestFields = 0;
    for (char candidate : {',', ';', '\t', '|'}) {
      std::size_t fields = 0;
      const double s = score(sampleRecords(text, candidate, dialect.quote).records, fields);
      // Consistency first; between equally consistent candidates, more fields.
      if (s > best + 1e-9 || (s > 0 && std::abs(s - best) <= 1e-9 && fields > bestFields)) {
        best = s;
        bestFields = fields;
        dialect.delimiter = candidate;
      }
    }
  }
  const SampleRecords sample = sampleRecords(text, dialect.delimiter, dialect.quote);
  const auto& records = sample.records;
  dialect.decimal = options.decimal.value_or(dialect.delimiter == ';' && hasDecimalCommas(records) ? ',' : '.');
  if (options.header) {
    dialect.header = *options.header;
  } else if (!records.empty()) {
    dialect.header = firstRecordIsHeader(records, dialect.decimal, options.missingTokens);
  }
  return dialect;
}

}  // namespace lathe::data
