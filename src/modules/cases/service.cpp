#include "modules/cases/service.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/text.h"
#include "modules/organisation/service.h"
#include "modules/organisation/territory.h"
#include "rules/identifiers.h"
#include "rules/procedure.h"

namespace ostoja::cases {

namespace {

const Error kOutOfScope{ErrorCode::forbidden,
                        "To środowisko nie należy do Twojej sekcji ani nie jest Ci przydzielone. W sytuacji nagłej "
                        "możesz uzyskać dostęp awaryjny z podaniem powodu (zostanie odnotowany).",
                        ""};

constexpr const char* kPersonCols =
    "p.id, p.pesel, p.document_type, p.document_number, p.first_name, p.last_name, p.birth_date, p.sex, p.citizenship, "
    "p.phone, p.health_note, p.addiction_note, p.violence_note, p.email, p.registered_address, p.education, "
    "p.employment, p.labour_office, p.disability, p.household_id, p.actual_address";
constexpr std::size_t kPersonColCount = 21;

Person person_from(const storage::Row& r, std::size_t o, bool restricted) {
  Person p;
  p.id = r.int64(o);
  p.pesel = r.opt_text(o + 1);
  p.document_type = r.text(o + 2);
  p.document_number = r.text(o + 3);
  p.first_name = r.text(o + 4);
  p.last_name = r.text(o + 5);
  p.birth_date = r.text(o + 6);
  p.sex = r.text(o + 7);
  p.citizenship = r.text(o + 8);
  p.phone = r.text(o + 9);
  p.email = r.text(o + 13);
  p.registered_address = r.text(o + 14);
  p.education = r.text(o + 15);
  p.employment = r.text(o + 16);
  p.labour_office = r.text(o + 17);
  p.disability = r.text(o + 18);
  p.household_id = r.opt_int64(o + 19);
  p.actual_address = r.text(o + 20);
  if (restricted) {
    p.health_note = r.text(o + 10);
    p.addiction_note = r.text(o + 11);
    p.violence_note = r.text(o + 12);
  } else {
    p.restricted_hidden = !r.text(o + 10).empty() || !r.text(o + 11).empty() || !r.text(o + 12).empty();
  }
  return p;
}

std::vector<std::string> split_categories(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto comma = s.find(',', start);
    auto part = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!part.empty()) out.push_back(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

constexpr const char* kHouseholdCols =
    "h.id, h.section_id, h.worker_id, h.locality, h.street, h.building, h.flat, h.postal_code, h.family_type, "
    "h.restricted";
constexpr std::size_t kHouseholdColCount = 10;

// A household's own columns (kHouseholdCols), without its section's and worker's names and members.
Household household_from(const storage::Row& r) {
  Household h;
  h.id = r.int64(0);
  h.section_id = r.opt_int64(1);
  h.worker_id = r.opt_int64(2);
  h.locality = r.text(3);
  h.street = r.text(4);
  h.building = r.text(5);
  h.flat = r.text(6);
  h.postal_code = r.text(7);
  h.family_type = r.text(8);
  h.restricted_categories = split_categories(r.text(9));
  return h;
}

// A read made possible only by break-the-glass says so in its audit entry, so the inspector's
// filter `purpose` (and the exported log) shows every such read next to the grant and its reason.
constexpr std::string_view kBreakGlassMark = "[dostęp awaryjny] ";
std::string read_purpose(std::string_view purpose, bool via_break_glass) {
  return via_break_glass ? std::string(kBreakGlassMark) + std::string(purpose) : std::string(purpose);
}

audit::Entry read_entry(const Principal& who, std::int64_t now, std::string entity, std::int64_t entity_id,
                        std::int64_t person_id, std::string_view purpose) {
  return audit::entry_for(who, now, "read", std::move(entity), entity_id, person_id, std::string(purpose));
}

// The current members of a household, in the order the persons were registered.
std::vector<Member> current_members(storage::Connection& c, CentreId centre, std::int64_t household, bool restricted) {
  std::vector<Member> out;
  for (const auto& m : c.query(std::string("SELECT m.relation, m.since, ") + kPersonCols +
                                   " FROM household_members m JOIN persons p ON p.id = m.person_id "
                                   "WHERE m.centre_id = ? AND m.household_id = ? AND m.until IS NULL ORDER BY p.id",
                               {centre.value, household}))
    out.push_back(Member{person_from(m, 2, restricted), m.text(0), m.text(1)});
  return out;
}

// One audit entry per member whose data is returned or changed (RODO art. 15: "who saw my data"), or
// one without a person for a household with no current members.
std::vector<audit::Entry> household_entries(const Principal& who, std::int64_t now, std::string_view action,
                                            std::int64_t household, const std::vector<std::int64_t>& persons,
                                            std::string_view purpose) {
  std::vector<audit::Entry> out;
  for (auto pid : persons)
    out.push_back(audit::entry_for(who, now, std::string(action), "household", household, pid, std::string(purpose)));
  if (out.empty())
    out.push_back(
        audit::entry_for(who, now, std::string(action), "household", household, std::nullopt, std::string(purpose)));
  return out;
}

std::vector<std::int64_t> person_ids(const std::vector<Member>& members) {
  std::vector<std::int64_t> out;
  for (const auto& m : members) out.push_back(m.person.id);
  return out;
}

// Record scoping as index-friendly parts whose results are merged: rows of households in the user's
// sections, rows of households assigned to the user, and — for persons (`unhoused`) — persons in no
// household yet. `alias` names the table carrying the mirrored section_id and worker_id.
// scope_all: one part, the whole centre.
struct ScopePart {
  std::string where;
  storage::Params params;
};
std::vector<ScopePart> scope_parts(const Principal& who, const std::string& alias, bool unhoused) {
  if (who.can("cases.scope_all")) return {ScopePart{"", {}}};
  std::vector<ScopePart> parts;
  for (auto section : who.sections) parts.push_back({" AND " + alias + ".section_id = ?", {section.value}});
  if (unhoused) parts.push_back({" AND " + alias + ".section_id IS NULL", {}});
  parts.push_back({" AND " + alias + ".worker_id = ?", {who.user.value}});
  return parts;
}

// Polish order straight from an index on a collation key: one bounded range [lower, upper) of the key
// (hex) per spelling of the folded prefix ("lab" or "łab" → lab, ląb, łab, łąb — ranges at the primary
// level). Empty when the prefix has more than 16 spellings (a long prefix typed without Polish letters).
std::vector<std::pair<std::string, std::string>> spelling_ranges(const std::string& folded_prefix) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& spelling : text::polish_spellings(folded_prefix, 16)) {
    auto [lower, upper] = text::collation_prefix_range(spelling);
    out.emplace_back(text::hex(lower), text::hex(upper));
  }
  return out;
}

}  // namespace

CaseService::Access CaseService::access_to(storage::Connection& c, const Principal& who, std::int64_t household_id,
                                           std::optional<std::int64_t> section, std::optional<std::int64_t> worker) {
  if (who.can("cases.scope_all")) return Access::scope;
  if (section && who.in_section(SectionId{*section})) return Access::scope;
  if (worker && *worker == who.user.value) return Access::scope;
  if (c.query_one("SELECT 1 FROM break_glass WHERE user_id = ? AND entity = 'household' AND entity_id = ? AND "
                  "expires_at > ? AND centre_id = ?",
                  {who.user.value, household_id, clock_.now_ms(), who.centre.value}))
    return Access::break_glass;
  return Access::denied;
}

