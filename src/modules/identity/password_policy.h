#pragma once
#include <string_view>

#include "core/result.h"

namespace ostoja::identity {

// At least 12 characters, not containing the login, at least 3 of 4 classes (lower, upper, digit,
// other). Demo users (password "demo") are created by `ostoja demo` directly, bypassing this.
Status check_password_policy(std::string_view login, std::string_view password);

}  // namespace ostoja::identity
