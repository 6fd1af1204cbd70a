#include "modules/income/service.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <future>
#include <iterator>

#include "audit/audit_log.h"
#include "core/text.h"
#include "modules/gmina/service.h"
#include "rules/benefits.h"
#include "rules/procedure.h"

namespace ostoja::income {

namespace {

constexpr const char* kCols =
    "i.id, i.person_id, i.type, i.month, i.amount_grosze, i.tax_grosze, i.health_grosze, i.social_grosze, "
    "i.alimony_paid_grosze, i.hectares_e4, i.source, i.period_from, i.period_to";

// A member on a day: since ≤ day ≤ until (until is the last day of the membership, as in the timeline).
constexpr const char* kMemberOnDate = "m.since <= ? AND (m.until IS NULL OR m.until >= ?)";

// Household ids of one household or of a range [lo, hi).
constexpr const char* kOneItems = "i.household_id = ?";
constexpr const char* kRangeItems = "i.household_id >= ? AND i.household_id < ?";
constexpr const char* kOneMembers = "m.household_id = ?";
constexpr const char* kRangeMembers = "m.household_id >= ? AND m.household_id < ?";

// The items that may count in a month: received in it or in the 11 months before (art. 8 ust. 11), or due for a
// period that covers it whenever received (art. 8 ust. 12). Whose they are is checked in join_members against the
// members on the date: a member's subquery per item doubled the time of the re-check's read (docs/benchmarks.md).
std::string items_sql(const char* households) {
  return std::string("SELECT i.household_id, ") + kCols + " FROM income_items i WHERE i.centre_id = ? AND " +
         households +
         " AND ((i.month >= ? AND i.month <= ?) OR (i.period_from <= ? AND i.period_to >= ?)) ORDER BY i.household_id, "
         "i.month, i.id";
}

// The members on the date, (household, person) in household order.
std::string members_sql(const char* households) {
  return std::string("SELECT m.household_id, m.person_id FROM household_members m WHERE m.centre_id = ? AND ") +
         households + " AND " + kMemberOnDate + " ORDER BY m.household_id, m.person_id";
}

// Walks the rows of members_sql and items_sql (both in household order) and calls
// visit(household, persons, items) for every household with a member on the date: its distinct members, sorted,
// and the item rows of those members only (an item of someone who has left is not the household's income).
template <class Visit>
void join_members(const std::vector<storage::Row>& members, const std::vector<storage::Row>& items, Visit&& visit) {
  std::vector<std::int64_t> persons;
  std::vector<const storage::Row*> theirs;
  std::size_t i = 0;
  auto item_household = [&](std::size_t k) { return k < items.size() ? items[k].int64(0) : INT64_MAX; };
  for (std::size_t m = 0; m < members.size();) {
    const std::int64_t household = members[m].int64(0);
    persons.clear();
    for (; m < members.size() && members[m].int64(0) == household; ++m) {
      const std::int64_t person = members[m].int64(1);
      if (persons.empty() || persons.back() != person) persons.push_back(person);
    }
    std::int64_t at = item_household(i);
    while (at < household) at = item_household(++i);  // items of a household with no member on the date
    theirs.clear();
    for (; at == household; at = item_household(++i))
      if (std::binary_search(persons.begin(), persons.end(), items[i].int64(2))) theirs.push_back(&items[i]);
    visit(household, persons, theirs);
  }
}

// The month, the date and the 12-month window of an assessment, as query parameters after the household's.
struct Window {
  std::string from;   // 11 months before the month
  std::string month;  // "YYYY-MM"
  std::string date;   // ISO
  void append_items(storage::Params& p) const {
    for (const std::string* v : {&from, &month, &month, &month}) p.emplace_back(*v);
  }
  void append_members(storage::Params& p) const {
    p.emplace_back(date);
    p.emplace_back(date);
  }
};

Window window(Date month_start, Date date) {
  return {month_start.plus_months(-11).iso().substr(0, 7), month_start.iso().substr(0, 7), date.iso()};
}

StoredItem item_from(const storage::Row& r) {  // column 0 is the household
  StoredItem s;
  s.id = r.int64(1);
  s.item.person_id = r.int64(2);
  s.item.type = r.text(3);
  s.item.month = r.text(4);
  s.item.amount = Money{r.int64(5)};
  s.item.tax = Money{r.int64(6)};
  s.item.health = Money{r.int64(7)};
  s.item.social = Money{r.int64(8)};
  s.item.alimony_paid = Money{r.int64(9)};
  s.item.hectares_e4 = r.int64(10);
  s.source = r.text(11);
  s.item.period_from = r.opt_text(12);
  s.item.period_to = r.opt_text(13);
  return s;
}

Result<Date> month_start(std::string_view month) {
  auto start = Date::parse(std::string(month) + "-01");
  if (month.size() != 7 || !start) return Error::validation("Miesiąc w postaci RRRR-MM.", "month");
  return *start;
}

constexpr std::int64_t kChunk = 20000;  // household ids per read of the re-check (bounded memory)

}  // namespace

Result<StoredItem> IncomeService::add(const Principal& who, std::int64_t household_id, rules::IncomeItem item,
                                      std::string source) {
  // The pure rules validate the item (type, month, amounts, deductions) as they will count it.
  OSTOJA_CHECK(rules::household_income(std::span(&item, 1), item.month, 1));
  if (item.month > clock_.today().iso().substr(0, 7))
    return Error::validation("Dochód nie może dotyczyć przyszłego miesiąca.", "month");
  if (source.size() > 500) return Error::validation("Źródło: najwyżej 500 znaków.", "source");
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<StoredItem> {
    OSTOJA_CHECK(cases_.household_in_scope(c, who, household_id));
    if (!c.query_one("SELECT 1 FROM household_members WHERE centre_id = ? AND household_id = ? AND person_id = ? AND "
                     "until IS NULL",
                     {who.centre.value, household_id, item.person_id}))
      return Error::validation("Dochód można przypisać tylko członkowi tego gospodarstwa.", "person_id");
    auto r = c.query_one(
        "INSERT INTO income_items (centre_id, household_id, person_id, month, type, amount_grosze, tax_grosze, "
        "health_grosze, "
        "social_grosze, alimony_paid_grosze, hectares_e4, source, period_from, period_to, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {who.centre.value, household_id, item.person_id, item.month, item.type, item.amount.grosze, item.tax.grosze,
         item.health.grosze, item.social.grosze, item.alimony_paid.grosze, item.hectares_e4, text::trim(source),
         item.period_from, item.period_to, who.user.value ? std::optional<std::int64_t>(who.user.value) : std::nullopt,
         now});
    audit::append(c, audit::entry_for(who, now, "create", "income_item", r->int64(0), item.person_id));
    return StoredItem{r->int64(0), std::move(item), text::trim(source)};
  });
}

