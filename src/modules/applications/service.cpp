#include "modules/applications/service.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "audit/audit_log.h"
#include "core/text.h"
#include "rules/procedure.h"

namespace ostoja::applications {

namespace {

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size() && !s.empty()) {
    auto comma = s.find(',', start);
    out.push_back(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

bool is_part(std::string_view key) {
  return std::any_of(std::begin(kInterviewParts), std::end(kInterviewParts), [&](const char* p) { return key == p; });
}

std::map<std::string, std::string> parse_parts(const std::string& json, bool restricted, bool& health_hidden) {
  std::map<std::string, std::string> parts;
  auto j = nlohmann::json::parse(json);
  for (auto it = j.begin(); it != j.end(); ++it) parts[it.key()] = it.value().get<std::string>();
  health_hidden = false;
  if (!restricted && parts.count("health")) {
    health_hidden = !parts["health"].empty();
    parts.erase("health");
  }
  return parts;
}

audit::Entry entry(const Principal& who, std::int64_t now, const char* action, const char* entity, std::int64_t id,
                   std::optional<std::int64_t> person, std::string purpose = {}) {
  return audit::entry_for(who, now, action, entity, id, person, std::move(purpose));
}

constexpr const char* kInterviewCols =
    "id, household_id, application_id, kind, status, due_on, worker_id, conducted_on, parts";

Interview interview_from(const storage::Row& r, bool restricted) {
  Interview i;
  i.id = r.int64(0);
  i.household_id = r.int64(1);
  i.application_id = r.opt_int64(2);
  i.kind = r.text(3);
  i.status = r.text(4);
  i.due_on = r.text(5);
  i.worker_id = r.opt_int64(6);
  i.conducted_on = r.opt_text(7);
  i.parts = parse_parts(r.text(8), restricted, i.health_hidden);
  return i;
}

// The person a household-level item is about: its head (or the first current member).
std::optional<std::int64_t> head_of(storage::Connection& c, CentreId centre, std::int64_t household) {
  auto r = c.query_one(
      "SELECT person_id FROM household_members WHERE centre_id = ? AND household_id = ? AND until IS NULL "
      "ORDER BY CASE WHEN relation = 'head' THEN 0 ELSE 1 END, person_id LIMIT 1",
      {centre.value, household});
  if (!r) return std::nullopt;
  return r->int64(0);
}

}  // namespace

std::int64_t next_register_number(storage::Connection& c, CentreId centre, std::string_view reg, int year) {
  c.execute(
      "INSERT INTO register_counters (centre_id, register, year, last_number) VALUES (?, ?, ?, 0) "
      "ON CONFLICT (centre_id, register, year) DO NOTHING",
      {centre.value, reg, year});
  return c
      .query_one(
          "UPDATE register_counters SET last_number = last_number + 1 WHERE centre_id = ? AND register = ? AND year = "
          "? "
          "RETURNING last_number",
          {centre.value, reg, year})
      ->int64(0);
}

std::vector<Interview> ApplicationService::interviews_of(storage::Connection& c, const Principal& who,
                                                         std::int64_t household_id,
                                                         std::optional<std::int64_t> application_id) {
  std::vector<Interview> out;
  std::string sql =
      std::string("SELECT ") + kInterviewCols + " FROM interviews WHERE centre_id = ? AND household_id = ?";
  storage::Params params{who.centre.value, household_id};
  if (application_id) {
    sql += " AND application_id = ?";
    params.emplace_back(*application_id);
  }
  for (const auto& r : c.query(sql + " ORDER BY due_on, id", params))
    out.push_back(interview_from(r, who.restricted_access));
  return out;
}

Result<Application> ApplicationService::load(storage::Connection& c, const Principal& who, std::int64_t id) {
  auto r = c.query_one(
      "SELECT a.id, a.number, a.household_id, a.applicant_id, p.first_name || ' ' || p.last_name, a.mode, "
      "a.received_on, "
      "a.urgent, a.complex, a.forms, a.reasons, a.description, a.status, a.interview_due, a.decision_due, a.closed_on "
      "FROM applications a JOIN persons p ON p.id = a.applicant_id WHERE a.centre_id = ? AND a.id = ?",
      {who.centre.value, id});
  if (!r) return Error::not_found("Nie znaleziono wniosku.");
  Application a;
  a.household_id = r->int64(2);
  OSTOJA_CHECK(cases_.household_in_scope(c, who, a.household_id));
  a.id = r->int64(0);
  a.number = r->text(1);
  a.applicant_id = r->int64(3);
  a.applicant_name = r->text(4);
  a.mode = r->text(5);
  a.received_on = r->text(6);
  a.urgent = r->boolean(7);
  a.complex = r->boolean(8);
  a.forms = split(r->text(9));
  const Date received = *Date::parse(a.received_on);
  for (const auto& code : split(r->text(10))) {
    auto reason = rules::art7_reason(code, received);
    if (reason.ok())
      a.reasons.push_back({code, std::string(reason->point), std::string(reason->wording)});
    else
      a.reasons.push_back({code, "", code});
  }
  a.description = r->text(11);
  a.status = r->text(12);
  a.interview_due = r->text(13);
  a.decision_due = r->text(14);
  a.closed_on = r->opt_text(15);
  a.interviews = interviews_of(c, who, a.household_id, a.id);
  return a;
}

Result<Audited<Application>> ApplicationService::create(const Principal& who, NewApplication in) {
  const Date today = clock_.today();
  OSTOJA_TRY(received, rules::case_date(in.received_on, "received_on", today));
  if (in.mode != "application" && in.mode != "ex_officio")
    return Error::validation("Tryb: application (na wniosek) albo ex_officio (z urzędu).", "mode");
  if (in.forms.empty()) return Error::validation("Wskaż co najmniej jedną formę pomocy.", "forms");
  std::set<std::string> seen;
  for (const auto& f : in.forms) {
    if (!rules::form_of_help(f)) return Error::validation("Nieznana forma pomocy: „" + f + "”.", "forms");
    if (!seen.insert(f).second) return Error::validation("Forma pomocy „" + f + "” podana dwa razy.", "forms");
  }
  if (in.reasons.empty())
    return Error::validation("Wskaż co najmniej jeden powód udzielenia pomocy (art. 7).", "reasons");
  seen.clear();
  for (const auto& code : in.reasons) {
    OSTOJA_CHECK(rules::art7_reason(code, received));
    if (!seen.insert(code).second) return Error::validation("Powód „" + code + "” podany dwa razy.", "reasons");
  }
  if (in.description.size() > 4000) return Error::validation("Opis: najwyżej 4000 znaków.", "description");
  OSTOJA_TRY(interview_due, rules::interview_due(received, in.urgent));
  const Date decision_due = rules::decision_due(received, in.complex);
  const std::int64_t now = clock_.now_ms();

  auto conn = db_.acquire();
  auto id = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<std::int64_t> {
    OSTOJA_TRY(ref, cases_.household_in_scope(c, who, in.household_id));
    if (!c.query_one("SELECT 1 FROM household_members WHERE centre_id = ? AND household_id = ? AND person_id = ? AND "
                     "until IS NULL",
                     {who.centre.value, in.household_id, in.applicant_id}))
      return Error::validation("Wnioskodawca musi być członkiem tego gospodarstwa domowego.", "applicant_id");
    const int year = static_cast<int>(received.year());
    const std::string number =
        "W/" + std::to_string(year) + "/" + std::to_string(next_register_number(c, who.centre, "W", year));
    auto r = c.query_one(
        "INSERT INTO applications (centre_id, number, household_id, applicant_id, mode, received_on, urgent, complex, "
        "forms, reasons, description, interview_due, decision_due, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {who.centre.value, number, in.household_id, in.applicant_id, in.mode, received.iso(), in.urgent, in.complex,
         join(in.forms), join(in.reasons), text::trim(in.description), interview_due.iso(), decision_due.iso(),
         who.user.value, now});
    const std::int64_t app = r->int64(0);
    // The initial interview is planned at once for the household's worker (or the registering user).
    std::optional<std::int64_t> worker = ref.worker_id;
    if (!worker && who.user.value) worker = who.user.value;
    c.execute(
        "INSERT INTO interviews (centre_id, household_id, application_id, kind, due_on, worker_id, created_at) "
        "VALUES (?, ?, ?, 'initial', ?, ?, ?)",
        {who.centre.value, in.household_id, app, interview_due.iso(), worker, now});
    audit::append(c, entry(who, now, "create", "application", app, in.applicant_id));
    return app;
  });
  if (!id.ok()) return id.error();
  OSTOJA_TRY(created, load(*conn, who, *id));
  return Audited<Application>{std::move(created), {}};  // the creation is audited in its transaction
}

