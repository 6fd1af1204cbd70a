#include "modules/organisation/service.h"

#include <algorithm>
#include <map>
#include <set>

#include "audit/audit_log.h"
#include "core/text.h"
#include "rules/identifiers.h"

namespace ostoja::org {

namespace {

void audit_write(storage::Connection& c, const Principal& who, std::int64_t now, std::string action, std::string entity,
                 std::int64_t id) {
  audit::append(c, audit::entry_for(who, now, std::move(action), std::move(entity), id));
}

Status validate_address(const Address& a, bool required) {
  if (required && a.locality.empty()) return Error::validation("Podaj miejscowość adresu.", "address.locality");
  if (!a.postal_code.empty() && !rules::check_postal_code(a.postal_code).valid)
    return Error::validation("Kod pocztowy musi mieć postać NN-NNN.", "address.postal_code");
  return ok();
}

constexpr const char* kUnitCols =
    "id, parent_id, kind, name, short_name, street, building, postal_code, locality, offer";
Unit unit_from(const storage::Row& r) {
  return Unit{r.int64(0), r.opt_int64(1), r.text(2),
              r.text(3),  r.text(4),      Address{r.text(5), r.text(6), r.text(7), r.text(8)},
              r.text(9)};
}

constexpr const char* kSectionCols = "id, unit_id, number, name, street, building, postal_code, locality";
Section section_from(const storage::Row& r) {
  Section s;
  s.id = r.int64(0);
  s.unit_id = r.int64(1);
  s.number = r.int32(2);
  s.name = r.text(3);
  s.address = Address{r.text(4), r.text(5), r.text(6), r.text(7)};
  return s;
}

constexpr const char* kRangeCols = "id, section_id, locality, street, parity, num_from, num_to";
StreetRange range_from(const storage::Row& r) {
  StreetRange s;
  s.id = r.int64(0);
  s.section_id = r.int64(1);
  s.locality = r.text(2);
  s.street = r.text(3);
  s.parity = parse_parity(r.text(4)).value();
  if (auto f = r.opt_int64(5)) s.from = static_cast<int>(*f);
  if (auto t = r.opt_int64(6)) s.to = static_cast<int>(*t);
  return s;
}

std::vector<StreetRange> ranges_of_street(storage::Connection& c, CentreId centre, const std::string& locality_key,
                                          const std::string& street_key) {
  std::vector<StreetRange> out;
  for (const auto& r : c.query(std::string("SELECT ") + kRangeCols +
                                   " FROM street_ranges WHERE centre_id = ? AND locality_key = ? AND street_key = ?",
                               {centre.value, locality_key, street_key}))
    out.push_back(range_from(r));
  return out;
}

std::optional<SectionRef> section_ref(storage::Connection& c, CentreId centre, std::int64_t id) {
  auto r = c.query_one("SELECT id, number, name FROM sections WHERE centre_id = ? AND id = ?", {centre.value, id});
  if (!r) return std::nullopt;
  return SectionRef{r->int64(0), r->int32(1), r->text(2)};
}

std::string describe_numbers(const StreetRange& r) {
  std::string s(polish(r.parity));
  if (r.from && r.to)
    s += " " + std::to_string(*r.from) + "–" + std::to_string(*r.to);
  else if (r.from)
    s += " od " + std::to_string(*r.from);
  else if (r.to)
    s += " do " + std::to_string(*r.to);
  return s;
}

// Inserts a range after checking it does not overlap any other section's range on the same street.
Result<StreetRange> insert_range(storage::Connection& c, const Principal& who, StreetRange r, std::int64_t now) {
  OSTOJA_CHECK(validate(r));
  r.locality = text::trim(r.locality);
  r.street = text::trim(r.street);
  const std::string lk = text::fold(r.locality), sk = text::fold(r.street);
  for (const auto& other : ranges_of_street(c, who.centre, lk, sk)) {
    if (!overlaps(r, other)) continue;
    auto sec = section_ref(c, who.centre, other.section_id);
    std::string where = other.section_id == r.section_id ? "tej samej sekcji"
                                                         : "sekcji nr " + std::to_string(sec ? sec->number : 0) +
                                                               (sec ? " (" + sec->name + ")" : "");
    return Error::conflict(
        "Zakres pokrywa się z zakresem " + describe_numbers(other) + " ulicy " + other.street + " w " + where + ".",
        "from");
  }
  auto row = c.query_one(
      "INSERT INTO street_ranges (centre_id, section_id, locality, street, locality_key, street_key, parity, num_from, "
      "num_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {who.centre.value, r.section_id, r.locality, r.street, lk, sk, to_string(r.parity),
       r.from ? std::optional<std::int64_t>(*r.from) : std::nullopt,
       r.to ? std::optional<std::int64_t>(*r.to) : std::nullopt});
  r.id = row->int64(0);
  audit_write(c, who, now, "create", "street_range", r.id);
  return r;
}

std::vector<std::string> split(std::string_view line, char sep) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char ch = line[i];
    if (ch == '"') {
      if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
        cur.push_back('"');
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (ch == sep && !quoted) {
      out.push_back(text::trim(cur));
      cur.clear();
    } else {
      cur.push_back(ch);
    }
  }
  out.push_back(text::trim(cur));
  return out;
}

