#include "modules/services/service.h"

#include <algorithm>
#include <map>
#include <set>

#include "audit/audit_log.h"
#include "core/text.h"
#include "modules/decisions/lifecycle.h"
#include "modules/decisions/service.h"
#include "modules/services/counting.h"
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

Status member(storage::Connection& c, const Principal& who, std::int64_t household,
              std::optional<std::int64_t> person) {
  if (person &&
      !c.query_one("SELECT 1 FROM household_members WHERE centre_id = ? AND household_id = ? AND person_id = ?",
                   {who.centre.value, household, *person}))
    return Error::validation("Osoba nie jest członkiem tego gospodarstwa.", "person_id");
  return ok();
}

// The end of an open period (a flat not closed).
constexpr Date kOpenEnd{9999, 12, 31};

constexpr const char* kFlatSelect = "SELECT id, name, address, places, opened_on, closed_on FROM sheltered_flats ";

Flat flat_from(const storage::Row& r) {
  return Flat{r.int64(0), NewFlat{r.text(1), r.text(2), r.int32(3), r.text(4), r.opt_text(5)}};
}

Result<Date> delivery_day(const Delivery& d, Period record, Date today) {
  OSTOJA_TRY(on, rules::case_date(d.on_date, "deliveries"));
  if (on < record.from || on > record.to)
    return Error::validation(
        "Dzień " + on.polish() + " jest poza okresem pomocy (" + record.from.polish() + "–" + record.to.polish() + ").",
        "deliveries");
  if (on > today)
    return Error::validation("Można zapisać tylko to, co już udzielono — " + on.polish() + " jeszcze nie minął.",
                             "deliveries");
  if (d.quantity < 1 || d.quantity > 100000)
    return Error::validation("Ilość w jednym dniu: od 1 do 100 000.", "deliveries");
  return on;
}

