#include "modules/identity/service.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "modules/identity/crypto.h"
#include "modules/identity/password_policy.h"
#include "modules/identity/repository.h"
#include "modules/identity/throttle.h"

namespace ostoja::identity {

namespace {

const Error kBadCredentials{ErrorCode::unauthenticated, "Nieprawidłowy login lub hasło.", ""};
const Error kSessionExpired{ErrorCode::unauthenticated, "Sesja wygasła lub jest nieważna. Zaloguj się ponownie.", ""};

// "za 5 s", "za 1 minutę", "za 3 minuty", "za 15 minut" — Polish plural forms.
std::string wait_text(std::int64_t ms) {
  if (ms < 60000) return std::to_string(std::max<std::int64_t>(1, (ms + 999) / 1000)) + " s";
  auto min = (ms + 59999) / 60000;
  bool few = min % 10 >= 2 && min % 10 <= 4 && (min % 100 < 10 || min % 100 >= 20);
  return std::to_string(min) + (min == 1 ? " minutę" : few ? " minuty" : " minut");
}

Backoff account_backoff(const SecurityPolicy& p) {
  return {p.account_slowdown_after, p.account_lock_after, p.account_lock_ms, p.account_lock_ms};
}

Backoff address_backoff(const SecurityPolicy& p) {
  return {p.address_slowdown_after, p.address_lock_after, p.address_lock_ms, p.address_max_wait_ms};
}

// The moment before which the next attempt is refused (none when there is nothing to wait for).
std::optional<std::int64_t> until(std::int64_t now, std::int64_t wait_ms) {
  if (wait_ms <= 0) return std::nullopt;
  return now + wait_ms;
}

// Slowed down (its window still counts and has reached the slowdown) or waiting out a slowdown or lock.
bool address_throttled(const SecurityPolicy& p, const repo::ThrottleState& s, std::int64_t now) {
  return (s.locked_until && *s.locked_until > now) ||
         (s.failures >= p.address_slowdown_after && now - s.window_start <= p.address_window_ms);
}

AddressLock address_lock(const SecurityPolicy& p, std::string address, const repo::ThrottleState& s, std::int64_t now) {
  AddressLock l{std::move(address), s.failures, s.window_start, std::nullopt, false};
  if (s.locked_until && *s.locked_until > now) {
    l.locked_until = s.locked_until;
    l.locked = s.failures >= p.address_lock_after;
  }
  return l;
}

// How far back the failures of an address still throttled at `now` can lie: a window, a lock or a wait.
std::int64_t address_history_start(const SecurityPolicy& p, std::int64_t now) {
  return now - std::max({p.address_window_ms, p.address_lock_ms, p.address_max_wait_ms});
}

}  // namespace

IdentityService::IdentityService(storage::Database& db, const Clock& clock, SecurityPolicy policy)
    : db_(db), clock_(clock), policy_(policy) {
  init_crypto();
  auto c = db_.acquire();
  permissions_ = repo::load_permissions(*c);
  for (const auto& r : c->query("SELECT code, name FROM roles")) role_names_[r.text(0)] = r.text(1);
}

Result<Principal> IdentityService::principal_for(storage::Connection& c, CentreId centre, UserId user,
                                                 AuthMethod method) {
  auto u = c.query_one("SELECT login, full_name, disabled, restricted_access FROM users WHERE centre_id = ? AND id = ?",
                       {centre.value, user.value});
  if (!u || u->boolean(2)) return kSessionExpired;
  Principal p;
  p.user = user;
  p.centre = centre;
  p.login = u->text(0);
  p.full_name = u->text(1);
  p.restricted_access = u->boolean(3);
  p.method = method;
  repo::roles_and_sections(c, user, p.roles, p.sections);
  std::set<std::string> perms;
  for (const auto& r : p.roles)
    if (auto it = permissions_.find(r); it != permissions_.end()) perms.insert(it->second.begin(), it->second.end());
  p.permissions.assign(perms.begin(), perms.end());
  return p;
}

Result<Principal> IdentityService::principal_at(storage::Connection& c, CentreId centre, UserId user,
                                                std::int64_t version, AuthMethod method) {
  {
    std::lock_guard lock(cache_m_);
    if (auto it = cache_.find(user.value); it != cache_.end() && it->second.first == version) {
      Principal p = it->second.second;
      p.method = method;
      return p;
    }
  }
  auto p = principal_for(c, centre, user, method);
  if (!p.ok()) return p;
  std::lock_guard lock(cache_m_);
  if (cache_.size() > 50000) cache_.clear();  // bounded; refills on demand
  cache_[user.value] = {version, *p};
  return p;
}

Result<LoginResult> IdentityService::login(std::string_view login, std::string_view password, std::string_view ip,
                                           std::string_view previous_session) {
  if (login.empty() || password.empty())
    return Error::validation("Podaj login i hasło.", login.empty() ? "login" : "password");
  if (login.size() > 100 || password.size() > 256) return kBadCredentials;
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();

  // Both throttles refuse before the password is checked. An account's own wait or lock is named first
  // (it says what to do: wait or ask an administrator); the address's applies to every login, known or
  // not, so an attacker spraying many accounts from one address is stopped too.
  auto creds = repo::credentials_by_login(*conn, login);
  if (creds && creds->locked_until && *creds->locked_until > now) {
    return Error{ErrorCode::locked,
                 "Konto jest czasowo zablokowane po wielu nieudanych próbach logowania. Spróbuj ponownie za " +
                     wait_text(*creds->locked_until - now) + " lub poproś administratora o odblokowanie.",
                 ""};
  }
  auto addr = storage::in_transaction(*conn, true, [&](storage::Connection& c) { return repo::address_state(c, ip); });
  if (addr.locked_until && *addr.locked_until > now)
    return Error{ErrorCode::rate_limited,
                 (addr.failures >= policy_.address_lock_after
                      ? "Zbyt wiele nieudanych prób logowania z tego adresu. Spróbuj ponownie za "
                      : "Po kilku nieudanych próbach logowania z tego adresu kolejna próba jest możliwa za ") +
                     wait_text(*addr.locked_until - now) + ".",
                 ""};

  // Verify even for unknown logins (against a fixed hash) so timing does not reveal which logins exist.
  static const std::string dummy = hash_password("ostoja-dummy-password");
  bool good = verify_password(creds ? creds->password_hash : dummy, password) && creds && !creds->disabled;

  if (!good) {
    storage::in_transaction(*conn, true, [&](storage::Connection& c) {
      auto st = repo::address_state(c, ip);
      if (now - st.window_start > policy_.address_window_ms) st = {0, now, std::nullopt};
      ++st.failures;
      st.locked_until = until(now, wait_after(address_backoff(policy_), st.failures));
      repo::save_address_state(c, ip, st);
      if (creds) {
        int failures = creds->failed_logins + 1;
        repo::record_failure(c, creds->id, failures, until(now, wait_after(account_backoff(policy_), failures)));
        audit::Entry e;
        e.centre = creds->centre;
        e.at = now;
        e.user_id = creds->id.value;
        e.user_login = std::string(login);
        e.action = "login_failed";
        e.entity = "user";
        e.entity_id = creds->id.value;
        e.ip = std::string(ip);
        audit::append(c, e);
      }
      return true;
    });
    return kBadCredentials;
  }

  std::string token = random_secret();
  std::string csrf = random_secret();
  auto principal = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<Principal> {
    if (!previous_session.empty()) repo::delete_session(c, sha256_hex(previous_session));
    repo::clear_failures(c, creds->centre, creds->id);
    // The address is forgiven only this account's own recent mistakes, never the rest of its failures:
    // otherwise one valid account would let an attacker reset the address count between guesses at others.
    auto st = repo::address_state(c, ip);
    if (now - st.window_start <= policy_.address_window_ms && st.failures > creds->failed_logins) {
      st.failures -= creds->failed_logins;
      repo::save_address_state(c, ip, st);
    } else {
      repo::clear_address(c, ip);
    }
    repo::insert_session(c, sha256_hex(token), creds->centre, creds->id, csrf, now, ip);
    auto p = principal_for(c, creds->centre, creds->id, AuthMethod::session);
    if (!p.ok()) return p.error();
    p->ip = std::string(ip);
    audit::append(c, audit::entry_for(*p, now, "login", "user", creds->id.value));
    return p;
  });
  if (!principal.ok()) return principal.error();
  principal->csrf_token = csrf;
  principal->session_hash = sha256_hex(token);
  return LoginResult{token, std::move(principal).value()};
}

