#include "http/client_address.h"

#include <arpa/inet.h>
#include <strings.h>

#include <algorithm>
#include <cstring>

namespace ostoja::http {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string canonical_address(std::string_view text) {
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return {};
  const std::string s(text);  // inet_pton needs a terminated string
  char out[INET6_ADDRSTRLEN];
  in_addr v4{};
  if (inet_pton(AF_INET, s.c_str(), &v4) == 1) return inet_ntop(AF_INET, &v4, out, sizeof out);
  in6_addr v6{};
  if (inet_pton(AF_INET6, s.c_str(), &v6) != 1) return {};
  if (IN6_IS_ADDR_V4MAPPED(&v6)) {
    std::memcpy(&v4, &v6.s6_addr[12], 4);
    return inet_ntop(AF_INET, &v4, out, sizeof out);
  }
  return inet_ntop(AF_INET6, &v6, out, sizeof out);
}

Result<std::vector<std::string>> parse_trusted_proxies(std::string_view list) {
  std::vector<std::string> out;
  while (!trim(list).empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view entry = trim(list.substr(0, comma));
    std::string address = canonical_address(entry);
    if (address.empty())
      return Error::validation("OSTOJA_TRUSTED_PROXIES: „" + std::string(entry) +
                                   "” nie jest adresem IP (podaj adresy IPv4/IPv6 rozdzielone przecinkami).",
                               "OSTOJA_TRUSTED_PROXIES");
    out.push_back(std::move(address));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
  }
  return out;
}

std::string client_address(const Request& req, const std::vector<std::string>& trusted) {
  if (trusted.empty()) return req.remote_ip;
  if (std::find(trusted.begin(), trusted.end(), canonical_address(req.remote_ip)) == trusted.end())
    return req.remote_ip;
  // Several X-Forwarded-For lines form one list in order; the proxy appended its peer to the last one.
  std::string_view last;
  for (const auto& [name, value] : req.headers)
    if (name.size() == 15 && strncasecmp(name.c_str(), "X-Forwarded-For", 15) == 0) last = value;
  const std::size_t comma = last.rfind(',');
  std::string client = canonical_address(trim(comma == std::string_view::npos ? last : last.substr(comma + 1)));
  return client.empty() ? req.remote_ip : client;
}

}  // namespace ostoja::http