Result<std::optional<int>> parse_number(const std::string& s, const char* field) {
  if (s.empty()) return std::optional<int>{};
  if (s.size() > 6 || !std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    return Error::validation("Numer domu musi być liczbą całkowitą.", field);
  return std::optional<int>{std::stoi(s)};
}

}  // namespace

Result<Centre> OrganisationService::create_centre(const Centre& c) {
  if (c.name.empty()) return Error::validation("Podaj nazwę ośrodka.", "name");
  auto teryt = rules::check_teryt_gmina(c.teryt);
  if (!teryt.valid) return Error::validation(teryt.error, "teryt");
  OSTOJA_CHECK(validate_address(c.address, false));
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& cn) -> Result<Centre> {
    auto r = cn.query_one(
        "INSERT INTO centres (name, short_name, teryt, street, building, postal_code, locality, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {c.name, c.short_name, teryt.normalized, c.address.street, c.address.building, c.address.postal_code,
         c.address.locality, clock_.now_ms()});
    Centre out = c;
    out.id = r->int64(0);
    out.teryt = teryt.normalized;
    return out;
  });
}

Result<Centre> OrganisationService::centre(const Principal& who) {
  auto conn = db_.acquire();
  auto r = conn->query_one(
      "SELECT id, name, short_name, teryt, street, building, postal_code, locality, bank_iban, payment_day FROM "
      "centres "
      "WHERE id = ?",
      {who.centre.value});
  if (!r) return Error::not_found("Nie znaleziono ośrodka.");
  return Centre{
      r->int64(0), r->text(1), r->text(2), r->text(3), Address{r->text(4), r->text(5), r->text(6), r->text(7)},
      r->text(8),  r->int32(9)};
}

Result<Centre> OrganisationService::update_centre(const Principal& who, const Centre& c) {
  if (c.name.empty()) return Error::validation("Podaj nazwę ośrodka.", "name");
  auto teryt = rules::check_teryt_gmina(c.teryt);
  if (!teryt.valid) return Error::validation(teryt.error, "teryt");
  OSTOJA_CHECK(validate_address(c.address, false));
  std::string iban;
  if (!c.bank_iban.empty()) {
    auto check = rules::check_iban(c.bank_iban);
    if (!check.valid) return Error::validation(check.error, "bank_iban");
    iban = check.normalized;
  }
  if (c.payment_day < 1 || c.payment_day > 28)
    return Error::validation("Dzień wypłaty świadczeń: od 1 do 28.", "payment_day");
  auto conn = db_.acquire();
  storage::in_transaction(*conn, true, [&](storage::Connection& cn) {
    cn.execute(
        "UPDATE centres SET name = ?, short_name = ?, teryt = ?, street = ?, building = ?, postal_code = ?, locality = "
        "?, "
        "bank_iban = ?, payment_day = ? WHERE id = ?",
        {c.name, c.short_name, teryt.normalized, c.address.street, c.address.building, c.address.postal_code,
         c.address.locality, iban, c.payment_day, who.centre.value});
    audit_write(cn, who, clock_.now_ms(), "update", "centre", who.centre.value);
    return true;
  });
  return centre(who);
}