// The dated quantities of a new record: its deliveries, or its one undated quantity (see
// undated_quantity_day); a stay delivers nothing — it lasts.
Result<std::vector<std::pair<Date, int>>> dated_quantities(const ServiceKind& kind, const NewService& s, Period period,
                                                           Date today) {
  std::vector<std::pair<Date, int>> out;
  if (kind.stay) {
    if (s.quantity || !s.deliveries.empty())
      return Error::validation("Pobyt liczy się w dniach swojego okresu — nie podaje się ilości.", "quantity");
    return out;
  }
  if (!s.deliveries.empty()) {
    if (s.quantity) return Error::validation("Podaj ilość albo ilości z datami, nie jedno i drugie.", "quantity");
    if (s.deliveries.size() > 400) return Error::validation("Najwyżej 400 dat w jednym zapisie.", "deliveries");
    for (const auto& d : s.deliveries) {
      OSTOJA_TRY(day, delivery_day(d, period, today));
      out.emplace_back(day, d.quantity);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  const int q = s.quantity.value_or(1);
  if (q < 0 || q > 100000) return Error::validation("Ilość: od 0 do 100 000.", "quantity");
  if (q > 0) {
    OSTOJA_TRY(day, undated_quantity_day(period, today));
    out.emplace_back(day, q);
  }
  return out;
}

// The flat of the register a residence is recorded in (by id, or by the name given as `place`), checked:
// the stay lies in the time the flat is open, and a place is free on every day of it.
Result<Flat> place_in_flat(storage::Connection& c, CentreId centre, const NewService& s, Period stay) {
  const std::string name = text::trim(s.place);
  const std::string lock(c.lock_clause());
  auto r =
      s.flat_id
          ? c.query_one(kFlatSelect + std::string("WHERE centre_id = ? AND id = ?") + lock, {centre.value, *s.flat_id})
          : c.query_one(kFlatSelect + std::string("WHERE centre_id = ? AND name = ?") + lock, {centre.value, name});
  if (!r)
    return Error::validation(
        s.flat_id || name.empty()
            ? "Wskaż mieszkanie chronione z rejestru mieszkań ośrodka."
            : "Mieszkania „" + name + "” nie ma w rejestrze mieszkań chronionych — dodaj je tam albo wskaż inne.",
        "flat_id");
  Flat flat = flat_from(*r);
  const Period open{*Date::parse(flat.data.opened_on),
                    flat.data.closed_on ? *Date::parse(*flat.data.closed_on) : kOpenEnd};
  if (stay.from < open.from || stay.to > open.to)
    return Error::validation("Mieszkanie " + flat.data.name + " jest w rejestrze od " + open.from.polish() +
                                 (flat.data.closed_on ? " do " + open.to.polish() : "") +
                                 " — pobyt musi się w tym mieścić.",
                             "date_from");
  std::vector<Period> residences{stay};
  for (const auto& o : c.query("SELECT date_from, date_to FROM services WHERE centre_id = ? AND flat_id = ? AND "
                               "date_from <= ? AND date_to >= ?",
                               {centre.value, flat.id, stay.to.iso(), stay.from.iso()}))
    residences.push_back({*Date::parse(o.text(0)), *Date::parse(o.text(1))});
  if (most_present(residences, stay) > flat.data.places)
    return Error::conflict("W mieszkaniu " + flat.data.name + " (miejsc: " + std::to_string(flat.data.places) +
                               ") w tym okresie nie ma wolnego miejsca.",
                           "date_from");
  return flat;
}

// Service records (alias `s` in `where`) with their deliveries, newest first.
std::vector<Service> load_services(storage::Connection& c, CentreId centre, const std::string& where,
                                   const storage::Params& params) {
  storage::Params all{centre.value};
  all.insert(all.end(), params.begin(), params.end());
  std::vector<Service> out;
  std::map<std::int64_t, std::size_t> index;
  for (const auto& r : c.query(
           "SELECT id, household_id, person_id, decision_id, kind, subtype, place, date_from, date_to, quantity, "
           "fee_grosze, "
           "note, flat_id, cost_grosze, resident_fee_grosze, family_fee_grosze FROM services s WHERE s.centre_id = ?" +
               where + " ORDER BY date_from DESC, id DESC",
           all)) {
    NewService s;
    s.household_id = r.int64(1);
    s.person_id = r.opt_int64(2);
    s.decision_id = r.opt_int64(3);
    s.kind = r.text(4);
    s.subtype = r.text(5);
    s.place = r.text(6);
    s.date_from = r.text(7);
    s.date_to = r.text(8);
    s.quantity = r.int32(9);
    s.fee_grosze = r.int64(10);
    s.note = r.text(11);
    s.flat_id = r.opt_int64(12);
    s.cost_grosze = r.opt_int64(13);
    s.resident_fee_grosze = r.opt_int64(14);
    s.family_fee_grosze = r.opt_int64(15);
    index[r.int64(0)] = out.size();
    out.push_back({r.int64(0), std::move(s)});
  }
  if (out.empty()) return out;
  for (const auto& r :
       c.query("SELECT v.service_id, v.on_date, v.quantity FROM service_deliveries v JOIN services s ON "
               "s.id = v.service_id WHERE s.centre_id = ?" +
                   where + " ORDER BY v.on_date, v.id",
               all))
    if (auto it = index.find(r.int64(0)); it != index.end())
      out[it->second].data.deliveries.push_back({r.text(1), r.int32(2)});
  return out;
}

}  // namespace

const std::vector<ServiceKind>& service_kinds() {
  static const std::vector<ServiceKind> kinds{
      {"posilek", "posiłek", {"szkola", "przedszkole", "zlobek", "inne"}, true, "posiłki"},
      {"pomoc_rzeczowa", "pomoc rzeczowa", {"zywnosc", "odziez", "srodki_czystosci", "inne"}, false, "paczki"},
      {"schronienie", "schronienie", {}, false, "noclegi"},
      {"uslugi_opiekuncze", "usługi opiekuńcze", {"zwykle", "specjalistyczne"}, true, "godziny"},
      {"mieszkanie_chronione", "mieszkanie chronione", {}, true, "dni", true},
      {"dps", "dom pomocy społecznej", {}, true, "dni", true},
      {"sprawienie_pogrzebu", "sprawienie pogrzebu", {}, true, "pogrzeby"},
      {"interwencja_kryzysowa", "interwencja kryzysowa", {}, false, "interwencje"},
      {"poradnictwo",
       "poradnictwo specjalistyczne",
       {"psychologiczne", "prawne", "rodzinne", "uzaleznienia"},
       true,
       "konsultacje"},
  };
  return kinds;
}

Result<Service> ServicesService::record(const Principal& who, NewService s) {
  const ServiceKind* kind = find_kind(s.kind);
  if (!kind) return Error::validation("Nieznany rodzaj pomocy niepieniężnej: „" + s.kind + "”.", "kind");
  if (kind->subtypes.empty()
          ? !s.subtype.empty()
          : std::find(kind->subtypes.begin(), kind->subtypes.end(), s.subtype) == kind->subtypes.end()) {
    std::string allowed;
    for (auto st : kind->subtypes) allowed += (allowed.empty() ? "" : ", ") + std::string(st);
    return Error::validation(
        kind->subtypes.empty() ? "Ten rodzaj pomocy nie ma podrodzajów." : "Podrodzaj: " + allowed + ".", "subtype");
  }
  if (kind->person_required && !s.person_id)
    return Error::validation("Wskaż osobę, której udzielono pomocy.", "person_id");
  OSTOJA_TRY(from, rules::case_date(s.date_from, "date_from"));
  OSTOJA_TRY(to, rules::case_date(s.date_to, "date_to"));
  if (to < from) return Error::validation("Koniec okresu nie może być przed początkiem.", "date_to");
  const Date today = clock_.today();
  if (from > today) return Error::validation("Można zapisać tylko pomoc już udzieloną lub trwającą.", "date_from");
  if (s.fee_grosze < 0) return Error::validation("Odpłatność nie może być ujemna.", "fee_grosze");
  const Period period{from, to};
  OSTOJA_TRY(deliveries, dated_quantities(*kind, s, period, today));
  int total = 0;
  for (const auto& [day, q] : deliveries) total += q;
  if (total > 100000) return Error::validation("Ilość: od 0 do 100 000.", "quantity");
  if (kind->stay) total = from.days_until(to) + 1;
  if (s.kind == "dps") {
    OSTOJA_CHECK(
        check_fee(CareHomeFee{Money{s.cost_grosze.value_or(0)}, Money{s.resident_fee_grosze.value_or(0)},
                              Money{s.family_fee_grosze.value_or(0)}},
                  s.resident_income_grosze ? std::optional<Money>(Money{*s.resident_income_grosze}) : std::nullopt));
    s.resident_fee_grosze = s.resident_fee_grosze.value_or(0);
    s.family_fee_grosze = s.family_fee_grosze.value_or(0);
  } else if (s.cost_grosze || s.resident_fee_grosze || s.family_fee_grosze || s.resident_income_grosze) {
    return Error::validation("Udział w opłacie podaje się tylko przy pobycie w domu pomocy społecznej.", "cost_grosze");
  }
  if (s.flat_id && s.kind != "mieszkanie_chronione")
    return Error::validation("Mieszkanie z rejestru wskazuje się tylko przy pobycie w mieszkaniu chronionym.",
                             "flat_id");
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<Service> {
    OSTOJA_CHECK(cases_.household_in_scope(c, who, s.household_id));
    OSTOJA_CHECK(member(c, who, s.household_id, s.person_id));
    if (s.decision_id && !c.query_one("SELECT 1 FROM decisions WHERE centre_id = ? AND id = ? AND household_id = ?",
                                      {who.centre.value, *s.decision_id, s.household_id}))
      return Error::validation("Decyzja nie dotyczy tego gospodarstwa.", "decision_id");
    if (s.kind == "mieszkanie_chronione") {
      OSTOJA_TRY(flat, place_in_flat(c, who.centre, s, period));
      s.flat_id = flat.id;
      s.place = flat.data.name;
    }
    auto r = c.query_one(
        "INSERT INTO services (centre_id, household_id, person_id, decision_id, kind, subtype, place, date_from, "
        "date_to, "
        "quantity, fee_grosze, note, flat_id, cost_grosze, resident_fee_grosze, family_fee_grosze, created_by, "
        "created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {who.centre.value, s.household_id, s.person_id, s.decision_id, s.kind, s.subtype, text::trim(s.place),
         from.iso(), to.iso(), total, s.fee_grosze, text::trim(s.note), s.flat_id, s.cost_grosze, s.resident_fee_grosze,
         s.family_fee_grosze, user_of(who), now});
    const std::int64_t id = r->int64(0);
    for (const auto& [day, q] : deliveries)
      c.execute(
          "INSERT INTO service_deliveries (centre_id, service_id, on_date, quantity, created_by, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          {who.centre.value, id, day.iso(), q, user_of(who), now});
    audit::append(c, audit::entry_for(who, now, "create", "service", id, s.person_id));
    return load_services(c, who.centre, " AND s.id = ?", {id}).at(0);
  });
}

