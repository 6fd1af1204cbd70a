#pragma once
// Routes with their access rule, dispatched at one point: authenticate, check CSRF, check the route's
// permission, run the handler, map an Error to HTTP. The route table also produces the OpenAPI document.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.h"
#include "core/result.h"
#include "http/message.h"

namespace ostoja::http {

using Json = nlohmann::json;

// Who may call a route.
struct Access {
  enum class Kind { open, authenticated, permission } kind{Kind::permission};
  std::string permission;  // for Kind::permission
  static Access open() { return {Kind::open, {}}; }
  static Access authenticated() { return {Kind::authenticated, {}}; }
  static Access need(std::string p) { return {Kind::permission, std::move(p)}; }
};

// A query parameter a route reads. The route's list is the whole truth: it is documented in OpenAPI
// (in: query) and dispatch refuses a request carrying any other parameter (400 naming it).
struct QueryParam {
  enum class Type { string, integer, date };  // date: "YYYY-MM-DD" (OpenAPI string, format date)
  std::string name;
  std::string description;  // Polish, for OpenAPI
  Type type{Type::string};
  bool required{false};               // the handler refuses the request without it
  std::vector<std::string> values{};  // optional: the only accepted values (OpenAPI enum)
};

struct RouteSpec {
  std::string method;
  std::string pattern;  // /api/v1/sections/{id}
  Access access;
  std::string summary;              // Polish, for OpenAPI
  std::string tag;                  // module
  std::vector<QueryParam> query{};  // every query parameter the handler reads; any other one → 400
  Json request_schema = Json();     // optional (null = no body)
  Json response_schema = Json();    // optional
  std::string response_type{"application/json"};
  unsigned success_status{200};
  bool csrf_exempt{false};  // login only
  bool run_inline{false};   // cheap, no database: run on the I/O thread
};

struct RequestContext {
  const Request& req;
  std::map<std::string, std::string> params;  // path parameters
  const Principal* principal{nullptr};        // set for non-open routes

  // Path parameter as a positive integer id; 404 for anything else.
  Result<std::int64_t> id(const std::string& name = "id") const;
  // Query parameter as text of at most `max_chars` characters ("" if absent); 400 naming it otherwise.
  Result<std::string> text_param(std::string_view name, std::size_t max_chars) const;
  // Parses the body as a JSON object (valid UTF-8, well-formed); 400 otherwise.
  Result<Json> json_body() const;
};

using Handler = std::function<Result<Response>(RequestContext&)>;

// Authenticates a request (cookie session or bearer token). Failure → unauthenticated error.
using Authenticator = std::function<Result<Principal>(const Request&)>;

class Router {
 public:
  void add(RouteSpec spec, Handler handler);

  struct Match {
    const RouteSpec* spec{nullptr};
    const Handler* handler{nullptr};
    std::map<std::string, std::string> params;
    bool method_mismatch{false};
    std::string allow;  // on a method mismatch: the methods the address has, for the Allow header
  };
  Match match(std::string_view method, std::string_view path) const;

  // Full handling of one request (used by the server on a worker thread, or inline).
  Response dispatch(const Request& req, const Authenticator& auth) const;

  // True if the request can run on the I/O thread (no blocking work).
  bool is_inline(const Request& req) const;

  Json openapi(const std::string& version) const;
  const std::vector<std::pair<RouteSpec, Handler>>& routes() const { return routes_; }

  // Fallback for non-API GET paths (the web app). Set by the app.
  void set_fallback(std::function<std::optional<Response>(const Request&)> f) { fallback_ = std::move(f); }

 private:
  std::vector<std::pair<RouteSpec, Handler>> routes_;
  std::vector<std::vector<std::string>> segments_;  // each route's pattern split once, at add()
  std::function<std::optional<Response>(const Request&)> fallback_;
};

// The single mapping from Error to HTTP status and JSON body {"error":{"code","message","field"}}.
unsigned http_status(ErrorCode code);
Response error_response(const Error& e);
Response json_response(const Json& body, unsigned status = 200);
Response no_content();

}  // namespace ostoja::http