Result<Audited<Application>> ApplicationService::get(const Principal& who, std::int64_t id) {
  auto conn = db_.acquire();
  OSTOJA_TRY(a, load(*conn, who, id));
  auto e = entry(who, clock_.now_ms(), "read", "application", id, a.applicant_id);
  return Audited<Application>{std::move(a), {std::move(e)}};
}

Result<Audited<std::vector<Application>>> ApplicationService::for_household(const Principal& who,
                                                                            std::int64_t household_id) {
  auto conn = db_.acquire();
  OSTOJA_CHECK(cases_.household_in_scope(*conn, who, household_id));
  Audited<std::vector<Application>> out;
  const std::int64_t now = clock_.now_ms();
  for (const auto& r : conn->query(
           "SELECT id FROM applications WHERE centre_id = ? AND household_id = ? ORDER BY received_on DESC, id DESC",
           {who.centre.value, household_id})) {
    OSTOJA_TRY(a, load(*conn, who, r.int64(0)));
    out.audit.push_back(entry(who, now, "read", "application", a.id, a.applicant_id));
    out.value.push_back(std::move(a));
  }
  return out;
}

Result<Audited<Application>> ApplicationService::withdraw(const Principal& who, std::int64_t id, std::string_view on) {
  OSTOJA_TRY(date, rules::case_date(on, "date", clock_.today()));
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  auto done = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    OSTOJA_TRY(a, load(c, who, id));
    if (a.status != "open")
      return Error::conflict("Wniosek " + a.number + " nie jest w toku (status: " + a.status + ").", "status");
    if (date.iso() < a.received_on)
      return Error::validation("Data wycofania nie może być wcześniejsza niż data wpływu wniosku.", "date");
    c.execute("UPDATE applications SET status = 'withdrawn', closed_on = ? WHERE centre_id = ? AND id = ?",
              {date.iso(), who.centre.value, id});
    c.execute(
        "UPDATE interviews SET status = 'cancelled' WHERE centre_id = ? AND application_id = ? AND status = 'planned'",
        {who.centre.value, id});
    audit::append(c, entry(who, now, "update", "application", id, a.applicant_id, "wycofanie wniosku"));
    return ok();
  });
  if (!done.ok()) return done.error();
  OSTOJA_TRY(a, load(*conn, who, id));
  return Audited<Application>{std::move(a), {}};
}