Result<Audited<std::vector<Service>>> ServicesService::services_of(const Principal& who, std::int64_t household_id) {
  auto conn = db_.acquire();
  OSTOJA_CHECK(cases_.household_in_scope(*conn, who, household_id));
  Audited<std::vector<Service>> out;
  out.value = load_services(*conn, who.centre, " AND s.household_id = ?", {household_id});
  out.audit.push_back(audit::entry_for(who, clock_.now_ms(), "read", "services", household_id, std::nullopt));
  out.audit.back().person_id.reset();
  return out;
}

Result<Service> ServicesService::add_delivery(const Principal& who, std::int64_t service_id, Delivery d) {
  const Date today = clock_.today();
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<Service> {
    auto r = c.query_one(std::string("SELECT household_id, kind, date_from, date_to, quantity, person_id FROM services "
                                     "WHERE centre_id = ? AND id = ?") +
                             std::string(c.lock_clause()),
                         {who.centre.value, service_id});
    if (!r) return Error::not_found("Nie znaleziono zapisu pomocy niepieniężnej.");
    OSTOJA_CHECK(cases_.household_in_scope(c, who, r->int64(0)));
    const ServiceKind* kind = find_kind(r->text(1));
    if (!kind || kind->stay)
      return Error::conflict("Pobyt liczy się w dniach swojego okresu — nie dopisuje się do niego ilości.", "id");
    OSTOJA_TRY(day, delivery_day(d, Period{*Date::parse(r->text(2)), *Date::parse(r->text(3))}, today));
    if (r->int32(4) + d.quantity > 100000) return Error::validation("Ilość: od 0 do 100 000.", "quantity");
    c.execute(
        "INSERT INTO service_deliveries (centre_id, service_id, on_date, quantity, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {who.centre.value, service_id, day.iso(), d.quantity, user_of(who), now});
    c.execute("UPDATE services SET quantity = quantity + ? WHERE centre_id = ? AND id = ?",
              {d.quantity, who.centre.value, service_id});
    audit::append(
        c, audit::entry_for(who, now, "update", "service", service_id, r->opt_int64(5), "ilość w dniu " + day.iso()));
    return load_services(c, who.centre, " AND s.id = ?", {service_id}).at(0);
  });
}

