// Identity use cases on both databases: users, login, throttling and locks, sessions, API tokens.
#include "fixture.h"
#include "modules/identity/service.h"

namespace ostoja::testing {

using namespace std::chrono_literals;

class Identity : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    centre_ = make_centre();
    svc_ = std::make_unique<identity::IdentityService>(*db_, clock_);
    admin_ = actor(centre_, {"users.manage"});
    auto u = svc_->create_user(admin_, {"jan.kowalski", "Jan Kowalski", kPassword, {"pracownik"}, {}, false});
    ASSERT_TRUE(u.ok()) << u.error().message;
    user_ = u->id;
  }
  static constexpr const char* kPassword = "Dobre-Haslo-2025";
  CentreId centre_;
  UserId user_;
  Principal admin_;
  std::unique_ptr<identity::IdentityService> svc_;
};
OSTOJA_STORAGE_TEST_SUITE(Identity);

TEST_P(Identity, RejectsWeakPasswordsAndBadUsers) {
  struct Case {
    identity::NewUser u;
    const char* field;
  };
  const Case cases[] = {
      {{"anna", "Anna", "krotkie", {"pracownik"}, {}, false}, "password"},
      {{"anna", "Anna", "wszystkiemalelitery", {"pracownik"}, {}, false}, "password"},
      {{"anna", "Anna", "Anna-Ma-Haslo-1", {"pracownik"}, {}, false}, "password"},  // contains the login
      {{"Anna Nowak", "Anna", kPassword, {"pracownik"}, {}, false}, "login"},
      {{"anna", "", kPassword, {"pracownik"}, {}, false}, "full_name"},
      {{"anna", "Anna", kPassword, {"krol"}, {}, false}, "roles"},
      {{"anna", "Anna", kPassword, {}, {}, false}, "roles"},
      {{"anna", "Anna", kPassword, {"pracownik"}, {12345}, false}, "section_ids"},
      {{"jan.kowalski", "Jan", kPassword, {"pracownik"}, {}, false}, "login"},  // taken
  };
  for (const auto& c : cases) {
    auto r = svc_->create_user(admin_, c.u);
    ASSERT_FALSE(r.ok()) << c.u.login;
    EXPECT_EQ(r.error().field, c.field) << c.u.login << ": " << r.error().message;
  }
}

TEST_P(Identity, LoginCreatesSessionWithPermissionsAndLogoutEndsIt) {
  auto r = svc_->login("jan.kowalski", kPassword, "10.0.0.1");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->principal.roles, std::vector<std::string>{"pracownik"});
  EXPECT_TRUE(r->principal.can("cases.read"));
  EXPECT_FALSE(r->principal.can("users.manage"));
  auto p = svc_->authenticate_session(r->session_token, "10.0.0.1");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->csrf_token, r->principal.csrf_token);
  ASSERT_TRUE(svc_->logout(*p).ok());
  EXPECT_EQ(svc_->authenticate_session(r->session_token, "10.0.0.1").error().code, ErrorCode::unauthenticated);
}

TEST_P(Identity, SessionIdRotatesAtLogin) {
  auto first = svc_->login("jan.kowalski", kPassword, "10.0.0.1");
  auto second = svc_->login("jan.kowalski", kPassword, "10.0.0.1", first->session_token);
  ASSERT_TRUE(second.ok());
  EXPECT_NE(first->session_token, second->session_token);
  EXPECT_FALSE(svc_->authenticate_session(first->session_token, "x").ok());
  EXPECT_TRUE(svc_->authenticate_session(second->session_token, "x").ok());
}

TEST_P(Identity, SessionsExpireWhenIdleAndAbsolutely) {
  auto r = svc_->login("jan.kowalski", kPassword, "ip");
  clock_.advance(29min);
  EXPECT_TRUE(svc_->authenticate_session(r->session_token, "ip").ok());
  clock_.advance(31min);
  EXPECT_FALSE(svc_->authenticate_session(r->session_token, "ip").ok());  // idle > 30 min
  auto r2 = svc_->login("jan.kowalski", kPassword, "ip");
  for (int i = 0; i < 24; ++i) {  // active every 29 minutes for 11.6 h
    clock_.advance(29min);
    ASSERT_TRUE(svc_->authenticate_session(r2->session_token, "ip").ok()) << i;
  }
  clock_.advance(29min);
  EXPECT_FALSE(svc_->authenticate_session(r2->session_token, "ip").ok());  // > 12 h absolute
}