Status IdentityService::logout(const Principal& who) {
  if (who.method != AuthMethod::session) return ok();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    repo::delete_session(c, who.session_hash);
    audit::append(c, audit::entry_for(who, clock_.now_ms(), "logout", "user", who.user.value));
    return ok();
  });
}

Result<Principal> IdentityService::authenticate_session(std::string_view token, std::string_view ip) {
  if (token.size() != 64) return kSessionExpired;
  const std::int64_t now = clock_.now_ms();
  const std::string hash = sha256_hex(token);
  auto conn = db_.acquire();
  auto s = repo::session_by_hash(*conn, hash);
  if (!s) return kSessionExpired;
  if (now - s->last_seen_at > policy_.idle_timeout_ms || now - s->created_at > policy_.absolute_timeout_ms) {
    repo::delete_session(*conn, hash);
    return kSessionExpired;
  }
  if (s->user_disabled) return kSessionExpired;
  if (now - s->last_seen_at > policy_.touch_interval_ms) repo::touch_session(*conn, hash, now);
  auto p = principal_at(*conn, s->centre, s->user, s->user_version, AuthMethod::session);
  if (!p.ok()) return p;
  p->csrf_token = s->csrf;
  p->session_hash = hash;
  p->ip = std::string(ip);
  return p;
}

