#include "modules/services/service.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "core/text.h"
#include "rules/procedure.h"

namespace ostoja::services {

namespace {

const ServiceKind* find_kind(std::string_view code) {
  for (const auto& k : service_kinds())
    if (k.code == code) return &k;
  return nullptr;
}

std::optional<std::int64_t> user_of(const Principal& who) {
  return who.user.value ? std::optional<std::int64_t>(who.user.value) : std::nullopt;
}

Status member(storage::Connection& c, const Principal& who, std::int64_t household, std::optional<std::int64_t> person) {
  if (person && !c.query_one("SELECT 1 FROM household_members WHERE centre_id = ? AND household_id = ? AND person_id = ?",
                             {who.centre.value, household, *person}))
    return Error::validation("Osoba nie jest członkiem tego gospodarstwa.", "person_id");
  return ok();
}

}  // namespace

const std::vector<ServiceKind>& service_kinds() {
  static const std::vector<ServiceKind> kinds{
      {"posilek", "posiłek", {"szkola", "przedszkole", "zlobek", "inne"}, true, "posiłki"},
      {"pomoc_rzeczowa", "pomoc rzeczowa", {"zywnosc", "odziez", "srodki_czystosci", "inne"}, false, "paczki"},
      {"schronienie", "schronienie", {}, false, "noclegi"},
      {"uslugi_opiekuncze", "usługi opiekuńcze", {"zwykle", "specjalistyczne"}, true, "godziny"},
      {"mieszkanie_chronione", "mieszkanie chronione", {}, true, "dni"},
      {"dps", "dom pomocy społecznej", {}, true, "miesiące"},
      {"sprawienie_pogrzebu", "sprawienie pogrzebu", {}, true, "pogrzeby"},
      {"interwencja_kryzysowa", "interwencja kryzysowa", {}, false, "interwencje"},
      {"poradnictwo", "poradnictwo specjalistyczne", {"psychologiczne", "prawne", "rodzinne", "uzaleznienia"}, true,
       "konsultacje"},
  };
  return kinds;
}

Result<Service> ServicesService::record(const Principal& who, NewService s) {
  const ServiceKind* kind = find_kind(s.kind);
  if (!kind) return Error::validation("Nieznany rodzaj pomocy niepieniężnej: „" + s.kind + "”.", "kind");
  if (kind->subtypes.empty() ? !s.subtype.empty()
                             : std::find(kind->subtypes.begin(), kind->subtypes.end(), s.subtype) == kind->subtypes.end()) {
    std::string allowed;
    for (auto st : kind->subtypes) allowed += (allowed.empty() ? "" : ", ") + std::string(st);
    return Error::validation(kind->subtypes.empty() ? "Ten rodzaj pomocy nie ma podrodzajów."
                                                    : "Podrodzaj: " + allowed + ".",
                             "subtype");
  }
  if (kind->person_required && !s.person_id) return Error::validation("Wskaż osobę, której udzielono pomocy.", "person_id");
  OSTOJA_TRY(from, rules::case_date(s.date_from, "date_from"));
  OSTOJA_TRY(to, rules::case_date(s.date_to, "date_to"));
  if (to < from) return Error::validation("Koniec okresu nie może być przed początkiem.", "date_to");
  if (from > clock_.today()) return Error::validation("Można zapisać tylko pomoc już udzieloną lub trwającą.", "date_from");
  if (s.quantity < 0 || s.quantity > 100000) return Error::validation("Ilość: od 0 do 100 000.", "quantity");
  if (s.fee_grosze < 0) return Error::validation("Odpłatność nie może być ujemna.", "fee_grosze");
  if (s.kind == "mieszkanie_chronione" && text::trim(s.place).empty())
    return Error::validation("Podaj mieszkanie chronione (numer lub adres).", "place");
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<Service> {
    OSTOJA_CHECK(cases_.household_in_scope(c, who, s.household_id));
    OSTOJA_CHECK(member(c, who, s.household_id, s.person_id));
    if (s.decision_id && !c.query_one("SELECT 1 FROM decisions WHERE centre_id = ? AND id = ? AND household_id = ?",
                                      {who.centre.value, *s.decision_id, s.household_id}))
      return Error::validation("Decyzja nie dotyczy tego gospodarstwa.", "decision_id");
    auto r = c.query_one(
        "INSERT INTO services (centre_id, household_id, person_id, decision_id, kind, subtype, place, date_from, date_to, "
        "quantity, fee_grosze, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {who.centre.value, s.household_id, s.person_id, s.decision_id, s.kind, s.subtype, text::trim(s.place), from.iso(),
         to.iso(), s.quantity, s.fee_grosze, text::trim(s.note), user_of(who), now});
    audit::append(c, audit::entry_for(who, now, "create", "service", r->int64(0), s.person_id));
    s.date_from = from.iso();
    s.date_to = to.iso();
    return Service{r->int64(0), std::move(s)};
  });
}