Result<std::vector<Flat>> ServicesService::flats(const Principal& who) {
  auto conn = db_.acquire();
  std::vector<Flat> out;
  for (const auto& r : conn->query(kFlatSelect + std::string("WHERE centre_id = ? ORDER BY name"), {who.centre.value}))
    out.push_back(flat_from(r));
  return out;
}

Result<Flat> ServicesService::add_flat(const Principal& who, NewFlat f) {
  f.name = text::trim(f.name);
  f.address = text::trim(f.address);
  if (f.name.empty() || f.name.size() > 100)
    return Error::validation("Podaj numer lub nazwę mieszkania (do 100 znaków).", "name");
  if (f.places < 1 || f.places > 50) return Error::validation("Liczba miejsc: od 1 do 50.", "places");
  OSTOJA_TRY(opened, rules::case_date(f.opened_on, "opened_on"));
  std::optional<std::string> closed;
  if (f.closed_on && !text::trim(*f.closed_on).empty()) {
    OSTOJA_TRY(c, rules::case_date(*f.closed_on, "closed_on"));
    if (c < opened) return Error::validation("Zamknięcie nie może być przed otwarciem.", "closed_on");
    closed = c.iso();
  }
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<Flat> {
    if (c.query_one("SELECT 1 FROM sheltered_flats WHERE centre_id = ? AND name = ?", {who.centre.value, f.name}))
      return Error::conflict("Mieszkanie „" + f.name + "” jest już w rejestrze.", "name");
    auto r = c.query_one(
        "INSERT INTO sheltered_flats (centre_id, name, address, places, opened_on, closed_on, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {who.centre.value, f.name, f.address, f.places, opened.iso(), closed, now});
    audit::append(c, audit::entry_for(who, now, "create", "sheltered_flat", r->int64(0), std::nullopt));
    f.opened_on = opened.iso();
    f.closed_on = closed;
    return Flat{r->int64(0), std::move(f)};
  });
}

