#include "modules/cases/import.h"

#include <algorithm>
#include <map>
#include <set>

#include "audit/audit_log.h"
#include "core/csv.h"
#include "core/text.h"
#include "modules/cases/service.h"
#include "modules/organisation/service.h"
#include "rules/identifiers.h"

namespace ostoja::cases {

namespace {

struct Row {
  int line{0};
  std::string household_key, relation;
  NewPerson person;
  std::string locality, street, building, flat, postal_code, family_type;
};

struct Group {
  std::string key;
  std::vector<Row> rows;
  bool valid{true};
  std::int64_t section_id{0};
};

}  // namespace

const std::vector<std::string>& import_columns() {
  static const std::vector<std::string> cols{
      "household_key", "relation",   "pesel", "document_type", "document_number", "first_name",
      "last_name",     "birth_date", "sex",   "citizenship",   "phone",           "locality",
      "street",        "building",   "flat",  "postal_code",   "family_type"};
  return cols;
}

Result<ImportReport> import_persons_households(storage::Database& db, const Clock& clock, const Principal& who,
                                               std::string_view csv_text, const ImportOptions& opt) {
  OSTOJA_TRY(records, csv::parse(csv_text, csv::detect_separator(csv_text)));
  if (records.empty()) return Error::validation("Plik jest pusty.", "file");
  if (text::trim(opt.source).empty() || opt.source.size() > 50)
    return Error::validation("Podaj nazwę źródła danych (do 50 znaków).", "source");
  // Header → column index.
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < records[0].fields.size(); ++i) at[text::fold(text::trim(records[0].fields[i]))] = i;
  for (const char* required :
       {"household_key", "relation", "first_name", "last_name", "locality", "street", "building", "family_type"})
    if (!at.count(required))
      return Error::validation(std::string("Brak kolumny „") + required + "” w nagłówku (docs/import.md).", "file");
  ImportReport report;
  report.rows = records.size() - 1;
  auto cell = [&](const csv::Record& r, const char* name) -> std::string {
    auto it = at.find(name);
    if (it == at.end() || it->second >= r.fields.size()) return {};
    return text::trim(r.fields[it->second]);
  };
  auto fail = [&](int line, std::string column, std::string message) {
    report.errors.push_back({line, std::move(column), std::move(message)});
    return false;
  };

