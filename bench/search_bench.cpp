// Person search at national scale (issue 4 §10), each against the bare indexed SQL in the same run:
//   PESEL search through CaseService (scope, audit entries built)    vs  SELECT … WHERE pesel = ?
//   surname-prefix search (director: all; worker: section-scoped)     vs  the bare range query
// Latency per call is recorded; p50 and p99 (ms) are reported as counters.
// The databases must already hold demo data (scripts/bench-search.sh builds them):
//   OSTOJA_BENCH_SQLITE=sqlite:///…/db   OSTOJA_BENCH_PG=postgresql://…
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>

#include "core/clock.h"
#include "core/text.h"
#include "modules/cases/service.h"
#include "storage/database.h"

using namespace ostoja;

namespace {

struct Env {
  std::unique_ptr<storage::Database> db;
  SystemClock clock;
  std::unique_ptr<cases::CaseService> cases;
  CentreId centre;
  std::vector<std::string> pesels, prefixes;
  Principal director, worker;
  std::int64_t persons{0};
};

const char* url_for(const std::string& kind) {
  return std::getenv(kind == "sqlite" ? "OSTOJA_BENCH_SQLITE" : "OSTOJA_BENCH_PG");
}

Env* env(const std::string& kind) {
  static std::map<std::string, std::unique_ptr<Env>> envs;
  if (auto it = envs.find(kind); it != envs.end()) return it->second.get();
  const char* url = url_for(kind);
  if (!url || !*url) return nullptr;
  auto e = std::make_unique<Env>();
  e->db = storage::open_database({url, 4});
  e->cases = std::make_unique<cases::CaseService>(*e->db, e->clock);
  auto c = e->db->acquire();
  e->centre = CentreId{c->query_one("SELECT MIN(id) FROM centres")->int64(0)};
  auto range = c->query_one("SELECT MIN(id), MAX(id), COUNT(*) FROM persons WHERE centre_id = ?", {e->centre.value});
  e->persons = range->int64(2);
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::int64_t> pick(range->int64(0), range->int64(1));
  while (e->pesels.size() < 2000) {
    auto r = c->query_one("SELECT pesel, last_name_key FROM persons WHERE id = ? AND pesel IS NOT NULL", {pick(rng)});
    if (!r) continue;
    e->pesels.push_back(r->text(0));
    std::string key = r->text(1);
    e->prefixes.push_back(key.substr(0, std::min<std::size_t>(3, key.size())));
  }
  e->director.centre = e->centre;
  e->director.login = "bench";
  e->director.permissions = {"cases.read", "cases.scope_all"};
  // A social worker as in the demo: the user "pracownik" with her section(s) and assigned households.
  e->worker = e->director;
  e->worker.permissions = {"cases.read"};
  auto user = c->query_one("SELECT id FROM users WHERE centre_id = ? AND login = 'pracownik'", {e->centre.value});
  e->worker.user = UserId{user->int64(0)};
  for (const auto& r : c->query("SELECT section_id FROM user_sections WHERE user_id = ?", {user->int64(0)}))
    e->worker.sections.emplace_back(r.int64(0));
  return envs.emplace(kind, std::move(e)).first->second.get();
}

template <class F>
void timed(benchmark::State& st, F&& call) {
  std::vector<double> ms;
  ms.reserve(100000);
  std::size_t i = 0;
  for (auto _ : st) {
    auto t0 = std::chrono::steady_clock::now();
    call(i++);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  if (!ms.empty()) {
    st.counters["p50_ms"] = ms[ms.size() / 2];
    st.counters["p99_ms"] = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  }
  st.SetItemsProcessed(st.iterations());
}

void Skip(benchmark::State& st) {
  st.SkipWithError("database URL not set (OSTOJA_BENCH_SQLITE / OSTOJA_BENCH_PG)");
}

void Baseline_PeselSql(benchmark::State& st, std::string kind) {
  Env* e = env(kind);
  if (!e) return Skip(st);
  auto c = e->db->acquire();
  timed(st, [&](std::size_t i) {
    benchmark::DoNotOptimize(
        c->query("SELECT id, first_name, last_name, birth_date FROM persons WHERE centre_id = ? AND "
                 "pesel = ?",
                 {e->centre.value, e->pesels[i % e->pesels.size()]}));
  });
  st.counters["persons"] = static_cast<double>(e->persons);
}

void PeselSearch(benchmark::State& st, std::string kind) {
  Env* e = env(kind);
  if (!e) return Skip(st);
  timed(st, [&](std::size_t i) {
    auto r = e->cases->search_persons(e->director, e->pesels[i % e->pesels.size()], "", 50);
    if (!r.ok() || r->value.size() != 1) st.SkipWithError("PESEL not found");
  });
}

// The bare indexed lookup: one range of the collation-key index (the prefix as typed), in order, LIMIT 50.
void Baseline_PrefixSql(benchmark::State& st, std::string kind) {
  Env* e = env(kind);
  if (!e) return Skip(st);
  auto c = e->db->acquire();
  std::vector<std::pair<std::string, std::string>> ranges;
  for (const auto& p : e->prefixes) {
    auto [lo, hi] = text::collation_prefix_range(p);
    ranges.emplace_back(text::hex(lo), text::hex(hi));
  }
  timed(st, [&](std::size_t i) {
    const auto& r = ranges[i % ranges.size()];
    benchmark::DoNotOptimize(
        c->query("SELECT id, first_name, last_name, birth_date FROM persons WHERE centre_id = ? AND "
                 "section_id = ? AND name_sort >= ? AND name_sort < ? ORDER BY name_sort LIMIT 50",
                 {e->centre.value, e->worker.sections.at(0).value, r.first, r.second}));
  });
}

void PrefixSearch(benchmark::State& st, std::string kind, bool scoped) {
  Env* e = env(kind);
  if (!e) return Skip(st);
  const Principal& who = scoped ? e->worker : e->director;
  timed(st, [&](std::size_t i) {
    auto r = e->cases->search_persons(who, "", e->prefixes[i % e->prefixes.size()], 50);
    if (!r.ok()) st.SkipWithError(r.error().message.c_str());
  });
}

}  // namespace

BENCHMARK_CAPTURE(Baseline_PeselSql, sqlite, std::string("sqlite"))->MinTime(3.0)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(PeselSearch, sqlite, std::string("sqlite"))->MinTime(3.0)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(Baseline_PrefixSql, sqlite, std::string("sqlite"))->MinTime(3.0)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(PrefixSearch, sqlite_all, std::string("sqlite"), false)->MinTime(3.0)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(PrefixSearch, sqlite_section, std::string("sqlite"), true)
    ->MinTime(3.0)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(Baseline_PeselSql, postgresql, std::string("postgresql"))
    ->MinTime(3.0)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(PeselSearch, postgresql, std::string("postgresql"))->MinTime(3.0)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(Baseline_PrefixSql, postgresql, std::string("postgresql"))
    ->MinTime(3.0)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(PrefixSearch, postgresql_all, std::string("postgresql"), false)
    ->MinTime(3.0)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(PrefixSearch, postgresql_section, std::string("postgresql"), true)
    ->MinTime(3.0)
    ->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
