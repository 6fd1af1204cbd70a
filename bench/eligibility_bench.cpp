// Eligibility re-check after a criterion change (issue 4 §10), in two parts, each against a baseline in the same run:
//  1. In memory: 1 000 000 households (size, monthly income) re-evaluated with the statutory calculator of zasiłek
//     okresowy on a date of the new criteria (amount, criterion and the explanation citing the act), against a plain
//     loop comparing income with per-person criterion × size over the same rows.
//  2. From the database: the use case IncomeService::recheck over 1 000 000 households with income recorded —
//     reading their rows (the members on the date, the income items of the 12-month window of those members) from
//     SQLite, and from PostgreSQL when OSTOJA_TEST_PG_URL is set, computing each household's income with the rules
//     (art. 8: deductions, exclusions, one-off amounts spread) and zasiłek stały and okresowy under the rules of the
//     day before and of the day of the new criteria — against a plain loop over the same rows read by the same query
//     (income::scan_households): the month's net amounts summed and compared with the criterion.
// The databases are generated on first use and kept: SQLite at $OSTOJA_BENCH_RECHECK_DB (default
// /tmp/ostoja-recheck-bench.db), PostgreSQL as the database ostoja_bench_recheck in the server of OSTOJA_TEST_PG_URL.
// OSTOJA_BENCH_HOUSEHOLDS (default 1 000 000) sets the size.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/clock.h"
#include "modules/cases/service.h"
#include "modules/income/service.h"
#include "rules/benefits.h"
#include "rules/criteria.h"
#include "storage/bulk_insert.h"
#include "storage/database.h"
#include "storage/migrations.h"

using namespace ostoja;