Result<Principal> IdentityService::authenticate_token(std::string_view bearer, std::string_view ip) {
  const Error invalid{ErrorCode::unauthenticated, "Token API jest nieprawidłowy, wygasł lub został unieważniony.", ""};
  if (bearer.size() < 10 || bearer.size() > 200) return invalid;
  const std::int64_t now = clock_.now_ms();
  std::string hash = sha256_hex(bearer);
  // Recently checked and still valid: no database round trip (see SecurityPolicy::token_cache_ms).
  if (policy_.token_cache_ms > 0) {
    std::optional<CheckedToken> seen;
    {
      std::lock_guard lock(tokens_m_);
      if (auto it = tokens_.find(hash); it != tokens_.end()) {
        if (now - it->second.checked_at < policy_.token_cache_ms && it->second.expires_at > now &&
            now - it->second.last_used_at <= policy_.touch_interval_ms)
          seen = it->second;
        else
          tokens_.erase(it);
      }
    }
    if (seen) {
      std::lock_guard lock(cache_m_);
      if (auto it = cache_.find(seen->user.value); it != cache_.end() && it->second.first == seen->user_version) {
        Principal p = it->second.second;
        p.method = AuthMethod::api_token;
        p.ip = std::string(ip);
        return p;
      }
    }
  }
  auto conn = db_.acquire();
  auto t = repo::token_by_hash(*conn, hash);
  if (!t || t->revoked || t->expires_at <= now) return invalid;
  if (t->user_disabled) return invalid;
  std::int64_t last_used = t->last_used_at.value_or(0);
  if (!t->last_used_at || now - *t->last_used_at > policy_.touch_interval_ms) {
    repo::touch_token(*conn, t->id, now);
    last_used = now;
  }
  auto p = principal_at(*conn, t->centre, t->user, t->user_version, AuthMethod::api_token);
  if (!p.ok()) return invalid;
  if (policy_.token_cache_ms > 0) {
    std::lock_guard lock(tokens_m_);
    if (tokens_.size() > 50000) tokens_.clear();  // bounded; refills on demand
    tokens_[std::move(hash)] = CheckedToken{t->id, t->centre, t->user, t->user_version, t->expires_at, last_used, now};
  }
  p->ip = std::string(ip);
  return p;
}

void IdentityService::forget_tokens() {
  std::lock_guard lock(tokens_m_);
  tokens_.clear();
}