Result<Audited<std::vector<Interview>>> ApplicationService::interviews(const Principal& who,
                                                                       std::int64_t household_id) {
  auto conn = db_.acquire();
  OSTOJA_CHECK(cases_.household_in_scope(*conn, who, household_id));
  Audited<std::vector<Interview>> out;
  out.value = interviews_of(*conn, who, household_id, std::nullopt);
  std::reverse(out.value.begin(), out.value.end());
  out.audit.push_back(entry(who, clock_.now_ms(), "read", "interview", household_id,
                            head_of(*conn, who.centre, household_id), "wywiady środowiska"));
  return out;
}

Result<Audited<Interview>> ApplicationService::interview(const Principal& who, std::int64_t id) {
  auto conn = db_.acquire();
  auto r = conn->query_one(std::string("SELECT ") + kInterviewCols + " FROM interviews WHERE centre_id = ? AND id = ?",
                           {who.centre.value, id});
  if (!r) return Error::not_found("Nie znaleziono wywiadu.");
  Interview i = interview_from(*r, who.restricted_access);
  OSTOJA_CHECK(cases_.household_in_scope(*conn, who, i.household_id));
  auto e = entry(who, clock_.now_ms(), "read", "interview", id, head_of(*conn, who.centre, i.household_id));
  return Audited<Interview>{std::move(i), {std::move(e)}};
}