Result<CaseService::HouseholdRef> CaseService::household_in_scope(storage::Connection& c, const Principal& who,
                                                                  std::int64_t household_id) {
  auto r = c.query_one("SELECT section_id, worker_id FROM households WHERE centre_id = ? AND id = ?",
                       {who.centre.value, household_id});
  if (!r) return Error::not_found("Nie znaleziono środowiska.");
  HouseholdRef ref{household_id, r->opt_int64(0), r->opt_int64(1), false};
  auto access = access_to(c, who, household_id, ref.section_id, ref.worker_id);
  if (access == Access::denied) return kOutOfScope;
  ref.via_break_glass = access == Access::break_glass;
  return ref;
}

Result<Audited<Household>> CaseService::household(const Principal& who, std::int64_t id, std::string_view purpose) {
  Household h;
  {
    auto conn = db_.acquire();
    auto r = conn->query_one(std::string("SELECT ") + kHouseholdCols +
                                 ", COALESCE(s.name, ''), COALESCE(u.full_name, '') FROM households h "
                                 "LEFT JOIN sections s ON s.id = h.section_id LEFT JOIN users u ON u.id = h.worker_id "
                                 "WHERE h.centre_id = ? AND h.id = ?",
                             {who.centre.value, id});
    if (!r) return Error::not_found("Nie znaleziono środowiska.");
    h = household_from(*r);
    auto access = access_to(*conn, who, id, h.section_id, h.worker_id);
    if (access == Access::denied) return kOutOfScope;
    h.via_break_glass = access == Access::break_glass;
    h.section_name = r->text(kHouseholdColCount);
    h.worker_name = r->text(kHouseholdColCount + 1);
    h.members = current_members(*conn, who.centre, id, who.restricted_access);
  }
  auto entries = household_entries(who, clock_.now_ms(), "read", id, person_ids(h.members),
                                   read_purpose(purpose, h.via_break_glass));
  return Audited<Household>{std::move(h), std::move(entries)};
}

Result<Audited<Person>> CaseService::person(const Principal& who, std::int64_t id, std::string_view purpose) {
  Person p;
  bool via_break_glass = false;
  {
    auto conn = db_.acquire();
    static const std::string by_id =
        std::string("SELECT ") + kPersonCols + " FROM persons p WHERE p.centre_id = ? AND p.id = ?";
    auto r = conn->query_one(by_id, {who.centre.value, id});
    if (!r) return Error::not_found("Nie znaleziono osoby.");
    bool allowed = who.can("cases.scope_all"), ever_housed = false, only_break_glass = false;
    if (!allowed)
      for (const auto& h : conn->query("SELECT h.id, h.section_id, h.worker_id FROM household_members m JOIN "
                                       "households h ON h.id = m.household_id "
                                       "WHERE m.centre_id = ? AND m.person_id = ?",
                                       {who.centre.value, id})) {
        ever_housed = true;
        auto access = access_to(*conn, who, h.int64(0), h.opt_int64(1), h.opt_int64(2));
        if (access == Access::scope) only_break_glass = false;
        if (access == Access::break_glass && !allowed) only_break_glass = true;
        if (access != Access::denied) allowed = true;
      }
    via_break_glass = only_break_glass;
    // A person registered but in no household yet is in everyone's scope, as in search_persons (the
    // worker who registers them adds them to a household next).
    if (!allowed && ever_housed) return kOutOfScope;
    p = person_from(*r, 0, who.restricted_access);
  }
  return Audited<Person>{std::move(p),
                         {read_entry(who, clock_.now_ms(), "person", id, id, read_purpose(purpose, via_break_glass))}};
}

// Checks a new person's identity data and fills birth date and sex from the PESEL.
Status validate_person(NewPerson& p) {
  p.first_name = text::trim(p.first_name);
  p.last_name = text::trim(p.last_name);
  if (p.first_name.empty() || p.first_name.size() > 100)
    return Error::validation("Podaj imię (do 100 znaków).", "first_name");
  if (p.last_name.empty() || p.last_name.size() > 100)
    return Error::validation("Podaj nazwisko (do 100 znaków).", "last_name");
  if (p.citizenship.size() != 2)
    return Error::validation("Obywatelstwo: dwuliterowy kod kraju (np. PL, UA).", "citizenship");
  if (p.pesel && !p.pesel->empty()) {
    auto check = rules::check_pesel(*p.pesel);
    if (!check.valid) return Error::validation(check.error, "pesel");
    if (p.birth_date && *p.birth_date != check.birth_date->iso())
      return Error::validation("Data urodzenia nie zgadza się z numerem PESEL (" + check.birth_date->polish() + ").",
                               "birth_date");
    if (p.sex && *p.sex != std::string(1, check.sex))
      return Error::validation("Płeć nie zgadza się z numerem PESEL.", "sex");
    p.pesel = check.normalized;
    p.birth_date = check.birth_date->iso();
    p.sex = std::string(1, check.sex);
    return ok();
  }
  p.pesel.reset();
  // Without PESEL (e.g. foreigners): identified by a document, birth date and sex given explicitly.
  if (text::trim(p.document_type).empty() || text::trim(p.document_number).empty())
    return Error::validation("Podaj PESEL albo rodzaj i numer dokumentu tożsamości.", "pesel");
  if (!p.birth_date || !Date::parse(*p.birth_date))
    return Error::validation("Podaj datę urodzenia (RRRR-MM-DD).", "birth_date");
  if (!p.sex || (*p.sex != "K" && *p.sex != "M")) return Error::validation("Podaj płeć: K lub M.", "sex");
  return ok();
}

