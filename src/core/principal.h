#pragma once
// The acting user of a request or command: who, in which centre, with which roles, permissions and
// sections. Use cases receive it and apply record scoping; permissions are checked once per route.
#include <algorithm>
#include <string>
#include <vector>

#include "core/ids.h"

namespace ostoja {

enum class AuthMethod { session, api_token, system };

struct Principal {
  UserId user;
  CentreId centre;
  std::string login;
  std::string full_name;
  std::vector<std::string> roles;
  std::vector<std::string> permissions;  // sorted
  std::vector<SectionId> sections;
  bool restricted_access{false};  // explicitly granted: violence, health, addiction categories
  AuthMethod method{AuthMethod::session};
  std::string csrf_token;    // for session-authenticated requests
  std::string session_hash;  // identifies the session (logout)
  std::string ip;

  bool can(std::string_view permission) const {
    return std::binary_search(permissions.begin(), permissions.end(), permission);
  }
  bool in_section(SectionId s) const { return std::find(sections.begin(), sections.end(), s) != sections.end(); }
};

// Operations run by the CLI on the operator's behalf (ostoja user add, demo, import).
inline Principal system_principal(CentreId centre) {
  Principal p;
  p.centre = centre;
  p.login = "system";
  p.full_name = "Operator (wiersz poleceń)";
  p.method = AuthMethod::system;
  return p;
}

}  // namespace ostoja