namespace {

// ---------- 1. in memory ----------

struct Household {
  int size;
  Money income;
};

const std::vector<Household>& households() {
  static const std::vector<Household> rows = [] {
    std::vector<Household> v;
    v.reserve(1'000'000);
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<int> size(1, 7);
    std::uniform_int_distribution<std::int64_t> income(0, 600'000);
    for (int i = 0; i < 1'000'000; ++i) v.push_back({size(rng), Money{income(rng)}});
    return v;
  }();
  return rows;
}

const Date kNewCriteria{2025, 1, 1};  // the criteria verified in 2024, in force from 1.01.2025
constexpr const char* kIncomeMonth = "2024-12";

void Baseline_PlainLoop(benchmark::State& st) {
  const auto& rows = households();
  const Money per_person = rules::criteria_on(kNewCriteria)->per_person_in_family;
  const Money single = rules::criteria_on(kNewCriteria)->single_person;
  for (auto _ : st) {
    std::int64_t eligible = 0;
    for (const auto& h : rows)
      eligible += h.income < (h.size == 1 ? single : Money{per_person.grosze * h.size}) ? 1 : 0;
    benchmark::DoNotOptimize(eligible);
  }
  st.SetItemsProcessed(st.iterations() * static_cast<std::int64_t>(rows.size()));
}

void Recheck_Calculator(benchmark::State& st) {
  const auto& rows = households();
  for (auto _ : st) {
    std::int64_t eligible = 0, total = 0;
    for (const auto& h : rows) {
      auto r = rules::zasilek_okresowy(kNewCriteria, h.size, h.income, {});
      if (r.ok() && r->eligible) {
        ++eligible;
        total += r->amount.grosze;
      }
    }
    benchmark::DoNotOptimize(eligible);
    benchmark::DoNotOptimize(total);
    st.counters["eligible"] = static_cast<double>(eligible);
  }
  st.SetItemsProcessed(st.iterations() * static_cast<std::int64_t>(rows.size()));
}

// ---------- 2. from the database ----------

int household_count() {
  const char* n = std::getenv("OSTOJA_BENCH_HOUSEHOLDS");
  return n && *n ? std::atoi(n) : 1'000'000;
}

// Households as a centre holds them: half single, the rest 2–7 persons, members since 1.01.2024; 3 % of the
// families had a member who left on 15.11.2024 (with income of December that must not count); the head's income
// of December 2024, a quarter of the families a second income, 5 % a one-off amount in June (large ones spread
// over 12 months), 3 % the świadczenie wychowawcze (excluded).
void generate(storage::Database& db, int count) {
  auto c = db.acquire();
  const std::int64_t centre =
      c->query_one(
           "INSERT INTO centres (name, teryt, created_at) VALUES ('Benchmark: ponowne sprawdzenie', '0663011', 0) "
           "RETURNING id")
          ->int64(0);
  std::mt19937_64 rng(11);
  auto uniform = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  std::int64_t person = c->query_one("SELECT COALESCE(MAX(id), 0) FROM persons")->int64(0);
  std::int64_t household = c->query_one("SELECT COALESCE(MAX(id), 0) FROM households")->int64(0);
  const auto t0 = std::chrono::steady_clock::now();
  for (int start = 0; start < count; start += 20000) {
    // Rows of a chunk, written parents first (each BulkInsert flushes on its own).
    std::vector<std::vector<storage::Param>> hs, ps, ms, is;
    for (int i = start; i < std::min(count, start + 20000); ++i) {
      const std::int64_t h = ++household;
      const std::int64_t r = uniform(0, 99);
      const int size = r < 50 ? 1 : r < 70 ? 2 : r < 82 ? 3 : r < 92 ? 4 : static_cast<int>(uniform(5, 7));
      hs.push_back(
          {h, centre, "Lublin", "Zana", std::to_string(i % 200 + 1), size == 1 ? "single" : "with_children", 0});
      const bool leaver = size > 1 && uniform(0, 99) < 3;
      std::vector<std::int64_t> members;
      for (int m = 0; m < size + (leaver ? 1 : 0); ++m) {
        const std::int64_t p = ++person;
        members.push_back(p);
        ps.push_back({p, centre, "Anna", "Nowak", "anna", "nowak", "6e6f77616b", "1980-01-01", "K", 0});
        const bool left = leaver && m == size;
        ms.push_back({centre, h, p, m == 0 ? "head" : "child", "2024-01-01",
                      left ? storage::Param("2024-11-15") : storage::Param(nullptr)});
      }
      const std::int64_t pay = uniform(0, 400000);
      is.push_back({centre, h, members[0], kIncomeMonth, uniform(0, 9) < 6 ? "wynagrodzenie" : "emerytura_renta", pay,
                    pay / 20, 0});
      if (size > 1 && uniform(0, 3) == 0)
        is.push_back({centre, h, members[1], kIncomeMonth, "wynagrodzenie", uniform(0, 250000), 0, 0});
      if (uniform(0, 99) < 5)
        is.push_back({centre, h, members[0], "2024-06", "jednorazowy", uniform(0, 1000000), 0, 0});
      if (uniform(0, 99) < 3)
        is.push_back({centre, h, members[0], kIncomeMonth, "swiadczenie_wychowawcze", 80000, 0, 0});
      if (leaver) is.push_back({centre, h, members.back(), kIncomeMonth, "wynagrodzenie", 300000, 0, 0});
    }
    storage::in_transaction(*c, true, [&](storage::Connection& tx) {
      auto write = [&](const char* table, std::vector<std::string> columns,
                       std::vector<std::vector<storage::Param>>& rows) {
        storage::BulkInsert bulk(tx, table, std::move(columns));
        for (auto& row : rows) bulk.add(std::move(row));
        bulk.flush();
      };
      write("households", {"id", "centre_id", "locality", "street", "building", "family_type", "created_at"}, hs);
      write("persons",
            {"id", "centre_id", "first_name", "last_name", "first_name_key", "last_name_key", "name_sort", "birth_date",
             "sex", "created_at"},
            ps);
      write("household_members", {"centre_id", "household_id", "person_id", "relation", "since", "until"}, ms);
      write("income_items",
            {"centre_id", "household_id", "person_id", "month", "type", "amount_grosze", "tax_grosze", "created_at"},
            is);
      return true;
    });
  }
  for (const char* table : {"households", "persons", "income_items"}) storage::sync_identity(*c, table);
  if (db.dialect() == storage::Dialect::postgresql) c->script("ANALYZE");
  std::cerr << "generated " << count << " households in "
            << std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - t0).count()
            << " s\n";
}

struct DbEnv {
  std::unique_ptr<storage::Database> db;
  SystemClock clock;
  std::unique_ptr<cases::CaseService> cases;
  std::unique_ptr<income::IncomeService> income;
  CentreId centre;
};

std::string database_url(const std::string& kind) {
  if (kind == "sqlite") {
    const char* path = std::getenv("OSTOJA_BENCH_RECHECK_DB");
    return std::string("sqlite://") + (path && *path ? path : "/tmp/ostoja-recheck-bench.db");
  }
  const char* base = std::getenv("OSTOJA_TEST_PG_URL");
  if (!base || !*base) return {};
  auto admin = storage::open_database({base, 1});
  auto c = admin->acquire();
  if (!c->query_one("SELECT 1 FROM pg_database WHERE datname = 'ostoja_bench_recheck'"))
    c->script("CREATE DATABASE ostoja_bench_recheck");  // simple protocol: not in a transaction block
  std::string url = base;
  return url.substr(0, url.rfind('/') + 1) + "ostoja_bench_recheck";
}

DbEnv* env(const std::string& kind) {
  static std::map<std::string, std::unique_ptr<DbEnv>> envs;
  if (auto it = envs.find(kind); it != envs.end()) return it->second.get();
  const std::string url = database_url(kind);
  if (url.empty()) return envs.emplace(kind, nullptr).first->second.get();
  auto e = std::make_unique<DbEnv>();
  e->db = storage::open_database({url, 4});  // the re-check reads on two connections, and audits on a third
  storage::migrate(*e->db, e->clock.now_ms());
  const int count = household_count();
  auto find = [&] {
    return e->db->acquire()->query_one(
        "SELECT c.id FROM centres c WHERE c.name = 'Benchmark: ponowne sprawdzenie' AND "
        "(SELECT COUNT(*) FROM households h WHERE h.centre_id = c.id) = ?",
        {count});
  };
  auto centre = find();
  if (!centre) {
    generate(*e->db, count);
    centre = find();
  }
  e->centre = CentreId{centre->int64(0)};
  e->cases = std::make_unique<cases::CaseService>(*e->db, e->clock);
  e->income = std::make_unique<income::IncomeService>(*e->db, e->clock, *e->cases);
  return envs.emplace(kind, std::move(e)).first->second.get();
}

// CPU time (ms) of the PostgreSQL backends serving this database, read from /proc (the server runs on this
// machine): the server's share of the work, which the real time shows only on an idle machine. 0 for SQLite.
double server_cpu_ms(DbEnv& e) {
  if (e.db->dialect() != storage::Dialect::postgresql) return 0;
  double ticks = 0;
  for (const auto& r : e.db->acquire()->query("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
    std::ifstream stat("/proc/" + std::to_string(r.int64(0)) + "/stat");
    std::string line;
    std::getline(stat, line);
    std::istringstream fields(line.substr(line.rfind(')') + 2));  // after "pid (comm) "
    std::string field;
    for (int i = 3; i <= 15 && fields >> field; ++i)
      if (i >= 14) ticks += std::stod(field);  // utime, stime
  }
  return ticks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// Runs `body` for every iteration and reports the server's CPU per iteration (PostgreSQL).
template <class Body>
void measured(benchmark::State& st, DbEnv& e, Body&& body) {
  const double cpu0 = server_cpu_ms(e);
  for (auto _ : st) body();
  if (e.db->dialect() == storage::Dialect::postgresql)
    st.counters["server_cpu_ms"] = (server_cpu_ms(e) - cpu0) / static_cast<double>(st.iterations());
}

void Recheck_FromDatabase(benchmark::State& st, std::string kind) {
  DbEnv* e = env(kind);
  if (!e) return st.SkipWithError("OSTOJA_TEST_PG_URL not set");
  measured(st, *e, [&] {
    auto r = e->income->recheck(system_principal(e->centre), kNewCriteria.iso(), kIncomeMonth);
    if (!r.ok()) return st.SkipWithError(r.error().message.c_str());
    st.counters["households"] = static_cast<double>(r->households);
    st.counters["okresowy_before"] = static_cast<double>(r->forms[1].eligible_before);
    st.counters["okresowy_after"] = static_cast<double>(r->forms[1].eligible_after);
    st.counters["okresowy_changed"] = static_cast<double>(r->forms[1].amount_changed);
    st.counters["staly_after"] = static_cast<double>(r->forms[0].eligible_after);
  });
}

// The same query (scan_households), then only: the month's net amounts summed, compared with the criterion.
void Baseline_SameQueryPlainLoop(benchmark::State& st, std::string kind) {
  DbEnv* e = env(kind);
  if (!e) return st.SkipWithError("OSTOJA_TEST_PG_URL not set");
  const auto criteria = *rules::criteria_on(kNewCriteria);
  measured(st, *e, [&] {
    std::int64_t seen = 0, eligible = 0;
    income::scan_households(*e->db, e->centre, kNewCriteria, kIncomeMonth, [&](const income::HouseholdRows& h) {
      std::int64_t total = 0;
      for (const auto& i : h.items)
        if (i.month == kIncomeMonth) total += i.amount.grosze - i.tax.grosze - i.health.grosze - i.social.grosze;
      const std::int64_t criterion =
          h.persons == 1 ? criteria.single_person.grosze : criteria.per_person_in_family.grosze * h.persons;
      ++seen;
      eligible += total < criterion ? 1 : 0;
    });
    benchmark::DoNotOptimize(eligible);
    st.counters["households"] = static_cast<double>(seen);
    st.counters["eligible"] = static_cast<double>(eligible);
  });
}

}  // namespace

BENCHMARK(Baseline_PlainLoop)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(Recheck_Calculator)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_CAPTURE(Baseline_SameQueryPlainLoop, sqlite, std::string("sqlite"))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();
BENCHMARK_CAPTURE(Recheck_FromDatabase, sqlite, std::string("sqlite"))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();
BENCHMARK_CAPTURE(Baseline_SameQueryPlainLoop, postgresql, std::string("postgresql"))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();
BENCHMARK_CAPTURE(Recheck_FromDatabase, postgresql, std::string("postgresql"))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

BENCHMARK_MAIN();