Result<Flat> ServicesService::change_flat(const Principal& who, std::int64_t id, FlatChange change) {
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<Flat> {
    auto r = c.query_one(kFlatSelect + std::string("WHERE centre_id = ? AND id = ?") + std::string(c.lock_clause()),
                         {who.centre.value, id});
    if (!r) return Error::not_found("Nie ma takiego mieszkania w rejestrze.");
    Flat f = flat_from(*r);
    if (change.address) f.data.address = text::trim(*change.address);
    if (change.places) {
      if (*change.places < 1 || *change.places > 50) return Error::validation("Liczba miejsc: od 1 do 50.", "places");
      f.data.places = *change.places;
    }
    if (change.closed_on) {
      if (text::trim(*change.closed_on).empty()) {
        f.data.closed_on.reset();
      } else {
        OSTOJA_TRY(closed, rules::case_date(*change.closed_on, "closed_on"));
        if (closed < *Date::parse(f.data.opened_on))
          return Error::validation("Zamknięcie nie może być przed otwarciem.", "closed_on");
        f.data.closed_on = closed.iso();
      }
    }
    // The residences already recorded must still fit: in the flat's time and its places.
    const Period open{*Date::parse(f.data.opened_on), f.data.closed_on ? *Date::parse(*f.data.closed_on) : kOpenEnd};
    std::vector<Period> residences;
    for (const auto& s : c.query("SELECT date_from, date_to FROM services WHERE centre_id = ? AND flat_id = ?",
                                 {who.centre.value, id})) {
      Period p{*Date::parse(s.text(0)), *Date::parse(s.text(1))};
      if (p.to > open.to)
        return Error::conflict("W mieszkaniu ktoś mieszka do " + p.to.polish() + " — nie można zamknąć go wcześniej.",
                               "closed_on");
      residences.push_back(p);
    }
    if (most_present(residences, open) > f.data.places)
      return Error::conflict("W mieszkaniu mieszkało jednocześnie " + std::to_string(most_present(residences, open)) +
                                 " osób — miejsc nie może być mniej.",
                             "places");
    c.execute("UPDATE sheltered_flats SET address = ?, places = ?, closed_on = ? WHERE centre_id = ? AND id = ?",
              {f.data.address, f.data.places, f.data.closed_on, who.centre.value, id});
    audit::append(c, audit::entry_for(who, now, "update", "sheltered_flat", id, std::nullopt));
    return f;
  });
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
  if (w.kind == "entry" && description.empty())
    return Error::validation("Opisz podjętą pracę socjalną.", "description");
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
        "INSERT INTO social_work (centre_id, household_id, kind, person_id, on_date, until_date, review_on, hours, "
        "subtype, "
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

