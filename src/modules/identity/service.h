#pragma once
// Use cases of identity: login/logout, authentication of each request (session cookie or API
// token), user administration, personal API tokens. Every write is audited in its transaction.
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "modules/identity/model.h"
#include "storage/database.h"

namespace ostoja::identity {

class IdentityService {
 public:
  IdentityService(storage::Database& db, const Clock& clock, SecurityPolicy policy = {});

  // `previous_session` (from the request's cookie, may be empty) is ended: the id rotates at login.
  Result<LoginResult> login(std::string_view login, std::string_view password, std::string_view ip,
                            std::string_view previous_session = {});
  Status logout(const Principal& who);

  Result<Principal> authenticate_session(std::string_view token, std::string_view ip);
  Result<Principal> authenticate_token(std::string_view bearer, std::string_view ip);

  Result<std::vector<User>> list_users(const Principal& who);
  Result<User> get_user(const Principal& who, UserId id);
  // What create_user checks before writing anything (format, password policy, login free) — for
  // callers that must know an account can be created before they create something else first.
  Status check_new_user(const NewUser& u);
  Result<User> create_user(const Principal& who, NewUser u);
  Result<User> update_user(const Principal& who, UserId id, const UserChange& change);
  Status set_password(const Principal& who, UserId id, std::string_view password);
  Status unlock(const Principal& who, UserId id);
  // Client addresses now slowed down or locked whose failed logins in their current window targeted
  // accounts of `who`'s centre (its `login_failed` audit entries) — never addresses only other centres saw.
  Result<std::vector<AddressLock>> address_locks(const Principal& who);
  // Lifts the slowdown or lock of such an address (not found for any other address); audited.
  Status unlock_address(const Principal& who, std::string_view address);

  Result<std::vector<ApiToken>> list_tokens(const Principal& who);
  Result<NewToken> create_token(const Principal& who, std::string_view name, int expires_in_days);
  Status revoke_token(const Principal& who, TokenId id);

  // For the CLI: user lookup by login within any centre.
  Result<User> find_by_login(std::string_view login);

  const PermissionTable& permissions() const { return permissions_; }
  const std::map<std::string, std::string>& role_names() const { return role_names_; }
  const SecurityPolicy& policy() const { return policy_; }

 private:
  Result<Principal> principal_for(storage::Connection& c, CentreId centre, UserId user, AuthMethod method);
  // The principal of a user at a known version, from memory when that version was seen before.
  Result<Principal> principal_at(storage::Connection& c, CentreId centre, UserId user, std::int64_t version,
                                 AuthMethod method);
  Status validate_roles_and_sections(storage::Connection& c, CentreId centre, const std::vector<std::string>* roles,
                                     std::vector<std::int64_t>* sections);

  storage::Database& db_;
  const Clock& clock_;
  SecurityPolicy policy_;
  PermissionTable permissions_;
  std::map<std::string, std::string> role_names_;  // code → Polish name
  // user id → (version, principal). Correct across servers: every request re-reads the version.
  std::mutex cache_m_;
  std::unordered_map<std::int64_t, std::pair<std::int64_t, Principal>> cache_;
  // SHA-256 of an API token → what the database said about it and when (policy_.token_cache_ms).
  struct CheckedToken {
    TokenId id;
    CentreId centre;
    UserId user;
    std::int64_t user_version;
    std::int64_t expires_at;
    std::int64_t last_used_at;
    std::int64_t checked_at;
  };
  std::mutex tokens_m_;
  std::unordered_map<std::string, CheckedToken> tokens_;
  void forget_tokens();
};

}  // namespace ostoja::identity
