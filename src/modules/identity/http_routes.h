#pragma once
#include <functional>

#include "http/router.h"
#include "modules/identity/service.h"

namespace ostoja::identity {

using SectionNames = std::vector<std::pair<std::int64_t, std::string>>;

struct RouteOptions {
  bool secure_cookies{false};  // set when served over TLS or behind a TLS proxy (OSTOJA_SECURE_COOKIES=1)
  // Names shown with the acting user; provided by the organisation module (identity does not depend on it).
  std::function<SectionNames(CentreId)> section_names;
  std::function<std::string(CentreId)> centre_name;
};

// Login, logout, /me, roles, users, personal API tokens.
void register_routes(http::Router& router, IdentityService& service, RouteOptions options);

// Authenticator for the dispatcher: bearer token or session cookie.
http::Authenticator make_authenticator(IdentityService& service);

http::Json principal_json(const Principal& p, const SectionNames& section_names, const std::string& centre_name);

}  // namespace ostoja::identity
