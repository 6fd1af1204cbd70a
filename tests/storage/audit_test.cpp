// The audit log on both databases: chain, group commit under concurrency, tamper detection.
#include <atomic>
#include <chrono>
#include <thread>

#include "audit/audit_log.h"
#include "fixture.h"

namespace ostoja::testing {

class Audit : public StorageTest {
 protected:
  audit::Entry entry(CentreId c, std::int64_t person) {
    audit::Entry e;
    e.centre = c;
    e.at = clock_.now_ms();
    e.user_id = 7;
    e.user_login = "pracownik";
    e.action = "read";
    e.entity = "household";
    e.entity_id = 3;
    e.person_id = person;
    e.purpose = "wywiad środowiskowy";
    return e;
  }
  void append(CentreId c, int n) {
    auto conn = db_->acquire();
    storage::in_transaction(*conn, true, [&](storage::Connection& cn) {
      std::vector<audit::Entry> es;
      for (int i = 0; i < n; ++i) es.push_back(entry(c, i + 1));
      audit::append(cn, es);
      return true;
    });
  }
  void tamper(const std::string& sql) {
    // Simulates an attacker with direct database access who first removes the insert-only guard.
    auto c = db_->acquire();
    if (postgres())
      c->script("ALTER TABLE audit_log DISABLE TRIGGER USER");
    else
      c->script("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
    c->script(sql);
  }
};
OSTOJA_STORAGE_TEST_SUITE(Audit);

// The hashed form of an entry is fixed: databases written by earlier versions must keep verifying.
// Expected values computed independently (Python hashlib) over the documented canonical form: the
// previous hash, centre, seq, at, user id, login, action, entity, entity id, person id, purpose and
// address, each followed by U+001F; absent numbers are empty.
TEST(AuditHash, CanonicalFormIsStable) {
  audit::Entry e;
  e.centre = CentreId{3};
  e.at = 1764633600000;
  e.user_id = 42;
  e.user_login = "kowalska";
  e.action = "read";
  e.entity = "person";
  e.entity_id = 1001;
  e.person_id = 1001;
  e.purpose = "kontrola";
  e.ip = "192.0.2.7";
  EXPECT_EQ(audit::chain_hash(std::string(64, '0'), 17, e),
            "de114a299c3216184a0323ed388dce1fb28825e1485c5f636b47d233e38d191e");
  audit::Entry bare;
  bare.centre = CentreId{3};
  bare.at = 1764633600001;
  bare.action = "login_failed";
  bare.purpose = "ąę zażółć";
  std::string prev;
  for (int i = 0; i < 32; ++i) prev += "ab";
  EXPECT_EQ(audit::chain_hash(prev, 18, bare), "462e6f0b58e2fbc25dad2bd90d72d2b9f4fc520dbe5db4354ae6c1132f66a142");
}

TEST_P(Audit, ChainVerifiesAndHasOneSequencePerCentre) {
  auto a = make_centre("A"), b = make_centre("B");
  append(a, 40);  // more than one multi-row INSERT chunk
  append(b, 3);
  append(a, 1);
  auto c = db_->acquire();
  auto va = audit::verify(*c, a), vb = audit::verify(*c, b);
  EXPECT_TRUE(va.ok) << va.reason;
  EXPECT_EQ(va.entries, 41);
  EXPECT_TRUE(vb.ok) << vb.reason;
  EXPECT_EQ(vb.entries, 3);
}

TEST_P(Audit, IsInsertOnlyInTheDatabase) {
  auto a = make_centre();
  append(a, 2);
  auto c = db_->acquire();
  EXPECT_THROW(c->execute("UPDATE audit_log SET purpose = 'x' WHERE seq = 1"), storage::StorageError);
  EXPECT_THROW(c->execute("DELETE FROM audit_log WHERE seq = 2"), storage::StorageError);
  EXPECT_EQ(c->query_one("SELECT COUNT(*) FROM audit_log")->int64(0), 2);
}

TEST_P(Audit, VerifyDetectsAlteredEntry) {
  auto a = make_centre();
  append(a, 10);
  tamper("UPDATE audit_log SET user_login = 'ktos' WHERE seq = 4");
  auto c = db_->acquire();
  auto v = audit::verify(*c, a);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 4);
}

TEST_P(Audit, VerifyDetectsRemovedEntryInTheMiddle) {
  auto a = make_centre();
  append(a, 10);
  tamper("DELETE FROM audit_log WHERE seq = 6");
  auto c = db_->acquire();
  auto v = audit::verify(*c, a);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 6);
}

TEST_P(Audit, VerifyDetectsRemovedNewestEntries) {
  auto a = make_centre();
  append(a, 10);
  tamper("DELETE FROM audit_log WHERE seq >= 9");
  auto c = db_->acquire();
  auto v = audit::verify(*c, a);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 9);
}