Result<std::vector<Unit>> OrganisationService::units(const Principal& who) {
  auto conn = db_.acquire();
  std::vector<Unit> out;
  for (const auto& r : conn->query(std::string("SELECT ") + kUnitCols + " FROM units WHERE centre_id = ? ORDER BY id",
                                   {who.centre.value}))
    out.push_back(unit_from(r));
  return out;
}

namespace {
Status validate_unit(storage::Connection& c, CentreId centre, const Unit& u) {
  if (std::find(unit_kinds().begin(), unit_kinds().end(), u.kind) == unit_kinds().end())
    return Error::validation("Rodzaj jednostki: division, department, branch lub specialised.", "kind");
  if (u.name.empty()) return Error::validation("Podaj nazwę jednostki.", "name");
  OSTOJA_CHECK(validate_address(u.address, false));
  if (u.parent_id) {
    if (*u.parent_id == u.id) return Error::validation("Jednostka nie może podlegać sama sobie.", "parent_id");
    if (!c.query_one("SELECT 1 FROM units WHERE centre_id = ? AND id = ?", {centre.value, *u.parent_id}))
      return Error::validation("Nie ma jednostki nadrzędnej o podanym identyfikatorze.", "parent_id");
    // No cycles: walk up from the new parent.
    std::optional<std::int64_t> p = u.parent_id;
    for (int depth = 0; p && depth < 50; ++depth) {
      if (u.id != 0 && *p == u.id) return Error::validation("Taka zmiana utworzyłaby cykl w strukturze.", "parent_id");
      auto r = c.query_one("SELECT parent_id FROM units WHERE centre_id = ? AND id = ?", {centre.value, *p});
      p = r ? r->opt_int64(0) : std::nullopt;
    }
  }
  return ok();
}
}  // namespace

Result<Unit> OrganisationService::create_unit(const Principal& who, Unit u) {
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<Unit> {
    u.id = 0;
    OSTOJA_CHECK(validate_unit(c, who.centre, u));
    auto r = c.query_one(
        "INSERT INTO units (centre_id, parent_id, kind, name, short_name, street, building, postal_code, locality, "
        "offer) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {who.centre.value, u.parent_id, u.kind, u.name, u.short_name, u.address.street, u.address.building,
         u.address.postal_code, u.address.locality, u.offer});
    u.id = r->int64(0);
    audit_write(c, who, clock_.now_ms(), "create", "unit", u.id);
    return u;
  });
}

Result<Unit> OrganisationService::update_unit(const Principal& who, Unit u) {
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<Unit> {
    if (!c.query_one("SELECT 1 FROM units WHERE centre_id = ? AND id = ?", {who.centre.value, u.id}))
      return Error::not_found("Nie znaleziono jednostki.");
    OSTOJA_CHECK(validate_unit(c, who.centre, u));
    c.execute(
        "UPDATE units SET parent_id = ?, kind = ?, name = ?, short_name = ?, street = ?, building = ?, postal_code = "
        "?, "
        "locality = ?, offer = ? WHERE centre_id = ? AND id = ?",
        {u.parent_id, u.kind, u.name, u.short_name, u.address.street, u.address.building, u.address.postal_code,
         u.address.locality, u.offer, who.centre.value, u.id});
    audit_write(c, who, clock_.now_ms(), "update", "unit", u.id);
    return u;
  });
}

Status OrganisationService::delete_unit(const Principal& who, std::int64_t id) {
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    if (!c.query_one("SELECT 1 FROM units WHERE centre_id = ? AND id = ?", {who.centre.value, id}))
      return Error::not_found("Nie znaleziono jednostki.");
    if (c.query_one("SELECT 1 FROM units WHERE centre_id = ? AND parent_id = ?", {who.centre.value, id}))
      return Error::conflict("Jednostka ma jednostki podległe — najpierw je przenieś lub usuń.");
    if (c.query_one("SELECT 1 FROM sections WHERE centre_id = ? AND unit_id = ?", {who.centre.value, id}))
      return Error::conflict("Do jednostki należą sekcje pracy socjalnej — najpierw je przenieś.");
    c.execute("DELETE FROM units WHERE centre_id = ? AND id = ?", {who.centre.value, id});
    audit_write(c, who, clock_.now_ms(), "delete", "unit", id);
    return ok();
  });
}

