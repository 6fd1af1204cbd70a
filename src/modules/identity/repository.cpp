#include "modules/identity/repository.h"

namespace ostoja::identity::repo {

PermissionTable load_permissions(storage::Connection& c) {
  PermissionTable t;
  for (const auto& r : c.query("SELECT role, permission FROM role_permissions")) t[r.text(0)].insert(r.text(1));
  for (const auto& r : c.query("SELECT code FROM roles")) t[r.text(0)];  // roles without permissions too
  return t;
}

std::optional<Credentials> credentials_by_login(storage::Connection& c, std::string_view login) {
  auto r = c.query_one(
      "SELECT id, centre_id, password_hash, disabled, failed_logins, locked_until FROM users WHERE login = ?", {login});
  if (!r) return std::nullopt;
  return Credentials{UserId{r->int64(0)}, CentreId{r->int64(1)}, r->text(2),
                     r->boolean(3),       r->int32(4),           r->opt_int64(5)};
}

namespace {
constexpr const char* kUserColumns =
    "id, centre_id, login, full_name, disabled, restricted_access, failed_logins, locked_until, created_at";

User user_from_row(const storage::Row& r) {
  User u;
  u.id = UserId{r.int64(0)};
  u.centre = CentreId{r.int64(1)};
  u.login = r.text(2);
  u.full_name = r.text(3);
  u.disabled = r.boolean(4);
  u.restricted_access = r.boolean(5);
  u.failed_logins = r.int32(6);
  u.locked_until = r.opt_int64(7);
  u.created_at = r.int64(8);
  return u;
}
}  // namespace

std::vector<std::string> roles_of(storage::Connection& c, UserId id) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role", {id.value}))
    out.push_back(r.text(0));
  return out;
}

std::vector<SectionId> sections_of(storage::Connection& c, UserId id) {
  std::vector<SectionId> out;
  for (const auto& r :
       c.query("SELECT section_id FROM user_sections WHERE user_id = ? ORDER BY section_id", {id.value}))
    out.emplace_back(r.int64(0));
  return out;
}

void roles_and_sections(storage::Connection& c, UserId id, std::vector<std::string>& roles,
                        std::vector<SectionId>& sections) {
  for (const auto& r : c.query("SELECT role, 0 FROM user_roles WHERE user_id = ? UNION ALL "
                               "SELECT NULL, section_id FROM user_sections WHERE user_id = ? ORDER BY 1, 2",
                               {id.value, id.value})) {
    if (r.null(0))
      sections.emplace_back(r.int64(1));
    else
      roles.push_back(r.text(0));
  }
}

std::optional<User> user_by_id(storage::Connection& c, CentreId centre, UserId id) {
  auto r = c.query_one(std::string("SELECT ") + kUserColumns + " FROM users WHERE centre_id = ? AND id = ?",
                       {centre.value, id.value});
  if (!r) return std::nullopt;
  User u = user_from_row(*r);
  u.roles = roles_of(c, id);
  for (auto s : sections_of(c, id)) u.section_ids.push_back(s.value);
  return u;
}

std::vector<User> list_users(storage::Connection& c, CentreId centre) {
  std::vector<User> users;
  for (const auto& r : c.query(std::string("SELECT ") + kUserColumns + " FROM users WHERE centre_id = ? ORDER BY login",
                               {centre.value}))
    users.push_back(user_from_row(r));
  std::map<std::int64_t, User*> by_id;
  for (auto& u : users) by_id[u.id.value] = &u;
  for (const auto& r :
       c.query("SELECT user_id, role FROM user_roles WHERE centre_id = ? ORDER BY role", {centre.value}))
    if (auto it = by_id.find(r.int64(0)); it != by_id.end()) it->second->roles.push_back(r.text(1));
  for (const auto& r :
       c.query("SELECT user_id, section_id FROM user_sections WHERE centre_id = ? ORDER BY section_id", {centre.value}))
    if (auto it = by_id.find(r.int64(0)); it != by_id.end()) it->second->section_ids.push_back(r.int64(1));
  return users;
}

bool login_exists(storage::Connection& c, std::string_view login) {
  return c.query_one("SELECT 1 FROM users WHERE login = ?", {login}).has_value();
}

