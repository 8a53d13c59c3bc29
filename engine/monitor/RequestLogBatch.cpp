#include "engine/monitor/RequestLogBatch.h"

#include "engine/core/Error.h"
#include "engine/data/JsonReader.h"
#include "engine/jobs/JobContext.h"
#include "engine/store/Database.h"
#include "engine/store/Statement.h"
#include "engine/store/Timestamp.h"

namespace lathe::monitor {

data::Table RequestLogBatch::read(store::Database& db, const std::string& endpoint, const Window& window,
                                  const jobs::JobContext& context) {
  store::Statement id = db.prepare("SELECT id FROM endpoint WHERE name = ?1");
  id.bind(1, endpoint);
  if (!id.step()) throw Error(ErrorCode::InvalidArgument, "there is no endpoint \"" + endpoint + "\"", {}, endpoint);
  const std::int64_t endpointId = id.int64(0);
  // The log's times are ISO 8601 text of one width, so text order is time order.
  store::Statement rows = db.prepare(
      "SELECT input FROM request_log WHERE endpoint_id = ?1 AND at >= ?2 AND at < ?3 AND input IS NOT NULL "
      "AND status = 200 ORDER BY id");
  rows.bind(1, endpointId).bind(2, store::formatTimestamp(window.from)).bind(3, store::formatTimestamp(window.to));
  // Each logged input is a JSON array of row objects; their elements joined make one array.
  std::string joined = "[";
  std::size_t requests = 0;
  while (rows.step()) {
    if (++requests % 1024 == 0) context.throwIfStopped();
    const std::string input = rows.text(0);
    const auto open = input.find('[');
    const auto close = input.rfind(']');
    if (open == std::string::npos || close == std::string::npos || close <= open) continue;
    const std::string_view inner = std::string_view(input).substr(open + 1, close - open - 1);
    if (inner.find_first_not_of(" \t\r\n") == std::string_view::npos) continue;
    if (joined.size() > 1) joined += ',';
    joined += inner;
  }
  joined += ']';
  if (joined.size() == 2) return {};
  return data::readJsonBytes(joined, "endpoint " + endpoint + " request log", context).table;
}

}  // namespace lathe::monitor
