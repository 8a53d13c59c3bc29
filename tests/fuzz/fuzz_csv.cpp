// The whole CSV import on arbitrary bytes: any input gives a table or a lathe::Error, never a
// crash, a hang or undefined behaviour. The first byte picks options so the fuzzer also explores
// forced delimiters, headers and encodings.
#include <cstdint>
#include <string_view>

#include "engine/core/Error.h"
#include "engine/data/CsvReader.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"

#include <stop_token>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  lathe::data::CsvOptions options;
  const std::uint8_t pick = data[0];
  if (pick & 1) options.delimiter = ";,\t|"[(pick >> 1) & 3];
  if (pick & 8) options.header = (pick & 16) != 0;
  if (pick & 32) options.encoding = (pick & 64) ? "cp949" : "utf-16";
  options.threads = (pick & 128) ? 2 : 1;
  options.maxFieldBytes = 1024;
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  const lathe::jobs::JobContext context(stop.get_token(), sink);
  try {
    const auto result = lathe::data::CsvReader::readBytes(
        std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), "fuzz.csv", options, context);
    // Every cell must be readable.
    for (const auto& column : result.table.columns())
      for (std::size_t row = 0; row < column->size(); ++row) (void)column->displayText(row);
  } catch (const lathe::Error&) {
  }
  return 0;
}
