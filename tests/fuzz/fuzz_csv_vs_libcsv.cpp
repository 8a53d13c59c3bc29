// Differential fuzzing (BAD_INPUTS case 20): on bytes that Debian's libcsv accepts in strict
// RFC 4180 mode, Lathe's CSV tokenizer must read exactly the same records and fields. Where libcsv
// refuses the input, Lathe's one lenient rule applies instead and nothing is compared.
#include <csv.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/core/Error.h"
#include "engine/data/CsvCursor.h"

namespace {
using Records = std::vector<std::vector<std::string>>;

struct Collector {
  Records records;
  std::vector<std::string> current;
};

void onField(void* data, std::size_t length, void* collector) {
  static_cast<Collector*>(collector)->current.emplace_back(static_cast<const char*>(data), length);
}
void onRecord(int, void* collector) {
  auto* c = static_cast<Collector*>(collector);
  c->records.push_back(std::move(c->current));
  c->current.clear();
}
int noSpaces(unsigned char) { return 0; }  // libcsv trims spaces by default; RFC 4180 does not

bool readWithLibcsv(std::string_view bytes, char delimiter, Records& out) {
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) return false;
  csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
  csv_set_space_func(&parser, noSpaces);
  Collector collector;
  const bool ok = csv_parse(&parser, bytes.data(), bytes.size(), onField, onRecord, &collector) == bytes.size() &&
                  csv_fini(&parser, onField, onRecord, &collector) == 0;
  csv_free(&parser);
  out = std::move(collector.records);
  return ok;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const char delimiter = size && (data[0] & 1) ? ';' : ',';
  Records expected;
  if (!readWithLibcsv(bytes, delimiter, expected)) return 0;

  Records actual;
  try {
    lathe::data::CsvCursor cursor(bytes, 0, bytes.size(), delimiter, '"', ~std::uint64_t{0});
    std::vector<lathe::data::CsvField> fields;
    while (cursor.next(fields)) {
      std::vector<std::string> record;
      for (const auto& f : fields) record.emplace_back(f.value);
      actual.push_back(std::move(record));
    }
  } catch (const lathe::Error&) {
    std::abort();  // libcsv read it strictly, so Lathe must too
  }
  // Both skip empty lines; libcsv also drops a record that is one empty field at the very end.
  std::erase_if(expected, [](const auto& r) { return r.empty() || (r.size() == 1 && r[0].empty()); });
  std::erase_if(actual, [](const auto& r) { return r.empty() || (r.size() == 1 && r[0].empty()); });
  if (expected != actual) std::abort();
  return 0;
}
