// Eligibility re-check after a criterion change (issue 4 §10): 1 000 000 households (size, monthly
// income) re-evaluated with the statutory calculator of zasiłek okresowy on a date of the new
// criteria (amount, criterion and the explanation citing the act), against a plain loop comparing
// income with per-person criterion × size over the same rows, in the same run.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "rules/benefits.h"
#include "rules/criteria.h"

using namespace ostoja;

namespace {

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

}  // namespace

BENCHMARK(Baseline_PlainLoop)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(Recheck_Calculator)->Unit(benchmark::kMillisecond)->MinTime(2.0);

BENCHMARK_MAIN();
