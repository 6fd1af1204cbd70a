// Thin HTTP adapters for identity: JSON ↔ use-case arguments, cookies. No logic here.
#include "modules/identity/http_routes.h"

#include "http/client_address.h"
#include "http/json_input.h"

namespace ostoja::identity {

using http::Json;
using http::RequestContext;

namespace {

constexpr const char* kCookie = "ostoja_session";

Json user_json(const User& u) {
  return {{"id", u.id.value},
          {"login", u.login},
          {"full_name", u.full_name},
          {"roles", u.roles},
          {"section_ids", u.section_ids},
          {"disabled", u.disabled},
          {"restricted_access", u.restricted_access},
          {"failed_logins", u.failed_logins},
          {"locked_until", u.locked_until ? Json(*u.locked_until) : Json(nullptr)},
          {"created_at", u.created_at}};
}

Json token_json(const ApiToken& t) {
  return {{"id", t.id.value},
          {"name", t.name},
          {"created_at", t.created_at},
          {"expires_at", t.expires_at},
          {"last_used_at", t.last_used_at ? Json(*t.last_used_at) : Json(nullptr)},
          {"revoked", t.revoked}};
}

Json address_lock_json(const AddressLock& l) {
  return {{"address", l.address},
          {"failures", l.failures},
          {"window_start", l.window_start},
          {"locked_until", l.locked_until ? Json(*l.locked_until) : Json(nullptr)},
          {"locked", l.locked}};
}

std::string session_cookie(const std::string& value, bool secure, bool expire) {
  std::string c = std::string(kCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) c += "; Secure";
  if (expire) c += "; Max-Age=0";
  return c;
}

Result<UserChange> user_change(const Json& j) {
  UserChange ch;
  OSTOJA_TRY(name, http::optional_string(j, "full_name", 200));
  OSTOJA_TRY(roles, http::optional_string_list(j, "roles"));
  OSTOJA_TRY(sections, http::optional_id_list(j, "section_ids"));
  OSTOJA_TRY(disabled, http::optional_bool(j, "disabled"));
  OSTOJA_TRY(restricted, http::optional_bool(j, "restricted_access"));
  ch.full_name = name;
  ch.roles = roles;
  ch.section_ids = sections;
  ch.disabled = disabled;
  ch.restricted_access = restricted;
  return ch;
}

const Json kUserSchema = {{"type", "object"},
                          {"properties",
                           {{"id", {{"type", "integer"}}},
                            {"login", {{"type", "string"}}},
                            {"full_name", {{"type", "string"}}},
                            {"roles", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                            {"section_ids", {{"type", "array"}, {"items", {{"type", "integer"}}}}},
                            {"disabled", {{"type", "boolean"}}},
                            {"restricted_access", {{"type", "boolean"}}},
                            {"locked_until", {{"type", "integer"}, {"nullable", true}}}}}};

}  // namespace

http::Authenticator make_authenticator(IdentityService& service) {
  return [&service](const http::Request& req) -> Result<Principal> {
    std::string_view auth = req.header("Authorization");
    if (auth.starts_with("Bearer ")) return service.authenticate_token(auth.substr(7), req.remote_ip);
    if (auto c = req.cookie(kCookie)) return service.authenticate_session(*c, req.remote_ip);
    return Error::unauthenticated();
  };
}

void register_routes(http::Router& r, IdentityService& svc, RouteOptions options) {
  const bool secure = options.secure_cookies;
  auto me_json = [options](const Principal& p) {
    return principal_json(p, options.section_names ? options.section_names(p.centre) : SectionNames{},
                          options.centre_name ? options.centre_name(p.centre) : "");
  };
  r.add({.method = "POST",
         .pattern = "/api/v1/auth/login",
         .access = http::Access::open(),
         .summary = "Logowanie: ustanawia sesję (ciasteczko) i zwraca token CSRF",
         .tag = "auth",
         .request_schema = {{"type", "object"},
                            {"required", {"login", "password"}},
                            {"properties", {{"login", {{"type", "string"}}}, {"password", {{"type", "string"}}}}}},
         .csrf_exempt = true},
        [&svc, secure, me_json](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(login, http::string_field(body, "login", 100));
          OSTOJA_TRY(password, http::string_field(body, "password", 256));
          OSTOJA_TRY(res, svc.login(login, password, ctx.req.remote_ip, ctx.req.cookie(kCookie).value_or("")));
          Json me = me_json(res.principal);
          auto resp = http::json_response({{"user", me}, {"csrf_token", res.principal.csrf_token}});
          resp.header("Set-Cookie", session_cookie(res.session_token, secure, false));
          resp.header("Cache-Control", "no-store");
          return resp;
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/auth/logout",
         .access = http::Access::authenticated(),
         .summary = "Wylogowanie: kończy sesję po stronie serwera",
         .tag = "auth",
         .success_status = 204},
        [&svc, secure](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_CHECK(svc.logout(*ctx.principal));
          auto resp = http::no_content();
          resp.header("Set-Cookie", session_cookie("", secure, true));
          return resp;
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/me",
         .access = http::Access::authenticated(),
         .summary = "Zalogowany użytkownik: role, uprawnienia, sekcje, token CSRF",
         .tag = "auth"},
        [me_json](RequestContext& ctx) -> Result<http::Response> {
          auto resp = http::json_response(me_json(*ctx.principal));
          resp.header("Cache-Control", "no-store");
          return resp;
        });

  r.add(
      {.method = "GET",
       .pattern = "/api/v1/roles",
       .access = http::Access::authenticated(),
       .summary = "Role i ich uprawnienia",
       .tag = "auth"},
      [&svc](RequestContext&) -> Result<http::Response> {
        Json items = Json::array();
        for (const auto& code : role_codes()) {
          auto it = svc.permissions().find(code);
          Json perms = Json::array();
          if (it != svc.permissions().end())
            for (const auto& p : it->second) perms.push_back(p);
          auto role = svc.role_names().find(code);
          items.push_back(
              {{"code", code}, {"name", role != svc.role_names().end() ? role->second : code}, {"permissions", perms}});
        }
        return http::json_response({{"items", items}});
      });

  r.add({.method = "GET",
         .pattern = "/api/v1/users",
         .access = http::Access::need("users.manage"),
         .summary = "Lista użytkowników ośrodka (z blokadami)",
         .tag = "users"},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(users, svc.list_users(*ctx.principal));
          Json items = Json::array();
          for (const auto& u : users) items.push_back(user_json(u));
          return http::json_response({{"items", items}});
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/users",
         .access = http::Access::need("users.manage"),
         .summary = "Dodanie użytkownika",
         .tag = "users",
         .request_schema = {{"type", "object"}, {"required", {"login", "full_name", "roles", "password"}}},
         .response_schema = kUserSchema,
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          NewUser u;
          OSTOJA_TRY(login, http::string_field(body, "login", 50));
          OSTOJA_TRY(name, http::string_field(body, "full_name", 200));
          OSTOJA_TRY(password, http::string_field(body, "password", 256));
          OSTOJA_TRY(roles, http::optional_string_list(body, "roles"));
          OSTOJA_TRY(sections, http::optional_id_list(body, "section_ids"));
          OSTOJA_TRY(restricted, http::optional_bool(body, "restricted_access"));
          u.login = login;
          u.full_name = name;
          u.password = password;
          u.roles = roles.value_or(std::vector<std::string>{});
          u.section_ids = sections.value_or(std::vector<std::int64_t>{});
          u.restricted_access = restricted.value_or(false);
          OSTOJA_TRY(created, svc.create_user(*ctx.principal, std::move(u)));
          return http::json_response(user_json(created), 201);
        });

