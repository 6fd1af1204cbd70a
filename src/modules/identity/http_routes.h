#pragma once
#include "http/router.h"
#include "modules/identity/service.h"

namespace ostoja::identity {

struct CookieSettings {
  bool secure{false};  // set when served over TLS or behind a TLS proxy (OSTOJA_SECURE_COOKIES=1)
};

void register_routes(http::Router& router, IdentityService& service, CookieSettings cookies);

// Authenticator for the dispatcher: bearer token or session cookie.
http::Authenticator make_authenticator(IdentityService& service);

http::Json principal_json(const Principal& p, const std::vector<std::pair<std::int64_t, std::string>>& section_names,
                          const std::string& centre_name);

}  // namespace ostoja::identity
