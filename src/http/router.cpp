#include "http/router.h"

#include <spdlog/spdlog.h>

#include "core/text.h"

namespace ostoja::http {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    auto slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash);
  }
  return parts;
}

bool state_changing(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// Path and query reach handlers, the audit log and the database percent-decoded: they must decode
// to valid UTF-8 (a PostgreSQL text column refuses anything else — one bad parameter in an audit
// entry would otherwise fail a whole group commit).
bool target_is_valid_utf8(const Request& req) {
  return text::valid_utf8(percent_decode(req.path, false)) && text::valid_utf8(percent_decode(req.query, true));
}

// The route's declared query parameters are the only ones it accepts: a request naming any other
// one is refused before its handler runs (so before anything is read or audited for it).
std::optional<Error> undeclared_query_param(const RouteSpec& spec, const Request& req) {
  for (const auto& name : req.query_names()) {
    bool declared = false;
    for (const auto& q : spec.query) declared = declared || q.name == name;
    if (!declared) return Error::validation("Nieznany parametr zapytania „" + name + "”.", name);
  }
  return std::nullopt;
}

Json query_param_schema(const QueryParam& q) {
  Json schema;
  switch (q.type) {
    case QueryParam::Type::string:
      schema = {{"type", "string"}};
      break;
    case QueryParam::Type::integer:
      schema = {{"type", "integer"}};
      break;
    case QueryParam::Type::date:
      schema = {{"type", "string"}, {"format", "date"}};
      break;
  }
  if (!q.values.empty()) schema["enum"] = q.values;
  return schema;
}

}  // namespace

unsigned http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::validation:
      return 400;
    case ErrorCode::unauthenticated:
      return 401;
    case ErrorCode::forbidden:
      return 403;
    case ErrorCode::not_found:
      return 404;
    case ErrorCode::conflict:
      return 409;
    case ErrorCode::limit_reached:
      return 409;
    case ErrorCode::too_large:
      return 413;
    case ErrorCode::locked:
      return 423;
    case ErrorCode::rate_limited:
      return 429;
    case ErrorCode::unavailable:
      return 503;
    case ErrorCode::method_not_allowed:
      return 405;
  }
  return 500;
}

Response json_response(const Json& body, unsigned status) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

Response error_response(const Error& e) {
  Response r = json_response(
      Json{{"error", {{"code", std::string(to_string(e.code))}, {"message", e.message}, {"field", e.field}}}},
      http_status(e.code));
  if (e.code == ErrorCode::unauthenticated) r.header("WWW-Authenticate", "Bearer realm=\"ostoja\"");
  return r;
}

