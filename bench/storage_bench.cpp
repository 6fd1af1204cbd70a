// Storage throughput on SQLite and PostgreSQL, each against a baseline in the same run:
//   point lookup through the storage adapter   vs  a constant SELECT 1 round trip (adapter floor)
//   insert + audit entry in one transaction     vs  the same insert without the audit entry
//   group-committed audit appends (8 threads)   — entries per second with durable commits
// PostgreSQL runs when OSTOJA_TEST_PG_URL is set. Usage: build/release/bench/storage_bench
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <thread>

#include "audit/audit_log.h"
#include "storage/database.h"
#include "storage/migrations.h"

using namespace ostoja;

namespace {

struct Env {
  std::unique_ptr<storage::Database> db;
  std::int64_t centre{0};
  std::int64_t persons{0};
};

std::string schema_name() {
  return "bench_" + std::to_string(::getpid());
}

Env& env(const std::string& kind) {
  static std::map<std::string, Env> envs;
  auto it = envs.find(kind);
  if (it != envs.end()) return it->second;
  Env e;
  std::string url;
  if (kind == "sqlite") {
    auto path = std::filesystem::temp_directory_path() / ("ostoja-bench-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    url = "sqlite://" + path.string();
  } else {
    std::string base = std::getenv("OSTOJA_TEST_PG_URL");
    auto admin = storage::open_database({base, 1});
    admin->acquire()->script("DROP SCHEMA IF EXISTS " + schema_name() + " CASCADE; CREATE SCHEMA " + schema_name());
    url = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_name();
  }
  e.db = storage::open_database({url, 16});
  storage::migrate(*e.db, 0);
  auto c = e.db->acquire();
  e.centre = c->query_one("INSERT INTO centres (name, teryt, created_at) VALUES ('Bench', '0663011', 0) RETURNING id")
                 ->int64(0);
  storage::in_transaction(*c, true, [&](storage::Connection& cn) {
    for (int i = 0; i < 100000; ++i) {
      std::string pesel = std::to_string(10000000000LL + i);
      cn.execute(
          "INSERT INTO persons (centre_id, pesel, first_name, last_name, first_name_key, last_name_key, name_sort, "
          "birth_date, sex, created_at) VALUES (?, ?, 'Jan', 'Nowak', 'jan', 'nowak', 'x', '1980-01-01', 'M', 0)",
          {e.centre, pesel});
    }
    return true;
  });
  e.persons = 100000;
  c->script("CREATE TABLE IF NOT EXISTS bench_notes (id BIGINT, centre_id BIGINT, body TEXT)");
  return envs.emplace(kind, std::move(e)).first->second;
}

bool have(const std::string& kind) {
  return kind == "sqlite" || std::getenv("OSTOJA_TEST_PG_URL");
}

void Baseline_Select1(benchmark::State& st, std::string kind) {
  if (!have(kind)) return st.SkipWithError("OSTOJA_TEST_PG_URL not set");
  auto& e = env(kind);
  auto c = e.db->acquire();
  for (auto _ : st) benchmark::DoNotOptimize(c->query_one("SELECT 1"));
  st.SetItemsProcessed(st.iterations());
}

void PointLookup(benchmark::State& st, std::string kind) {
  if (!have(kind)) return st.SkipWithError("OSTOJA_TEST_PG_URL not set");
  auto& e = env(kind);
  auto c = e.db->acquire();
  std::int64_t i = 0;
  for (auto _ : st) {
    auto r = c->query_one(
        "SELECT id, pesel, first_name, last_name, birth_date, sex FROM persons WHERE centre_id = ? AND id = ?",
        {e.centre, 1 + (i++ * 7919) % e.persons});
    benchmark::DoNotOptimize(r);
  }
  st.SetItemsProcessed(st.iterations());
}

void Baseline_InsertOnly(benchmark::State& st, std::string kind) {
  if (!have(kind)) return st.SkipWithError("OSTOJA_TEST_PG_URL not set");
  auto& e = env(kind);
  auto c = e.db->acquire();
  std::int64_t i = 0;
  for (auto _ : st) {
    storage::in_transaction(*c, true, [&](storage::Connection& cn) {
      return cn.execute("INSERT INTO bench_notes (id, centre_id, body) VALUES (?, ?, 'notatka z wizyty')",
                        {i++, e.centre});
    });
  }
  st.SetItemsProcessed(st.iterations());
}

void InsertWithAudit(benchmark::State& st, std::string kind) {
  if (!have(kind)) return st.SkipWithError("OSTOJA_TEST_PG_URL not set");
  auto& e = env(kind);
  auto c = e.db->acquire();
  std::int64_t i = 0;
  for (auto _ : st) {
    storage::in_transaction(*c, true, [&](storage::Connection& cn) {
      cn.execute("INSERT INTO bench_notes (id, centre_id, body) VALUES (?, ?, 'notatka z wizyty')", {i, e.centre});
      audit::Entry a;
      a.centre = CentreId{e.centre};
      a.at = i;
      a.user_id = 1;
      a.user_login = "pracownik";
      a.action = "create";
      a.entity = "note";
      a.entity_id = i++;
      audit::append(cn, std::span(&a, 1));
      return true;
    });
  }
  st.SetItemsProcessed(st.iterations());
}

void GroupCommitAppend(benchmark::State& st, std::string kind) {
  if (!have(kind)) return st.SkipWithError("OSTOJA_TEST_PG_URL not set");
  auto& e = env(kind);
  static std::unique_ptr<audit::GroupCommitLog> log;
  if (st.thread_index() == 0) log = std::make_unique<audit::GroupCommitLog>(*e.db);
  // Other threads wait for thread 0's setup via the benchmark's own start barrier.
  for (auto _ : st) {
    audit::Entry a;
    a.centre = CentreId{e.centre};
    a.user_id = 2;
    a.user_login = "dyrektor";
    a.action = "read";
    a.entity = "person";
    a.person_id = 5;
    log->append_durable({a});
  }
  st.SetItemsProcessed(st.iterations());
  if (st.thread_index() == 0) {
    st.counters["commits"] = static_cast<double>(log->batches_committed());
  }
}

}  // namespace

int main(int argc, char** argv) {
  for (std::string kind : {"sqlite", "postgresql"}) {
    benchmark::RegisterBenchmark(("Baseline_Select1/" + kind).c_str(), Baseline_Select1, kind);
    benchmark::RegisterBenchmark(("PointLookup/" + kind).c_str(), PointLookup, kind);
    benchmark::RegisterBenchmark(("Baseline_InsertOnly/" + kind).c_str(), Baseline_InsertOnly, kind);
    benchmark::RegisterBenchmark(("InsertWithAudit/" + kind).c_str(), InsertWithAudit, kind);
    benchmark::RegisterBenchmark(("GroupCommitAppend/" + kind).c_str(), GroupCommitAppend, kind)
        ->Threads(8)
        ->UseRealTime();
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (std::getenv("OSTOJA_TEST_PG_URL")) {
    auto admin = storage::open_database({std::getenv("OSTOJA_TEST_PG_URL"), 1});
    admin->acquire()->script("DROP SCHEMA IF EXISTS " + schema_name() + " CASCADE");
  }
  return 0;
}