Result<Audited<std::vector<Service>>> ServicesService::services_of(const Principal& who, std::int64_t household_id) {
  auto conn = db_.acquire();
  OSTOJA_CHECK(cases_.household_in_scope(*conn, who, household_id));
  Audited<std::vector<Service>> out;
  const std::int64_t now = clock_.now_ms();
  for (const auto& r : conn->query(
           "SELECT id, person_id, decision_id, kind, subtype, place, date_from, date_to, quantity, fee_grosze, note "
           "FROM services WHERE centre_id = ? AND household_id = ? ORDER BY date_from DESC, id DESC",
           {who.centre.value, household_id})) {
    NewService s{household_id, r.opt_int64(1), r.opt_int64(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7),
                 r.int32(8), r.int64(9), r.text(10)};
    out.value.push_back({r.int64(0), std::move(s)});
  }
  out.audit.push_back(audit::entry_for(who, now, "read", "services", household_id, std::nullopt));
  out.audit.back().person_id.reset();
  return out;
}

Result<SocialWork> ServicesService::record_social_work(const Principal& who, NewSocialWork w) {
  static const std::vector<std::string_view> kinds{"entry", "contract", "community_work", "activation", "referral"};
  if (std::find(kinds.begin(), kinds.end(), w.kind) == kinds.end())
    return Error::validation("Rodzaj: entry, contract, community_work, activation albo referral.", "kind");
  OSTOJA_TRY(on, rules::case_date(w.on_date, "on_date"));
  if (on > clock_.today()) return Error::validation("Data nie może być późniejsza niż dzisiaj.", "on_date");
  std::optional<Date> until, review;
  if (w.until_date) {
    OSTOJA_TRY(u, rules::case_date(*w.until_date, "until_date"));
    if (u < on) return Error::validation("Koniec nie może być przed początkiem.", "until_date");
    until = u;
  }
  if (w.review_on) {
    OSTOJA_TRY(rv, rules::case_date(*w.review_on, "review_on"));
    review = rv;
  }
  const std::string description = text::trim(w.description);
  if (description.size() > 20000) return Error::validation("Opis: najwyżej 20 000 znaków.", "description");
  if (w.kind == "entry" && description.empty()) return Error::validation("Opisz podjętą pracę socjalną.", "description");
  if (w.kind == "contract") {
    if (!w.person_id) return Error::validation("Kontrakt socjalny zawiera się z osobą — wskaż ją.", "person_id");
    if (!until) return Error::validation("Podaj okres obowiązywania kontraktu.", "until_date");
    if (!review) return Error::validation("Podaj termin oceny realizacji kontraktu.", "review_on");
    if (description.size() < 20)
      return Error::validation("Opisz cele kontraktu i zobowiązania obu stron.", "description");
    static const std::vector<std::string_view> outcomes{"", "achieved", "partly", "not_achieved", "broken"};
    if (std::find(outcomes.begin(), outcomes.end(), w.outcome) == outcomes.end())
      return Error::validation("Wynik: achieved, partly, not_achieved albo broken.", "outcome");
  }
  if (w.kind == "community_work" && (!w.person_id || w.hours <= 0 || w.hours > 200))
    return Error::validation("Prace społecznie użyteczne: osoba i liczba godzin w miesiącu (1–200).", "hours");
  if (w.kind == "activation") {
    static const std::vector<std::string_view> st{"internship", "job", "training", "cis", "other"};
    if (!w.person_id || std::find(st.begin(), st.end(), w.subtype) == st.end())
      return Error::validation("Aktywizacja: osoba i rodzaj (internship, job, training, cis, other).", "subtype");
  }
  if (w.kind == "referral" && text::trim(w.subtype).empty())
    return Error::validation("Podaj instytucję, do której skierowano.", "subtype");
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<SocialWork> {
    OSTOJA_CHECK(cases_.household_in_scope(c, who, w.household_id));
    OSTOJA_CHECK(member(c, who, w.household_id, w.person_id));
    auto r = c.query_one(
        "INSERT INTO social_work (centre_id, household_id, kind, person_id, on_date, until_date, review_on, hours, subtype, "
        "description, outcome, worker_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {who.centre.value, w.household_id, w.kind, w.person_id, on.iso(),
         until ? std::optional<std::string>(until->iso()) : std::nullopt,
         review ? std::optional<std::string>(review->iso()) : std::nullopt, w.hours, text::trim(w.subtype), description,
         w.outcome, user_of(who), now});
    audit::append(c, audit::entry_for(who, now, "create", "social_work", r->int64(0), w.person_id));
    w.on_date = on.iso();
    w.description = description;
    return SocialWork{r->int64(0), std::move(w), user_of(who)};
  });
}