Status IdentityService::validate_roles_and_sections(storage::Connection& c, CentreId centre,
                                                    const std::vector<std::string>* roles,
                                                    std::vector<std::int64_t>* sections) {
  if (roles) {
    if (roles->empty()) return Error::validation("Użytkownik musi mieć co najmniej jedną rolę.", "roles");
    for (const auto& r : *roles)
      if (!permissions_.contains(r)) return Error::validation("Nieznana rola: " + r + ".", "roles");
  }
  if (sections) {
    std::sort(sections->begin(), sections->end());
    sections->erase(std::unique(sections->begin(), sections->end()), sections->end());
    if (repo::existing_sections(c, centre, *sections).size() != sections->size())
      return Error::validation("Wskazano nieistniejącą sekcję.", "section_ids");
  }
  return ok();
}

Result<std::vector<User>> IdentityService::list_users(const Principal& who) {
  auto conn = db_.acquire();
  return repo::list_users(*conn, who.centre);
}

Result<User> IdentityService::get_user(const Principal& who, UserId id) {
  auto conn = db_.acquire();
  auto u = repo::user_by_id(*conn, who.centre, id);
  if (!u) return Error::not_found("Nie znaleziono użytkownika.");
  return *u;
}

Status IdentityService::check_new_user(const NewUser& u) {
  if (u.login.size() < 3 || u.login.size() > 50 || !std::all_of(u.login.begin(), u.login.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
      }))
    return Error::validation(
        "Login: 3–50 znaków, małe litery bez polskich znaków, cyfry, kropka, podkreślenie, myślnik.", "login");
  if (u.full_name.empty()) return Error::validation("Podaj imię i nazwisko.", "full_name");
  OSTOJA_CHECK(check_password_policy(u.login, u.password));
  if (repo::login_exists(*db_.acquire(), u.login))
    return Error::conflict("Login „" + u.login + "” jest już zajęty.", "login");
  return ok();
}

Result<User> IdentityService::create_user(const Principal& who, NewUser u) {
  OSTOJA_CHECK(check_new_user(u));
  const std::string hash = hash_password(u.password);  // slow: outside the transaction
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  auto id = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<UserId> {
    OSTOJA_CHECK(validate_roles_and_sections(c, who.centre, &u.roles, &u.section_ids));
    if (repo::login_exists(c, u.login)) return Error::conflict("Login „" + u.login + "” jest już zajęty.", "login");
    UserId uid = repo::insert_user(c, who.centre, u, hash, now);
    audit::append(c, audit::entry_for(who, now, "create", "user", uid.value));
    return uid;
  });
  if (!id.ok()) return id.error();
  return get_user(who, *id);
}

Result<User> IdentityService::update_user(const Principal& who, UserId id, const UserChange& change) {
  UserChange ch = change;
  if (ch.full_name && ch.full_name->empty()) return Error::validation("Podaj imię i nazwisko.", "full_name");
  if (id == who.user && ch.disabled && *ch.disabled)
    return Error::conflict("Nie można wyłączyć własnego konta.", "disabled");
  if (id == who.user && ch.roles && std::find(ch.roles->begin(), ch.roles->end(), "administrator") == ch.roles->end() &&
      std::find(who.roles.begin(), who.roles.end(), "administrator") != who.roles.end())
    return Error::conflict("Nie można odebrać sobie roli administratora.", "roles");
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  auto r = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    if (!repo::user_by_id(c, who.centre, id)) return Error::not_found("Nie znaleziono użytkownika.");
    OSTOJA_CHECK(validate_roles_and_sections(c, who.centre, ch.roles ? &*ch.roles : nullptr,
                                             ch.section_ids ? &*ch.section_ids : nullptr));
    repo::update_user_fields(c, who.centre, id, ch);
    if (ch.disabled && *ch.disabled) repo::delete_user_sessions(c, id);  // disabling ends their sessions at once
    audit::append(c, audit::entry_for(who, now, ch.disabled && *ch.disabled ? "disable" : "update", "user", id.value));
    return ok();
  });
  forget_tokens();
  if (!r.ok()) return r.error();
  return get_user(who, id);
}

