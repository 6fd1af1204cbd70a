#pragma once
// Plain HTTP request/response values. The Beast server (server.cpp) converts to and from these so
// that nothing else in Ostoja includes Beast (it compiles slowly and is an adapter detail).
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ostoja::http {

struct Request {
  std::string method;  // "GET", "POST", …
  std::string path;    // without query, not decoded: /api/v1/sections/3
  std::string query;   // after '?', raw
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string remote_ip;

  std::string_view header(std::string_view name) const;                 // case-insensitive; "" if absent
  std::optional<std::string> query_param(std::string_view name) const;  // percent-decoded
  // Names of all parameters in the query string, percent-decoded as query_param decodes them, in
  // order (empty "&&" segments skipped).
  std::vector<std::string> query_names() const;
  std::optional<std::string> cookie(std::string_view name) const;
};

// A response may have to wait before it is sent — e.g. until the audit entries recording that
// personal data was read are durable. The server calls the gate with a continuation and sends the
// response only when it runs with ok=true (with ok=false it sends a 503 instead). No thread blocks.
using Gate = std::function<void(std::function<void(bool ok)>)>;

struct Response {
  unsigned status{200};
  std::string content_type{"application/json; charset=utf-8"};
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  Gate gate;  // empty: send at once

  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

std::string percent_decode(std::string_view s, bool plus_is_space);

}  // namespace ostoja::http
