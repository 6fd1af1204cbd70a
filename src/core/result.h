#pragma once
// Result<T>: a value or an Error (std::expected is C++23; Debian 12's g++ 12 has C++20).
#include <cassert>
#include <utility>
#include <variant>

#include "core/error.h"

namespace ostoja {

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

// Result<void>
struct Ok {};
using Status = Result<Ok>;
inline Status ok() {
  return Ok{};
}

// Propagate an error from an expression returning Result<…>.
#define OSTOJA_TRY(var, expr)                          \
  auto var##_result = (expr);                          \
  if (!var##_result.ok()) return var##_result.error(); \
  auto var = std::move(var##_result).value()

#define OSTOJA_CHECK(expr)                                   \
  do {                                                       \
    auto ostoja_status_ = (expr);                            \
    if (!ostoja_status_.ok()) return ostoja_status_.error(); \
  } while (0)

}  // namespace ostoja