Result<Audited<std::vector<SocialWork>>> ServicesService::social_work_of(const Principal& who,
                                                                         std::int64_t household_id) {
  auto conn = db_.acquire();
  OSTOJA_CHECK(cases_.household_in_scope(*conn, who, household_id));
  Audited<std::vector<SocialWork>> out;
  for (const auto& r :
       conn->query("SELECT id, kind, person_id, on_date, until_date, review_on, hours, subtype, description, outcome, "
                   "worker_id "
                   "FROM social_work WHERE centre_id = ? AND household_id = ? ORDER BY on_date DESC, id DESC",
                   {who.centre.value, household_id})) {
    NewSocialWork w{household_id,  r.text(1),  r.opt_int64(2), r.text(3), r.opt_text(4),
                    r.opt_text(5), r.int32(6), r.text(7),      r.text(8), r.text(9)};
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
    return Error::validation("Podaj wynik kontraktu (zamyka go) albo termin następnej oceny.",
                             outcome.empty() ? "outcome" : "review_on");
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
    if (on < *Date::parse(r->text(3)))
      return Error::validation("Ocena nie może być przed zawarciem kontraktu.", "on_date");
    NewSocialWork w{r->int64(0),    r->text(1),  r->opt_int64(2), r->text(3), r->opt_text(4),
                    r->opt_text(5), r->int32(6), r->text(7),      r->text(8), r->text(9)};
    if (!note.empty()) w.description += "\n\nOcena " + on.polish() + ": " + note;
    if (next) w.review_on = next->iso();
    w.outcome = outcome;
    c.execute("UPDATE social_work SET review_on = ?, outcome = ?, description = ? WHERE centre_id = ? AND id = ?",
              {w.review_on, w.outcome, w.description, who.centre.value, id});
    audit::append(c, audit::entry_for(who, now, "review", "social_work", id, w.person_id));
    return SocialWork{id, std::move(w), r->opt_int64(10)};
  });
}