Result<Audited<Interview>> ApplicationService::complete_interview(const Principal& who, std::int64_t interview_id,
                                                                  CompletedInterview in) {
  OSTOJA_TRY(conducted, rules::case_date(in.conducted_on, "conducted_on", clock_.today()));
  nlohmann::json parts = nlohmann::json::object();
  for (auto& [key, value] : in.parts) {
    if (!is_part(key))
      return Error::validation(
          "Nieznana część kwestionariusza: „" + key +
              "” (dozwolone: family, housing, health, income, reasons, assessment, proposed_help).",
          "parts");
    if (value.size() > 20000)
      return Error::validation("Część „" + key + "” jest za długa (maks. 20 000 znaków).", "parts");
    parts[key] = text::trim(value);
  }
  if (!parts.contains("assessment") || parts["assessment"].get<std::string>().empty())
    return Error::validation("Wpisz ocenę sytuacji (ocena pracownika socjalnego) — bez niej wywiad jest niekompletny.",
                             "parts.assessment");
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  auto household = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<std::int64_t> {
    auto r = c.query_one(
        std::string("SELECT household_id, application_id, status FROM interviews WHERE centre_id = ? AND id = ?") +
            std::string(c.lock_clause()),
        {who.centre.value, interview_id});
    if (!r) return Error::not_found("Nie znaleziono wywiadu.");
    const std::int64_t hh = r->int64(0);
    const auto app = r->opt_int64(1);
    OSTOJA_CHECK(cases_.household_in_scope(c, who, hh));
    if (r->text(2) != "planned")
      return Error::conflict("Ten wywiad ma już status „" + r->text(2) + "” — nie można go ponownie zakończyć.",
                             "status");
    std::optional<std::int64_t> person;
    bool continuing = false;
    if (app) {
      auto a = c.query_one("SELECT applicant_id, forms, received_on FROM applications WHERE centre_id = ? AND id = ?",
                           {who.centre.value, *app});
      person = a->int64(0);
      if (conducted.iso() < a->text(2))
        return Error::validation("Wywiad nie może być wcześniejszy niż wpływ wniosku (" + a->text(2) + ").",
                                 "conducted_on");
      for (const auto& f : split(a->text(1)))
        if (const auto* form = rules::form_of_help(f); form && form->continuing) continuing = true;
    } else {
      person = head_of(c, who.centre, hh);
    }
    c.execute(
        "UPDATE interviews SET status = 'completed', conducted_on = ?, parts = ?, completed_at = ?, "
        "worker_id = COALESCE(worker_id, ?) WHERE centre_id = ? AND id = ?",
        {conducted.iso(), parts.dump(), now,
         who.user.value ? std::optional<std::int64_t>(who.user.value) : std::nullopt, who.centre.value, interview_id});
    audit::append(c, entry(who, now, "update", "interview", interview_id, person, "wywiad przeprowadzony"));
    // Continuing help needs the interview updated at the latest every 6 months (art. 107 ust. 4 u.p.s.).
    if (continuing) {
      OSTOJA_TRY(update_due, rules::interview_update_due(conducted));
      auto worker = c.query_one("SELECT worker_id FROM interviews WHERE id = ?", {interview_id})->opt_int64(0);
      c.execute(
          "INSERT INTO interviews (centre_id, household_id, application_id, kind, due_on, worker_id, created_at) "
          "VALUES (?, ?, ?, 'update', ?, ?, ?)",
          {who.centre.value, hh, app, update_due.iso(), worker, now});
    }
    return hh;
  });
  if (!household.ok()) return household.error();
  auto r = conn->query_one(std::string("SELECT ") + kInterviewCols + " FROM interviews WHERE centre_id = ? AND id = ?",
                           {who.centre.value, interview_id});
  return Audited<Interview>{interview_from(*r, who.restricted_access), {}};
}

