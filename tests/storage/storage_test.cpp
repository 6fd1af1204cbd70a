// The storage contract on both databases: migrations, parameters, transactions, constraints.
#include <thread>

#include "fixture.h"

namespace ostoja::testing {

class Storage : public StorageTest {};
OSTOJA_STORAGE_TEST_SUITE(Storage);

TEST_P(Storage, MigrationsApplyFromEmptyAndAreIdempotent) {
  auto c = db_->acquire();
  // The highest version (numbers are given out to parallel work, so the files may have gaps until merged).
  EXPECT_EQ(storage::schema_version(*c), storage::migrations_for(db_->dialect()).back().version);
  EXPECT_TRUE(storage::migrate(*db_, 0).empty());  // nothing left to apply
  for (const char* table : {"centres", "users", "sessions", "audit_log", "street_ranges", "households", "persons"})
    EXPECT_NO_THROW(c->query(std::string("SELECT COUNT(*) FROM ") + table)) << table;
}

TEST_P(Storage, RoundTripsValuesIncludingPolishTextAndNulls) {
  auto c = db_->acquire();
  c->script("CREATE TABLE rt (id BIGINT, t TEXT, n BIGINT)");
  c->execute("INSERT INTO rt (id, t, n) VALUES (?, ?, ?)",
             {std::int64_t{9'000'000'000'000LL}, "Zażółć gęślą jaźń ' ?", nullptr});
  auto r = c->query_one("SELECT id, t, n FROM rt WHERE t = ?", {"Zażółć gęślą jaźń ' ?"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->int64(0), 9'000'000'000'000LL);
  EXPECT_EQ(r->text(1), "Zażółć gęślą jaźń ' ?");
  EXPECT_FALSE(r->opt_int64(2).has_value());
}

TEST_P(Storage, RollsBackOnErrorAndException) {
  auto c = db_->acquire();
  c->script("CREATE TABLE tx (v INTEGER)");
  auto failed = storage::in_transaction(*c, true, [](storage::Connection& cn) -> Status {
    cn.execute("INSERT INTO tx (v) VALUES (1)");
    return Error::validation("nie");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_THROW(storage::in_transaction(*c, true,
                                       [](storage::Connection& cn) -> int {
                                         cn.execute("INSERT INTO tx (v) VALUES (2)");
                                         throw std::runtime_error("boom");
                                       }),
               std::runtime_error);
  EXPECT_EQ(c->query_one("SELECT COUNT(*) FROM tx")->int64(0), 0);
}

TEST_P(Storage, UniqueViolationIsAConstraintViolation) {
  auto centre = make_centre();
  auto c = db_->acquire();
  const char* sql =
      "INSERT INTO persons (centre_id, pesel, first_name, last_name, first_name_key, last_name_key, name_sort, "
      "birth_date, sex, created_at) VALUES (?, '44051401359', 'Jan', 'Nowak', 'jan', 'nowak', 'x', '1944-05-14', 'M', "
      "0)";
  c->execute(sql, {centre.value});
  EXPECT_THROW(c->execute(sql, {centre.value}), storage::ConstraintViolation);
  // The same PESEL in another centre (tenant) is allowed.
  EXPECT_NO_THROW(c->execute(sql, {make_centre("Inny").value}));
}

TEST_P(Storage, ConnectionsArePooledAndReused) {
  for (int i = 0; i < 100; ++i) {
    auto c = db_->acquire();
    EXPECT_EQ(c->query_one("SELECT 1")->int64(0), 1);
  }
}

}  // namespace ostoja::testing

#include "storage/bulk_insert.h"

namespace ostoja::testing {

TEST_P(Storage, BulkInsertWithExplicitIdsKeepsIdentityUsable) {
  auto centre = make_centre();
  auto c = db_->acquire();
  storage::in_transaction(*c, true, [&](storage::Connection& cn) {
    storage::BulkInsert units(cn, "units", {"id", "centre_id", "kind", "name"}, 7);
    for (int i = 1; i <= 20; ++i)
      units.add({std::int64_t{100 + i}, centre.value, "branch", "Filia " + std::to_string(i)});
    units.flush();
    return true;
  });
  storage::sync_identity(*c, "units");
  EXPECT_EQ(c->query_one("SELECT COUNT(*) FROM units")->int64(0), 20);
  EXPECT_EQ(c->query_one("SELECT name FROM units WHERE id = 113")->text(0), "Filia 13");
  // A row inserted afterwards without an id gets a fresh one instead of colliding.
  auto id = c->query_one("INSERT INTO units (centre_id, kind, name) VALUES (?, 'branch', 'Nowa') RETURNING id",
                         {centre.value})
                ->int64(0);
  EXPECT_GT(id, 120);
}

// A runaway statement is cancelled after the configured limit on both databases (issue 3: "no statement
// timeout on PostgreSQL"), surfaces as StatementTimeout (HTTP 503), and leaves its connection usable.
TEST_P(Storage, StatementsPastTheTimeoutAreCancelledAndTheConnectionStaysUsable) {
  auto limited = storage::open_database({url_, 1, std::chrono::milliseconds(200)});
  const std::string runaway =
      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000000000) SELECT COUNT(*) FROM n";
  auto c = limited->acquire();
  const auto started = std::chrono::steady_clock::now();
  EXPECT_THROW(c->query(runaway), storage::StatementTimeout);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_EQ(c->query_one("SELECT 1 + 1")->int64(0), 2);
  // Inside a transaction: rolled back, nothing written, the connection again usable.
  auto centre = make_centre();
  EXPECT_THROW(storage::in_transaction(*c, true,
                                       [&](storage::Connection& cn) {
                                         cn.execute("INSERT INTO units (centre_id, kind, name) VALUES (?, 'branch', ?)",
                                                    {centre.value, "Przerwana"});
                                         cn.query(runaway);
                                         return true;
                                       }),
               storage::StatementTimeout);
  EXPECT_EQ(c->query_one("SELECT COUNT(*) FROM units WHERE name = 'Przerwana'")->int64(0), 0);
  // A quick statement long after the previous one started is not cancelled: the limit is per statement.
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  EXPECT_EQ(c->query_one("SELECT COUNT(*) FROM units")->int64(0), 0);
  // Without a limit (migrations, batch commands) the same kind of statement runs to its end.
  EXPECT_EQ(db_->acquire()
                ->query_one("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < "
                            "200000) SELECT COUNT(*) FROM n")
                ->int64(0),
            200000);
}

}  // namespace ostoja::testing