Result<std::vector<Section>> OrganisationService::sections(const Principal& who) {
  auto conn = db_.acquire();
  std::vector<Section> out;
  std::map<std::int64_t, std::size_t> idx;
  for (const auto& r :
       conn->query(std::string("SELECT ") + kSectionCols + " FROM sections WHERE centre_id = ? ORDER BY number",
                   {who.centre.value})) {
    idx[r.int64(0)] = out.size();
    out.push_back(section_from(r));
  }
  for (const auto& r :
       conn->query("SELECT section_id, COUNT(*) FROM street_ranges WHERE centre_id = ? GROUP BY section_id",
                   {who.centre.value}))
    if (auto it = idx.find(r.int64(0)); it != idx.end()) out[it->second].street_count = r.int32(1);
  for (const auto& r :
       conn->query("SELECT us.section_id, u.id, u.full_name FROM user_sections us JOIN users u ON u.id = us.user_id "
                   "WHERE us.centre_id = ? AND u.disabled = 0 ORDER BY u.full_name",
                   {who.centre.value}))
    if (auto it = idx.find(r.int64(0)); it != idx.end()) out[it->second].staff.push_back({r.int64(1), r.text(2)});
  return out;
}

Result<Section> OrganisationService::section(const Principal& who, std::int64_t id) {
  OSTOJA_TRY(all, sections(who));
  auto it = std::find_if(all.begin(), all.end(), [&](const Section& s) { return s.id == id; });
  if (it == all.end()) return Error::not_found("Nie znaleziono sekcji.");
  auto conn = db_.acquire();
  for (const auto& r :
       conn->query(std::string("SELECT ") + kRangeCols + " FROM street_ranges WHERE centre_id = ? AND section_id = ?",
                   {who.centre.value, id}))
    it->streets.push_back(range_from(r));
  std::sort(it->streets.begin(), it->streets.end(), [](const StreetRange& a, const StreetRange& b) {
    int c = text::compare_polish(a.street, b.street);
    if (c != 0) return c < 0;
    return a.from.value_or(0) < b.from.value_or(0);
  });
  return *it;
}

namespace {
Status validate_section(storage::Connection& c, CentreId centre, const Section& s) {
  if (s.number < 1 || s.number > 9999) return Error::validation("Numer sekcji musi być z zakresu 1–9999.", "number");
  if (s.name.empty()) return Error::validation("Podaj nazwę sekcji.", "name");
  OSTOJA_CHECK(validate_address(s.address, false));
  if (!c.query_one("SELECT 1 FROM units WHERE centre_id = ? AND id = ?", {centre.value, s.unit_id}))
    return Error::validation("Nie ma jednostki (filii) o podanym identyfikatorze.", "unit_id");
  if (auto r = c.query_one("SELECT id FROM sections WHERE centre_id = ? AND number = ?", {centre.value, s.number});
      r && r->int64(0) != s.id)
    return Error::conflict("Sekcja o numerze " + std::to_string(s.number) + " już istnieje.", "number");
  return ok();
}
}  // namespace

Result<Section> OrganisationService::create_section(const Principal& who, Section s) {
  auto conn = db_.acquire();
  auto id = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<std::int64_t> {
    s.id = 0;
    OSTOJA_CHECK(validate_section(c, who.centre, s));
    auto r = c.query_one(
        "INSERT INTO sections (centre_id, unit_id, number, name, street, building, postal_code, locality) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {who.centre.value, s.unit_id, s.number, s.name, s.address.street, s.address.building, s.address.postal_code,
         s.address.locality});
    audit_write(c, who, clock_.now_ms(), "create", "section", r->int64(0));
    return r->int64(0);
  });
  if (!id.ok()) return id.error();
  return section(who, *id);
}

Result<Section> OrganisationService::update_section(const Principal& who, Section s) {
  auto conn = db_.acquire();
  auto st = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    if (!c.query_one("SELECT 1 FROM sections WHERE centre_id = ? AND id = ?", {who.centre.value, s.id}))
      return Error::not_found("Nie znaleziono sekcji.");
    OSTOJA_CHECK(validate_section(c, who.centre, s));
    c.execute(
        "UPDATE sections SET unit_id = ?, number = ?, name = ?, street = ?, building = ?, postal_code = ?, locality = "
        "? "
        "WHERE centre_id = ? AND id = ?",
        {s.unit_id, s.number, s.name, s.address.street, s.address.building, s.address.postal_code, s.address.locality,
         who.centre.value, s.id});
    audit_write(c, who, clock_.now_ms(), "update", "section", s.id);
    return ok();
  });
  if (!st.ok()) return st.error();
  return section(who, s.id);
}