Result<Audited<Interview>> ApplicationService::plan_change_interview(const Principal& who, std::int64_t household_id,
                                                                     bool urgent) {
  OSTOJA_TRY(due, rules::interview_due(clock_.today(), urgent));
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  auto id = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<std::int64_t> {
    OSTOJA_TRY(ref, cases_.household_in_scope(c, who, household_id));
    std::optional<std::int64_t> worker = ref.worker_id;
    if (!worker && who.user.value) worker = who.user.value;
    auto r = c.query_one(
        "INSERT INTO interviews (centre_id, household_id, kind, due_on, worker_id, created_at) "
        "VALUES (?, ?, 'change', ?, ?, ?) RETURNING id",
        {who.centre.value, household_id, due.iso(), worker, now});
    audit::append(c, entry(who, now, "create", "interview", r->int64(0), head_of(c, who.centre, household_id),
                           "wywiad w związku ze zmianą sytuacji"));
    return r->int64(0);
  });
  if (!id.ok()) return id.error();
  auto r = conn->query_one(std::string("SELECT ") + kInterviewCols + " FROM interviews WHERE centre_id = ? AND id = ?",
                           {who.centre.value, *id});
  return Audited<Interview>{interview_from(*r, who.restricted_access), {}};
}

namespace {

// Overdue and upcoming items per key (the worker or the section of an item; none together), in key order.
template <class Count, class Key>
std::map<std::optional<std::int64_t>, Count> tally(const std::vector<WorkItem>& items, Key key) {
  std::map<std::optional<std::int64_t>, Count> counts;
  for (const auto& w : items) (w.days_left < 0 ? counts[key(w)].overdue : counts[key(w)].upcoming)++;
  return counts;
}

std::vector<WorkCount> count_by_worker(storage::Connection& c, CentreId centre, const std::vector<WorkItem>& items) {
  std::vector<WorkCount> out;
  for (auto& [worker, n] : tally<WorkCount>(items, [](const WorkItem& w) { return w.worker_id; })) {
    n.worker_id = worker;
    auto u = worker ? c.query_one("SELECT full_name FROM users WHERE centre_id = ? AND id = ?", {centre.value, *worker})
                    : std::nullopt;
    n.worker_name = worker ? (u ? u->text(0) : "") : "(nieprzydzielone)";
    out.push_back(n);
  }
  return out;
}

std::vector<SectionCount> count_by_section(storage::Connection& c, CentreId centre,
                                           const std::vector<WorkItem>& items) {
  std::vector<SectionCount> out;
  for (auto& [section, n] : tally<SectionCount>(items, [](const WorkItem& w) { return w.section_id; })) {
    n.section_id = section;
    auto r = section ? c.query_one("SELECT number, name FROM sections WHERE centre_id = ? AND id = ?",
                                   {centre.value, *section})
                     : std::nullopt;
    n.section_number = r ? r->int64(0) : 0;
    n.section_name = section ? (r ? r->text(1) : "") : "(bez sekcji)";
    out.push_back(n);
  }
  return out;
}

}  // namespace

