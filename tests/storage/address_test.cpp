// Households by address, household changes, the actual address of a person and the duplicate checks
// (issue 4 §1), on both databases.
#include <algorithm>
#include <tuple>

#include "audit/audit_log.h"
#include "core/text.h"
#include "fixture.h"
#include "modules/cases/service.h"
#include "storage/migrations.h"

namespace ostoja::testing {

class HouseholdAddress : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    centre_ = make_centre();
    s1_ = make_section(centre_, 1);
    s2_ = make_section(centre_, 2);
    me_ = make_user(centre_, "pracownik", "Ewa Pracownik");
    other_ = make_user(centre_, "inny", "Jan Inny");
    // Territory: Zana (all numbers) and Łęczyńska 1–50 in section 1, Łęczyńska from 51 and Żeglarska in section 2.
    auto c = db_->acquire();
    for (auto [section, street, from] : {std::tuple{s1_, "Zana", 0}, std::tuple{s1_, "Łęczyńska", 1},
                                         std::tuple{s2_, "Łęczyńska", 51}, std::tuple{s2_, "Żeglarska", 0}})
      c->execute(
          "INSERT INTO street_ranges (centre_id, section_id, locality, street, locality_key, street_key, parity, "
          "num_from, num_to) VALUES (?, ?, 'Lublin', ?, 'lublin', ?, 'all', ?, ?)",
          {centre_.value, section, street, text::fold(street), from ? std::optional<std::int64_t>(from) : std::nullopt,
           from == 1 ? std::optional<std::int64_t>(50) : std::nullopt});
    svc_ = std::make_unique<cases::CaseService>(*db_, clock_);
  }

  Principal worker(std::vector<std::int64_t> sections, std::int64_t user) {
    Principal p = actor(centre_, {"cases.read", "cases.write"}, user);
    for (auto s : sections) p.sections.emplace_back(s);
    return p;
  }
  Principal director() { return actor(centre_, {"cases.read", "cases.scope_all"}, 0); }

  // A household as written before migration 0016 (no address keys), with one member per name.
  std::int64_t raw_household(const std::string& locality, const std::string& street, const std::string& building,
                             const std::string& flat, std::int64_t section, std::vector<std::string> members = {"Anna"},
                             std::optional<std::int64_t> worker = std::nullopt) {
    auto c = db_->acquire();
    auto h = c->query_one(
                  "INSERT INTO households (centre_id, section_id, worker_id, locality, street, building, flat, "
                  "family_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'single', 0) RETURNING id",
                  {centre_.value, section, worker, locality, street, building, flat})
                 ->int64(0);
    for (const auto& first : members) add_member(centre_, h, make_person(centre_, first, "Nowak"), "head");
    return h;
  }
  std::vector<std::int64_t> ids(const Result<cases::Audited<std::vector<cases::Household>>>& r) {
    std::vector<std::int64_t> out;
    for (const auto& h : r->value) out.push_back(h.id);
    return out;
  }
  std::string text_of(const std::string& sql, storage::Params params) {
    auto r = db_->acquire()->query_one(sql, std::move(params));
    return r && !r->null(0) ? r->text(0) : "NULL";
  }

  CentreId centre_;
  std::int64_t s1_{0}, s2_{0}, me_{0}, other_{0};
  std::unique_ptr<cases::CaseService> svc_;
};
OSTOJA_STORAGE_TEST_SUITE(HouseholdAddress);