Result<StreetRange> OrganisationService::add_street(const Principal& who, StreetRange r) {
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<StreetRange> {
    if (!section_ref(c, who.centre, r.section_id)) return Error::not_found("Nie znaleziono sekcji.");
    return insert_range(c, who, r, clock_.now_ms());
  });
}

Status OrganisationService::delete_street(const Principal& who, std::int64_t id) {
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    if (c.execute("DELETE FROM street_ranges WHERE centre_id = ? AND id = ?", {who.centre.value, id}) == 0)
      return Error::not_found("Nie znaleziono zakresu ulicy.");
    audit_write(c, who, clock_.now_ms(), "delete", "street_range", id);
    return ok();
  });
}

Result<int> OrganisationService::import_streets(const Principal& who, std::int64_t section_id, std::string_view csv,
                                                std::vector<ImportRowError>& errors) {
  if (!text::valid_utf8(csv)) return Error::validation("Plik CSV nie jest poprawnym tekstem UTF-8.");
  if (csv.starts_with("\xEF\xBB\xBF")) csv.remove_prefix(3);  // BOM written by spreadsheets
  std::vector<StreetRange> rows;
  std::vector<int> row_numbers;
  int line_no = 0;
  bool header_seen = false;
  while (!csv.empty()) {
    auto nl = csv.find('\n');
    std::string line = text::trim(csv.substr(0, nl));
    csv.remove_prefix(nl == std::string_view::npos ? csv.size() : nl + 1);
    if (line.empty()) continue;
    if (!header_seen) {
      header_seen = true;
      auto cols = split(line, ';');
      if (cols.size() < 2 || text::fold(cols[0]) != "miejscowosc")
        return Error::validation("Pierwszy wiersz musi być nagłówkiem: miejscowosc;ulica;parzystosc;od;do.");
      continue;
    }
    ++line_no;
    if (line_no > 20000) return Error::validation("Za dużo wierszy (maks. 20000).");
    auto cols = split(line, ';');
    cols.resize(5);
    StreetRange r;
    r.section_id = section_id;
    r.locality = cols[0];
    r.street = cols[1];
    auto parity = parse_parity(cols[2]);
    if (!parity.ok()) {
      errors.push_back({line_no, "parzystosc", parity.error().message});
      continue;
    }
    r.parity = *parity;
    auto from = parse_number(cols[3], "od");
    auto to = parse_number(cols[4], "do");
    if (!from.ok()) errors.push_back({line_no, "od", from.error().message});
    if (!to.ok()) errors.push_back({line_no, "do", to.error().message});
    if (!from.ok() || !to.ok()) continue;
    r.from = *from;
    r.to = *to;
    if (auto st = validate(r); !st.ok()) {
      static const std::map<std::string, std::string> col{
          {"locality", "miejscowosc"}, {"street", "ulica"}, {"from", "od"}, {"to", "do"}};
      errors.push_back(
          {line_no, col.count(st.error().field) ? col.at(st.error().field) : st.error().field, st.error().message});
      continue;
    }
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (overlaps(rows[i], r))
        errors.push_back(
            {line_no, "od", "Zakres pokrywa się z wierszem " + std::to_string(row_numbers[i]) + " pliku."});
    rows.push_back(r);
    row_numbers.push_back(line_no);
  }
  if (!header_seen) return Error::validation("Plik CSV jest pusty.");
  if (!errors.empty()) return Error::validation("Plik zawiera błędy — nie zaimportowano żadnego wiersza.");
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<int> {
    if (!section_ref(c, who.centre, section_id)) return Error::not_found("Nie znaleziono sekcji.");
    const std::int64_t now = clock_.now_ms();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto ins = insert_range(c, who, rows[i], now);
      if (!ins.ok()) {
        errors.push_back({row_numbers[i], ins.error().field == "from" ? "od" : ins.error().field, ins.error().message});
      }
    }
    if (!errors.empty()) return Error::validation("Plik zawiera błędy — nie zaimportowano żadnego wiersza.");
    return static_cast<int>(rows.size());
  });
}