Result<Audited<Worklist>> ApplicationService::worklist(const Principal& who, std::string_view as_of_text,
                                                       int horizon_days, WorklistFilter filter) {
  Date as_of = clock_.today();
  if (!text::trim(as_of_text).empty()) {
    OSTOJA_TRY(parsed, parse_date_field(as_of_text, "as_of"));
    as_of = parsed;
  }
  if (horizon_days < 0 || horizon_days > 90) return Error::validation("Horyzont: od 0 do 90 dni.", "days");
  const std::string until = as_of.plus_days(horizon_days).iso();
  // Record scoping as in CaseService: sections, assignment (household or the interview itself), or all.
  std::string scope;
  if (!who.can("cases.scope_all")) {
    std::string sections = "-1";
    for (auto s : who.sections) sections += "," + std::to_string(s.value);
    scope = " AND (h.section_id IN (" + sections + ") OR h.worker_id = " + std::to_string(who.user.value) + "%EXTRA%)";
  }
  auto scoped = [&](const std::string& extra) {
    std::string s = scope;
    auto pos = s.find("%EXTRA%");
    if (pos != std::string::npos) s.replace(pos, 7, extra);
    return s;
  };
  Audited<Worklist> out;
  out.value.as_of = as_of.iso();
  out.value.horizon_days = horizon_days;
  out.value.filter = filter;
  auto conn = db_.acquire();
  if (filter.section_id) {
    if (!conn->query_one("SELECT 1 FROM sections WHERE centre_id = ? AND id = ?",
                         {who.centre.value, *filter.section_id}))
      return Error::validation("Nie ma takiej sekcji.", "section_id");
    const bool own = std::any_of(who.sections.begin(), who.sections.end(),
                                 [&](const auto& s) { return s.value == *filter.section_id; });
    if (!own && !who.can("cases.scope_all")) return Error::forbidden("Ta sekcja jest poza Twoim zakresem.");
  }
  if (filter.worker_id &&
      !conn->query_one("SELECT 1 FROM users WHERE centre_id = ? AND id = ?", {who.centre.value, *filter.worker_id}))
    return Error::validation("Nie ma takiego pracownika.", "worker_id");
  const std::string address = "h.street || ' ' || h.building || CASE WHEN h.flat <> '' THEN '/' || h.flat ELSE '' END";
  for (const auto& r : conn->query(
           "SELECT i.id, i.household_id, i.application_id, i.due_on, i.worker_id, h.section_id, a.number, "
           "COALESCE(a.applicant_id, (SELECT m.person_id FROM household_members m WHERE m.household_id = h.id AND "
           "m.until IS NULL ORDER BY CASE WHEN m.relation = 'head' THEN 0 ELSE 1 END, m.person_id LIMIT 1)) AS pid, " +
               address +
               ", i.kind FROM interviews i JOIN households h ON h.id = i.household_id "
               "LEFT JOIN applications a ON a.id = i.application_id "
               "WHERE i.centre_id = ? AND i.status = 'planned' AND i.due_on <= ?" +
               scoped(" OR i.worker_id = " + std::to_string(who.user.value)),
           {who.centre.value, until})) {
    WorkItem w;
    w.interview_id = r.int64(0);
    w.household_id = r.int64(1);
    w.application_id = r.opt_int64(2);
    w.due_on = r.text(3);
    w.worker_id = r.opt_int64(4);
    w.section_id = r.opt_int64(5);
    w.application_number = r.opt_text(6).value_or("");
    w.person_id = r.opt_int64(7).value_or(0);
    w.address = r.text(8);
    w.kind = w.due_on < as_of.iso() ? "interview_overdue" : "interview_due";
    out.value.items.push_back(std::move(w));
  }
  for (const auto& r : conn->query(
           "SELECT a.id, a.household_id, a.decision_due, COALESCE(h.worker_id, a.created_by), h.section_id, a.number, "
           "a.applicant_id, " +
               address +
               " FROM applications a JOIN households h ON h.id = a.household_id "
               "WHERE a.centre_id = ? AND a.status = 'open' AND a.decision_due <= ?" +
               scoped(""),
           {who.centre.value, until})) {
    WorkItem w;
    w.application_id = r.int64(0);
    w.household_id = r.int64(1);
    w.due_on = r.text(2);
    w.worker_id = r.opt_int64(3);
    w.section_id = r.opt_int64(4);
    w.application_number = r.text(5);
    w.person_id = r.int64(6);
    w.address = r.text(7);
    w.kind = w.due_on < as_of.iso() ? "decision_overdue" : "decision_due";
    out.value.items.push_back(std::move(w));
  }
  // For those who sign decisions: every draft in scope waits for a signature (due by the KPA term of its
  // application, or the start of its period for an ex-officio decision).
  if (who.can("decisions.approve")) {
    for (const auto& r : conn->query("SELECT d.id, d.household_id, COALESCE(a.decision_due, d.period_from), "
                                     "COALESCE(h.worker_id, d.created_by), "
                                     "h.section_id, a.number, d.person_id, d.application_id, " +
                                         address +
                                         " FROM decisions d JOIN households h ON h.id = d.household_id "
                                         "LEFT JOIN applications a ON a.id = d.application_id "
                                         "WHERE d.centre_id = ? AND d.state = 'draft'" +
                                         scoped(""),
                                     {who.centre.value})) {
      WorkItem w;
      w.decision_id = r.int64(0);
      w.household_id = r.int64(1);
      w.due_on = r.text(2);
      w.worker_id = r.opt_int64(3);
      w.section_id = r.opt_int64(4);
      w.application_number = r.opt_text(5).value_or("");
      w.person_id = r.int64(6);
      w.application_id = r.opt_int64(7);
      w.address = r.text(8);
      w.kind = "decision_to_sign";
      out.value.items.push_back(std::move(w));
    }
  }
  // Binding grants that end within the horizon (the family may need a new application), and social
  // contracts whose review falls due and has no recorded outcome.
  for (const auto& r : conn->query(
           "SELECT d.id, d.household_id, d.period_to, COALESCE(h.worker_id, d.created_by), h.section_id, d.number, "
           "d.person_id, " +
               address +
               " FROM decisions d JOIN households h ON h.id = d.household_id "
               "WHERE d.centre_id = ? AND d.kind = 'grant' AND d.state IN ('final', 'upheld') AND d.period_to >= ? "
               "AND d.period_to <= ?" +
               scoped(""),
           {who.centre.value, as_of.iso(), until})) {
    WorkItem w;
    w.decision_id = r.int64(0);
    w.household_id = r.int64(1);
    w.due_on = r.text(2);
    w.worker_id = r.opt_int64(3);
    w.section_id = r.opt_int64(4);
    w.application_number = r.opt_text(5).value_or("");
    w.person_id = r.int64(6);
    w.address = r.text(7);
    w.kind = "decision_expiring";
    out.value.items.push_back(std::move(w));
  }
  for (const auto& r : conn->query(
           "SELECT s.id, s.household_id, s.review_on, COALESCE(s.worker_id, h.worker_id), h.section_id, s.person_id, " +
               address +
               " FROM social_work s JOIN households h ON h.id = s.household_id "
               "WHERE s.centre_id = ? AND s.kind = 'contract' AND s.outcome = '' AND s.review_on <= ?" +
               scoped(" OR s.worker_id = " + std::to_string(who.user.value)),
           {who.centre.value, until})) {
    WorkItem w;
    w.contract_id = r.int64(0);
    w.household_id = r.int64(1);
    w.due_on = r.text(2);
    w.worker_id = r.opt_int64(3);
    w.section_id = r.opt_int64(4);
    w.person_id = r.opt_int64(5).value_or(0);
    w.address = r.text(6);
    w.kind = w.due_on < as_of.iso() ? "contract_review_overdue" : "contract_review";
    out.value.items.push_back(std::move(w));
  }
  std::map<std::int64_t, std::string> names;
  for (auto& w : out.value.items) {
    w.days_left = as_of.days_until(*Date::parse(w.due_on));
    if (w.person_id && !names.count(w.person_id)) {
      auto p = conn->query_one("SELECT first_name || ' ' || last_name FROM persons WHERE centre_id = ? AND id = ?",
                               {who.centre.value, w.person_id});
      names[w.person_id] = p ? p->text(0) : "";
    }
    w.person_name = names[w.person_id];
  }
  std::stable_sort(out.value.items.begin(), out.value.items.end(), [](const WorkItem& a, const WorkItem& b) {
    return std::tie(a.due_on, a.kind, a.household_id) < std::tie(b.due_on, b.kind, b.household_id);
  });
  // Per section over the whole scope; per worker within the chosen section; the items for both filters.
  out.value.by_section = count_by_section(*conn, who.centre, out.value.items);
  if (filter.section_id)
    std::erase_if(out.value.items, [&](const WorkItem& w) { return w.section_id != filter.section_id; });
  out.value.by_worker = count_by_worker(*conn, who.centre, out.value.items);
  if (filter.worker_id)
    std::erase_if(out.value.items, [&](const WorkItem& w) { return w.worker_id != filter.worker_id; });
  const std::int64_t now = clock_.now_ms();
  for (const auto& w : out.value.items)
    if (w.person_id)
      out.audit.push_back(entry(who, now, "read", "worklist", w.household_id, w.person_id, "lista zadań"));
  return out;
}

}  // namespace ostoja::applications
