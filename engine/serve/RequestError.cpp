#include "engine/serve/RequestError.h"

namespace lathe::serve {

RequestError::RequestError(int status, std::string message)
    : Error(ErrorCode::InvalidArgument, std::move(message)), status_(status) {}

}  // namespace lathe::serve