// The search must return exactly what filtering every household and sorting all matches in the order
// street (Polish collation), locality, house number, flat returns — computed here without the keys.
TEST_P(HouseholdAddress, AddressSearchEqualsFilterThenFullSort) {
  const std::vector<std::string> streets{"Łąkowa",
                                         "Lasowa",
                                         "Łabędzia",
                                         "Labiryntowa",
                                         "Lubartowska",
                                         "Lubelska",
                                         "Łęczyńska",
                                         "Leczna",
                                         "Zana",
                                         "Żeglarska",
                                         "Źródlana",
                                         "Zegarowa",
                                         "Krakowskie Przedmieście",
                                         "Kraśnicka"};
  const std::vector<std::string> localities{"Lublin", "Łódź"};
  const std::vector<std::string> buildings{"12", "2", "12a", "100", "12B", "3", "12/3", "12-14"};
  const std::vector<std::string> flats{"", "3", "12", "3a"};
  struct H {
    std::int64_t id;
    std::string locality, street, building, flat;
  };
  std::vector<H> all;
  for (std::size_t i = 0; i < streets.size() * buildings.size() * 2; ++i) {
    H h{0, localities[i % 2], streets[i % streets.size()], buildings[(i / 2) % buildings.size()],
        flats[i % flats.size()]};
    h.id = raw_household(h.locality, h.street, h.building, h.flat, s1_);
    all.push_back(h);
  }
  {
    auto c = db_->acquire();
    storage::in_transaction(*c, true, [](storage::Connection& cn) {
      cases::fill_address_keys(cn);  // the step of migration 0016, here over rows written without keys
      return true;
    });
  }
  auto number = [](const std::string& s) {  // (leading number, rest folded): numeric order of house and flat
    std::size_t d = 0;
    while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
    return std::pair<long, std::string>(d ? std::stol(s.substr(0, d)) : 0, text::fold(s.substr(d)));
  };
  struct Q {
    std::string street, house, flat, locality;
  };
  for (const Q& q : std::vector<Q>{{"la", "", "", ""},
                                   {"ŁA", "", "", ""},
                                   {"lu", "", "", ""},
                                   {"lubartowska", "", "", ""},
                                   {"leczynska", "", "", ""},
                                   {"ul. Zana", "", "", ""},
                                   {"ze", "", "", ""},
                                   {"zr", "", "", ""},
                                   {"krakowskie p", "", "", ""},
                                   {"kra", "12", "", ""},
                                   {"la", "12a", "", ""},
                                   {"za", "12", "3", ""},
                                   {"lu", "", "", "lodz"},
                                   {"za", "12B", "", "Łódź"}}) {
    for (int limit : {3, 200}) {
      auto got = svc_->search_households(director(), {q.street, q.house, q.flat, q.locality, limit});
      ASSERT_TRUE(got.ok()) << q.street << ": " << got.error().message;
      std::string prefix = text::fold(q.street);
      if (prefix.starts_with("ul. ")) prefix = prefix.substr(4);
      std::vector<H> expected;
      for (const auto& h : all) {
        if (!text::fold(h.street).starts_with(prefix)) continue;
        if (!q.locality.empty() && text::fold(h.locality) != text::fold(q.locality)) continue;
        if (!q.flat.empty()) {
          if (text::fold(h.building) != text::fold(q.house) || number(h.flat) != number(q.flat)) continue;
        } else if (!q.house.empty()) {
          const bool digits = q.house.find_first_not_of("0123456789") == std::string::npos;
          if (digits ? number(h.building).first != std::stol(q.house) : text::fold(h.building) != text::fold(q.house))
            continue;
        }
        expected.push_back(h);
      }
      std::sort(expected.begin(), expected.end(), [&](const H& a, const H& b) {
        return std::tuple(text::collation_key(a.street), text::fold(a.locality), number(a.building), number(a.flat),
                          a.id) < std::tuple(text::collation_key(b.street), text::fold(b.locality), number(b.building),
                                             number(b.flat), b.id);
      });
      if (expected.size() > static_cast<std::size_t>(limit)) expected.resize(static_cast<std::size_t>(limit));
      std::vector<std::int64_t> want;
      for (const auto& h : expected) want.push_back(h.id);
      EXPECT_EQ(ids(got), want) << "street=" << q.street << " house=" << q.house << " flat=" << q.flat
                                << " locality=" << q.locality << " limit=" << limit;
    }
  }
}

