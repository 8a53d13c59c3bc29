#pragma once
#include <string>
#include <string_view>

#include <xgboost/c_api.h>

#include "engine/core/Error.h"

namespace lathe::ml {

// Every libxgboost C call goes through this: a non-zero return code becomes a lathe::Error
// carrying XGBGetLastError(), so no XGBoost failure is ever silent. `code` lets callers say
// what a failure means (Parse when loading a model, InvalidArgument for data, else Internal).
inline void xgboostCall(int returnCode, std::string_view call, ErrorCode code = ErrorCode::Internal) {
  if (returnCode == 0) return;
  const char* last = XGBGetLastError();
  throw Error(code, "xgboost: " + std::string(call) + " failed: " + (last ? std::string(last) : "unknown error"));
}

}  // namespace lathe::ml