Result<Audited<Assessment>> IncomeService::assess(const Principal& who, std::int64_t household_id,
                                                  std::string_view month, std::string_view date_text) {
  OSTOJA_TRY(start, month_start(month));
  Date date = start.plus_months(1);
  if (!text::trim(date_text).empty()) {
    auto d = Date::parse(text::trim(date_text));
    if (!d) return Error::validation("Data w postaci RRRR-MM-DD.", "date");
    date = *d;
  }
  Audited<Assessment> out;
  out.value.month = std::string(month);
  out.value.date = date.iso();
  auto conn = db_.acquire();
  OSTOJA_CHECK(cases_.household_in_scope(*conn, who, household_id));
  const Window w = window(start, date);
  // The composition on the assessment date (memberships are dated), not today's, and its members' income.
  storage::Params mp{who.centre.value, household_id}, ip{who.centre.value, household_id};
  w.append_members(mp);
  w.append_items(ip);
  std::vector<std::int64_t> people;
  join_members(
      conn->query(members_sql(kOneMembers), mp), conn->query(items_sql(kOneItems), ip),
      [&](std::int64_t, const std::vector<std::int64_t>& persons, const std::vector<const storage::Row*>& rows) {
        people = persons;
        for (const auto* r : rows) out.value.items.push_back(item_from(*r));
      });
  const int persons = static_cast<int>(people.size());
  if (persons == 0) return Error::conflict("Gospodarstwo nie miało członków w dniu " + date.polish() + ".", "date");
  std::vector<rules::IncomeItem> items;
  for (const auto& s : out.value.items) items.push_back(s.item);
  OSTOJA_TRY(income, rules::household_income(items, month, persons));
  out.value.income = std::move(income);
  OSTOJA_TRY(eligibility, rules::eligibility_for_all_forms(date, persons, out.value.income.total,
                                                           gmina::settings(*conn, who.centre)));
  out.value.eligibility = std::move(eligibility);
  const std::int64_t now = clock_.now_ms();
  for (auto person : people) out.audit.push_back(audit::entry_for(who, now, "read", "income", household_id, person));
  return out;
}

