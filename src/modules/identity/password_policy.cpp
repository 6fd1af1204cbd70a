#include "modules/identity/password_policy.h"

#include "core/text.h"

namespace ostoja::identity {

Status check_password_policy(std::string_view login, std::string_view password) {
  if (password.size() < 12) return Error::validation("Hasło musi mieć co najmniej 12 znaków.", "password");
  if (password.size() > 256) return Error::validation("Hasło jest za długie (maks. 256 znaków).", "password");
  if (!login.empty() && text::fold(password).find(text::fold(login)) != std::string::npos)
    return Error::validation("Hasło nie może zawierać loginu.", "password");
  bool lower = false, upper = false, digit = false, other = false;
  for (char ch : password) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z')
      lower = true;
    else if (c >= 'A' && c <= 'Z')
      upper = true;
    else if (c >= '0' && c <= '9')
      digit = true;
    else
      other = true;
  }
  if (int(lower) + int(upper) + int(digit) + int(other) < 3)
    return Error::validation(
        "Hasło musi zawierać znaki z co najmniej trzech grup: małe litery, wielkie litery, cyfry, inne znaki.",
        "password");
  return ok();
}

}  // namespace ostoja::identity
