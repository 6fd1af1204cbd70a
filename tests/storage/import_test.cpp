// CSV import of persons and households on both databases: all-or-nothing with row/column errors,
// partial mode, idempotent re-run.
#include "modules/cases/import.h"

#include "fixture.h"

namespace ostoja::testing {

class Import : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    centre_ = make_centre();
    section_ = make_section(centre_);
    db_->acquire()->execute(
        "INSERT INTO street_ranges (centre_id, section_id, locality, street, locality_key, street_key, parity) "
        "VALUES (?, ?, 'Lublin', 'Zana', 'lublin', 'zana', 'all')",
        {centre_.value, section_});
  }
  Result<cases::ImportReport> run(const std::string& csv, bool partial = false) {
    cases::ImportOptions opt;
    opt.partial = partial;
    opt.source = "pomost";
    opt.progress = [this](std::size_t done, std::size_t total) { progress_.emplace_back(done, total); };
    return cases::import_persons_households(*db_, clock_, system_principal(centre_), csv, opt);
  }
  std::int64_t count(const char* table) {
    return db_->acquire()->query_one(std::string("SELECT COUNT(*) FROM ") + table)->int64(0);
  }
  CentreId centre_;
  std::int64_t section_{0};
  std::vector<std::pair<std::size_t, std::size_t>> progress_;
};

const std::string kHeader =
    "household_key;relation;pesel;document_type;document_number;first_name;last_name;birth_date;sex;citizenship;"
    "phone;locality;street;building;flat;postal_code;family_type\n";
const std::string kGood =
    "H1;head;02270812343;;;Łucja;Żółkiewska;;;;;Lublin;Zana;5;3;20-601;single_parent\n"
    "H1;child;;akt urodzenia;AU-1;Zoja;Żółkiewska;2020-02-02;K;PL;;;;;;;\n"
    "\"H2\";head;85010112345;;;Anna;\"Łabędzka; z d. Nowak\";;;;;Lublin;Zana;7;;;single\n";

TEST_P(Import, ValidFileImportsOnceAndReRunChangesNothing) {
  auto r = run(kHeader + kGood);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->errors.empty());
  EXPECT_TRUE(r->applied);
  EXPECT_EQ(r->rows, 3u);
  EXPECT_EQ(r->households_created, 2u);
  EXPECT_EQ(r->persons_created, 3u);
  EXPECT_EQ(count("households"), 2);
  EXPECT_EQ(count("household_members"), 3);
  auto c = db_->acquire();
  EXPECT_EQ(c->query_one("SELECT last_name FROM persons WHERE pesel = '85010112345'")->text(0), "Łabędzka; z d. Nowak");
  EXPECT_EQ(c->query_one("SELECT section_id FROM households WHERE building = '5'")->int64(0), section_);
  EXPECT_EQ(c->query_one("SELECT COUNT(*) FROM audit_log WHERE action = 'import'")->int64(0), 3);
  // Imported households carry their address keys: found by address like those created by hand.
  cases::CaseService svc(*db_, clock_);
  auto found = svc.search_households(actor(centre_, {"cases.read", "cases.scope_all"}), {"zana", "5", "3", "", 50});
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found->value.size(), 1u);
  EXPECT_EQ(found->value[0].members.size(), 2u);

  auto again = run(kHeader + kGood);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->errors.empty()) << again->errors[0].message;
  EXPECT_EQ(again->households_created, 0u);
  EXPECT_EQ(again->households_existing, 2u);
  EXPECT_EQ(count("households"), 2);
  EXPECT_EQ(count("persons"), 3);
  EXPECT_FALSE(progress_.empty());
  EXPECT_EQ(progress_.back().first, progress_.back().second);
}

TEST_P(Import, AnyBadRowMeansNothingIsWrittenWithRowAndColumnReported) {
  const std::string bad =
      kHeader + kGood +
      "H3;head;02270812348;;;Jan;Zły;;;;;Lublin;Zana;9;;;single\n"       // line 5: PESEL checksum
      "H4;head;90022812354;;;Ewa;Obca;;;;;Lublin;Nieznana;1;;;single\n"  // line 6: street in no section
      "H5;child;92051512344;;;Ola;Bez;;;;;;;;;;\n"                       // line 7: no head in H5
      "H1;cousin;;;;X;Y;;;;;;;;;;\n";                                    // line 8: relation and identity
  auto r = run(bad);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->applied);
  std::vector<std::pair<int, std::string>> got;
  for (const auto& e : r->errors) got.emplace_back(e.row, e.column);
  std::vector<std::pair<int, std::string>> expected{
      {5, "pesel"}, {6, "street"}, {7, "relation"}, {8, "relation"}, {8, "pesel"}};
  EXPECT_EQ(got, expected);
  EXPECT_EQ(count("persons"), 0);
  EXPECT_EQ(count("households"), 0);

  auto partial = run(bad, true);
  ASSERT_TRUE(partial.ok());
  EXPECT_TRUE(partial->applied);
  EXPECT_EQ(partial->households_created, 1u);   // H2; H1 has a bad row (line 8)
  EXPECT_EQ(partial->households_rejected, 4u);  // H1, H3, H4, H5
  EXPECT_EQ(count("households"), 1);
}

TEST_P(Import, MissingColumnsAndBrokenFilesAreErrors) {
  EXPECT_EQ(run("first_name;last_name\nA;B\n").error().field, "file");
  EXPECT_EQ(run(kHeader + "H1;head;\"02270812343;;\n").error().field, "file");
  EXPECT_EQ(run("").error().field, "file");
}

OSTOJA_STORAGE_TEST_SUITE(Import);

}  // namespace ostoja::testing