TEST_P(Identity, WrongPasswordsSlowDownThenLockTheAccountUntilAdminUnlocks) {
  for (int i = 1; i <= 3; ++i) {
    auto r = svc_->login("jan.kowalski", "zle-haslo", "10.0.0." + std::to_string(i));
    EXPECT_EQ(r.error().code, ErrorCode::unauthenticated);
  }
  // After 3 failures the account must wait before the next attempt, even with the right password.
  EXPECT_EQ(svc_->login("jan.kowalski", kPassword, "10.0.0.9").error().code, ErrorCode::locked);
  for (int i = 4; i <= 10; ++i) {
    clock_.advance(10min);
    EXPECT_EQ(svc_->login("jan.kowalski", "zle-haslo", "10.0.1." + std::to_string(i)).error().code,
              ErrorCode::unauthenticated);
  }
  clock_.advance(5min);
  auto locked = svc_->login("jan.kowalski", kPassword, "10.0.2.1");
  EXPECT_EQ(locked.error().code, ErrorCode::locked);
  auto users = svc_->list_users(admin_);
  auto it = std::find_if(users->begin(), users->end(), [](const auto& u) { return u.login == "jan.kowalski"; });
  ASSERT_TRUE(it->locked_until.has_value());  // visible to the administrator
  EXPECT_EQ(it->failed_logins, 10);
  ASSERT_TRUE(svc_->unlock(admin_, user_).ok());
  EXPECT_TRUE(svc_->login("jan.kowalski", kPassword, "10.0.2.1").ok());
}