Status IdentityService::set_password(const Principal& who, UserId id, std::string_view password) {
  auto conn = db_.acquire();
  auto target = repo::user_by_id(*conn, who.centre, id);
  if (!target) return Error::not_found("Nie znaleziono użytkownika.");
  OSTOJA_CHECK(check_password_policy(target->login, password));
  const std::string hash = hash_password(password);
  const std::int64_t now = clock_.now_ms();
  auto r = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    repo::set_password_hash(c, who.centre, id, hash, now);
    repo::delete_user_sessions(c, id);
    audit::append(c, audit::entry_for(who, now, "password", "user", id.value));
    return ok();
  });
  forget_tokens();
  return r;
}

Status IdentityService::unlock(const Principal& who, UserId id) {
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    if (!repo::user_by_id(c, who.centre, id)) return Error::not_found("Nie znaleziono użytkownika.");
    repo::clear_failures(c, who.centre, id);
    audit::append(c, audit::entry_for(who, clock_.now_ms(), "unlock", "user", id.value));
    return ok();
  });
}

Result<std::vector<AddressLock>> IdentityService::address_locks(const Principal& who) {
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  std::vector<AddressLock> out;
  for (auto& [address, state] : repo::addresses_failed_against(*conn, who.centre, address_history_start(policy_, now)))
    if (address_throttled(policy_, state, now)) out.push_back(address_lock(policy_, std::move(address), state, now));
  return out;
}

Status IdentityService::unlock_address(const Principal& who, std::string_view address) {
  const Error unknown = Error::not_found(
      "Ten adres nie jest teraz spowolniony ani zablokowany po nieudanych logowaniach na konta ośrodka.");
  if (address.empty() || address.size() > 64) return unknown;
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    auto found = repo::addresses_failed_against(c, who.centre, address_history_start(policy_, now), address);
    if (found.empty() || !address_throttled(policy_, found.front().second, now)) return unknown;
    repo::clear_address(c, address);
    audit::append(c, audit::entry_for(who, now, "unlock", "login_address", std::nullopt, std::nullopt,
                                      "Odblokowanie adresu " + std::string(address) + " po nieudanych logowaniach"));
    return ok();
  });
}

Result<std::vector<ApiToken>> IdentityService::list_tokens(const Principal& who) {
  auto conn = db_.acquire();
  return repo::list_tokens(*conn, who.centre, who.user);
}

Result<NewToken> IdentityService::create_token(const Principal& who, std::string_view name, int expires_in_days) {
  if (name.empty() || name.size() > 100) return Error::validation("Podaj nazwę tokenu (do 100 znaków).", "name");
  if (expires_in_days < 1 || expires_in_days > 365)
    return Error::validation("Ważność tokenu: od 1 do 365 dni.", "expires_in_days");
  const std::int64_t now = clock_.now_ms();
  const std::int64_t expires = now + expires_in_days * 24LL * 3600 * 1000;
  std::string secret = "ost_" + random_secret();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<NewToken> {
    TokenId id = repo::insert_token(c, who.centre, who.user, name, sha256_hex(secret), now, expires);
    audit::append(c, audit::entry_for(who, now, "create", "api_token", id.value));
    return NewToken{ApiToken{id, std::string(name), now, expires, std::nullopt, false}, secret};
  });
}

Status IdentityService::revoke_token(const Principal& who, TokenId id) {
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  auto r = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    if (!repo::revoke_token(c, who.centre, who.user, id, now)) return Error::not_found("Nie znaleziono tokenu.");
    audit::append(c, audit::entry_for(who, now, "revoke", "api_token", id.value));
    return ok();
  });
  forget_tokens();
  return r;
}

Result<User> IdentityService::find_by_login(std::string_view login) {
  auto conn = db_.acquire();
  auto creds = repo::credentials_by_login(*conn, login);
  if (!creds) return Error::not_found("Nie ma użytkownika o loginie „" + std::string(login) + "”.");
  return *repo::user_by_id(*conn, creds->centre, creds->id);
}

}  // namespace ostoja::identity