TEST_P(HouseholdAddress, ScopedLikePersonSearchWithMembersAndEveryMemberAudited) {
  const auto mine = raw_household("Lublin", "Zana", "1", "", s1_, {"Anna", "Jan"});
  const auto assigned = raw_household("Lublin", "Zana", "2", "", s2_, {"Ewa"}, me_);
  const auto others = raw_household("Lublin", "Zana", "3", "", s2_, {"Olga"}, other_);
  const auto empty = raw_household("Lublin", "Zana", "4", "", s1_, {});
  {
    auto c = db_->acquire();
    cases::fill_address_keys(*c);
  }
  auto found = svc_->search_households(worker({s1_}, me_), {"zana", "", "", "", 50});
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(ids(found), (std::vector<std::int64_t>{mine, assigned, empty}));
  ASSERT_EQ(found->value[0].members.size(), 2u);
  EXPECT_EQ(found->value[0].members[0].person.last_name, "Nowak");
  EXPECT_EQ(found->value[0].section_name, "Sekcja 1");
  EXPECT_EQ(found->value[1].worker_name, "Ewa Pracownik");
  // One entry per member returned (3), one without a person for the household with no members.
  ASSERT_EQ(found->audit.size(), 4u);
  for (const auto& e : found->audit) {
    EXPECT_EQ(e.action, "search");
    EXPECT_EQ(e.entity, "household");
    EXPECT_EQ(e.purpose, "wyszukiwanie po adresie");
  }
  EXPECT_FALSE(found->audit.back().person_id.has_value());
  EXPECT_EQ(ids(svc_->search_households(director(), {"zana", "", "", "", 50})),
            (std::vector<std::int64_t>{mine, assigned, others, empty}));
  EXPECT_TRUE(svc_->search_households(worker({}, other_ + 1000), {"zana", "", "", "", 50})->value.empty());
  // Search results never carry restricted notes, even for a user with restricted access.
  db_->acquire()->execute("UPDATE persons SET violence_note = 'Niebieska Karta' WHERE household_id = ?", {mine});
  Principal granted = director();
  granted.restricted_access = true;
  auto plain = svc_->search_households(granted, {"zana", "1", "", "", 50});
  ASSERT_EQ(ids(plain), std::vector<std::int64_t>{mine});
  EXPECT_FALSE(plain->value[0].members[0].person.violence_note.has_value());
  EXPECT_TRUE(plain->value[0].members[0].person.restricted_hidden);
}

TEST_P(HouseholdAddress, BadInputIsRefusedWithTheField) {
  for (auto [q, field] : {std::pair<cases::AddressQuery, std::string>{{"z", "", "", "", 50}, "street"},
                          {{"ul. ", "", "", "", 50}, "street"},
                          {{"  ", "", "", "", 50}, "street"},
                          {{"zana", "abc", "", "", 50}, "house"},
                          {{"zana", "", "3", "", 50}, "flat"},
                          {{"zana", "", "", "", 0}, "limit"},
                          {{"zana", "", "", "", 201}, "limit"}}) {
    auto r = svc_->search_households(director(), q);
    ASSERT_FALSE(r.ok()) << q.street;
    EXPECT_EQ(r.error().code, ErrorCode::validation);
    EXPECT_EQ(r.error().field, field) << q.street << "/" << q.house << "/" << q.flat;
  }
}

