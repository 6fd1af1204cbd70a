// Regression: the surname-prefix search reads Polish order from the index, one collation range per
// spelling; it must return exactly what filtering by the folded prefix and sorting everything in
// Polish order returns, on both databases.
#include <algorithm>

#include "core/text.h"
#include "fixture.h"
#include "modules/cases/service.h"

namespace ostoja::testing {

class Search : public StorageTest {};

TEST_P(Search, SurnamePrefixSearchEqualsFilterThenFullPolishSort) {
  const CentreId centre = make_centre();
  const std::vector<std::string> surnames{"Łaba",        "Labuda",  "Łabędzka", "Lab",     "Ląbek",   "LABUDA",
                                          "Łąbska",      "Żak",     "Zając",    "Źrebiec", "Zaorski", "Szczepańska",
                                          "Szczepanski", "Ślązak",  "Slaski",   "Óskar",   "Oskarek", "Kowal",
                                          "Kowalska",    "Kówalik", "Nowak",    "Ńowak",   "Łęcka",   "Lecka"};
  const std::vector<std::string> firsts{"Anna", "Ąnna", "Jan", "Łucja", "Lucja", "Zofia", "Żaneta", "Ewa"};
  struct P {
    std::string first, last;
  };
  std::vector<P> all;
  {
    auto c = db_->acquire();
    storage::in_transaction(*c, true, [&](storage::Connection& cn) {
      for (std::size_t i = 0; i < surnames.size() * firsts.size(); ++i) {
        const auto& last = surnames[i % surnames.size()];
        const auto& first = firsts[(i / surnames.size()) % firsts.size()];
        cn.execute(
            "INSERT INTO persons (centre_id, first_name, last_name, first_name_key, last_name_key, name_sort, "
            "birth_date, sex, created_at) VALUES (?, ?, ?, ?, ?, ?, '1990-01-01', 'K', 0)",
            {centre.value, first, last, text::fold(first), text::fold(last),
             text::hex(text::collation_key(last + " " + first))});
        all.push_back({first, last});
      }
      return true;
    });
  }
  ManualClock clock{std::chrono::system_clock::time_point{}};
  cases::CaseService svc(*db_, clock);
  Principal director = actor(centre, {"cases.read", "cases.scope_all"});
  for (const std::string q : {"lab", "ŁAB", "za", "ża", "sz", "szczepanska", "sl", "os", "kow", "ko", "no", "le", "łę",
                              "lab an", "za ż", "kowal l"}) {
    for (int limit : {3, 10, 200}) {
      auto got = svc.search_persons(director, "", q, limit);
      ASSERT_TRUE(got.ok()) << q;
      const std::string folded = text::fold(q);
      const std::string last_key = folded.substr(0, folded.find(' '));
      const std::string first_key = folded.find(' ') == std::string::npos ? "" : folded.substr(folded.find(' ') + 1);
      std::vector<P> expected;
      for (const auto& p : all)
        if (text::fold(p.last).starts_with(last_key) && text::fold(p.first).starts_with(first_key))
          expected.push_back(p);
      std::stable_sort(expected.begin(), expected.end(), [](const P& a, const P& b) {
        return text::collation_key(a.last + " " + a.first) < text::collation_key(b.last + " " + b.first);
      });
      if (expected.size() > static_cast<std::size_t>(limit)) expected.resize(static_cast<std::size_t>(limit));
      std::vector<std::string> want, have;
      for (const auto& p : expected) want.push_back(p.last + " " + p.first);
      for (const auto& p : got->value) have.push_back(p.last_name + " " + p.first_name);
      EXPECT_EQ(have, want) << "q=" << q << " limit=" << limit;
    }
  }
}

TEST_P(Search, ScopedSearchSeesOwnSectionUnhousedAndAssignedHouseholdsOnly) {
  const CentreId centre = make_centre();
  auto c = db_->acquire();
  auto unit =
      c->query_one("INSERT INTO units (centre_id, kind, name) VALUES (?, 'branch', 'F') RETURNING id", {centre.value})
          ->int64(0);
  std::int64_t sec[2];
  for (int i = 0; i < 2; ++i)
    sec[i] = c->query_one("INSERT INTO sections (centre_id, unit_id, number, name) VALUES (?, ?, ?, 'S') RETURNING id",
                          {centre.value, unit, i + 1})
                 ->int64(0);
  auto me = c->query_one(
                 "INSERT INTO users (centre_id, login, full_name, password_hash, created_at, password_changed_at) "
                 "VALUES (?, 'me', 'Me', 'x', 0, 0) RETURNING id",
                 {centre.value})
                ->int64(0);
  auto person = [&](const std::string& last) {
    return c
        ->query_one(
            "INSERT INTO persons (centre_id, first_name, last_name, first_name_key, last_name_key, name_sort, "
            "birth_date, sex, created_at) VALUES (?, 'Anna', ?, 'anna', ?, ?, '1990-01-01', 'K', 0) RETURNING id",
            {centre.value, last, text::fold(last), text::hex(text::collation_key(last + " Anna"))})
        ->int64(0);
  };
  auto household = [&](std::int64_t section, std::optional<std::int64_t> worker, std::int64_t member) {
    auto h = c->query_one(
                  "INSERT INTO households (centre_id, section_id, worker_id, locality, street, building, "
                  "family_type, created_at) VALUES (?, ?, ?, 'L', 'S', '1', 'single', 0) RETURNING id",
                  {centre.value, section, worker})
                 ->int64(0);
    c->execute(
        "INSERT INTO household_members (centre_id, household_id, person_id, relation, since) VALUES (?, ?, ?, "
        "'head', '2024-01-01')",
        {centre.value, h, member});
    cases::sync_person_scope(*c, centre, member);
  };
  household(sec[0], std::nullopt, person("Łaba"));      // my section
  household(sec[1], me, person("Labuda"));              // another section, assigned to me
  household(sec[1], std::nullopt, person("Łabędzka"));  // another section: not mine
  person("Labiak");                                     // in no household yet
  ManualClock clock{std::chrono::system_clock::time_point{}};
  cases::CaseService svc(*db_, clock);
  Principal worker = actor(centre, {"cases.read"}, me);
  worker.sections.emplace_back(sec[0]);
  auto got = svc.search_persons(worker, "", "lab", 50);
  ASSERT_TRUE(got.ok());
  std::vector<std::string> names;
  for (const auto& p : got->value) names.push_back(p.last_name);
  EXPECT_EQ(names, (std::vector<std::string>{"Labiak", "Labuda", "Łaba"}));
  auto all = svc.search_persons(actor(centre, {"cases.read", "cases.scope_all"}), "", "lab", 50);
  EXPECT_EQ(all->value.size(), 4u);
}

OSTOJA_STORAGE_TEST_SUITE(Search);

}  // namespace ostoja::testing
