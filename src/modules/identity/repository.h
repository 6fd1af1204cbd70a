#pragma once
// SQL for users, roles, sessions, tokens and login throttling. Always tenant-scoped by centre_id
// except lookups by a secret's hash or by the (globally unique) login, which identify the centre.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "modules/identity/model.h"
#include "storage/database.h"

namespace ostoja::identity::repo {

struct Credentials {
  UserId id;
  CentreId centre;
  std::string password_hash;
  bool disabled;
  int failed_logins;
  std::optional<std::int64_t> locked_until;
};

PermissionTable load_permissions(storage::Connection& c);

std::optional<Credentials> credentials_by_login(storage::Connection& c, std::string_view login);
std::optional<User> user_by_id(storage::Connection& c, CentreId centre, UserId id);
std::vector<User> list_users(storage::Connection& c, CentreId centre);
bool login_exists(storage::Connection& c, std::string_view login);
UserId insert_user(storage::Connection& c, CentreId centre, const NewUser& u, const std::string& hash,
                   std::int64_t now);
void set_roles(storage::Connection& c, CentreId centre, UserId id, const std::vector<std::string>& roles);
void set_sections(storage::Connection& c, CentreId centre, UserId id, const std::vector<std::int64_t>& sections);
std::vector<std::int64_t> existing_sections(storage::Connection& c, CentreId centre,
                                            const std::vector<std::int64_t>& ids);
void update_user_fields(storage::Connection& c, CentreId centre, UserId id, const UserChange& ch);
void set_password_hash(storage::Connection& c, CentreId centre, UserId id, const std::string& hash, std::int64_t now);
void record_failure(storage::Connection& c, UserId id, int failures, std::optional<std::int64_t> locked_until);
void clear_failures(storage::Connection& c, CentreId centre, UserId id);
void delete_user_sessions(storage::Connection& c, UserId id);
// Marks the user's principal (roles, sections, grants, name, state) as changed.
void bump_version(storage::Connection& c, UserId id);

struct ThrottleState {
  int failures{0};
  std::int64_t window_start{0};
  std::optional<std::int64_t> locked_until;
};
ThrottleState address_state(storage::Connection& c, std::string_view address);
void save_address_state(storage::Connection& c, std::string_view address, const ThrottleState& s);
void clear_address(storage::Connection& c, std::string_view address);
// Throttle rows of the addresses with a `login_failed` audit entry of `centre` (a failure against one of
// its accounts) at or after both `since` and the row's window start — read from the audit log's
// (centre_id, at) index, so an address is found only by the centres whose accounts it tried. Ordered by
// address; `only` restricts it to one address.
std::vector<std::pair<std::string, ThrottleState>> addresses_failed_against(
    storage::Connection& c, CentreId centre, std::int64_t since, std::optional<std::string_view> only = std::nullopt);

struct SessionRow {
  CentreId centre;
  UserId user;
  std::string csrf;
  std::int64_t created_at;
  std::int64_t last_seen_at;
  std::int64_t user_version;
  bool user_disabled;
};
void insert_session(storage::Connection& c, const std::string& hash, CentreId centre, UserId user,
                    const std::string& csrf, std::int64_t now, std::string_view ip);
std::optional<SessionRow> session_by_hash(storage::Connection& c, const std::string& hash);
void touch_session(storage::Connection& c, const std::string& hash, std::int64_t now);
void delete_session(storage::Connection& c, const std::string& hash);

struct TokenRow {
  TokenId id;
  CentreId centre;
  UserId user;
  std::int64_t expires_at;
  std::optional<std::int64_t> last_used_at;
  bool revoked;
  std::int64_t user_version;
  bool user_disabled;
};
std::optional<TokenRow> token_by_hash(storage::Connection& c, const std::string& hash);
void touch_token(storage::Connection& c, TokenId id, std::int64_t now);
std::vector<ApiToken> list_tokens(storage::Connection& c, CentreId centre, UserId user);
TokenId insert_token(storage::Connection& c, CentreId centre, UserId user, std::string_view name,
                     const std::string& hash, std::int64_t now, std::int64_t expires_at);
bool revoke_token(storage::Connection& c, CentreId centre, UserId user, TokenId id, std::int64_t now);

// Roles and sections of a user in one round trip, for building a Principal.
void roles_and_sections(storage::Connection& c, UserId id, std::vector<std::string>& roles,
                        std::vector<SectionId>& sections);
// Roles and sections of a user, for building a Principal.
std::vector<std::string> roles_of(storage::Connection& c, UserId id);
std::vector<SectionId> sections_of(storage::Connection& c, UserId id);

}  // namespace ostoja::identity::repo
