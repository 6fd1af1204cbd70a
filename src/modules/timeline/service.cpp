#include "modules/timeline/service.h"

#include <algorithm>
#include <map>

#include "audit/audit_log.h"

namespace ostoja::timeline {

namespace {

struct Stay {  // one membership of the person in a household: [since, until]
  std::string since;
  std::optional<std::string> until;
  bool covers(const std::string& day) const { return since <= day && (!until || day <= *until); }
};

int kind_rank(const std::string& kind) {
  static const std::vector<std::string> order{"joined",   "left",    "application", "interview",
                                              "decision", "payment", "service",     "social_work"};
  return static_cast<int>(std::find(order.begin(), order.end(), kind) - order.begin());
}

// What happened in household `h` that concerns the person: records addressed to them whatever the
// date, and the household's own records (interviews, help for the whole household) while they lived there.
void collect(storage::Connection& c, CentreId centre, std::int64_t person, std::int64_t h,
             const std::vector<Stay>& stays, std::vector<Item>& out) {
  auto lived_there = [&](const std::string& day) {
    return std::any_of(stays.begin(), stays.end(), [&](const Stay& s) { return s.covers(day); });
  };
  auto add = [&](std::string on, const char* kind, std::int64_t id, std::string code) -> Item& {
    Item& i = out.emplace_back();
    i.on = std::move(on);
    i.kind = kind;
    i.id = id;
    i.household_id = h;
    i.code = std::move(code);
    return i;
  };
  for (const auto& r : c.query("SELECT relation, since, until FROM household_members "
                               "WHERE centre_id = ? AND household_id = ? AND person_id = ? ORDER BY since",
                               {centre.value, h, person})) {
    add(r.text(1), "joined", h, r.text(0));
    if (auto until = r.opt_text(2)) add(*until, "left", h, r.text(0));
  }
  for (const auto& r : c.query("SELECT id, number, received_on, forms, status FROM applications "
                               "WHERE centre_id = ? AND household_id = ? AND applicant_id = ?",
                               {centre.value, h, person})) {
    auto& i = add(r.text(2), "application", r.int64(0), r.text(3));
    i.state = r.text(4);
    i.number = r.text(1);
  }
  for (const auto& r : c.query("SELECT id, kind, status, due_on, conducted_on FROM interviews "
                               "WHERE centre_id = ? AND household_id = ?",
                               {centre.value, h})) {
    std::string on = r.opt_text(4).value_or(r.text(3));
    if (lived_there(on)) add(std::move(on), "interview", r.int64(0), r.text(1)).state = r.text(2);
  }
  std::vector<std::int64_t> decisions;
  for (const auto& r : c.query("SELECT id, COALESCE(number, ''), kind, form, state, COALESCE(issued_on, period_from), "
                               "amount_grosze, period_to FROM decisions "
                               "WHERE centre_id = ? AND household_id = ? AND person_id = ?",
                               {centre.value, h, person})) {
    decisions.push_back(r.int64(0));
    auto& i = add(r.text(5), "decision", r.int64(0), r.text(3));
    i.subtype = r.text(2);
    i.state = r.text(4);
    i.number = r.text(1);
    i.amount_grosze = r.int64(6);
    i.until = r.opt_text(7);
  }
  for (auto d : decisions)
    for (const auto& r :
         c.query("SELECT p.id, COALESCE(p.status_on, p.due_on), p.form, p.kind, p.status, p.amount_grosze, "
                 "COALESCE(d.number, '') FROM payments p JOIN decisions d ON d.id = p.decision_id "
                 "WHERE p.centre_id = ? AND p.decision_id = ?",
                 {centre.value, d})) {
      auto& i = add(r.text(1), "payment", r.int64(0), r.text(2));
      i.subtype = r.text(3);
      i.state = r.text(4);
      i.number = r.text(6);
      i.amount_grosze = r.int64(5);
    }
  for (const auto& r : c.query("SELECT id, person_id, kind, subtype, date_from, date_to FROM services "
                               "WHERE centre_id = ? AND household_id = ?",
                               {centre.value, h})) {
    const auto served = r.opt_int64(1);
    if (served ? *served != person : !lived_there(r.text(4))) continue;
    auto& i = add(r.text(4), "service", r.int64(0), r.text(2));
    i.subtype = r.text(3);
    i.until = r.text(5);
  }
  for (const auto& r : c.query("SELECT id, person_id, kind, subtype, on_date, until_date, outcome FROM social_work "
                               "WHERE centre_id = ? AND household_id = ?",
                               {centre.value, h})) {
    const auto concerned = r.opt_int64(1);
    if (concerned ? *concerned != person : !lived_there(r.text(4))) continue;
    auto& i = add(r.text(4), "social_work", r.int64(0), r.text(2));
    i.subtype = r.text(3);
    i.state = r.text(6);
    i.until = r.opt_text(5);
  }
}

}  // namespace

Result<Audited<PersonTimeline>> TimelineService::of_person(const Principal& who, std::int64_t person_id) {
  auto conn = db_.acquire();
  if (!conn->query_one("SELECT 1 FROM persons WHERE centre_id = ? AND id = ?", {who.centre.value, person_id}))
    return Error::not_found("Nie znaleziono osoby.");
  std::map<std::int64_t, std::vector<Stay>> stays;  // by household
  for (const auto& r :
       conn->query("SELECT household_id, since, until FROM household_members WHERE centre_id = ? AND person_id = ?",
                   {who.centre.value, person_id}))
    stays[r.int64(0)].push_back({r.text(1), r.opt_text(2)});

  PersonTimeline t{person_id, {}};
  // A person in no household yet is readable by every cases.read user (CaseService::person, as search finds them), and
  // so is their (empty) history: the card of a person just registered must open before a household is created.
  bool any_in_scope = who.can("cases.scope_all") || stays.empty();
  Error denied = Error::forbidden();
  for (const auto& [household, household_stays] : stays) {
    auto in_scope = cases_.household_in_scope(*conn, who, household);
    if (!in_scope.ok()) {
      denied = in_scope.error();
      continue;  // another section's household: its records are not shown
    }
    any_in_scope = true;
    collect(*conn, who.centre, person_id, household, household_stays, t.items);
  }
  if (!any_in_scope) return denied;
  std::stable_sort(t.items.begin(), t.items.end(), [](const Item& a, const Item& b) {
    if (a.on != b.on) return a.on > b.on;
    if (a.kind != b.kind) return kind_rank(a.kind) < kind_rank(b.kind);
    return a.id > b.id;
  });
  auto e = audit::entry_for(who, clock_.now_ms(), "read", "person", person_id, person_id, "timeline");
  return Audited<PersonTimeline>{std::move(t), {std::move(e)}};
}

}  // namespace ostoja::timeline