UserId insert_user(storage::Connection& c, CentreId centre, const NewUser& u, const std::string& hash,
                   std::int64_t now) {
  auto r = c.query_one(
      "INSERT INTO users (centre_id, login, full_name, password_hash, restricted_access, created_at, "
      "password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {centre.value, u.login, u.full_name, hash, u.restricted_access, now, now});
  UserId id{r->int64(0)};
  set_roles(c, centre, id, u.roles);
  set_sections(c, centre, id, u.section_ids);
  return id;
}

void set_roles(storage::Connection& c, CentreId centre, UserId id, const std::vector<std::string>& roles) {
  bump_version(c, id);
  c.execute("DELETE FROM user_roles WHERE centre_id = ? AND user_id = ?", {centre.value, id.value});
  for (const auto& role : roles)
    c.execute("INSERT INTO user_roles (centre_id, user_id, role) VALUES (?, ?, ?)", {centre.value, id.value, role});
}

void set_sections(storage::Connection& c, CentreId centre, UserId id, const std::vector<std::int64_t>& sections) {
  bump_version(c, id);
  c.execute("DELETE FROM user_sections WHERE centre_id = ? AND user_id = ?", {centre.value, id.value});
  for (auto s : sections)
    c.execute("INSERT INTO user_sections (centre_id, user_id, section_id) VALUES (?, ?, ?)",
              {centre.value, id.value, s});
}

std::vector<std::int64_t> existing_sections(storage::Connection& c, CentreId centre,
                                            const std::vector<std::int64_t>& ids) {
  std::vector<std::int64_t> out;
  for (auto s : ids)
    if (c.query_one("SELECT 1 FROM sections WHERE centre_id = ? AND id = ?", {centre.value, s})) out.push_back(s);
  return out;
}

void update_user_fields(storage::Connection& c, CentreId centre, UserId id, const UserChange& ch) {
  bump_version(c, id);
  if (ch.full_name)
    c.execute("UPDATE users SET full_name = ? WHERE centre_id = ? AND id = ?", {*ch.full_name, centre.value, id.value});
  if (ch.disabled)
    c.execute("UPDATE users SET disabled = ? WHERE centre_id = ? AND id = ?", {*ch.disabled, centre.value, id.value});
  if (ch.restricted_access)
    c.execute("UPDATE users SET restricted_access = ? WHERE centre_id = ? AND id = ?",
              {*ch.restricted_access, centre.value, id.value});
  if (ch.roles) set_roles(c, centre, id, *ch.roles);
  if (ch.section_ids) set_sections(c, centre, id, *ch.section_ids);
}

void set_password_hash(storage::Connection& c, CentreId centre, UserId id, const std::string& hash, std::int64_t now) {
  c.execute("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE centre_id = ? AND id = ?",
            {hash, now, centre.value, id.value});
}

void record_failure(storage::Connection& c, UserId id, int failures, std::optional<std::int64_t> locked_until) {
  c.execute("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?", {failures, locked_until, id.value});
}

void clear_failures(storage::Connection& c, CentreId centre, UserId id) {
  c.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE centre_id = ? AND id = ?",
            {centre.value, id.value});
}

void bump_version(storage::Connection& c, UserId id) {
  c.execute("UPDATE users SET version = version + 1 WHERE id = ?", {id.value});
}

void delete_user_sessions(storage::Connection& c, UserId id) {
  c.execute("DELETE FROM sessions WHERE user_id = ?", {id.value});
}

ThrottleState address_state(storage::Connection& c, std::string_view address) {
  auto r = c.query_one("SELECT failures, window_start, locked_until FROM login_throttle WHERE address = ?", {address});
  if (!r) return {};
  return {r->int32(0), r->int64(1), r->opt_int64(2)};
}

void save_address_state(storage::Connection& c, std::string_view address, const ThrottleState& s) {
  c.execute(
      "INSERT INTO login_throttle (address, failures, window_start, locked_until) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (address) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, "
      "locked_until = excluded.locked_until",
      {address, s.failures, s.window_start, s.locked_until});
}