TEST_P(Identity, FailuresFromOneAddressSlowItDownFromTheTenthThenLockIt) {
  // Unknown logins: the per-account throttle does not apply, only the per-address one.
  auto fail = [&](int i) { return svc_->login("nieistniejacy" + std::to_string(i), "x", "192.0.2.7"); };
  for (int i = 1; i <= 10; ++i) ASSERT_EQ(fail(i).error().code, ErrorCode::unauthenticated) << i;
  // From the 10th failure each further attempt must wait — even with the right password; nothing sleeps.
  auto slowed = svc_->login("jan.kowalski", kPassword, "192.0.2.7");
  EXPECT_EQ(slowed.error().code, ErrorCode::rate_limited);
  EXPECT_EQ(slowed.error().message,
            "Po kilku nieudanych próbach logowania z tego adresu kolejna próba jest możliwa za 1 s.");
  EXPECT_TRUE(svc_->login("jan.kowalski", kPassword, "192.0.2.8").ok());  // another address is not affected
  clock_.advance(1s);
  ASSERT_EQ(fail(11).error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(fail(12).error().message,
            "Po kilku nieudanych próbach logowania z tego adresu kolejna próba jest możliwa za 2 s.");
  clock_.advance(1999ms);
  EXPECT_EQ(fail(12).error().code, ErrorCode::rate_limited);  // a refused attempt is not a failure: still 11
  clock_.advance(1ms);
  ASSERT_EQ(fail(12).error().code, ErrorCode::unauthenticated);
  EXPECT_NE(fail(13).error().message.find("za 4 s."), std::string::npos);
  // The wait doubles up to 30 s; the 30th failure in the window locks the address for 15 minutes.
  for (int i = 13; i <= 30; ++i) {
    clock_.advance(30s);
    ASSERT_EQ(fail(i).error().code, ErrorCode::unauthenticated) << i;
  }
  clock_.advance(14min);
  auto locked = svc_->login("jan.kowalski", kPassword, "192.0.2.7");
  EXPECT_EQ(locked.error().code, ErrorCode::rate_limited);
  EXPECT_EQ(locked.error().message,
            "Zbyt wiele nieudanych prób logowania z tego adresu. Spróbuj ponownie za 1 minutę.");
  clock_.advance(1min);
  EXPECT_TRUE(svc_->login("jan.kowalski", kPassword, "192.0.2.7").ok());
}

// Regression (browser test „zablokowane konto”): with both throttles on, the account's own lock was
// hidden behind the address's slowdown message.
TEST_P(Identity, AnAccountsOwnWaitIsNamedBeforeTheAddressSlowdown) {
  for (int i = 1; i <= 3; ++i)
    ASSERT_EQ(svc_->login("jan.kowalski", "zle-haslo", "192.0.2.7").error().code, ErrorCode::unauthenticated);
  for (int i = 1; i <= 7; ++i)
    ASSERT_EQ(svc_->login("nieistniejacy", "x", "192.0.2.7").error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(svc_->login("jan.kowalski", kPassword, "192.0.2.7").error().code, ErrorCode::locked);
  EXPECT_EQ(svc_->login("nieistniejacy", "x", "192.0.2.7").error().code, ErrorCode::rate_limited);
}

// Regression (closing note of stop 8, "a successful login clears its address's failure count"): one valid
// account let an attacker reset the address's count between guesses at other accounts, so the address
// was never slowed down. A success now forgives the address only that account's own failures.
TEST_P(Identity, SuccessfulLoginForgivesTheAddressOnlyTheAccountsOwnFailures) {
  auto guess = [&](int i) { return svc_->login("ofiara" + std::to_string(i), "x", "192.0.2.9"); };
  for (int round = 0; round < 3; ++round) {
    for (int i = 1; i <= 3; ++i) ASSERT_EQ(guess(round * 3 + i).error().code, ErrorCode::unauthenticated);
    ASSERT_TRUE(svc_->login("jan.kowalski", kPassword, "192.0.2.9").ok()) << round;
  }
  // The 10th guess in the window, despite three successes in between: the address is slowed down.
  ASSERT_EQ(guess(10).error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(svc_->login("jan.kowalski", kPassword, "192.0.2.9").error().code, ErrorCode::rate_limited);

  // A worker's own typos are forgiven by their next successful login (an office behind one address).
  for (int i = 1; i <= 2; ++i)
    ASSERT_EQ(svc_->login("jan.kowalski", "literowka", "192.0.2.10").error().code, ErrorCode::unauthenticated);
  for (int i = 1; i <= 7; ++i)
    ASSERT_EQ(svc_->login("ktos" + std::to_string(i), "x", "192.0.2.10").error().code, ErrorCode::unauthenticated);
  ASSERT_TRUE(svc_->login("jan.kowalski", kPassword, "192.0.2.10").ok());  // 9 failures: no wait yet
  // 7 left after the success forgave its own 2: two more failures reach 9, not the 10 of a slowdown.
  for (int i = 1; i <= 2; ++i)
    ASSERT_EQ(svc_->login("inny" + std::to_string(i), "x", "192.0.2.10").error().code, ErrorCode::unauthenticated);
  EXPECT_TRUE(svc_->login("jan.kowalski", kPassword, "192.0.2.10").ok());
  ASSERT_EQ(svc_->login("inny3", "x", "192.0.2.10").error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(svc_->login("jan.kowalski", kPassword, "192.0.2.10").error().code, ErrorCode::rate_limited);
}

TEST_P(Identity, FailuresSpreadOverMoreThanTheWindowNeverSlowDown) {
  // One failure every 2 minutes: a window (15 minutes from its first failure) holds 8, then a new one
  // starts — 40 failures in all, yet never the 10 of a slowdown nor the 30 of a lock.
  for (int i = 1; i <= 40; ++i) {
    clock_.advance(2min);
    ASSERT_EQ(svc_->login("nieistniejacy", "x", "192.0.2.7").error().code, ErrorCode::unauthenticated) << i;
  }
}

TEST_P(Identity, AdministratorSeesAndLiftsOnlyAddressesThatTriedAccountsOfTheirCentre) {
  const CentreId other = make_centre("Inny ośrodek");
  const Principal other_admin = actor(other, {"users.manage"});
  auto add = [&](const Principal& admin, const std::string& login) {
    ASSERT_TRUE(svc_->create_user(admin, {login, "Konto " + login, kPassword, {"pracownik"}, {}, false}).ok());
  };
  for (int i = 1; i <= 4; ++i) add(admin_, "nasz" + std::to_string(i));
  for (int i = 1; i <= 5; ++i) add(other_admin, "obcy" + std::to_string(i));
  // Two failures per account (below the account's slowdown): 10 from each address.
  auto spray = [&](const std::string& prefix, int accounts, const std::string& ip) {
    for (int i = 1; i <= accounts; ++i)
      for (int k = 0; k < 2; ++k)
        ASSERT_EQ(svc_->login(prefix + std::to_string(i), "zle-haslo", ip).error().code, ErrorCode::unauthenticated);
  };
  spray("nasz", 4, "198.51.100.1");  // 8 failures here…
  ASSERT_FALSE(svc_->login("jan.kowalski", "zle-haslo", "198.51.100.1").ok());
  ASSERT_FALSE(svc_->login("jan.kowalski", "zle-haslo", "198.51.100.1").ok());  // …the 10th: slowed down
  spray("obcy", 5, "203.0.113.5");                                              // only the other centre's accounts
  for (int i = 0; i < 10; ++i) ASSERT_FALSE(svc_->login("nikt" + std::to_string(i), "x", "203.0.113.6").ok());
  ASSERT_FALSE(svc_->login("nasz1", "zle-haslo", "192.0.2.1").ok());  // one failure: not slowed

  auto ours = svc_->address_locks(admin_);
  ASSERT_TRUE(ours.ok());
  ASSERT_EQ(ours->size(), 1u);  // not the other centre's address, not the one with unknown logins only
  EXPECT_EQ(ours->front().address, "198.51.100.1");
  EXPECT_EQ(ours->front().failures, 10);
  EXPECT_EQ(ours->front().window_start, clock_.now_ms());
  EXPECT_EQ(ours->front().locked_until, clock_.now_ms() + 1000);
  EXPECT_FALSE(ours->front().locked);
  auto theirs = svc_->address_locks(other_admin);
  ASSERT_EQ(theirs->size(), 1u);
  EXPECT_EQ(theirs->front().address, "203.0.113.5");

  // The wait is over, but the window still counts: the address stays listed (slowed down), and goes
  // when its window ends.
  clock_.advance(2s);
  ASSERT_EQ(svc_->address_locks(admin_)->size(), 1u);
  EXPECT_FALSE(svc_->address_locks(admin_)->front().locked_until.has_value());

  // Someone else's address, or one not throttled, cannot be lifted; nothing changes.
  EXPECT_EQ(svc_->unlock_address(admin_, "203.0.113.5").error().code, ErrorCode::not_found);
  EXPECT_EQ(svc_->unlock_address(admin_, "192.0.2.1").error().code, ErrorCode::not_found);
  EXPECT_EQ(svc_->address_locks(other_admin)->size(), 1u);
  ASSERT_EQ(svc_->login("nasz1", "zle-haslo", "198.51.100.1").error().code, ErrorCode::unauthenticated);  // 11th
  EXPECT_EQ(svc_->login("nasz2", kPassword, "198.51.100.1").error().code, ErrorCode::rate_limited);
  ASSERT_TRUE(svc_->unlock_address(admin_, "198.51.100.1").ok());
  EXPECT_TRUE(svc_->address_locks(admin_)->empty());
  EXPECT_TRUE(svc_->login("nasz2", kPassword, "198.51.100.1").ok());  // at once
  auto c = db_->acquire();
  auto audited = c->query_one(
      "SELECT COUNT(*) FROM audit_log WHERE centre_id = ? AND action = 'unlock' AND entity = 'login_address' AND "
      "purpose LIKE '%198.51.100.1%'",
      {centre_.value});
  EXPECT_EQ(audited->int64(0), 1);

  clock_.advance(16min);  // the other centre's address: its window has ended
  EXPECT_TRUE(svc_->address_locks(other_admin)->empty());
}

TEST_P(Identity, DisabledUserCannotLogInAndLosesSessions) {
  auto r = svc_->login("jan.kowalski", kPassword, "ip");
  identity::UserChange ch;
  ch.disabled = true;
  ASSERT_TRUE(svc_->update_user(admin_, user_, ch).ok());
  EXPECT_FALSE(svc_->authenticate_session(r->session_token, "ip").ok());
  EXPECT_EQ(svc_->login("jan.kowalski", kPassword, "ip").error().code, ErrorCode::unauthenticated);
}

TEST_P(Identity, ApiTokensAuthenticateUntilRevokedOrExpired) {
  auto session = svc_->login("jan.kowalski", kPassword, "ip");
  auto t = svc_->create_token(session->principal, "integracja", 2);
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE(t->secret.starts_with("ost_"));
  auto p = svc_->authenticate_token(t->secret, "ip");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->method, AuthMethod::api_token);
  EXPECT_EQ(p->permissions, session->principal.permissions);  // same permissions as the owner
  clock_.advance(49h);
  EXPECT_FALSE(svc_->authenticate_token(t->secret, "ip").ok());  // expired
  auto t2 = svc_->create_token(session->principal, "druga", 30);
  auto fresh = svc_->login("jan.kowalski", kPassword, "ip");
  ASSERT_TRUE(svc_->revoke_token(fresh->principal, t2->token.id).ok());
  EXPECT_FALSE(svc_->authenticate_token(t2->secret, "ip").ok());
  EXPECT_EQ(svc_->create_token(fresh->principal, "x", 400).error().field, "expires_in_days");
}

// A checked token is trusted for SecurityPolicy::token_cache_ms without a database read. Changes made
// through this service take effect at once; changes made elsewhere (another server, the CLI, here a
// direct UPDATE) take effect when that time is over.
TEST_P(Identity, TokenCheckIsCachedBrieflyAndForgottenOnChanges) {
  auto session = svc_->login("jan.kowalski", kPassword, "ip");
  auto t = svc_->create_token(session->principal, "integracja", 30);
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(svc_->authenticate_token(t->secret, "ip").ok());
  {
    auto c = db_->acquire();
    c->execute("UPDATE api_tokens SET revoked_at = ? WHERE id = ?", {clock_.now_ms(), t->token.id.value});
  }
  EXPECT_TRUE(svc_->authenticate_token(t->secret, "ip").ok()) << "within token_cache_ms the check is not repeated";
  clock_.advance(std::chrono::milliseconds(svc_->policy().token_cache_ms));
  EXPECT_FALSE(svc_->authenticate_token(t->secret, "ip").ok()) << "revoked elsewhere: refused after token_cache_ms";

  // Through the service: disabling the owner or changing roles applies to the very next request.
  auto t2 = svc_->create_token(session->principal, "druga", 30);
  auto before = svc_->authenticate_token(t2->secret, "ip");
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->can("cases.read"));
  identity::UserChange roles;
  roles.roles = std::vector<std::string>{"analityk"};
  ASSERT_TRUE(svc_->update_user(admin_, user_, roles).ok());
  auto after = svc_->authenticate_token(t2->secret, "ip");
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(after->can("cases.read"));
  identity::UserChange off;
  off.disabled = true;
  ASSERT_TRUE(svc_->update_user(admin_, user_, off).ok());
  EXPECT_FALSE(svc_->authenticate_token(t2->secret, "ip").ok());
}

TEST_P(Identity, WritesAreAudited) {
  auto c = db_->acquire();
  auto n = c->query_one("SELECT COUNT(*) FROM audit_log WHERE centre_id = ? AND action = 'create' AND entity = 'user'",
                        {centre_.value});
  EXPECT_EQ(n->int64(0), 1);
  EXPECT_FALSE(svc_->login("jan.kowalski", "zle", "ip").ok());
  EXPECT_EQ(c->query_one("SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed'")->int64(0), 1);
}

}  // namespace ostoja::testing

namespace ostoja::testing {

TEST_P(Identity, RoleAndSectionChangesApplyToOpenSessionsAtOnce) {
  auto r = svc_->login("jan.kowalski", kPassword, "ip");
  ASSERT_FALSE(svc_->authenticate_session(r->session_token, "ip")->can("stats.read"));
  identity::UserChange ch;
  ch.roles = std::vector<std::string>{"kierownik"};
  ASSERT_TRUE(svc_->update_user(admin_, user_, ch).ok());
  auto p = svc_->authenticate_session(r->session_token, "ip");
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->can("stats.read"));  // the cached principal was not reused after the change
  EXPECT_EQ(p->roles, std::vector<std::string>{"kierownik"});
}

}  // namespace ostoja::testing