namespace {

// Upper bound for a prefix range on byte-ordered keys: U+10FFFF sorts after every valid character.
std::string prefix_end(const std::string& prefix) {
  return prefix + "\xf4\x8f\xbf\xbf";
}

// A likely duplicate (issue 4 §1: "same name and birth date, similar spelling"): born the same day, with
// the folded surname and the folded first name each at most one character edit apart — Kowalski/Kowalsky,
// Nowak/Nowack, Anna/Ana; folding already makes case and Polish letters equal (Łabędzka/labedzka).
bool spelt_alike(const std::string& first_key, const std::string& last_key, const std::string& other_first,
                 const std::string& other_last) {
  return text::edit_distance(last_key, other_last) <= 1 && text::edit_distance(first_key, other_first) <= 1;
}

constexpr std::size_t kMaxDuplicatesShown = 20;

// Persons not merged away, born that day, with names spelt alike: those in the user's scope (as
// search_persons scopes) by name, each read audited; the others only counted. The persons of the centre
// born that day are read from persons(centre_id, birth_date) (migration 0021) and compared here: edit
// distance has no index, and one day's births in a centre are a few dozen rows.
void find_duplicates(storage::Connection& c, const Principal& who, std::int64_t now, const std::string& first_key,
                     const std::string& last_key, const std::string& birth_date, Audited<Duplicates>& out) {
  const std::string from = " FROM persons p WHERE p.centre_id = ? AND p.birth_date = ? AND p.merged_into IS NULL";
  const storage::Params params{who.centre.value, birth_date};
  auto& shown = out.value.shown;
  for (const auto& part : scope_parts(who, "p", true)) {
    storage::Params all = params;
    all.insert(all.end(), part.params.begin(), part.params.end());
    for (const auto& r :
         c.query("SELECT p.id, p.first_name, p.last_name, p.birth_date, p.first_name_key, p.last_name_key" + from +
                     part.where + " ORDER BY p.id",
                 all)) {
      const std::int64_t id = r.int64(0);
      if (shown.size() < kMaxDuplicatesShown && spelt_alike(first_key, last_key, r.text(4), r.text(5)) &&
          std::none_of(shown.begin(), shown.end(), [&](const DuplicateCandidate& d) { return d.id == id; }))
        shown.push_back({id, r.text(1), r.text(2), r.text(3)});
    }
  }
  std::sort(shown.begin(), shown.end(),
            [](const DuplicateCandidate& a, const DuplicateCandidate& b) { return a.id < b.id; });
  std::int64_t all = 0;
  for (const auto& r : c.query("SELECT p.first_name_key, p.last_name_key" + from, params))
    all += spelt_alike(first_key, last_key, r.text(0), r.text(1));
  out.value.outside_scope = static_cast<int>(std::max<std::int64_t>(0, all - static_cast<std::int64_t>(shown.size())));
  for (const auto& d : shown)
    out.audit.push_back(read_entry(who, now, "person", d.id, d.id, "ostrzeżenie o możliwym duplikacie"));
}

}  // namespace

Result<Audited<Person>> CaseService::create_person(const Principal& who, NewPerson np,
                                                   Audited<Duplicates>& duplicates) {
  OSTOJA_CHECK(validate_person(np));
  np.document_type = text::trim(np.document_type);
  np.document_number = text::trim(np.document_number);
  const std::string first_key = text::fold(np.first_name), last_key = text::fold(np.last_name);
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  auto id = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<std::int64_t> {
    if (np.pesel &&
        c.query_one("SELECT 1 FROM persons WHERE centre_id = ? AND pesel = ?", {who.centre.value, *np.pesel}))
      return Error::conflict("Osoba o numerze PESEL " + *np.pesel + " jest już zarejestrowana w ośrodku.", "pesel");
    // Without PESEL the document identifies the person (as in the import): the same document twice is
    // the same person, not a likely duplicate to confirm.
    if (!np.pesel &&
        c.query_one("SELECT 1 FROM persons WHERE centre_id = ? AND document_number = ? AND document_type = ? "
                    "AND merged_into IS NULL",
                    {who.centre.value, np.document_number, np.document_type}))
      return Error::conflict("Osoba z dokumentem „" + np.document_type + "” nr " + np.document_number +
                                 " jest już zarejestrowana w ośrodku. Wyszukaj ją zamiast rejestrować ponownie.",
                             "document_number");
    if (!np.allow_duplicate) {
      find_duplicates(c, who, now, first_key, last_key, *np.birth_date, duplicates);
      const bool shown = !duplicates.value.shown.empty(), hidden = duplicates.value.outside_scope > 0;
      if (shown || hidden) {
        std::string msg =
            "Prawdopodobnie ta osoba jest już zarejestrowana (ta sama data urodzenia, imię i nazwisko takie same lub o "
            "podobnej pisowni). ";
        if (!hidden)
          msg += "Sprawdź listę; ";
        else if (!shown)
          msg += "Należy do środowiska spoza Twojego zakresu — wyjaśnij to z sekcją, która je prowadzi; ";
        else
          msg += "Sprawdź listę (część takich osób należy do środowisk spoza Twojego zakresu i nie jest pokazana); ";
        return Error::conflict(msg + "jeśli to inna osoba, potwierdź dodanie.", "allow_duplicate");
      }
    }
    auto r = c.query_one(
        "INSERT INTO persons (centre_id, pesel, document_type, document_number, first_name, last_name, first_name_key, "
        "last_name_key, name_sort, birth_date, sex, citizenship, phone, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {who.centre.value, np.pesel, np.document_type, np.document_number, np.first_name, np.last_name, first_key,
         last_key, text::hex(text::collation_key(np.last_name + " " + np.first_name)), *np.birth_date, *np.sex,
         np.citizenship, np.phone, now});
    audit::Entry e = read_entry(who, now, "person", r->int64(0), r->int64(0), "");
    e.action = "create";
    audit::append(c, e);
    return r->int64(0);
  });
  if (!id.ok()) return id.error();
  Person p;
  p.id = *id;
  p.pesel = np.pesel;
  p.document_type = np.document_type;
  p.document_number = np.document_number;
  p.first_name = np.first_name;
  p.last_name = np.last_name;
  p.birth_date = *np.birth_date;
  p.sex = *np.sex;
  p.citizenship = np.citizenship;
  p.phone = np.phone;
  return Audited<Person>{std::move(p), {}};  // the creation is audited in its transaction
}

Result<Audited<std::vector<Person>>> CaseService::search_persons(const Principal& who, std::string_view pesel,
                                                                 std::string_view q, int limit) {
  if (limit < 1 || limit > 200) return Error::validation("Limit wyników: od 1 do 200.", "limit");
  // Record scoping: persons of households in the user's sections (persons.section_id), persons in no
  // household yet, and persons of households assigned to the user (persons.worker_id).
  const auto scope = scope_parts(who, "p", true);
  const std::string select = std::string("SELECT ") + kPersonCols +
                             ", p.name_sort FROM persons p WHERE p.centre_id = ? "
                             "AND p.merged_into IS NULL";
  std::vector<std::pair<std::string, Person>> found;  // (collation key, person)
  auto conn = db_.acquire();
  auto run = [&](const std::string& where, const storage::Params& params) {
    for (const auto& part : scope) {
      storage::Params all{who.centre.value};
      all.insert(all.end(), params.begin(), params.end());
      all.insert(all.end(), part.params.begin(), part.params.end());
      all.emplace_back(std::int64_t{limit});
      for (const auto& r : conn->query(select + where + part.where + " ORDER BY p.name_sort LIMIT ?", all))
        found.emplace_back(r.text(kPersonColCount), person_from(r, 0, false));  // never restricted categories
    }
  };
  if (!pesel.empty()) {
    const std::string pesel_text = text::trim(pesel);
    if (pesel_text.size() != 11 || pesel_text.find_first_not_of("0123456789") != std::string::npos)
      return Error::validation("PESEL to 11 cyfr.", "pesel");
    run(" AND p.pesel = ?", {pesel_text});
  } else {
    const std::string folded = text::fold(text::trim(q));
    auto space = folded.find(' ');
    const std::string last_key = folded.substr(0, space);
    const std::string first_key = space == std::string::npos ? "" : text::trim(folded.substr(space + 1));
    if (last_key.size() < 2) return Error::validation("Podaj co najmniej 2 pierwsze litery nazwiska albo PESEL.", "q");
    std::string first_where;
    storage::Params first_params;
    if (!first_key.empty()) {
      first_where = " AND p.first_name_key >= ? AND p.first_name_key < ?";
      first_params = {first_key, prefix_end(first_key)};
    }
    // Polish order straight from the index on (centre_id, section_id, name_sort): one bounded range per
    // spelling of the folded prefix ("lab" or "łab" → lab, ląb, łab, łąb — ranges of the collation key
    // at the primary level) and scope part, each read in order with LIMIT, then merged. Too many
    // spellings (a long prefix typed without Polish letters) → the folded-key range, sorted; a long
    // prefix matches few persons.
    // (The collation range alone selects the prefix; the folded-key condition is not repeated there so
    // that the planner reads the name_sort index in order.)
    auto ranges = spelling_ranges(last_key);
    if (ranges.empty()) {
      storage::Params params{last_key, prefix_end(last_key)};
      params.insert(params.end(), first_params.begin(), first_params.end());
      run(" AND p.last_name_key >= ? AND p.last_name_key < ?" + first_where, params);
    } else {
      for (const auto& [lower, upper] : ranges) {
        storage::Params ranged{lower, upper};
        ranged.insert(ranged.end(), first_params.begin(), first_params.end());
        run(" AND p.name_sort >= ? AND p.name_sort < ?" + first_where, ranged);
      }
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.id < b.second.id;
  });
  found.erase(
      std::unique(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second.id == b.second.id; }),
      found.end());
  if (found.size() > static_cast<std::size_t>(limit)) found.resize(static_cast<std::size_t>(limit));
  Audited<std::vector<Person>> out;
  const std::int64_t now = clock_.now_ms();
  for (auto& [key, p] : found) {
    auto e = read_entry(who, now, "person", p.id, p.id, "wyszukiwanie");
    e.action = "search";
    out.audit.push_back(std::move(e));
    out.value.push_back(std::move(p));
  }
  return out;
}

