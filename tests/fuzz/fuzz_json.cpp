// The JSON reader on arbitrary bytes: a table or a lathe::Error, nothing else.
#include <cstdint>
#include <string_view>

#include "engine/core/Error.h"
#include "engine/data/JsonReader.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"

#include <stop_token>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  const lathe::jobs::JobContext context(stop.get_token(), sink);
  try {
    const auto result = lathe::data::readJsonBytes(std::string_view(reinterpret_cast<const char*>(data), size),
                                                   "fuzz.json", context);
    for (const auto& column : result.table.columns())
      for (std::size_t row = 0; row < column->size(); ++row) (void)column->displayText(row);
  } catch (const lathe::Error&) {
  }
  return 0;
}