namespace {

// One report period: its days and the same as SQL parameters.
struct Span {
  Period days;
  std::string f, t;
  std::int64_t centre;
};

std::optional<Date> opt_date(const std::optional<std::string>& s) {
  return s ? Date::parse(*s) : std::nullopt;
}

// Families per form of help: a binding grant or change whose effect (decisions::effect_period — its
// period cut to the day before its first binding change, suspension or withdrawal) reaches into the
// period, or a service recorded for a period overlapping it (non-cash help is often given without a
// decision of its own). A family counts once per form, however many records it has.
void count_families_by_form(storage::Connection& c, const Span& p, Statistics& s) {
  std::map<std::string, std::set<std::int64_t>> helped;
  for (const auto& r :
       c.query(std::string("SELECT d.form, d.household_id, d.period_from, d.period_to, ") + decisions::kFirstChangeSql +
                   " FROM decisions d WHERE d.centre_id = ? AND d.kind IN ('grant', 'change') AND "
                   "d.state IN ('final', 'upheld') AND d.period_from <= ? AND "
                   "(d.period_to IS NULL OR d.period_to >= ?)",
               {p.centre, p.t, p.f})) {
    const auto* form = rules::form_of_help(r.text(0));
    auto effect = decisions::effect_period(*Date::parse(r.text(2)), opt_date(r.opt_text(3)), form && form->continuing,
                                           opt_date(r.opt_text(4)));
    if (effect && effect->from <= p.days.to && (!effect->to || *effect->to >= p.days.from))
      helped[r.text(0)].insert(r.int64(1));
  }
  for (const auto& r :
       c.query("SELECT DISTINCT kind, household_id FROM services WHERE centre_id = ? AND date_from <= ? "
               "AND date_to >= ?",
               {p.centre, p.t, p.f}))
    helped[r.text(0)].insert(r.int64(1));
  for (const auto& [form, families] : helped) s.families_by_form[form] = static_cast<std::int64_t>(families.size());
}

// Persons with a record of `kind` overlapping the period, and those of them who were children (is_child_on)
// on the first day of such a record in the period.
struct Persons {
  std::set<std::int64_t> all, children;
};
Persons persons_served(storage::Connection& c, const Span& p, std::string_view kind) {
  Persons out;
  for (const auto& r : c.query("SELECT s.person_id, s.date_from, p.birth_date FROM services s JOIN persons p ON "
                               "p.id = s.person_id WHERE s.centre_id = ? AND s.kind = ? AND s.date_from <= ? AND "
                               "s.date_to >= ?",
                               {p.centre, kind, p.t, p.f})) {
    out.all.insert(r.int64(0));
    const auto birth = Date::parse(r.text(2));
    if (birth && is_child_on(*birth, std::max(*Date::parse(r.text(1)), p.days.from))) out.children.insert(r.int64(0));
  }
  return out;
}

// What was delivered in the period: the deliveries dated in it, so that consecutive periods add up.
// `select` picks the grouping (and the count) over services `s` and deliveries `v`.
std::vector<storage::Row> delivered_in(storage::Connection& c, const Span& p, const std::string& select,
                                       const std::string& where_group) {
  return c.query("SELECT " + select +
                     " FROM service_deliveries v JOIN services s ON s.id = v.service_id WHERE "
                     "v.centre_id = ? AND v.on_date >= ? AND v.on_date <= ?" +
                     where_group,
                 {p.centre, p.f, p.t});
}

// Sheltered flats: the flats of the register open on some day of the period, their places, the flats
// opened in it; residents with a stay overlapping it, and the children among them.
void count_sheltered(storage::Connection& c, const Span& p, Statistics& s) {
  auto flats = c.query_one(
      "SELECT COUNT(*), COALESCE(SUM(places), 0), COALESCE(SUM(CASE WHEN opened_on >= ? THEN 1 ELSE 0 END), 0) "
      "FROM sheltered_flats WHERE centre_id = ? AND opened_on <= ? AND (closed_on IS NULL OR closed_on >= ?)",
      {p.f, p.centre, p.t, p.f});
  s.sheltered.flats = flats->int64(0);
  s.sheltered.places = flats->int64(1);
  s.sheltered.new_flats = flats->int64(2);
  const auto residents = persons_served(c, p, "mieszkanie_chronione");
  s.sheltered.persons = static_cast<std::int64_t>(residents.all.size());
  s.sheltered.children = static_cast<std::int64_t>(residents.children.size());
}

// Care homes: residents placed on some day of the period, and each party's share of the fee for the
// days of the period (monthly_share of the monthly shares, art. 61 ust. 2 u.p.s.).
void count_care_homes(storage::Connection& c, const Span& p, Statistics& s) {
  std::set<std::int64_t> residents;
  for (const auto& r :
       c.query("SELECT person_id, date_from, date_to, cost_grosze, resident_fee_grosze, family_fee_grosze "
               "FROM services WHERE centre_id = ? AND kind = 'dps' AND date_from <= ? AND date_to >= ?",
               {p.centre, p.t, p.f})) {
    residents.insert(r.int64(0));
    const auto cost = r.opt_int64(3);
    if (!cost) continue;  // recorded before the shares were (migration 0018)
    const CareHomeFee fee{Money{*cost}, Money{r.opt_int64(4).value_or(0)}, Money{r.opt_int64(5).value_or(0)}};
    const Period stay{*Date::parse(r.text(1)), *Date::parse(r.text(2))};
    s.care_homes.resident = s.care_homes.resident + monthly_share(fee.resident, stay, p.days);
    s.care_homes.family = s.care_homes.family + monthly_share(fee.family, stay, p.days);
    s.care_homes.gmina = s.care_homes.gmina + monthly_share(fee.gmina(), stay, p.days);
  }
  s.care_homes.residents = static_cast<std::int64_t>(residents.size());
}

// Social work with a family (art. 6 pkt 12 u.p.s.) is every kind of record in social_work: entries,
// social contracts (art. 108: made "w ramach pracy socjalnej"), community-service work and activation
// organised by the worker, referrals to partner institutions. A record is in the period when it lasts
// into it: dated ones on their day, contracts (and others with an end) for their whole term.
constexpr const char* kSocialWorkDuring = " AND on_date <= ? AND COALESCE(until_date, on_date) >= ?";

void count_social_work(storage::Connection& c, const Span& p, Statistics& s) {
  auto one = [&](const std::string& sql, const storage::Params& params) { return c.query_one(sql, params)->int64(0); };
  s.social_work_families =
      one(std::string("SELECT COUNT(DISTINCT household_id) FROM social_work WHERE centre_id = ?") + kSocialWorkDuring,
          {p.centre, p.t, p.f});
  s.contracts =
      one(std::string("SELECT COUNT(*) FROM social_work WHERE centre_id = ? AND kind = 'contract'") + kSocialWorkDuring,
          {p.centre, p.t, p.f});
  // Hours of community-service work are dated by the month worked (on_date), so periods add up.
  auto work = c.query_one(
      "SELECT COUNT(DISTINCT person_id), COALESCE(SUM(hours), 0) FROM social_work WHERE centre_id = ? AND "
      "kind = 'community_work' AND on_date >= ? AND on_date <= ?",
      {p.centre, p.f, p.t});
  s.community_work_persons = work->int64(0);
  s.community_work_hours = work->int64(1);
  s.activated_persons =
      one("SELECT COUNT(DISTINCT person_id) FROM social_work WHERE centre_id = ? AND kind IN "
          "('community_work', 'activation') AND on_date >= ? AND on_date <= ?",
          {p.centre, p.f, p.t});
  for (const auto& r : c.query("SELECT subtype, COUNT(DISTINCT person_id) FROM social_work WHERE centre_id = ? AND "
                               "kind = 'activation' AND on_date >= ? AND on_date <= ? GROUP BY subtype",
                               {p.centre, p.f, p.t}))
    s.activation[r.text(0)] = r.int64(1);
  s.referrals =
      one("SELECT COUNT(*) FROM social_work WHERE centre_id = ? AND kind = 'referral' AND on_date >= ? AND "
          "on_date <= ?",
          {p.centre, p.f, p.t});
}

}  // namespace