namespace {
const std::vector<std::string_view> kFamilyTypes{"single",       "couple",     "with_children", "single_parent",
                                                 "large_family", "pensioners", "other"};
const std::vector<std::string_view> kRelations{"head",   "spouse",  "partner",    "child",
                                               "parent", "sibling", "grandchild", "other"};
bool one_of(const std::vector<std::string_view>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}
}  // namespace

bool is_family_type(std::string_view v) {
  return one_of(kFamilyTypes, v);
}
bool is_relation(std::string_view v) {
  return one_of(kRelations, v);
}

void sync_person_scope(storage::Connection& c, CentreId centre, std::int64_t person_id) {
  auto h = c.query_one(
      "SELECT h.section_id, h.worker_id, h.id FROM household_members m JOIN households h ON h.id = m.household_id "
      "WHERE m.centre_id = ? AND m.person_id = ? AND m.until IS NULL LIMIT 1",
      {centre.value, person_id});
  c.execute("UPDATE persons SET section_id = ?, worker_id = ?, household_id = ? WHERE centre_id = ? AND id = ?",
            {h ? h->opt_int64(0) : std::nullopt, h ? h->opt_int64(1) : std::nullopt,
             h ? std::optional<std::int64_t>(h->int64(2)) : std::nullopt, centre.value, person_id});
}

namespace {

// "12a" → "000012a": the leading number zero-padded to 6 digits (house numbers have at most 6, see
// org::house_number), then the rest folded without spaces — byte order is then numeric order
// ("2" < "12" < "12-14" < "12a" < "13"); no number → "000000", first. A household's house_sort is
// building and flat so, joined by a space, which sorts before any character left in them.
std::string numbered(std::string_view s) {
  std::string f = text::fold(text::trim(s));
  f.erase(std::remove(f.begin(), f.end(), ' '), f.end());
  std::size_t digits = 0;
  while (digits < f.size() && f[digits] >= '0' && f[digits] <= '9') ++digits;
  std::size_t zeros = 0;
  while (zeros < digits && f[zeros] == '0') ++zeros;
  std::string number = f.substr(zeros, digits - zeros);
  if (number.size() < 6) number.insert(0, 6 - number.size(), '0');
  return number + f.substr(digits);
}

Status validate_address(HouseholdAddress& a) {
  for (auto* part : {&a.locality, &a.street, &a.building, &a.flat, &a.postal_code}) *part = text::trim(*part);
  if (a.locality.empty()) return Error::validation("Podaj miejscowość.", "address.locality");
  if (a.street.empty()) return Error::validation("Podaj ulicę.", "address.street");
  if (a.building.empty()) return Error::validation("Podaj numer domu.", "address.building");
  if (!a.postal_code.empty() && !rules::check_postal_code(a.postal_code).valid)
    return Error::validation("Kod pocztowy musi mieć postać NN-NNN.", "address.postal_code");
  return ok();
}

// Every household belongs to exactly one section: the territory resolver's reason is the user's error,
// at the address field it concerns (an address outside the territory or in two sections: "address").
Result<org::SectionRef> resolve_section(storage::Connection& c, CentreId centre, const HouseholdAddress& a) {
  auto section = org::OrganisationService::resolve_in(c, centre, a.locality, a.street, a.building);
  if (section.ok()) return section;
  const std::string& f = section.error().field;
  return Error::validation(section.error().message, f == "locality" ? "address.locality"
                                                    : f == "street" ? "address.street"
                                                    : f == "number" ? "address.building"
                                                                    : "address");
}

Status check_worker(storage::Connection& c, CentreId centre, std::int64_t worker) {
  if (!c.query_one("SELECT 1 FROM users WHERE centre_id = ? AND id = ? AND disabled = 0", {centre.value, worker}))
    return Error::validation("Nie ma takiego aktywnego pracownika.", "worker_id");
  return ok();
}

}  // namespace

AddressKeys address_keys(std::string_view locality, std::string_view street, std::string_view building,
                         std::string_view flat) {
  return {text::fold(text::trim(street)), text::hex(text::collation_key(text::trim(street))),
          text::fold(text::trim(locality)), numbered(building) + " " + numbered(flat)};
}

void fill_address_keys(storage::Connection& c) {
  struct Row {
    std::int64_t id;
    AddressKeys keys;
  };
  // In batches by id, so that a million households never sit in memory at once.
  for (std::int64_t after = 0;;) {
    std::vector<Row> rows;
    for (const auto& r : c.query("SELECT id, locality, street, building, flat FROM households WHERE id > ? ORDER BY id "
                                 "LIMIT 5000",
                                 {after}))
      rows.push_back({r.int64(0), address_keys(r.text(1), r.text(2), r.text(3), r.text(4))});
    if (rows.empty()) return;
    for (const auto& r : rows)
      c.execute("UPDATE households SET street_key = ?, street_sort = ?, locality_key = ?, house_sort = ? WHERE id = ?",
                {r.keys.street_key, r.keys.street_sort, r.keys.locality_key, r.keys.house_sort, r.id});
    after = rows.back().id;
  }
}

storage::MigrationSteps migration_steps() {
  return {{16, fill_address_keys}};
}