// An upgrade: households written before 0016 get their keys in the migration's own transaction.
TEST_P(HouseholdAddress, Migration16GivesExistingHouseholdsTheirAddressKeys) {
  auto old = storage::open_database({fresh_url(), 2});
  std::int64_t household = 0;
  {
    auto c = old->acquire();
    storage::schema_version(*c);
    for (const auto& m : storage::migrations_for(old->dialect())) {
      if (m.version >= 16) break;
      c->script(m.sql);
      c->execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)", {m.version, m.name});
    }
    auto centre =
        c->query_one("INSERT INTO centres (name, teryt, created_at) VALUES ('C', '0663011', 0) RETURNING id")->int64(0);
    household = c->query_one(
                     "INSERT INTO households (centre_id, locality, street, building, flat, family_type, created_at) "
                     "VALUES (?, 'Łódź', 'Łęczyńska', '12a', '3', 'single', 0) RETURNING id",
                     {centre})
                    ->int64(0);
  }
  auto applied = storage::migrate(*old, 0, cases::migration_steps());
  ASSERT_FALSE(applied.empty());
  EXPECT_EQ(applied.front(), 16);
  auto row = old->acquire()->query_one(
      "SELECT street_key, street_sort, locality_key, house_sort FROM households WHERE id = ?", {household});
  const auto keys = cases::address_keys("Łódź", "Łęczyńska", "12a", "3");
  EXPECT_EQ(row->text(0), "leczynska");
  EXPECT_EQ(row->text(1), keys.street_sort);
  EXPECT_EQ(row->text(2), "lodz");
  EXPECT_EQ(row->text(3), "000012a 000003");
}

TEST_P(HouseholdAddress, HouseholdChangesAreValidatedResolvedMirroredAndAudited) {
  cases::NewPerson np;
  np.pesel = "85010112345";
  np.first_name = "Anna";
  np.last_name = "Łabędzka";
  cases::Audited<cases::Duplicates> dups;
  auto anna = svc_->create_person(worker({s1_}, me_), np, dups);
  ASSERT_TRUE(anna.ok()) << anna.error().message;
  cases::NewHousehold nh{{"Lublin", "Zana", "7", "2", ""}, "single", {{anna->value.id, "head"}}, std::nullopt};
  auto created = svc_->create_household(worker({s1_}, me_), nh);
  ASSERT_TRUE(created.ok()) << created.error().message;
  const std::int64_t id = created->id;
  EXPECT_EQ(created->section_id, s1_);
  const Principal w = worker({s1_}, me_);
  auto state = [&] {
    return text_of(
        "SELECT street || ' ' || building || '/' || flat || ' ' || family_type || ' s' || "
        "CAST(section_id AS TEXT) || ' w' || COALESCE(CAST(worker_id AS TEXT), '-') FROM households WHERE id = ?",
        {id});
  };
  const std::string before = state();
  auto update = [&](const Principal& who, cases::HouseholdChanges ch) { return svc_->update_household(who, id, ch); };
  auto address = [](std::string street, std::string building) {
    cases::HouseholdChanges ch;
    ch.address = cases::HouseholdAddress{"Lublin", std::move(street), std::move(building), "", ""};
    return ch;
  };
  cases::HouseholdChanges bad_type;
  bad_type.family_type = "komuna";
  cases::HouseholdChanges ghost;
  ghost.worker_id = std::optional<std::int64_t>(999999);
  cases::HouseholdChanges bad_postal = address("Zana", "7");
  bad_postal.address->postal_code = "20601";
  for (auto [ch, field] :
       {std::pair{cases::HouseholdChanges{}, std::string("")}, std::pair{bad_type, std::string("family_type")},
        std::pair{ghost, std::string("worker_id")}, std::pair{address("Nieznana", "1"), std::string("address")},
        std::pair{address("Łęczyńska", "abc"), std::string("address.building")},
        std::pair{address("", "1"), std::string("address.street")},
        std::pair{bad_postal, std::string("address.postal_code")}}) {
    auto r = update(w, ch);
    ASSERT_FALSE(r.ok()) << field;
    EXPECT_EQ(r.error().code, ErrorCode::validation) << field;
    EXPECT_EQ(r.error().field, field) << r.error().message;
    EXPECT_EQ(state(), before) << field;  // nothing changed
  }
  // Another section's worker may not change it.
  auto denied = update(worker({s2_}, other_), address("Żeglarska", "1"));
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().code, ErrorCode::forbidden);
  EXPECT_EQ(state(), before);

  // Within the section: family type and the worker; members' mirrored worker follows.
  cases::HouseholdChanges assign;
  assign.family_type = "couple";
  assign.worker_id = std::optional<std::int64_t>(other_);
  auto done = update(w, assign);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->family_type, "couple");
  EXPECT_EQ(done->worker_id, other_);
  EXPECT_TRUE(done->in_scope);
  EXPECT_EQ(text_of("SELECT CAST(worker_id AS TEXT) FROM persons WHERE id = ?", {anna->value.id}),
            std::to_string(other_));

  // A move to Łęczyńska 60 (section 2) resolves the new section; the members' section follows, the
  // street keys too, and the worker of section 1 no longer has it in scope (the assigned worker has).
  auto moved = update(w, address("Łęczyńska", "60"));
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(moved->section_id, s2_);
  EXPECT_EQ(moved->section_number, 2);
  EXPECT_FALSE(moved->in_scope);
  EXPECT_EQ(text_of("SELECT CAST(section_id AS TEXT) FROM persons WHERE id = ?", {anna->value.id}),
            std::to_string(s2_));
  EXPECT_EQ(ids(svc_->search_households(director(), {"leczynska", "60", "", "", 50})), std::vector<std::int64_t>{id});
  EXPECT_TRUE(svc_->search_households(director(), {"zana", "", "", "", 50})->value.empty());
  EXPECT_EQ(svc_->household(w, id).error().code, ErrorCode::forbidden);
  EXPECT_TRUE(svc_->household(worker({}, other_), id).ok());

  // Unassigning: null worker.
  cases::HouseholdChanges none;
  none.worker_id = std::optional<std::int64_t>();
  auto unassigned = update(worker({s2_}, other_), none);
  ASSERT_TRUE(unassigned.ok()) << unassigned.error().message;
  EXPECT_FALSE(unassigned->worker_id.has_value());
  EXPECT_EQ(text_of("SELECT CAST(worker_id AS TEXT) FROM persons WHERE id = ?", {anna->value.id}), "NULL");

  // Every change is audited per member, saying what changed.
  auto c = db_->acquire();
  std::vector<std::string> purposes;
  for (const auto& r : c->query("SELECT purpose FROM audit_log WHERE action = 'update' AND entity = 'household' AND "
                                "entity_id = ? AND person_id = ? ORDER BY seq",
                                {id, anna->value.id}))
    purposes.push_back(r.text(0));
  EXPECT_EQ(purposes,
            (std::vector<std::string>{"zmiana: typ rodziny single → couple; pracownik " + std::to_string(other_),
                                      "zmiana: adres, sekcja nr 2", "zmiana: bez przydzielonego pracownika"}));
}