Result<SectionRef> OrganisationService::resolve_in(storage::Connection& c, CentreId centre, std::string_view locality,
                                                   std::string_view street, std::string_view number) {
  if (text::trim(locality).empty()) return Error::validation("Podaj miejscowość.", "locality");
  if (text::trim(street).empty()) return Error::validation("Podaj ulicę.", "street");
  auto n = house_number(number);
  if (!n) return Error::validation("Podaj numer domu (np. 12, 12a, 12/3).", "number");
  auto ranges = ranges_of_street(c, centre, text::fold(text::trim(locality)), text::fold(text::trim(street)));
  if (ranges.empty())
    return Error::not_found("Adres poza terytorium: ulica „" + std::string(street) + "” w miejscowości „" +
                            std::string(locality) + "” nie jest przypisana do żadnej sekcji.");
  std::vector<std::int64_t> hits;
  for (const auto& r : ranges)
    if (covers(r, *n) && std::find(hits.begin(), hits.end(), r.section_id) == hits.end()) hits.push_back(r.section_id);
  if (hits.empty())
    return Error::not_found("Adres poza terytorium: numer " + std::to_string(*n) + " ulicy „" + std::string(street) +
                            "” nie należy do żadnej sekcji (luka w podziale ulicy).");
  if (hits.size() > 1) {
    std::string list;
    for (auto h : hits) {
      auto s = section_ref(c, centre, h);
      list += (list.empty() ? "" : ", ") + std::string("nr ") + std::to_string(s ? s->number : 0);
    }
    return Error::conflict("Adres należy do więcej niż jednej sekcji (" + list + ") — popraw podział terytorium.");
  }
  return *section_ref(c, centre, hits.front());
}

Result<SectionRef> OrganisationService::resolve(const Principal& who, std::string_view locality,
                                                std::string_view street, std::string_view number) {
  auto conn = db_.acquire();
  return resolve_in(*conn, who.centre, locality, street, number);
}

Result<TerritoryReport> OrganisationService::check(const Principal& who) {
  auto conn = db_.acquire();
  std::map<std::pair<std::string, std::string>, std::vector<StreetRange>> streets;
  for (const auto& r : conn->query(std::string("SELECT ") + kRangeCols +
                                       ", locality_key, street_key FROM street_ranges "
                                       "WHERE centre_id = ?",
                                   {who.centre.value}))
    streets[{r.text(7), r.text(8)}].push_back(range_from(r));
  std::map<std::int64_t, SectionRef> refs;
  for (const auto& r : conn->query("SELECT id, number, name FROM sections WHERE centre_id = ?", {who.centre.value}))
    refs.emplace(r.int64(0), SectionRef{r.int64(0), r.int32(1), r.text(2)});
  TerritoryReport rep;
  for (const auto& [key, list] : streets) {
    for (std::size_t i = 0; i < list.size(); ++i)
      for (std::size_t j = i + 1; j < list.size(); ++j)
        if (overlaps(list[i], list[j]))
          rep.overlaps.push_back({list[i].locality,
                                  list[i].street,
                                  {refs[list[i].section_id], refs[list[j].section_id]},
                                  describe_numbers(list[i]) + " / " + describe_numbers(list[j])});
    std::string numbers;
    for (const auto& g : gaps(list)) numbers += (numbers.empty() ? "" : ", ") + g;
    if (!numbers.empty()) rep.gaps.push_back({list.front().locality, list.front().street, {}, numbers});
  }
  auto sort_issues = [](std::vector<TerritoryIssue>& v) {
    std::sort(v.begin(), v.end(), [](const TerritoryIssue& a, const TerritoryIssue& b) {
      return text::compare_polish(a.street, b.street) < 0;
    });
  };
  sort_issues(rep.overlaps);
  sort_issues(rep.gaps);
  rep.households_unresolved =
      conn->query_one("SELECT COUNT(*) FROM households WHERE centre_id = ? AND section_id IS NULL", {who.centre.value})
          ->int64(0);
  return rep;
}

std::vector<std::pair<std::int64_t, std::string>> OrganisationService::section_names(CentreId centre) {
  auto conn = db_.acquire();
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const auto& r : conn->query("SELECT id, name FROM sections WHERE centre_id = ?", {centre.value}))
    out.emplace_back(r.int64(0), r.text(1));
  return out;
}

}  // namespace ostoja::org