Result<CreatedHousehold> CaseService::create_household(const Principal& who, NewHousehold h) {
  if (!one_of(kFamilyTypes, h.family_type))
    return Error::validation(
        "Typ rodziny: single, couple, with_children, single_parent, large_family, pensioners, other.", "family_type");
  OSTOJA_CHECK(validate_address(h.address));
  if (h.members.empty() || h.members.size() > 30)
    return Error::validation("Podaj od 1 do 30 członków gospodarstwa.", "members");
  int heads = 0;
  std::vector<std::int64_t> seen;
  for (const auto& m : h.members) {
    if (!one_of(kRelations, m.relation))
      return Error::validation("Pokrewieństwo: head, spouse, partner, child, parent, sibling, grandchild, other.",
                               "members");
    if (std::find(seen.begin(), seen.end(), m.person_id) != seen.end())
      return Error::validation("Ta sama osoba podana dwa razy.", "members");
    seen.push_back(m.person_id);
    heads += m.relation == "head";
  }
  if (heads != 1)
    return Error::validation("Gospodarstwo musi mieć dokładnie jedną osobę w roli głowy (head).", "members");
  const std::int64_t now = clock_.now_ms();
  const std::string today = clock_.today().iso();  // membership starts on the Warsaw calendar date
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<CreatedHousehold> {
    OSTOJA_TRY(section, resolve_section(c, who.centre, h.address));
    if (h.worker_id) OSTOJA_CHECK(check_worker(c, who.centre, *h.worker_id));
    for (const auto& m : h.members) {
      if (!c.query_one("SELECT 1 FROM persons WHERE centre_id = ? AND id = ?", {who.centre.value, m.person_id}))
        return Error::validation("Nie ma osoby o identyfikatorze " + std::to_string(m.person_id) + ".", "members");
      if (c.query_one("SELECT 1 FROM household_members WHERE centre_id = ? AND person_id = ? AND until IS NULL",
                      {who.centre.value, m.person_id}))
        return Error::conflict("Osoba " + std::to_string(m.person_id) +
                                   " należy już do innego gospodarstwa — najpierw zakończ tamto członkostwo.",
                               "members");
    }
    const HouseholdAddress& a = h.address;
    const AddressKeys keys = address_keys(a.locality, a.street, a.building, a.flat);
    auto r = c.query_one(
        "INSERT INTO households (centre_id, section_id, worker_id, locality, street, building, flat, postal_code, "
        "street_key, street_sort, locality_key, house_sort, family_type, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {who.centre.value, section.id, h.worker_id, a.locality, a.street, a.building, a.flat, a.postal_code,
         keys.street_key, keys.street_sort, keys.locality_key, keys.house_sort, h.family_type, now});
    const std::int64_t id = r->int64(0);
    for (const auto& m : h.members) {
      c.execute(
          "INSERT INTO household_members (centre_id, household_id, person_id, relation, since) VALUES (?, ?, ?, ?, ?)",
          {who.centre.value, id, m.person_id, m.relation, today});
      sync_person_scope(c, who.centre, m.person_id);
      audit::append(c, audit::entry_for(who, now, "create", "household", id, m.person_id));
    }
    return CreatedHousehold{id, section.id, section.number, section.name};
  });
}

Result<Audited<std::vector<Household>>> CaseService::search_households(const Principal& who, AddressQuery q) {
  if (q.limit < 1 || q.limit > 200) return Error::validation("Limit wyników: od 1 do 200.", "limit");
  // The street's type ("ul.") is not part of its name (TERYT ULIC keeps it apart); other types (al.,
  // pl., os.) may be, so only "ul." is dropped.
  std::string street = text::fold(text::trim(q.street));
  for (std::string_view type : {"ul.", "ul "})
    if (street.starts_with(type)) street = text::trim(street.substr(type.size()));
  if (street.size() < 2) return Error::validation("Podaj co najmniej 2 pierwsze litery nazwy ulicy.", "street");
  const std::string house = text::trim(q.house), flat = text::trim(q.flat),
                    locality = text::fold(text::trim(q.locality));
  if (!house.empty() && !org::house_number(house))
    return Error::validation("Numer domu zaczyna się od liczby, np. 12 albo 12a.", "house");
  if (!flat.empty() && house.empty()) return Error::validation("Numer lokalu podaj razem z numerem domu.", "flat");

  // Conditions on the index entries after the street range (never a seek on their own): the locality,
  // and the house (and flat) as a range of house_sort. Written as ranges even for one value: SQLite
  // drops an ORDER BY term fixed by "=" and would then sort the rest of each street's entries.
  std::string filter;
  storage::Params filter_params;
  if (!locality.empty()) {
    filter += " AND h.locality_key >= ? AND h.locality_key <= ?";
    filter_params.insert(filter_params.end(), {locality, locality});
  }
  if (!flat.empty()) {
    filter += " AND h.house_sort >= ? AND h.house_sort <= ?";
    const std::string exact = numbered(house) + " " + numbered(flat);
    filter_params.insert(filter_params.end(), {std::string(exact), std::string(exact)});  // owned: exact is local
  } else if (!house.empty()) {
    // "12" → every building numbered 12 (12, 12a, 12/3); "12a" → that building only.
    const std::string prefix =
        numbered(house) + (house.find_first_not_of("0123456789") == std::string::npos ? "" : " ");
    filter += " AND h.house_sort >= ? AND h.house_sort < ?";
    filter_params.insert(filter_params.end(), {std::string(prefix), prefix_end(prefix)});  // owned: prefix is local
  }
  // One range of street_sort per spelling of the prefix, as in search_persons. A prefix with too many
  // spellings is shortened until it has at most 16 (two letters have at most 9), and the whole folded
  // prefix is then checked on the rows of those ranges.
  std::string spelled = street;
  auto ranges = spelling_ranges(spelled);
  while (ranges.empty() && spelled.size() > 2) {
    while (!spelled.empty() && (static_cast<unsigned char>(spelled.back()) & 0xC0) == 0x80) spelled.pop_back();
    spelled.pop_back();  // the lead byte of the last character
    ranges = spelling_ranges(spelled);
  }
  if (spelled != street) {
    filter += " AND h.street_key >= ? AND h.street_key < ?";
    filter_params.insert(filter_params.end(), {street, prefix_end(street)});
  }

  struct Found {
    std::tuple<std::string, std::string, std::string, std::int64_t> order;  // street, locality, house, id
    Household h;
  };
  std::vector<Found> found;
  auto conn = db_.acquire();
  for (const auto& [lower, upper] : ranges)
    for (const auto& part : scope_parts(who, "h", false)) {
      storage::Params params{who.centre.value, lower, upper};
      params.insert(params.end(), filter_params.begin(), filter_params.end());
      params.insert(params.end(), part.params.begin(), part.params.end());
      params.emplace_back(std::int64_t{q.limit});
      for (const auto& r :
           conn->query(std::string("SELECT ") + kHouseholdCols +
                           ", h.street_sort, h.locality_key, h.house_sort FROM households h "
                           "WHERE h.centre_id = ? AND h.street_sort >= ? AND h.street_sort < ?" +
                           filter + part.where + " ORDER BY h.street_sort, h.locality_key, h.house_sort, h.id LIMIT ?",
                       params)) {
        const std::size_t o = kHouseholdColCount;
        Household h = household_from(r);
        found.push_back({{r.text(o), r.text(o + 1), r.text(o + 2), h.id}, std::move(h)});
      }
    }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.order < b.order; });
  found.erase(std::unique(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.h.id == b.h.id; }),
              found.end());
  if (found.size() > static_cast<std::size_t>(q.limit)) found.resize(static_cast<std::size_t>(q.limit));

  Audited<std::vector<Household>> out;
  const std::int64_t now = clock_.now_ms();
  std::map<std::int64_t, std::string> section_names, worker_names;
  if (!found.empty()) {
    for (const auto& r : conn->query("SELECT id, name FROM sections WHERE centre_id = ?", {who.centre.value}))
      section_names[r.int64(0)] = r.text(1);
  }
  for (auto& f : found) {
    Household& h = f.h;
    h.members = current_members(*conn, who.centre, h.id, false);  // search results never carry restricted notes
    if (h.section_id) h.section_name = section_names[*h.section_id];
    if (h.worker_id) {
      if (!worker_names.contains(*h.worker_id)) {
        auto u = conn->query_one("SELECT full_name FROM users WHERE centre_id = ? AND id = ?",
                                 {who.centre.value, *h.worker_id});
        worker_names[*h.worker_id] = u ? u->text(0) : "";
      }
      h.worker_name = worker_names[*h.worker_id];
    }
    auto entries = household_entries(who, now, "search", h.id, person_ids(h.members), "wyszukiwanie po adresie");
    out.audit.insert(out.audit.end(), entries.begin(), entries.end());
    out.value.push_back(std::move(h));
  }
  return out;
}

