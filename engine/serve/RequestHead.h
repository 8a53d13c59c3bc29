#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace lathe::serve {

// The request line and headers of an HTTP/1.1 request, checked as raw bytes before cpp-httplib
// parses them. httplib 0.11.4 (as measured with raw sockets) keeps a bare CR inside a value
// ("X-A: a\rb"), silently drops a line ending in a bare LF and takes the header after it
// ("X-A: a\nX-Smuggled: 1\r\n" gives X-Smuggled), and drops folded lines: the stuff of header
// injection and request smuggling. Here any CR or LF that is not part of a CRLF line end, any
// other control byte, an obsolete folded line, or a header line that is not "name: value"
// makes the request a 400.
class RequestHead {
 public:
  // Where the head in `buffer` ends (just past its blank line), or npos while it is incomplete.
  // A bare "\n\n" ends it too, so that a malformed head is refused now, not after a timeout.
  static std::size_t end(std::string_view buffer) noexcept;
  // "" when `head` (from the start of a buffer to end()) is well-formed; else why not.
  static std::string problem(std::string_view head);
};

}  // namespace lathe::serve