void scan_households(storage::Database& db, CentreId centre, Date date, std::string_view month,
                     const std::function<void(const HouseholdRows&)>& visit) {
  auto start = Date::parse(std::string(month) + "-01");
  if (!start) return;
  const Window w = window(*start, date);
  storage::Lease first = db.acquire(), second = db.acquire();
  storage::Connection* conns[] = {&*first, &*second};
  auto range = conns[0]->query_one("SELECT MIN(id), MAX(id) FROM households WHERE centre_id = ?", {centre.value});
  if (!range || range->null(0)) return;
  const std::int64_t lo = range->int64(0), hi = range->int64(1);
  const std::string items_query = items_sql(kRangeItems), members_query = members_sql(kRangeMembers);
  struct Chunk {
    std::vector<storage::Row> members, items;
  };
  // One chunk's members and items, read in one read transaction (a consistent pair).
  auto fetch = [&](storage::Connection& c, std::int64_t from) {
    storage::Params mp{centre.value, from, from + kChunk}, ip{centre.value, from, from + kChunk};
    w.append_members(mp);
    w.append_items(ip);
    return storage::in_transaction(c, false, [&](storage::Connection& tx) {
      Chunk chunk;
      chunk.members = tx.query(members_query, mp);
      chunk.items = tx.query(items_query, ip);
      return chunk;
    });
  };
  // The next chunk is read on the other connection while this one is evaluated: the database's work (on
  // PostgreSQL another process) overlaps the rules' instead of waiting for it.
  std::future<Chunk> next = std::async(std::launch::async, fetch, std::ref(*conns[0]), lo);
  HouseholdRows rows;
  for (std::int64_t from = lo, k = 0; from <= hi; from += kChunk, ++k) {
    Chunk chunk = next.get();
    if (from + kChunk <= hi) next = std::async(std::launch::async, fetch, std::ref(*conns[(k + 1) % 2]), from + kChunk);
    join_members(chunk.members, chunk.items,
                 [&](std::int64_t household, const std::vector<std::int64_t>& persons,
                     const std::vector<const storage::Row*>& items) {
                   if (items.empty()) return;  // no income recorded for the month: not checked
                   rows.household_id = household;
                   rows.persons = static_cast<int>(persons.size());
                   rows.items.clear();
                   for (const auto* r : items) rows.items.push_back(item_from(*r).item);
                   visit(rows);
                 });
  }
}

Result<Recheck> IncomeService::recheck(const Principal& who, std::string_view date_text, std::string_view month_text) {
  if (who.method != AuthMethod::system && !who.can("cases.scope_all"))
    return Error::forbidden(
        "Ponowne sprawdzenie obejmuje wszystkie gospodarstwa ośrodka — wymaga wglądu we wszystkie sekcje.");
  OSTOJA_TRY(date, parse_date_field(date_text, "date"));
  if (date <= rules::kProcedureRulesFrom)
    return Error::validation(
        "Porównanie jest możliwe od 2 października 2012 r. (dzień wcześniej muszą obowiązywać kryteria).", "date");
  const std::string month =
      text::trim(month_text).empty() ? date.plus_months(-1).iso().substr(0, 7) : text::trim(month_text);
  OSTOJA_CHECK(month_start(month));
  const Date before = date.plus_days(-1);
  Recheck out{date.iso(), before.iso(), month, 0, 0, {}};
  const rules::BenefitKind kinds[] = {rules::BenefitKind::zasilek_staly, rules::BenefitKind::zasilek_okresowy};
  for (auto k : kinds) out.forms.push_back({std::string(rules::to_string(k)), 0, 0, 0});
  const rules::GminaSettings gmina = gmina::settings(*db_.acquire(), who.centre);
  scan_households(db_, who.centre, date, month, [&](const HouseholdRows& h) {
    // Verdicts and amounts only: the sentences of the explanation are not built for a million households.
    auto income = rules::household_income(h.items, month, h.persons, rules::Explain::no);
    if (!income.ok()) {
      ++out.skipped;
      return;
    }
    ++out.households;
    for (std::size_t k = 0; k < std::size(kinds); ++k) {
      auto old_rules = rules::benefit_preview(before, kinds[k], h.persons, income->total, gmina, rules::Explain::no);
      auto new_rules = rules::benefit_preview(date, kinds[k], h.persons, income->total, gmina, rules::Explain::no);
      const bool was = old_rules.ok() && old_rules->eligible, is = new_rules.ok() && new_rules->eligible;
      RecheckCounts& c = out.forms[k];
      c.eligible_before += was ? 1 : 0;
      c.eligible_after += is ? 1 : 0;
      c.amount_changed += (was ? old_rules->amount : Money{}) != (is ? new_rules->amount : Money{}) ? 1 : 0;
    }
  });
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  storage::in_transaction(*conn, true, [&](storage::Connection& c) {
    audit::append(c, audit::entry_for(who, now, "recheck", "eligibility", std::nullopt, std::nullopt,
                                      "kryteria na dzień " + out.date + ", dochód za " + out.month + ", gospodarstw " +
                                          std::to_string(out.households)));
    return true;
  });
  return out;
}

}  // namespace ostoja::income