Result<UpdatedHousehold> CaseService::update_household(const Principal& who, std::int64_t id, HouseholdChanges ch) {
  if (!ch.family_type && !ch.address && !ch.worker_id)
    return Error::validation("Podaj, co zmienić: typ rodziny, adres albo pracownika socjalnego.", "");
  if (ch.family_type && !one_of(kFamilyTypes, *ch.family_type))
    return Error::validation(
        "Typ rodziny: single, couple, with_children, single_parent, large_family, pensioners, other.", "family_type");
  if (ch.address) OSTOJA_CHECK(validate_address(*ch.address));
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<UpdatedHousehold> {
    OSTOJA_CHECK(household_in_scope(c, who, id));
    auto cur = c.query_one(
        "SELECT locality, street, building, flat, postal_code, family_type, section_id, worker_id "
        "FROM households WHERE centre_id = ? AND id = ?" +
            std::string(c.lock_clause()),
        {who.centre.value, id});
    UpdatedHousehold out;
    out.id = id;
    out.address = {cur->text(0), cur->text(1), cur->text(2), cur->text(3), cur->text(4)};
    out.family_type = cur->text(5);
    const std::optional<std::int64_t> old_section = cur->opt_int64(6), old_worker = cur->opt_int64(7);
    out.worker_id = old_worker;
    std::optional<org::SectionRef> section;
    std::vector<std::string> changed;  // for the audit entries
    if (ch.family_type && *ch.family_type != out.family_type) {
      changed.push_back("typ rodziny " + out.family_type + " → " + *ch.family_type);
      out.family_type = *ch.family_type;
    }
    if (ch.address) {
      const HouseholdAddress& a = *ch.address;
      const HouseholdAddress& o = out.address;
      if (a.locality != o.locality || a.street != o.street || a.building != o.building || a.flat != o.flat ||
          a.postal_code != o.postal_code) {
        OSTOJA_TRY(resolved, resolve_section(c, who.centre, a));
        section = resolved;
        changed.push_back(old_section == resolved.id ? "adres" : "adres, sekcja nr " + std::to_string(resolved.number));
        out.address = a;
      }
    }
    if (ch.worker_id && *ch.worker_id != old_worker) {
      if (*ch.worker_id) OSTOJA_CHECK(check_worker(c, who.centre, **ch.worker_id));
      changed.push_back(*ch.worker_id ? "pracownik " + std::to_string(**ch.worker_id)
                                      : "bez przydzielonego pracownika");
      out.worker_id = *ch.worker_id;
    }
    const std::optional<std::int64_t> new_section = section ? std::optional<std::int64_t>(section->id) : old_section;
    if (!changed.empty()) {
      const HouseholdAddress& a = out.address;
      const AddressKeys keys = address_keys(a.locality, a.street, a.building, a.flat);
      c.execute(
          "UPDATE households SET family_type = ?, locality = ?, street = ?, building = ?, flat = ?, postal_code = ?, "
          "street_key = ?, street_sort = ?, locality_key = ?, house_sort = ?, section_id = ?, worker_id = ? "
          "WHERE centre_id = ? AND id = ?",
          {out.family_type, a.locality, a.street, a.building, a.flat, a.postal_code, keys.street_key, keys.street_sort,
           keys.locality_key, keys.house_sort, new_section, out.worker_id, who.centre.value, id});
      std::vector<std::int64_t> members;
      for (const auto& m :
           c.query("SELECT person_id FROM household_members WHERE centre_id = ? AND household_id = ? AND "
                   "until IS NULL ORDER BY person_id",
                   {who.centre.value, id}))
        members.push_back(m.int64(0));
      for (auto pid : members) sync_person_scope(c, who.centre, pid);  // the keys of scoped search follow
      std::string what;
      for (const auto& part : changed) what += (what.empty() ? "zmiana: " : "; ") + part;
      for (auto& e : household_entries(who, now, "update", id, members, what)) audit::append(c, e);
    }
    if (new_section) {
      auto s = c.query_one("SELECT number, name FROM sections WHERE centre_id = ? AND id = ?",
                           {who.centre.value, *new_section});
      out.section_id = *new_section;
      out.section_number = s ? s->int32(0) : 0;
      out.section_name = s ? s->text(1) : "";
    }
    out.in_scope = access_to(c, who, id, new_section, out.worker_id) != Access::denied;
    return out;
  });
}

Result<CaseService::BreakGlass> CaseService::break_glass(const Principal& who, std::string_view entity,
                                                         std::int64_t entity_id, std::string_view reason) {
  if (entity != "household") return Error::validation("Dostęp awaryjny dotyczy środowiska (household).", "entity");
  std::string why = text::trim(reason);
  if (why.size() < 10) return Error::validation("Podaj powód dostępu awaryjnego (co najmniej 10 znaków).", "reason");
  if (why.size() > 1000) return Error::validation("Powód jest za długi (maks. 1000 znaków).", "reason");
  const std::int64_t now = clock_.now_ms();
  const std::int64_t expires = now + 60LL * 60 * 1000;
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<BreakGlass> {
    if (!c.query_one("SELECT 1 FROM households WHERE centre_id = ? AND id = ?", {who.centre.value, entity_id}))
      return Error::not_found("Nie znaleziono środowiska.");
    auto r = c.query_one(
        "INSERT INTO break_glass (centre_id, user_id, entity, entity_id, reason, granted_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {who.centre.value, who.user.value, entity, entity_id, why, now, expires});
    audit::Entry e = read_entry(who, now, "household", entity_id, 0, why);
    e.action = "break_glass";
    e.person_id.reset();
    audit::append(c, e);
    return BreakGlass{r->int64(0), expires};
  });
}

