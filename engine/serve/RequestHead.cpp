#include "engine/serve/RequestHead.h"

namespace lathe::serve {
namespace {

bool isTokenChar(unsigned char c) {
  // RFC 9110 tchar.
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  for (char t : std::string_view("!#$%&'*+-.^_`|~"))
    if (c == static_cast<unsigned char>(t)) return true;
  return false;
}

}  // namespace

std::size_t RequestHead::end(std::string_view buffer) noexcept {
  for (std::size_t at = buffer.find('\n'); at != std::string_view::npos; at = buffer.find('\n', at + 1)) {
    if (at == 0) continue;
    if (buffer[at - 1] == '\n') return at + 1;
    if (at >= 2 && buffer[at - 1] == '\r' && buffer[at - 2] == '\n') return at + 1;  // "\r\n\r\n" (or "\n\r\n")
  }
  return std::string_view::npos;
}

std::string RequestHead::problem(std::string_view head) {
  std::size_t lineNumber = 0;
  std::size_t start = 0;
  while (start < head.size()) {
    const std::size_t lf = head.find('\n', start);
    if (lf == std::string_view::npos) return "the request head does not end with an empty line";
    if (lf == start || head[lf - 1] != '\r') return "a line ends with a bare LF (lines must end with CRLF)";
    const std::string_view line = head.substr(start, lf - 1 - start);
    start = lf + 1;
    if (line.empty()) {
      if (start != head.size() || lineNumber == 0) return "an empty line inside the request head";
      return {};
    }
    for (unsigned char c : line)
      if ((c < 0x20 && c != '\t') || c == 0x7f)
        return c == '\r' ? "a bare CR inside a header line" : "a control character inside a header line";
    if (lineNumber++ == 0) continue;  // the request line: httplib parses and checks it
    if (line.front() == ' ' || line.front() == '\t') return "an obsolete folded header line";
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return "a header line without a name";
    for (unsigned char c : line.substr(0, colon))
      if (!isTokenChar(c)) return "a header name with a character a name cannot hold";
  }
  return "the request head does not end with an empty line";
}

}  // namespace lathe::serve