  // 1. Rows, each validated on its own.
  std::map<std::string, Group> groups;
  std::vector<std::string> order;
  std::map<std::string, int> pesel_line;
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& rec = records[i];
    Row row;
    row.line = rec.line;
    row.household_key = cell(rec, "household_key");
    row.relation = cell(rec, "relation");
    NewPerson& p = row.person;
    if (auto v = cell(rec, "pesel"); !v.empty()) p.pesel = v;
    p.document_type = cell(rec, "document_type");
    p.document_number = cell(rec, "document_number");
    p.first_name = cell(rec, "first_name");
    p.last_name = cell(rec, "last_name");
    if (auto v = cell(rec, "birth_date"); !v.empty()) p.birth_date = v;
    if (auto v = cell(rec, "sex"); !v.empty()) p.sex = v;
    if (auto v = cell(rec, "citizenship"); !v.empty()) p.citizenship = v;
    p.phone = cell(rec, "phone");
    row.locality = cell(rec, "locality");
    row.street = cell(rec, "street");
    row.building = cell(rec, "building");
    row.flat = cell(rec, "flat");
    row.postal_code = cell(rec, "postal_code");
    row.family_type = cell(rec, "family_type");
    bool ok_row = true;
    if (row.household_key.empty()) ok_row = fail(row.line, "household_key", "Podaj klucz gospodarstwa.");
    if (!is_relation(row.relation))
      ok_row = fail(row.line, "relation",
                    "Pokrewieństwo: head, spouse, partner, child, parent, sibling, grandchild, other.");
    if (auto st = validate_person(p); !st.ok()) ok_row = fail(row.line, st.error().field, st.error().message);
    if (p.pesel) {
      auto [it, inserted] = pesel_line.emplace(*p.pesel, row.line);
      if (!inserted)
        ok_row = fail(row.line, "pesel", "Ten PESEL występuje już w wierszu " + std::to_string(it->second) + ".");
    }
    if (row.relation == "head") {
      if (!is_family_type(row.family_type))
        ok_row = fail(row.line, "family_type",
                      "Typ rodziny: single, couple, with_children, single_parent, large_family, pensioners, other.");
      if (row.building.empty()) ok_row = fail(row.line, "building", "Podaj numer domu.");
      if (!row.postal_code.empty() && !rules::check_postal_code(row.postal_code).valid)
        ok_row = fail(row.line, "postal_code", "Kod pocztowy musi mieć postać NN-NNN.");
    }
    auto [g, fresh] = groups.try_emplace(row.household_key);
    if (fresh) {
      g->second.key = row.household_key;
      order.push_back(row.household_key);
    }
    if (!ok_row) g->second.valid = false;
    g->second.rows.push_back(std::move(row));
  }

  // 2. Households: one head, address in a section, persons not housed elsewhere.
  {
    auto conn = db.acquire();
    for (const auto& key : order) {
      Group& g = groups[key];
      auto heads = std::count_if(g.rows.begin(), g.rows.end(), [](const Row& r) { return r.relation == "head"; });
      if (heads != 1) {
        fail(g.rows.front().line, "relation", "Gospodarstwo „" + key + "” musi mieć dokładnie jedną osobę head.");
        g.valid = false;
        continue;
      }
      const Row& head = *std::find_if(g.rows.begin(), g.rows.end(), [](const Row& r) { return r.relation == "head"; });
      if (conn->query_one(
              "SELECT 1 FROM import_keys WHERE centre_id = ? AND source = ? AND entity = 'household' AND key = ?",
              {who.centre.value, opt.source, key}))
        continue;  // imported before: nothing to validate against the address again
      auto section = org::OrganisationService::resolve_in(*conn, who.centre, head.locality, head.street, head.building);
      if (!section.ok()) {
        fail(head.line, "street", section.error().message);
        g.valid = false;
        continue;
      }
      g.section_id = section->id;
      for (const Row& r : g.rows) {
        if (!r.person.pesel) continue;
        auto housed = conn->query_one(
            "SELECT m.household_id FROM persons p JOIN household_members m ON m.person_id = p.id AND m.until IS NULL "
            "WHERE p.centre_id = ? AND p.pesel = ?",
            {who.centre.value, *r.person.pesel});
        if (housed) {
          fail(r.line, "pesel",
               "Osoba należy już do gospodarstwa nr " + std::to_string(housed->int64(0)) + " w ośrodku.");
          g.valid = false;
        }
      }
    }
  }
  std::sort(report.errors.begin(), report.errors.end(),
            [](const ImportError& a, const ImportError& b) { return a.row < b.row; });
  for (const auto& key : order)
    if (!groups[key].valid) ++report.households_rejected;
  if (!report.errors.empty() && !opt.partial) return report;  // all or nothing: nothing written

  // 3. Write: one transaction (all-or-nothing) or one per batch of households (partial).
  const std::int64_t now = clock.now_ms();
  const std::string today = clock.today().iso();
  auto conn = db.acquire();
  auto write_group = [&](storage::Connection& c, Group& g) {
    if (c.query_one("SELECT 1 FROM import_keys WHERE centre_id = ? AND source = ? AND entity = 'household' AND key = ?",
                    {who.centre.value, opt.source, g.key})) {
      ++report.households_existing;
      report.persons_existing += g.rows.size();
      return;
    }
    const Row& head = *std::find_if(g.rows.begin(), g.rows.end(), [](const Row& r) { return r.relation == "head"; });
    const AddressKeys keys = address_keys(head.locality, head.street, head.building, head.flat);
    const std::int64_t household =
        c.query_one(
             "INSERT INTO households (centre_id, section_id, locality, street, building, flat, postal_code, "
             "street_key, "
             "street_sort, locality_key, house_sort, family_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
             "?, ?) "
             "RETURNING id",
             {who.centre.value, g.section_id, head.locality, head.street, head.building, head.flat, head.postal_code,
              keys.street_key, keys.street_sort, keys.locality_key, keys.house_sort, head.family_type, now})
            ->int64(0);
    for (const Row& r : g.rows) {
      const NewPerson& p = r.person;
      std::optional<storage::Row> existing;
      if (p.pesel)
        existing =
            c.query_one("SELECT id FROM persons WHERE centre_id = ? AND pesel = ?", {who.centre.value, *p.pesel});
      else
        existing = c.query_one(
            "SELECT id FROM persons WHERE centre_id = ? AND pesel IS NULL AND document_type = ? AND document_number = "
            "?",
            {who.centre.value, p.document_type, p.document_number});
      std::int64_t person;
      if (existing) {
        person = existing->int64(0);
        ++report.persons_existing;
      } else {
        person = c.query_one(
                      "INSERT INTO persons (centre_id, pesel, document_type, document_number, first_name, last_name, "
                      "first_name_key, "
                      "last_name_key, name_sort, birth_date, sex, citizenship, phone, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                      {who.centre.value, p.pesel, p.document_type, p.document_number, p.first_name, p.last_name,
                       text::fold(p.first_name), text::fold(p.last_name),
                       text::hex(text::collation_key(p.last_name + " " + p.first_name)), *p.birth_date, *p.sex,
                       p.citizenship, p.phone, now})
                     ->int64(0);
        ++report.persons_created;
      }
      c.execute(
          "INSERT INTO household_members (centre_id, household_id, person_id, relation, since) VALUES (?, ?, ?, ?, ?)",
          {who.centre.value, household, person, r.relation, today});
      sync_person_scope(c, who.centre, person);
      audit::append(c, audit::entry_for(who, now, "import", "household", household, person, "import: " + opt.source));
    }
    c.execute(
        "INSERT INTO import_keys (centre_id, source, key, entity, entity_id, imported_at) VALUES (?, ?, ?, "
        "'household', ?, ?)",
        {who.centre.value, opt.source, g.key, household, now});
    ++report.households_created;
  };
  std::vector<Group*> valid;
  for (const auto& key : order)
    if (groups[key].valid) valid.push_back(&groups[key]);
  constexpr std::size_t kBatch = 1000;
  if (!opt.partial) {
    storage::in_transaction(*conn, true, [&](storage::Connection& c) {
      for (std::size_t i = 0; i < valid.size(); ++i) {
        write_group(c, *valid[i]);
        if (opt.progress && (i + 1) % kBatch == 0) opt.progress(i + 1, valid.size());
      }
      return true;
    });
  } else {
    for (std::size_t i = 0; i < valid.size(); i += kBatch) {
      storage::in_transaction(*conn, true, [&](storage::Connection& c) {
        for (std::size_t j = i; j < std::min(valid.size(), i + kBatch); ++j) write_group(c, *valid[j]);
        return true;
      });
      if (opt.progress) opt.progress(std::min(valid.size(), i + kBatch), valid.size());
    }
  }
  if (opt.progress) opt.progress(valid.size(), valid.size());
  report.applied = true;
  return report;
}

}  // namespace ostoja::cases