TEST_P(HouseholdAddress, ActualAddressIsASeparateFieldOfThePerson) {
  const auto h = raw_household("Lublin", "Zana", "1", "", s1_);
  const auto pid =
      db_->acquire()->query_one("SELECT person_id FROM household_members WHERE household_id = ?", {h})->int64(0);
  cases::PersonChanges ch;
  ch.registered_address = "ul. Zana 1, 20-601 Lublin";
  ch.actual_address = "  ul. Żeglarska 5/2, 20-128 Lublin  ";
  auto done = svc_->update_person(worker({s1_}, me_), pid, ch);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->value.actual_address, "ul. Żeglarska 5/2, 20-128 Lublin");
  EXPECT_EQ(done->value.registered_address, "ul. Zana 1, 20-601 Lublin");
  cases::PersonChanges only_actual;
  only_actual.actual_address = "";
  EXPECT_EQ(svc_->update_person(worker({s1_}, me_), pid, only_actual)->value.registered_address,
            "ul. Zana 1, 20-601 Lublin");
  EXPECT_EQ(svc_->person(worker({s1_}, me_), pid)->value.actual_address, "");
  EXPECT_EQ(svc_->update_person(worker({s2_}, other_), pid, ch).error().code, ErrorCode::forbidden);
}

TEST_P(HouseholdAddress, DuplicateWarningSkipsMergedRecordsAndShowsOnlyCandidatesInScope) {
  // Three "Jan Kowalski, 1980-05-05": one in section 1, one in section 2, one merged away into the first.
  auto kowalski = [&](std::int64_t section) {
    const auto h = raw_household("Lublin", "Zana", "1", "", section, {});
    const auto p = make_person(centre_, "Jan", "Kowalski", "1980-05-05");
    add_member(centre_, h, p);
    return p;
  };
  const auto in_s1 = kowalski(s1_), in_s2 = kowalski(s2_);
  const auto tombstone = make_person(centre_, "Jan", "Kowalski", "1980-05-05");
  ASSERT_TRUE(svc_->merge_persons(actor(centre_, {"cases.write", "cases.scope_all"}), in_s1, tombstone).ok());
  cases::NewPerson np;
  np.document_type = "paszport";
  np.document_number = "XK1234567";
  np.first_name = "Jan";
  np.last_name = "KOWALSKI";
  np.birth_date = "1980-05-05";
  np.sex = "M";
  auto try_create = [&](const Principal& who, cases::Audited<cases::Duplicates>& d) {
    return svc_->create_person(who, np, d);
  };

  cases::Audited<cases::Duplicates> mine;
  auto refused = try_create(worker({s1_}, me_), mine);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  EXPECT_EQ(refused.error().field, "allow_duplicate");
  ASSERT_EQ(mine.value.shown.size(), 1u);  // the merged-away record is no candidate
  EXPECT_EQ(mine.value.shown[0].id, in_s1);
  EXPECT_EQ(mine.value.outside_scope, 1);  // the one in section 2: counted, not shown
  ASSERT_EQ(mine.audit.size(), 1u);        // showing a candidate is a read of personal data
  EXPECT_EQ(mine.audit[0].action, "read");
  EXPECT_EQ(mine.audit[0].person_id, in_s1);

  cases::Audited<cases::Duplicates> none_visible;
  auto outside = try_create(worker({}, me_), none_visible);
  ASSERT_FALSE(outside.ok());
  EXPECT_NE(outside.error().message.find("spoza Twojego zakresu"), std::string::npos) << outside.error().message;
  EXPECT_TRUE(none_visible.value.shown.empty());
  EXPECT_EQ(none_visible.value.outside_scope, 2);
  EXPECT_TRUE(none_visible.audit.empty());

  cases::Audited<cases::Duplicates> all;
  EXPECT_FALSE(try_create(actor(centre_, {"cases.write", "cases.scope_all"}, me_), all).ok());
  ASSERT_EQ(all.value.shown.size(), 2u);
  EXPECT_EQ(all.value.shown[1].id, in_s2);
  EXPECT_EQ(all.value.outside_scope, 0);
  EXPECT_EQ(db_->acquire()->query_one("SELECT COUNT(*) FROM persons WHERE last_name = 'KOWALSKI'")->int64(0), 0);

  // Confirmed as another person: registered. The same document again is refused outright.
  np.allow_duplicate = true;
  cases::Audited<cases::Duplicates> unused;
  auto created = try_create(worker({s1_}, me_), unused);
  ASSERT_TRUE(created.ok()) << created.error().message;
  np.first_name = "Jerzy";
  np.document_number = " XK1234567 ";
  auto twice = try_create(worker({s1_}, me_), unused);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::conflict);
  EXPECT_EQ(twice.error().field, "document_number");
  EXPECT_NE(twice.error().message.find("XK1234567"), std::string::npos);
  EXPECT_EQ(db_->acquire()->query_one("SELECT COUNT(*) FROM persons WHERE document_number = 'XK1234567'")->int64(0), 1);
  np.document_type = "karta pobytu";  // another kind of document with the same number is another document
  EXPECT_TRUE(try_create(worker({s1_}, me_), unused).ok());
}