  r.add({.method = "PATCH",
         .pattern = "/api/v1/users/{id}",
         .access = http::Access::need("users.manage"),
         .summary = "Zmiana danych, ról, sekcji, blokady użytkownika",
         .tag = "users",
         .request_schema = {{"type", "object"}},
         .response_schema = kUserSchema},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(change, user_change(body));
          OSTOJA_TRY(u, svc.update_user(*ctx.principal, UserId{id}, change));
          return http::json_response(user_json(u));
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/users/{id}/password",
         .access = http::Access::need("users.manage"),
         .summary = "Ustawienie hasła użytkownika (kończy jego sesje)",
         .tag = "users",
         .request_schema = {{"type", "object"}, {"required", {"password"}}},
         .success_status = 204},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(password, http::string_field(body, "password", 256));
          OSTOJA_CHECK(svc.set_password(*ctx.principal, UserId{id}, password));
          return http::no_content();
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/users/{id}/unlock",
         .access = http::Access::need("users.manage"),
         .summary = "Odblokowanie konta po nieudanych logowaniach",
         .tag = "users",
         .success_status = 204},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_CHECK(svc.unlock(*ctx.principal, UserId{id}));
          return http::no_content();
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/security/address-locks",
         .access = http::Access::need("users.manage"),
         .summary = "Adresy spowolnione lub zablokowane po nieudanych logowaniach na konta ośrodka",
         .tag = "users",
         .response_schema = {{"type", "object"},
                             {"properties",
                              {{"items",
                                {{"type", "array"},
                                 {"items",
                                  {{"type", "object"},
                                   {"properties",
                                    {{"address", {{"type", "string"}}},
                                     {"failures", {{"type", "integer"}}},
                                     {"window_start", {{"type", "integer"}}},
                                     {"locked_until", {{"type", "integer"}, {"nullable", true}}},
                                     {"locked", {{"type", "boolean"}}}}}}}}}}}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(locks, svc.address_locks(*ctx.principal));
          Json items = Json::array();
          for (const auto& l : locks) items.push_back(address_lock_json(l));
          return http::json_response({{"items", items}});
        });

  r.add({.method = "DELETE",
         .pattern = "/api/v1/security/address-locks/{address}",
         .access = http::Access::need("users.manage"),
         .summary = "Odblokowanie adresu po nieudanych logowaniach",
         .tag = "users",
         .success_status = 204},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          std::string address = http::canonical_address(ctx.params.at("address"));
          if (address.empty()) return Error::validation("Podaj adres IP (IPv4 lub IPv6).", "address");
          OSTOJA_CHECK(svc.unlock_address(*ctx.principal, address));
          return http::no_content();
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/me/tokens",
         .access = http::Access::need("tokens.own"),
         .summary = "Moje tokeny API",
         .tag = "auth"},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(tokens, svc.list_tokens(*ctx.principal));
          Json items = Json::array();
          for (const auto& t : tokens) items.push_back(token_json(t));
          return http::json_response({{"items", items}});
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/me/tokens",
         .access = http::Access::need("tokens.own"),
         .summary = "Nowy token API (pokazywany tylko raz)",
         .tag = "auth",
         .request_schema = {{"type", "object"}, {"required", {"name", "expires_in_days"}}},
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(name, http::string_field(body, "name", 100));
          OSTOJA_TRY(days, http::int_field(body, "expires_in_days", 1, 365));
          OSTOJA_TRY(t, svc.create_token(*ctx.principal, name, static_cast<int>(days)));
          Json j = token_json(t.token);
          j["token"] = t.secret;
          return http::json_response(j, 201);
        });

  r.add({.method = "DELETE",
         .pattern = "/api/v1/me/tokens/{id}",
         .access = http::Access::need("tokens.own"),
         .summary = "Unieważnienie tokenu API",
         .tag = "auth",
         .success_status = 204},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_CHECK(svc.revoke_token(*ctx.principal, TokenId{id}));
          return http::no_content();
        });
}

http::Json principal_json(const Principal& p, const SectionNames& section_names, const std::string& centre_name) {
  Json sections = Json::array();
  for (auto s : p.sections) {
    std::string name;
    for (const auto& [id, n] : section_names)
      if (id == s.value) name = n;
    sections.push_back({{"id", s.value}, {"name", name}});
  }
  return {{"id", p.user.value},
          {"login", p.login},
          {"full_name", p.full_name},
          {"roles", p.roles},
          {"permissions", p.permissions},
          {"sections", sections},
          {"restricted_access", p.restricted_access},
          {"centre", {{"id", p.centre.value}, {"name", centre_name}}},
          {"csrf_token", p.csrf_token}};
}

}  // namespace ostoja::identity