void clear_address(storage::Connection& c, std::string_view address) {
  c.execute("DELETE FROM login_throttle WHERE address = ?", {address});
}

std::vector<std::pair<std::string, ThrottleState>> addresses_failed_against(storage::Connection& c, CentreId centre,
                                                                            std::int64_t since,
                                                                            std::optional<std::string_view> only) {
  std::string sql =
      "SELECT DISTINCT t.address, t.failures, t.window_start, t.locked_until FROM audit_log a "
      "JOIN login_throttle t ON t.address = a.ip "
      "WHERE a.centre_id = ? AND a.at >= ? AND a.action = 'login_failed' AND a.at >= t.window_start";
  storage::Params params{centre.value, since};
  if (only) {
    sql += " AND a.ip = ?";
    params.emplace_back(*only);
  }
  std::vector<std::pair<std::string, ThrottleState>> out;
  for (const auto& r : c.query(sql + " ORDER BY t.address", params))
    out.emplace_back(r.text(0), ThrottleState{r.int32(1), r.int64(2), r.opt_int64(3)});
  return out;
}

void insert_session(storage::Connection& c, const std::string& hash, CentreId centre, UserId user,
                    const std::string& csrf, std::int64_t now, std::string_view ip) {
  c.execute(
      "INSERT INTO sessions (token_hash, centre_id, user_id, csrf_token, created_at, last_seen_at, ip) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {hash, centre.value, user.value, csrf, now, now, ip});
}

std::optional<SessionRow> session_by_hash(storage::Connection& c, const std::string& hash) {
  auto r = c.query_one(
      "SELECT s.centre_id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, u.version, u.disabled "
      "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
      {hash});
  if (!r) return std::nullopt;
  return SessionRow{CentreId{r->int64(0)}, UserId{r->int64(1)}, r->text(2),   r->int64(3),
                    r->int64(4),           r->int64(5),         r->boolean(6)};
}

void touch_session(storage::Connection& c, const std::string& hash, std::int64_t now) {
  c.execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {now, hash});
}

void delete_session(storage::Connection& c, const std::string& hash) {
  c.execute("DELETE FROM sessions WHERE token_hash = ?", {hash});
}

std::optional<TokenRow> token_by_hash(storage::Connection& c, const std::string& hash) {
  auto r = c.query_one(
      "SELECT t.id, t.centre_id, t.user_id, t.expires_at, t.last_used_at, t.revoked_at, u.version, u.disabled "
      "FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?",
      {hash});
  if (!r) return std::nullopt;
  return TokenRow{TokenId{r->int64(0)}, CentreId{r->int64(1)}, UserId{r->int64(2)}, r->int64(3),
                  r->opt_int64(4),      !r->null(5),           r->int64(6),         r->boolean(7)};
}

void touch_token(storage::Connection& c, TokenId id, std::int64_t now) {
  c.execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {now, id.value});
}

std::vector<ApiToken> list_tokens(storage::Connection& c, CentreId centre, UserId user) {
  std::vector<ApiToken> out;
  for (const auto& r : c.query("SELECT id, name, created_at, expires_at, last_used_at, revoked_at FROM api_tokens "
                               "WHERE centre_id = ? AND user_id = ? ORDER BY id",
                               {centre.value, user.value}))
    out.push_back(ApiToken{TokenId{r.int64(0)}, r.text(1), r.int64(2), r.int64(3), r.opt_int64(4), !r.null(5)});
  return out;
}

TokenId insert_token(storage::Connection& c, CentreId centre, UserId user, std::string_view name,
                     const std::string& hash, std::int64_t now, std::int64_t expires_at) {
  auto r = c.query_one(
      "INSERT INTO api_tokens (centre_id, user_id, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {centre.value, user.value, name, hash, now, expires_at});
  return TokenId{r->int64(0)};
}

bool revoke_token(storage::Connection& c, CentreId centre, UserId user, TokenId id, std::int64_t now) {
  return c.execute(
             "UPDATE api_tokens SET revoked_at = ? WHERE centre_id = ? AND user_id = ? AND id = ? AND revoked_at IS "
             "NULL",
             {now, centre.value, user.value, id.value}) > 0;
}

}  // namespace ostoja::identity::repo
