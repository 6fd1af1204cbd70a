#pragma once
// Expected failures are values, not exceptions (see docs/architecture.md).
// One enum, one Polish message, optionally the offending field. The single
// mapping to HTTP statuses lives in http/error_mapping.cpp, to CLI exit codes in app/cli.cpp.
#include <stdexcept>
#include <string>
#include <string_view>

namespace ostoja {

enum class ErrorCode {
  validation,       // bad input: wrong format, out of range, missing field
  unauthenticated,  // no valid session or token
  forbidden,        // authenticated but not permitted
  not_found,
  conflict,            // duplicate, stale state, illegal transition
  limit_reached,       // statutory or configured limit (e.g. 15 families per assistant)
  locked,              // account or resource temporarily locked
  rate_limited,        // too many attempts; retry later
  too_large,           // payload too large
  unavailable,         // dependency down (database), retry later
  method_not_allowed,  // the address exists, but not for this HTTP method
};

struct Error {
  ErrorCode code{ErrorCode::validation};
  std::string message;  // Polish, shown to users
  std::string field;    // JSON field / CLI option the error is about, may be empty

  static Error validation(std::string msg, std::string field = {}) {
    return {ErrorCode::validation, std::move(msg), std::move(field)};
  }
  static Error not_found(std::string msg) { return {ErrorCode::not_found, std::move(msg), {}}; }
  static Error forbidden(std::string msg = "Brak uprawnień do tej operacji.") {
    return {ErrorCode::forbidden, std::move(msg), {}};
  }
  static Error unauthenticated(std::string msg = "Wymagane zalogowanie.") {
    return {ErrorCode::unauthenticated, std::move(msg), {}};
  }
  static Error conflict(std::string msg, std::string field = {}) {
    return {ErrorCode::conflict, std::move(msg), std::move(field)};
  }
};

std::string_view to_string(ErrorCode code);

// Infrastructure that is there but did not answer in time (a database statement past its limit): an
// exception, since no use case can handle it, answered once at the boundary as `unavailable` (HTTP 503).
struct Unavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace ostoja
