#pragma once
// Users, roles, sessions and API tokens of a centre.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/principal.h"

namespace ostoja::identity {

inline const std::vector<std::string>& role_codes() {
  static const std::vector<std::string> codes{"administrator", "dyrektor",    "kierownik", "pracownik",
                                              "asystent",      "swiadczenia", "analityk",  "partner"};
  return codes;
}

struct User {
  UserId id;
  CentreId centre;
  std::string login;
  std::string full_name;
  std::vector<std::string> roles;
  std::vector<std::int64_t> section_ids;
  bool disabled{false};
  bool restricted_access{false};
  int failed_logins{0};
  std::optional<std::int64_t> locked_until;
  std::int64_t created_at{0};
};

struct NewUser {
  std::string login;
  std::string full_name;
  std::string password;
  std::vector<std::string> roles;
  std::vector<std::int64_t> section_ids;
  bool restricted_access{false};
};

struct UserChange {
  std::optional<std::string> full_name;
  std::optional<std::vector<std::string>> roles;
  std::optional<std::vector<std::int64_t>> section_ids;
  std::optional<bool> disabled;
  std::optional<bool> restricted_access;
};

struct ApiToken {
  TokenId id;
  std::string name;
  std::int64_t created_at{0};
  std::int64_t expires_at{0};
  std::optional<std::int64_t> last_used_at;
  bool revoked{false};
};

struct NewToken {
  ApiToken token;
  std::string secret;  // shown once
};

struct LoginResult {
  std::string session_token;  // goes into the cookie; only its hash is stored
  Principal principal;
};

// Security settings (configurable; defaults follow common guidance for office systems).
struct SecurityPolicy {
  std::int64_t idle_timeout_ms{30LL * 60 * 1000};
  std::int64_t absolute_timeout_ms{12LL * 60 * 60 * 1000};
  std::int64_t touch_interval_ms{60LL * 1000};  // last_seen_at is written at most this often
  int account_slowdown_after{3};                // from this many failures on, retries must wait
  int account_lock_after{10};
  std::int64_t account_lock_ms{15LL * 60 * 1000};
  // Per client address, counted in a window of `address_window_ms` from its first failure: from the
  // `address_slowdown_after`-th failure each further attempt must wait 1, 2, 4 … s (at most
  // `address_max_wait_ms`); the `address_lock_after`-th locks the address for `address_lock_ms`.
  int address_slowdown_after{10};
  std::int64_t address_max_wait_ms{30LL * 1000};
  int address_lock_after{30};
  std::int64_t address_window_ms{15LL * 60 * 1000};
  std::int64_t address_lock_ms{15LL * 60 * 1000};
  // A validated API token is trusted this long without re-reading it from the database. Revoking a
  // token or changing/disabling its owner through this server forgets it at once; through another
  // server or the CLI it takes effect within this time. 0 = read the database on every request.
  std::int64_t token_cache_ms{1000};
};

// A client address now slowed down or locked after failed logins (what an administrator sees).
struct AddressLock {
  std::string address;
  int failures{0};                           // in the current window, against any centre
  std::int64_t window_start{0};              // first failure of the window
  std::optional<std::int64_t> locked_until;  // next attempt allowed from then (absent: may try now)
  bool locked{false};                        // locked (not merely slowed down)
};

// Role → permissions, loaded from the role_permissions table.
using PermissionTable = std::map<std::string, std::set<std::string>>;

}  // namespace ostoja::identity