Response no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Result<std::int64_t> RequestContext::id(const std::string& name) const {
  auto it = params.find(name);
  if (it == params.end() || it->second.empty() || it->second.size() > 18)
    return Error::not_found("Nie znaleziono zasobu.");
  std::int64_t v = 0;
  for (char c : it->second) {
    if (c < '0' || c > '9') return Error::not_found("Nie znaleziono zasobu.");
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return Error::not_found("Nie znaleziono zasobu.");
  return v;
}

Result<std::string> RequestContext::text_param(std::string_view name, std::size_t max_chars) const {
  std::string v = req.query_param(name).value_or("");
  if (text::utf8_length(v) > max_chars)
    return Error{ErrorCode::validation,
                 "Parametr „" + std::string(name) + "” może mieć najwyżej " + std::to_string(max_chars) + " znaków.",
                 std::string(name)};
  return v;
}

Result<Json> RequestContext::json_body() const {
  if (!text::valid_utf8(req.body)) return Error::validation("Treść żądania nie jest poprawnym tekstem UTF-8.");
  Json j = Json::parse(req.body, nullptr, false);
  if (j.is_discarded()) return Error::validation("Treść żądania nie jest poprawnym dokumentem JSON.");
  if (!j.is_object()) return Error::validation("Treść żądania musi być obiektem JSON.");
  return j;
}

void Router::add(RouteSpec spec, Handler handler) {
  std::vector<std::string> segs;
  for (auto part : split_path(spec.pattern)) segs.emplace_back(part);
  segments_.push_back(std::move(segs));
  routes_.emplace_back(std::move(spec), std::move(handler));
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match m;
  auto parts = split_path(path);
  for (std::size_t r = 0; r < routes_.size(); ++r) {
    const auto& [spec, handler] = routes_[r];
    const auto& pat = segments_[r];
    if (pat.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t i = 0; i < pat.size() && ok; ++i) {
      if (pat[i].size() > 2 && pat[i].front() == '{' && pat[i].back() == '}')
        params[pat[i].substr(1, pat[i].size() - 2)] = percent_decode(parts[i], false);
      else
        ok = pat[i] == parts[i];
    }
    if (!ok) continue;
    if (spec.method != method) {
      m.method_mismatch = true;
      if (m.allow.find(spec.method) == std::string::npos) m.allow += (m.allow.empty() ? "" : ", ") + spec.method;
      continue;
    }
    m.spec = &spec;
    m.handler = &handler;
    m.params = std::move(params);
    m.method_mismatch = false;
    m.allow.clear();
    return m;
  }
  return m;
}

bool Router::is_inline(const Request& req) const {
  if (!req.path.starts_with("/api/")) return true;  // static web app files are in memory
  auto m = match(req.method, req.path);
  return m.spec && m.spec->run_inline;
}

Response Router::dispatch(const Request& req, const Authenticator& auth) const {
  try {
    if (!target_is_valid_utf8(req))
      return error_response(Error::validation("Adres żądania zawiera znaki, które nie są poprawnym tekstem UTF-8."));
    auto m = match(req.method, req.path);
    if (!m.spec) {
      if (!req.path.starts_with("/api/") && (req.method == "GET" || req.method == "HEAD") && fallback_) {
        if (auto r = fallback_(req)) return *r;
      }
      if (m.method_mismatch) {
        Response r = error_response(
            {ErrorCode::method_not_allowed, "Metoda " + req.method + " nie jest obsługiwana dla tego adresu.", ""});
        r.header("Allow", m.allow);
        return r;
      }
      return error_response(Error::not_found("Nie ma takiego adresu w API."));
    }
    RequestContext ctx{req, std::move(m.params), nullptr};
    std::optional<Principal> principal;
    if (m.spec->access.kind != Access::Kind::open) {
      auto who = auth(req);
      if (!who.ok()) return error_response(who.error());
      principal = std::move(who).value();
      ctx.principal = &*principal;
      if (state_changing(req.method) && principal->method == AuthMethod::session && !m.spec->csrf_exempt &&
          req.header("X-CSRF-Token") != principal->csrf_token)
        return error_response(
            {ErrorCode::forbidden, "Brak lub nieprawidłowy token CSRF (nagłówek X-CSRF-Token).", "csrf"});
      if (m.spec->access.kind == Access::Kind::permission && !principal->can(m.spec->access.permission))
        return error_response(Error::forbidden());
    }
    if (auto bad = undeclared_query_param(*m.spec, req)) return error_response(*bad);
    auto result = (*m.handler)(ctx);
    if (!result.ok()) return error_response(result.error());
    return std::move(result).value();
  } catch (const Unavailable& e) {
    spdlog::warn("request {} {} not answered in time: {}", req.method, req.path, e.what());
    return error_response({ErrorCode::unavailable,
                           "Baza danych nie odpowiedziała w wyznaczonym czasie. Spróbuj ponownie za chwilę.", ""});
  } catch (const std::exception& e) {
    spdlog::error("request {} {} failed: {}", req.method, req.path, e.what());
    Response r = json_response(Json{{"error",
                                     {{"code", "internal"},
                                      {"message", "Błąd wewnętrzny serwera. Zgłoś go administratorowi."},
                                      {"field", ""}}}},
                               500);
    return r;
  }
}

Json Router::openapi(const std::string& version) const {
  Json paths = Json::object();
  for (const auto& [spec, handler] : routes_) {
    Json op;
    op["summary"] = spec.summary;
    op["tags"] = Json::array({spec.tag});
    op["operationId"] = spec.method + " " + spec.pattern;
    Json params = Json::array();
    for (auto part : split_path(spec.pattern))
      if (part.size() > 2 && part.front() == '{')
        params.push_back({{"name", std::string(part.substr(1, part.size() - 2))},
                          {"in", "path"},
                          {"required", true},
                          {"schema", {{"type", "string"}}}});
    for (const auto& q : spec.query)
      params.push_back({{"name", q.name},
                        {"in", "query"},
                        {"description", q.description},
                        {"required", q.required},
                        {"schema", query_param_schema(q)}});
    if (!params.empty()) op["parameters"] = params;
    if (!spec.request_schema.is_null())
      op["requestBody"] = {
          {"required", true},
          {"content",
           {{spec.request_schema.contains("x-content-type") ? spec.request_schema["x-content-type"].get<std::string>()
                                                            : "application/json",
             {{"schema", spec.request_schema}}}}}};
    Json ok_resp = {{"description", "OK"}};
    if (spec.success_status != 204)
      ok_resp["content"] = {
          {spec.response_type,
           {{"schema", spec.response_schema.is_null() ? Json{{"type", "object"}} : spec.response_schema}}}};
    op["responses"][std::to_string(spec.success_status)] = ok_resp;
    op["responses"]["default"] = {
        {"description", "Błąd"},
        {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
    if (spec.access.kind == Access::Kind::open) op["security"] = Json::array();
    if (spec.access.kind == Access::Kind::permission) op["x-permission"] = spec.access.permission;
    std::string method = spec.method;
    for (auto& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    paths[spec.pattern][method] = op;
  }
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "Ostoja API"},
            {"version", version},
            {"description", "API systemu Ostoja dla ośrodków pomocy społecznej."}}},
          {"paths", paths},
          {"security", Json::array({{{"cookieAuth", Json::array()}}, {{"bearerAuth", Json::array()}}})},
          {"components",
           {{"securitySchemes",
             {{"cookieAuth", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "ostoja_session"}}},
              {"bearerAuth", {{"type", "http"}, {"scheme", "bearer"}}}}},
            {"schemas",
             {{"Error",
               {{"type", "object"},
                {"required", {"error"}},
                {"properties",
                 {{"error",
                   {{"type", "object"},
                    {"required", {"code", "message", "field"}},
                    {"properties",
                     {{"code", {{"type", "string"}}},
                      {"message", {{"type", "string"}}},
                      {"field", {{"type", "string"}}}}}}}}}}}}}}}};
}

}  // namespace ostoja::http