Result<Statistics> ServicesService::statistics(const Principal& who, std::string_view from_text,
                                               std::string_view to_text) {
  OSTOJA_TRY(from, rules::case_date(from_text, "from"));
  OSTOJA_TRY(to, rules::case_date(to_text, "to"));
  if (to < from) return Error::validation("Koniec okresu nie może być przed początkiem.", "to");
  Statistics s;
  s.from = from.iso();
  s.to = to.iso();
  const Span p{{from, to}, from.iso(), to.iso(), who.centre.value};
  auto conn = db_.acquire();
  auto& c = *conn;
  count_families_by_form(c, p, s);
  // In-kind help: families with a record of each kind of goods in the period.
  for (const auto& r : c.query("SELECT subtype, COUNT(DISTINCT household_id) FROM services WHERE centre_id = ? AND "
                               "kind = 'pomoc_rzeczowa' AND date_from <= ? AND date_to >= ? GROUP BY subtype",
                               {p.centre, p.t, p.f}))
    s.in_kind_families[r.text(0)] = r.int64(1);
  for (const auto& r : delivered_in(c, p, "s.kind, SUM(v.quantity)", " GROUP BY s.kind"))
    s.delivered[r.text(0)] = r.int64(1);
  // Children fed: under 18 on the first day of their meals in the period — in a nursery, kindergarten,
  // school or elsewhere (the report counts children, not places).
  s.meals_children = static_cast<std::int64_t>(persons_served(c, p, "posilek").children.size());
  count_sheltered(c, p, s);
  // Counselling: persons who had a consultation in the period, and the consultations by type.
  s.counselling_persons =
      delivered_in(c, p, "COUNT(DISTINCT s.person_id)", " AND s.kind = 'poradnictwo'").at(0).int64(0);
  for (const auto& r :
       delivered_in(c, p, "s.subtype, SUM(v.quantity)", " AND s.kind = 'poradnictwo' GROUP BY s.subtype"))
    s.consultations[r.text(0)] = r.int64(1);
  count_social_work(c, p, s);
  count_care_homes(c, p, s);
  return s;
}

}  // namespace ostoja::services
