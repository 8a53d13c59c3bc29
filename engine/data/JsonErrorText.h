#pragma once
#include <string>
#include <string_view>

namespace lathe::data {

// Text safe to show in a JSON reader's message: valid UTF-8 kept, anything else '?', at most 80
// bytes.
std::string printableJsonText(std::string_view text);

// nlohmann's message without its "[json.exception...]" tag, its own line/column (relative to
// where a JSON Lines object began) and the raw token (kept as the error's value instead).
std::string describeJsonError(std::string_view text);

}  // namespace lathe::data