Result<Audited<std::vector<SocialWork>>> ServicesService::social_work_of(const Principal& who, std::int64_t household_id) {
  auto conn = db_.acquire();
  OSTOJA_CHECK(cases_.household_in_scope(*conn, who, household_id));
  Audited<std::vector<SocialWork>> out;
  for (const auto& r : conn->query(
           "SELECT id, kind, person_id, on_date, until_date, review_on, hours, subtype, description, outcome, worker_id "
           "FROM social_work WHERE centre_id = ? AND household_id = ? ORDER BY on_date DESC, id DESC",
           {who.centre.value, household_id})) {
    NewSocialWork w{household_id, r.text(1), r.opt_int64(2), r.text(3), r.opt_text(4), r.opt_text(5), r.int32(6),
                    r.text(7),    r.text(8), r.text(9)};
    out.value.push_back({r.int64(0), std::move(w), r.opt_int64(10)});
  }
  out.audit.push_back(audit::entry_for(who, clock_.now_ms(), "read", "social_work", household_id, std::nullopt));
  out.audit.back().person_id.reset();
  return out;
}

Result<SocialWork> ServicesService::review_contract(const Principal& who, std::int64_t id, std::string_view on_text,
                                                    std::string outcome, std::optional<std::string> next_review,
                                                    std::string note) {
  OSTOJA_TRY(on, rules::case_date(on_text, "on_date"));
  if (on > clock_.today()) return Error::validation("Data oceny nie może być późniejsza niż dzisiaj.", "on_date");
  static const std::vector<std::string_view> outcomes{"achieved", "partly", "not_achieved", "broken"};
  if (!outcome.empty() && std::find(outcomes.begin(), outcomes.end(), outcome) == outcomes.end())
    return Error::validation("Wynik: achieved, partly, not_achieved albo broken.", "outcome");
  if (outcome.empty() == !next_review)
    return Error::validation("Podaj wynik kontraktu (zamyka go) albo termin następnej oceny.", outcome.empty() ? "outcome" : "review_on");
  std::optional<Date> next;
  if (next_review) {
    OSTOJA_TRY(n, rules::case_date(*next_review, "review_on"));
    if (n <= on) return Error::validation("Następna ocena musi być późniejsza niż ta.", "review_on");
    next = n;
  }
  note = text::trim(note);
  if (note.size() > 5000) return Error::validation("Notatka z oceny: najwyżej 5000 znaków.", "note");
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<SocialWork> {
    auto r = c.query_one(
        "SELECT household_id, kind, person_id, on_date, until_date, review_on, hours, subtype, description, outcome, "
        "worker_id FROM social_work WHERE centre_id = ? AND id = ?",
        {who.centre.value, id});
    if (!r) return Error::not_found("Nie znaleziono wpisu pracy socjalnej.");
    OSTOJA_CHECK(cases_.household_in_scope(c, who, r->int64(0)));
    if (r->text(1) != "contract") return Error::conflict("Ocenia się tylko kontrakt socjalny.", "id");
    if (!r->text(9).empty()) return Error::conflict("Ten kontrakt został już oceniony i zamknięty.", "outcome");
    if (on < *Date::parse(r->text(3))) return Error::validation("Ocena nie może być przed zawarciem kontraktu.", "on_date");
    NewSocialWork w{r->int64(0), r->text(1), r->opt_int64(2), r->text(3), r->opt_text(4), r->opt_text(5), r->int32(6),
                    r->text(7),  r->text(8), r->text(9)};
    if (!note.empty()) w.description += "\n\nOcena " + on.polish() + ": " + note;
    if (next) w.review_on = next->iso();
    w.outcome = outcome;
    c.execute("UPDATE social_work SET review_on = ?, outcome = ?, description = ? WHERE centre_id = ? AND id = ?",
              {w.review_on, w.outcome, w.description, who.centre.value, id});
    audit::append(c, audit::entry_for(who, now, "review", "social_work", id, w.person_id));
    return SocialWork{id, std::move(w), r->opt_int64(10)};
  });
}

