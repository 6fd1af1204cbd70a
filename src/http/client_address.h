#pragma once
// The client's address behind a trusted reverse proxy (OSTOJA_TRUSTED_PROXIES). Pure text functions;
// the application applies client_address() once to every request before dispatch, so login
// throttling, audit entries and sessions all see the same address.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "http/message.h"

namespace ostoja::http {

// The one spelling of an IPv4 or IPv6 address ("" if `text` is not one): "2001:DB8:0::1" → "2001:db8::1",
// an IPv4-mapped "::ffff:192.0.2.1" → "192.0.2.1". Throttling keys on it, so one address has one key.
std::string canonical_address(std::string_view text);

// "192.0.2.1, 2001:db8::1" → canonical addresses; empty text → none. An invalid entry is an error naming it.
Result<std::vector<std::string>> parse_trusted_proxies(std::string_view list);

// When the TCP peer (`req.remote_ip`) is one of `trusted`, the last entry of X-Forwarded-For — the
// address that proxy saw; earlier entries were written by the client and prove nothing. Otherwise,
// or when that entry is missing or not an address, the peer itself: the header is never trusted
// from anyone else.
std::string client_address(const Request& req, const std::vector<std::string>& trusted);

}  // namespace ostoja::http
