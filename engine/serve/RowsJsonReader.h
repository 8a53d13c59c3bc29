#pragma once
#include <string_view>

namespace lathe::serve {

class RowsJsonHandler;

// The fast path for a predict request's JSON: simdjson's On-Demand parser, feeding the same
// events to a RowsJsonHandler as nlohmann's SAX parser does (a 100-row request is read several
// times faster; bench/serve.sh). Every value is visited, so everything is validated.
//
// read() returns false, having fed the handler part of the body, where simdjson and nlohmann
// might disagree or where the client needs nlohmann's words: malformed JSON (nlohmann's message
// names the byte), a top level that is not an object, nesting deeper than 64 levels, an integer
// beyond 64 bits (nlohmann reads it as a double), an integer literal with a minus sign read as a float, trailing bytes. The
// caller then reads the body again with nlohmann and a fresh handler. A RequestError from the
// handler (a wrong value, an unknown column, too many rows) is final: it comes from the same
// handler code on both paths.
class RowsJsonReader {
 public:
  static bool read(std::string_view body, RowsJsonHandler& handler);
};

}  // namespace lathe::serve
