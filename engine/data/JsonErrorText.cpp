#include "engine/data/JsonErrorText.h"

namespace lathe::data {

std::string printableJsonText(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && out.size() < 80;) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool valid = length != 0 && i + length <= text.size() && (c >= 0x20 || length != 1) && c != 0x7F;
    for (std::size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    out.append(valid ? text.substr(i, length) : "?");
    i += valid ? length : 1;
  }
  return out;
}

std::string describeJsonError(std::string_view text) {
  if (text.starts_with("[json.exception"))
    if (const auto end = text.find("] "); end != std::string_view::npos) text.remove_prefix(end + 2);
  if (text.starts_with("parse error"))
    if (const auto colon = text.find(": "); colon != std::string_view::npos) text.remove_prefix(colon + 2);
  if (const auto token = text.find("; last read:"); token != std::string_view::npos) text = text.substr(0, token);
  return std::string(text);
}

}  // namespace lathe::data
