#pragma once
#include <string>

#include "engine/core/Error.h"

namespace lathe::serve {

// A request the server refuses: a lathe::Error(InvalidArgument) that also carries the HTTP
// status to answer with (400 malformed, 413 too large, 415 unknown media type, 422 a model that
// cannot score well-formed rows). The parsers throw it so that the status is decided where the
// problem is understood, not guessed later from a message.
class RequestError : public Error {
 public:
  RequestError(int status, std::string message);

  int status() const noexcept { return status_; }

 private:
  int status_;
};

}  // namespace lathe::serve