Result<Statistics> ServicesService::statistics(const Principal& who, std::string_view from_text, std::string_view to_text) {
  OSTOJA_TRY(from, rules::case_date(from_text, "from"));
  OSTOJA_TRY(to, rules::case_date(to_text, "to"));
  if (to < from) return Error::validation("Koniec okresu nie może być przed początkiem.", "to");
  Statistics s;
  s.from = from.iso();
  s.to = to.iso();
  const std::string f = from.iso(), t = to.iso();
  // A child: under 18 on the first day of the period.
  const std::string child_born_after = from.plus_months(-12 * 18).iso();
  auto conn = db_.acquire();
  const auto centre = who.centre.value;
  // Families helped in the period, per form: a binding grant decision whose period overlaps it, or
  // help recorded as delivered in it (non-cash help is often given without a separate decision).
  for (const auto& r : conn->query(
           "SELECT form, COUNT(DISTINCT household_id) FROM ("
           "SELECT form, household_id FROM decisions WHERE centre_id = ? AND kind = 'grant' AND state IN ('final', 'upheld') "
           "AND period_from <= ? AND COALESCE(period_to, period_from) >= ? "
           "UNION SELECT kind, household_id FROM services WHERE centre_id = ? AND date_from <= ? AND date_to >= ?"
           ") AS helped GROUP BY form",
           {centre, t, f, centre, t, f}))
    s.families_by_form[r.text(0)] = r.int64(1);
  for (const auto& r : conn->query("SELECT subtype, COUNT(DISTINCT household_id) FROM services WHERE centre_id = ? AND "
                                   "kind = 'pomoc_rzeczowa' AND date_from <= ? AND date_to >= ? GROUP BY subtype",
                                   {centre, t, f}))
    s.in_kind_families[r.text(0)] = r.int64(1);
  s.meals_children = conn->query_one(
                             "SELECT COUNT(DISTINCT person_id) FROM services WHERE centre_id = ? AND kind = 'posilek' AND "
                             "subtype IN ('szkola', 'przedszkole', 'zlobek') AND date_from <= ? AND date_to >= ?",
                             {centre, t, f})
                         ->int64(0);
  auto sheltered = conn->query_one(
      "SELECT COUNT(DISTINCT s.place), COUNT(DISTINCT s.person_id), "
      "COUNT(DISTINCT CASE WHEN p.birth_date > ? THEN s.person_id END) FROM services s "
      "JOIN persons p ON p.id = s.person_id WHERE s.centre_id = ? AND s.kind = 'mieszkanie_chronione' AND "
      "s.date_from <= ? AND s.date_to >= ?",
      {child_born_after, centre, t, f});
  s.sheltered_flats = sheltered->int64(0);
  s.sheltered_persons = sheltered->int64(1);
  s.sheltered_children = sheltered->int64(2);
  s.counselling_persons = conn->query_one(
                                  "SELECT COUNT(DISTINCT person_id) FROM services WHERE centre_id = ? AND kind = 'poradnictwo' "
                                  "AND date_from <= ? AND date_to >= ?",
                                  {centre, t, f})
                              ->int64(0);
  for (const auto& r : conn->query("SELECT subtype, SUM(quantity) FROM services WHERE centre_id = ? AND kind = 'poradnictwo' "
                                   "AND date_from <= ? AND date_to >= ? GROUP BY subtype",
                                   {centre, t, f}))
    s.consultations[r.text(0)] = r.int64(1);
  s.social_work_families = conn->query_one(
                                   "SELECT COUNT(DISTINCT household_id) FROM social_work WHERE centre_id = ? AND "
                                   "kind = 'entry' AND on_date BETWEEN ? AND ?",
                                   {centre, f, t})
                               ->int64(0);
  s.contracts = conn->query_one(
                        "SELECT COUNT(*) FROM social_work WHERE centre_id = ? AND kind = 'contract' AND on_date <= ? AND "
                        "COALESCE(until_date, on_date) >= ?",
                        {centre, t, f})
                    ->int64(0);
  auto work = conn->query_one(
      "SELECT COUNT(DISTINCT person_id), COALESCE(SUM(hours), 0) FROM social_work WHERE centre_id = ? AND "
      "kind = 'community_work' AND on_date BETWEEN ? AND ?",
      {centre, f, t});
  s.community_work_persons = work->int64(0);
  s.community_work_hours = work->int64(1);
  for (const auto& r : conn->query("SELECT subtype, COUNT(DISTINCT person_id) FROM social_work WHERE centre_id = ? AND "
                                   "kind = 'activation' AND on_date BETWEEN ? AND ? GROUP BY subtype",
                                   {centre, f, t}))
    s.activation[r.text(0)] = r.int64(1);
  s.referrals = conn->query_one("SELECT COUNT(*) FROM social_work WHERE centre_id = ? AND kind = 'referral' AND on_date "
                                "BETWEEN ? AND ?",
                                {centre, f, t})
                    ->int64(0);
  return s;
}

}  // namespace ostoja::services