namespace {

Status one_of_field(const std::optional<std::string>& v, std::initializer_list<std::string_view> allowed,
                    const char* field) {
  if (!v || v->empty()) return ok();
  for (auto a : allowed)
    if (*v == a) return ok();
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  return Error::validation(std::string("Dozwolone wartości: ") + list + ".", field);
}

// The restricted categories of a household: those noted for any current member.
void refresh_restricted(storage::Connection& c, CentreId centre, std::int64_t household) {
  auto r = c.query_one(
      "SELECT MAX(CASE WHEN p.violence_note <> '' THEN 1 ELSE 0 END), MAX(CASE WHEN p.health_note <> '' THEN 1 ELSE 0 "
      "END), "
      "MAX(CASE WHEN p.addiction_note <> '' THEN 1 ELSE 0 END) FROM household_members m JOIN persons p ON p.id = "
      "m.person_id "
      "WHERE m.centre_id = ? AND m.household_id = ? AND m.until IS NULL",
      {centre.value, household});
  std::string cats;
  const char* names[] = {"violence", "health", "addiction"};
  for (std::size_t i = 0; i < 3; ++i)
    if (r && !r->null(i) && r->int64(i)) cats += (cats.empty() ? "" : ",") + std::string(names[i]);
  c.execute("UPDATE households SET restricted = ? WHERE centre_id = ? AND id = ?", {cats, centre.value, household});
}

}  // namespace

Result<Audited<Person>> CaseService::update_person(const Principal& who, std::int64_t id, PersonChanges ch) {
  const bool restricted_change = ch.health_note || ch.addiction_note || ch.violence_note;
  if (restricted_change && !who.restricted_access)
    return Error::forbidden(
        "Zmiana danych szczególnie chronionych (zdrowie, uzależnienia, przemoc) wymaga uprawnienia "
        "do kategorii szczególnie chronionych.");
  OSTOJA_CHECK(one_of_field(ch.education, {"none", "primary", "lower_secondary", "vocational", "secondary", "higher"},
                            "education"));
  OSTOJA_CHECK(
      one_of_field(ch.employment,
                   {"employed", "self_employed", "unemployed", "pensioner", "disability_pensioner", "student", "other"},
                   "employment"));
  OSTOJA_CHECK(one_of_field(
      ch.labour_office, {"registered_with_benefit", "registered_without_benefit", "not_registered"}, "labour_office"));
  OSTOJA_CHECK(one_of_field(ch.disability, {"none", "light", "moderate", "severe", "child_certificate"}, "disability"));
  for (auto* name : {&ch.first_name, &ch.last_name})
    if (*name && (text::trim(**name).empty() || (*name)->size() > 100))
      return Error::validation("Imię i nazwisko: od 1 do 100 znaków.",
                               name == &ch.first_name ? "first_name" : "last_name");
  if (ch.citizenship && ch.citizenship->size() != 2)
    return Error::validation("Obywatelstwo: dwuliterowy kod kraju (np. PL, UA).", "citizenship");
  if (ch.email && !ch.email->empty() && ch.email->find('@') == std::string::npos)
    return Error::validation("Adres e-mail musi zawierać @.", "email");
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  auto done = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    auto cur = c.query_one(std::string("SELECT ") + kPersonCols +
                               " FROM persons p WHERE p.centre_id = ? AND p.id = ? AND "
                               "p.merged_into IS NULL",
                           {who.centre.value, id});
    if (!cur) return Error::not_found("Nie znaleziono osoby.");
    bool allowed = who.can("cases.scope_all");
    std::vector<std::int64_t> households;
    for (const auto& h : c.query("SELECT h.id, h.section_id, h.worker_id FROM household_members m JOIN households h ON "
                                 "h.id = m.household_id WHERE m.centre_id = ? AND m.person_id = ? AND m.until IS NULL",
                                 {who.centre.value, id})) {
      households.push_back(h.int64(0));
      if (access_to(c, who, h.int64(0), h.opt_int64(1), h.opt_int64(2)) != Access::denied) allowed = true;
    }
    if (!allowed && !households.empty()) return kOutOfScope;
    Person p = person_from(*cur, 0, true);
    auto set = [](std::string& field, const std::optional<std::string>& v) {
      if (v) field = text::trim(*v);
    };
    set(p.first_name, ch.first_name);
    set(p.last_name, ch.last_name);
    set(p.citizenship, ch.citizenship);
    set(p.phone, ch.phone);
    set(p.email, ch.email);
    set(p.registered_address, ch.registered_address);
    set(p.actual_address, ch.actual_address);
    set(p.education, ch.education);
    set(p.employment, ch.employment);
    set(p.labour_office, ch.labour_office);
    set(p.disability, ch.disability);
    if (ch.health_note) p.health_note = text::trim(*ch.health_note);
    if (ch.addiction_note) p.addiction_note = text::trim(*ch.addiction_note);
    if (ch.violence_note) p.violence_note = text::trim(*ch.violence_note);
    c.execute(
        "UPDATE persons SET first_name = ?, last_name = ?, first_name_key = ?, last_name_key = ?, name_sort = ?, "
        "citizenship = ?, phone = ?, email = ?, registered_address = ?, actual_address = ?, education = ?, employment "
        "= ?, "
        "labour_office = ?, disability = ?, health_note = ?, addiction_note = ?, violence_note = ? WHERE centre_id = ? "
        "AND "
        "id = ?",
        {p.first_name, p.last_name, text::fold(p.first_name), text::fold(p.last_name),
         text::hex(text::collation_key(p.last_name + " " + p.first_name)), p.citizenship, p.phone, p.email,
         p.registered_address, p.actual_address, p.education, p.employment, p.labour_office, p.disability,
         *p.health_note, *p.addiction_note, *p.violence_note, who.centre.value, id});
    audit::append(
        c, audit::entry_for(who, now, "update", "person", id, id, restricted_change ? "kategorie szczególne" : ""));
    if (restricted_change)
      for (auto h : households) refresh_restricted(c, who.centre, h);
    return ok();
  });
  if (!done.ok()) return done.error();
  return person(who, id, "po zmianie danych");
}

Status CaseService::add_member(const Principal& who, std::int64_t household_id, std::int64_t person_id,
                               std::string relation, std::string_view since_text) {
  if (!is_relation(relation) || relation == "head")
    return Error::validation(
        "Pokrewieństwo nowego członka: spouse, partner, child, parent, sibling, grandchild, other.", "relation");
  OSTOJA_TRY(since, rules::case_date(since_text, "since", clock_.today()));
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    OSTOJA_CHECK(household_in_scope(c, who, household_id));
    if (!c.query_one("SELECT 1 FROM persons WHERE centre_id = ? AND id = ? AND merged_into IS NULL",
                     {who.centre.value, person_id}))
      return Error::validation("Nie ma takiej osoby.", "person_id");
    if (c.query_one("SELECT 1 FROM household_members WHERE centre_id = ? AND person_id = ? AND until IS NULL",
                    {who.centre.value, person_id}))
      return Error::conflict("Osoba należy już do gospodarstwa — najpierw zakończ tamto członkostwo.", "person_id");
    if (c.query_one("SELECT 1 FROM household_members WHERE household_id = ? AND person_id = ? AND since = ?",
                    {household_id, person_id, since.iso()}))
      return Error::conflict("To członkostwo od tego dnia jest już zapisane.", "since");
    c.execute(
        "INSERT INTO household_members (centre_id, household_id, person_id, relation, since) VALUES (?, ?, ?, ?, ?)",
        {who.centre.value, household_id, person_id, relation, since.iso()});
    sync_person_scope(c, who.centre, person_id);
    audit::append(c, audit::entry_for(who, now, "update", "household", household_id, person_id, "nowy członek"));
    refresh_restricted(c, who.centre, household_id);
    return ok();
  });
}

