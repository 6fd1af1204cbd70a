#include "core/error.h"

namespace ostoja {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::validation:
      return "validation";
    case ErrorCode::unauthenticated:
      return "unauthenticated";
    case ErrorCode::forbidden:
      return "forbidden";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::conflict:
      return "conflict";
    case ErrorCode::limit_reached:
      return "limit_reached";
    case ErrorCode::locked:
      return "locked";
    case ErrorCode::rate_limited:
      return "rate_limited";
    case ErrorCode::too_large:
      return "too_large";
    case ErrorCode::unavailable:
      return "unavailable";
    case ErrorCode::method_not_allowed:
      return "method_not_allowed";
  }
  return "unknown";
}

}  // namespace ostoja