// Closing note of stop 8: "the audit chain has no external anchor: someone with write access to the
// database could recompute it". Such a rewrite passes verify() but not a recorded anchor.
TEST_P(Audit, AnAnchorKeptOutsideDetectsAChainRewrittenAndRecomputed) {
  auto a = make_centre();
  auto c = db_->acquire();
  EXPECT_FALSE(audit::tip(*c, a).has_value());
  append(a, 5);
  const auto anchor = audit::tip(*c, a);
  ASSERT_TRUE(anchor.has_value());
  EXPECT_EQ(anchor->seq, 5);
  EXPECT_EQ(anchor->hash.size(), 64u);
  append(a, 3);
  EXPECT_TRUE(audit::verify_anchored(*c, a, *anchor).ok);

  // The attacker alters entry 2 and recomputes every hash after it, and the chain's tip.
  tamper("UPDATE audit_log SET user_login = 'ktos-inny' WHERE seq = 2");
  std::string prev = c->query_one("SELECT hash FROM audit_log WHERE centre_id = ? AND seq = 1", {a.value})->text(0);
  for (std::int64_t seq = 2; seq <= 8; ++seq) {
    auto r = c->query_one(
        "SELECT at, user_id, user_login, action, entity, entity_id, person_id, purpose, ip FROM "
        "audit_log WHERE centre_id = ? AND seq = ?",
        {a.value, seq});
    audit::Entry e;
    e.centre = a;
    e.at = r->int64(0);
    e.user_id = r->opt_int64(1);
    e.user_login = r->text(2);
    e.action = r->text(3);
    e.entity = r->text(4);
    e.entity_id = r->opt_int64(5);
    e.person_id = r->opt_int64(6);
    e.purpose = r->text(7);
    e.ip = r->text(8);
    std::string hash = audit::chain_hash(prev, seq, e);
    c->execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE centre_id = ? AND seq = ?",
               {prev, hash, a.value, seq});
    prev = hash;
  }
  c->execute("UPDATE audit_head SET hash = ? WHERE centre_id = ?", {prev, a.value});

  EXPECT_TRUE(audit::verify(*c, a).ok);  // the chain alone no longer tells
  auto v = audit::verify_anchored(*c, a, *anchor);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 5);
  EXPECT_NE(v.reason.find("inny skrót niż w punkcie kontrolnym"), std::string::npos) << v.reason;
  // An anchor past the chain's end (the newest entries removed with it) is reported too.
  EXPECT_FALSE(audit::verify_anchored(*c, a, {99, anchor->hash}).ok);
}

TEST_P(Audit, GroupCommitFromManyThreadsKeepsOneUnbrokenChain) {
  auto a = make_centre();
  audit::GroupCommitLog log(*db_);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) log.append_durable({entry(a, t * 1000 + i), entry(a, t * 1000 + i)});
    });
  for (auto& th : threads) th.join();
  auto c = db_->acquire();
  auto v = audit::verify(*c, a);
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.entries, 8 * 50 * 2);
}

// Reads waiting while a commit is under way share the next one: with the chain's tip held locked by
// another transaction, a hundred appends queue up and are committed together once it is released.
TEST_P(Audit, AppendsQueuedDuringACommitShareTheNextCommit) {
  auto a = make_centre();
  audit::GroupCommitLog log(*db_);
  log.append_durable({entry(a, 1)});  // the chain's tip exists from now on
  ASSERT_EQ(log.batches_committed(), 1u);
  auto blocker = db_->acquire();
  blocker->begin(true);
  blocker->query_one("SELECT seq FROM audit_head WHERE centre_id = ?" + std::string(blocker->lock_clause()), {a.value});
  std::atomic<int> done{0};
  for (int i = 0; i < 100; ++i) log.append_async({entry(a, 100 + i)}, [&](bool ok) { done += ok ? 1 : 0; });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(done.load(), 0) << "nothing is committed while the tip is locked";
  blocker->rollback();
  for (int i = 0; i < 500 && done.load() < 100; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_EQ(done.load(), 100);
  // The first queued entry may have started its commit before the lock; the rest go in one commit.
  EXPECT_LE(log.batches_committed(), 3u);
  auto c = db_->acquire();
  EXPECT_EQ(audit::verify(*c, a).entries, 101);
}

TEST_P(Audit, QueryFiltersByPersonAndUser) {
  auto a = make_centre();
  append(a, 5);
  auto c = db_->acquire();
  audit::Filter f;
  f.person_id = 3;
  auto page = audit::query(*c, a, f);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].entry.person_id, 3);
  EXPECT_EQ(page.items[0].entry.purpose, "wywiad środowiskowy");
  f = {};
  f.user_id = 99;
  EXPECT_EQ(audit::query(*c, a, f).total, 0);
}

}  // namespace ostoja::testing