Status CaseService::end_member(const Principal& who, std::int64_t household_id, std::int64_t person_id,
                               std::string_view until_text, std::string_view reason) {
  OSTOJA_TRY(until, rules::case_date(until_text, "until", clock_.today()));
  const std::string why = text::trim(reason);
  if (why.empty() || why.size() > 500)
    return Error::validation("Podaj powód (np. wyprowadzka, zgon; do 500 znaków).", "reason");
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    OSTOJA_CHECK(household_in_scope(c, who, household_id));
    auto m = c.query_one(
        "SELECT relation, since FROM household_members WHERE centre_id = ? AND household_id = ? AND "
        "person_id = ? AND until IS NULL",
        {who.centre.value, household_id, person_id});
    if (!m) return Error::not_found("Ta osoba nie jest obecnie członkiem gospodarstwa.");
    if (until.iso() < m->text(1)) return Error::validation("Koniec członkostwa przed jego początkiem.", "until");
    if (m->text(0) == "head" &&
        c.query_one("SELECT COUNT(*) FROM household_members WHERE centre_id = ? AND household_id = ? AND until IS NULL",
                    {who.centre.value, household_id})
                ->int64(0) > 1)
      return Error::conflict("Najpierw wskaż nową głowę gospodarstwa albo zakończ członkostwo pozostałych osób.",
                             "person_id");
    c.execute(
        "UPDATE household_members SET until = ?, end_reason = ? WHERE centre_id = ? AND household_id = ? AND "
        "person_id = ? AND until IS NULL",
        {until.iso(), why, who.centre.value, household_id, person_id});
    sync_person_scope(c, who.centre, person_id);
    audit::append(c, audit::entry_for(who, now, "update", "household", household_id, person_id, "koniec członkostwa"));
    refresh_restricted(c, who.centre, household_id);
    return ok();
  });
}

Result<Audited<std::vector<Membership>>> CaseService::history(const Principal& who, std::int64_t household_id) {
  auto conn = db_.acquire();
  OSTOJA_CHECK(household_in_scope(*conn, who, household_id));
  Audited<std::vector<Membership>> out;
  const std::int64_t now = clock_.now_ms();
  for (const auto& r : conn->query(
           "SELECT m.person_id, p.first_name || ' ' || p.last_name, m.relation, m.since, m.until, m.end_reason "
           "FROM household_members m JOIN persons p ON p.id = m.person_id WHERE m.centre_id = ? AND m.household_id = ? "
           "ORDER BY m.since, m.person_id",
           {who.centre.value, household_id})) {
    out.value.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.opt_text(4), r.text(5)});
    out.audit.push_back(read_entry(who, now, "household", household_id, r.int64(0), "historia składu"));
  }
  return out;
}

Result<Audited<Person>> CaseService::merge_persons(const Principal& who, std::int64_t keep, std::int64_t duplicate) {
  if (keep == duplicate) return Error::validation("Wskaż dwie różne osoby.", "duplicate_id");
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  auto done = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    for (auto id : {keep, duplicate}) {
      auto p = c.query_one("SELECT merged_into FROM persons WHERE centre_id = ? AND id = ?", {who.centre.value, id});
      if (!p) return Error::not_found("Nie znaleziono osoby " + std::to_string(id) + ".");
      if (!p->null(0)) return Error::conflict("Osoba " + std::to_string(id) + " została już scalona.", "duplicate_id");
      if (!who.can("cases.scope_all"))
        for (const auto& h :
             c.query("SELECT household_id FROM household_members WHERE centre_id = ? AND person_id = ? AND "
                     "until IS NULL",
                     {who.centre.value, id}))
          OSTOJA_CHECK(household_in_scope(c, who, h.int64(0)));
    }
    auto keep_home = c.query_one(
        "SELECT household_id FROM household_members WHERE centre_id = ? AND person_id = ? AND "
        "until IS NULL",
        {who.centre.value, keep});
    auto dup_home = c.query_one(
        "SELECT household_id FROM household_members WHERE centre_id = ? AND person_id = ? AND "
        "until IS NULL",
        {who.centre.value, duplicate});
    if (keep_home && dup_home && keep_home->int64(0) != dup_home->int64(0))
      return Error::conflict("Obie osoby należą do różnych gospodarstw — najpierw zakończ jedno z członkostw.",
                             "duplicate_id");
    if (keep_home && dup_home)  // the same household twice: the duplicate's membership ends
      c.execute(
          "UPDATE household_members SET until = ?, end_reason = 'scalenie duplikatu' WHERE centre_id = ? AND "
          "person_id = ? AND until IS NULL",
          {clock_.today().iso(), who.centre.value, duplicate});
    const storage::Params ids{keep, who.centre.value, duplicate};
    c.execute("UPDATE household_members SET person_id = ? WHERE centre_id = ? AND person_id = ? AND until IS NULL",
              ids);
    for (const char* sql : {"UPDATE applications SET applicant_id = ? WHERE centre_id = ? AND applicant_id = ?",
                            "UPDATE decisions SET person_id = ? WHERE centre_id = ? AND person_id = ?",
                            "UPDATE payments SET person_id = ? WHERE centre_id = ? AND person_id = ?",
                            "UPDATE income_items SET person_id = ? WHERE centre_id = ? AND person_id = ?",
                            "UPDATE services SET person_id = ? WHERE centre_id = ? AND person_id = ?",
                            "UPDATE social_work SET person_id = ? WHERE centre_id = ? AND person_id = ?"})
      c.execute(sql, ids);
    // The surviving record keeps its PESEL, or takes the duplicate's when it had none.
    auto pesels = c.query_one(
        "SELECT (SELECT pesel FROM persons WHERE id = ?), (SELECT pesel FROM persons WHERE id = ?)", {keep, duplicate});
    c.execute("UPDATE persons SET merged_into = ?, pesel = NULL WHERE centre_id = ? AND id = ?", ids);
    if (pesels->null(0) && !pesels->null(1))
      c.execute("UPDATE persons SET pesel = ? WHERE centre_id = ? AND id = ?",
                {pesels->text(1), who.centre.value, keep});
    sync_person_scope(c, who.centre, keep);
    sync_person_scope(c, who.centre, duplicate);
    audit::append(c, audit::entry_for(who, now, "merge", "person", duplicate, duplicate,
                                      "scalono z osobą " + std::to_string(keep)));
    audit::append(c, audit::entry_for(who, now, "merge", "person", keep, keep,
                                      "przejęto dane osoby " + std::to_string(duplicate)));
    return ok();
  });
  if (!done.ok()) return done.error();
  return person(who, keep, "scalenie");
}

}  // namespace ostoja::cases
