#include "http/message.h"

#include <strings.h>

namespace ostoja::http {

namespace {
int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%' && i + 2 < s.size()) {
      int h = hexval(s[i + 1]), l = hexval(s[i + 2]);
      if (h >= 0 && l >= 0) {
        out.push_back(static_cast<char>(h * 16 + l));
        i += 2;
        continue;
      }
    }
    out.push_back(plus_is_space && c == '+' ? ' ' : c);
  }
  return out;
}

std::string_view Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k.size() == name.size() && strncasecmp(k.data(), name.data(), name.size()) == 0) return v;
  return {};
}

namespace {
// Calls f(raw name, raw value or nullopt when there is no '=') for each non-empty "&"-separated pair;
// stops early when f returns true.
template <class F>
void for_each_query_pair(std::string_view q, F&& f) {
  while (!q.empty()) {
    auto amp = q.find('&');
    std::string_view pair = q.substr(0, amp);
    if (!pair.empty()) {
      auto eq = pair.find('=');
      std::optional<std::string_view> value;
      if (eq != std::string_view::npos) value = pair.substr(eq + 1);
      if (f(pair.substr(0, eq), value)) return;
    }
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
}
}  // namespace

std::optional<std::string> Request::query_param(std::string_view name) const {
  std::optional<std::string> found;
  for_each_query_pair(query, [&](std::string_view key, std::optional<std::string_view> value) {
    if (percent_decode(key, true) != name) return false;
    found = value ? percent_decode(*value, true) : std::string();
    return true;
  });
  return found;
}

std::vector<std::string> Request::query_names() const {
  std::vector<std::string> names;
  for_each_query_pair(query, [&](std::string_view key, std::optional<std::string_view>) {
    names.push_back(percent_decode(key, true));
    return false;
  });
  return names;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  std::string_view c = header("Cookie");
  while (!c.empty()) {
    while (!c.empty() && (c.front() == ' ' || c.front() == ';')) c.remove_prefix(1);
    auto semi = c.find(';');
    std::string_view item = c.substr(0, semi);
    auto eq = item.find('=');
    if (eq != std::string_view::npos && item.substr(0, eq) == name) return std::string(item.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    c.remove_prefix(semi + 1);
  }
  return std::nullopt;
}

}  // namespace ostoja::http