TEST_P(HouseholdAddress, DuplicateWarningCatchesSimilarSpellingOfTheSameBirthDate) {
  // Born 1975-03-03: Jan Kowalski (section 1), Anna Nowack (section 2), Ewa Nowakowska (section 1),
  // and Anna Nowak merged away into Anna Nowack; Jan Kowalsky born on another day.
  auto person = [&](std::int64_t section, const char* first, const char* last, const char* born) {
    const auto h = raw_household("Lublin", "Zana", "1", "", section, {});
    const auto p = make_person(centre_, first, last, born);
    add_member(centre_, h, p);
    return p;
  };
  const auto kowalski = person(s1_, "Jan", "Kowalski", "1975-03-03");
  const auto nowack = person(s2_, "Anna", "Nowack", "1975-03-03");
  person(s1_, "Ewa", "Nowakowska", "1975-03-03");
  person(s1_, "Jan", "Kowalsky", "1975-03-04");
  const auto tombstone = make_person(centre_, "Anna", "Nowak", "1975-03-03");
  ASSERT_TRUE(svc_->merge_persons(actor(centre_, {"cases.write", "cases.scope_all"}), nowack, tombstone).ok());
  const Principal all = actor(centre_, {"cases.read", "cases.write", "cases.scope_all"}, me_);
  auto attempt = [&](const char* first, const char* last, const Principal& who) {
    cases::NewPerson np;
    np.document_type = "paszport";
    np.document_number = std::string("P-") + first + last;
    np.first_name = first;
    np.last_name = last;
    np.birth_date = "1975-03-03";
    np.sex = "K";
    cases::Audited<cases::Duplicates> d;
    auto r = svc_->create_person(who, np, d);
    std::vector<std::int64_t> shown;
    for (const auto& c : d.value.shown) shown.push_back(c.id);
    return std::tuple{r.ok(), r.ok() ? std::string() : r.error().field, shown, d.value.outside_scope};
  };
  struct Row {
    const char* first;
    const char* last;
    std::vector<std::int64_t> shown;
  };
  const Row rows[] = {
      {"Jan", "Kowalsky", {kowalski}},   // surname one substitution away
      {"JAN", "kowalski", {kowalski}},   // same folded names
      {"Jann", "Kowalski", {kowalski}},  // first name one insertion away
      {"Anna", "Nowak", {nowack}},       // one deletion from Nowack; the merged-away Nowak itself is no candidate
      {"Ana", "Nowack", {nowack}},
      {"Anna", "Nowal", {}},      // two edits from Nowack, one from the merged-away Nowak only
      {"Jan", "Nowakowski", {}},  // a different surname
      {"Piotr", "Kowalski", {}},  // a different first name
      {"Jan", "Kolwaski", {}},    // two letters swapped: two edits
  };
  for (const auto& row : rows) {
    auto [created, field, shown, outside] = attempt(row.first, row.last, all);
    EXPECT_EQ(created, row.shown.empty()) << row.first << " " << row.last;
    if (!row.shown.empty()) {
      EXPECT_EQ(field, "allow_duplicate") << row.first << " " << row.last;
    }
    EXPECT_EQ(shown, row.shown) << row.first << " " << row.last;
    EXPECT_EQ(outside, 0);
  }
  // A worker of section 1 is shown her section's candidate and told only the number of the other section's.
  auto [created, field, shown, outside] = attempt("Ana", "Nowack", worker({s1_}, me_));
  EXPECT_FALSE(created);
  EXPECT_TRUE(shown.empty());
  EXPECT_EQ(outside, 1);
  // Nothing was written by the refused attempts: only the four rows that differ enough were registered.
  EXPECT_EQ(db_->acquire()->query_one("SELECT COUNT(*) FROM persons WHERE document_number LIKE 'P-%'")->int64(0), 4);
}

}  // namespace ostoja::testing
