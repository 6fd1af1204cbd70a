// Organisation and territories on both databases.
#include "fixture.h"
#include "modules/organisation/service.h"

namespace ostoja::testing {

class Organisation : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    svc_ = std::make_unique<org::OrganisationService>(*db_, clock_);
    auto c = svc_->create_centre({0, "MOPR Lublin", "MOPR", "0663011", {"Grodzka", "", "20-112", "Lublin"}, "", 10});
    ASSERT_TRUE(c.ok()) << c.error().message;
    who_ = actor(CentreId{c->id}, {"org.read", "org.write"});
    auto branch = svc_->create_unit(
        who_, {0, std::nullopt, "branch", "Filia Nr 1", "", {"Lubartowska", "6-8", "", "Lublin"}, ""});
    ASSERT_TRUE(branch.ok());
    branch_ = branch->id;
    s1_ = svc_->create_section(who_, section(1))->id;
    s4_ = svc_->create_section(who_, section(4))->id;
  }
  org::Section section(int number) {
    org::Section s;
    s.unit_id = branch_;
    s.number = number;
    s.name = "Sekcja Pracy Socjalnej Nr " + std::to_string(number);
    return s;
  }
  Result<org::StreetRange> add(std::int64_t section, const char* street, org::Parity p, std::optional<int> from,
                               std::optional<int> to) {
    org::StreetRange r;
    r.section_id = section;
    r.locality = "Lublin";
    r.street = street;
    r.parity = p;
    r.from = from;
    r.to = to;
    return svc_->add_street(who_, r);
  }
  std::unique_ptr<org::OrganisationService> svc_;
  Principal who_;
  std::int64_t branch_{0}, s1_{0}, s4_{0};
};
OSTOJA_STORAGE_TEST_SUITE(Organisation);

TEST_P(Organisation, CentreNeedsAValidTeryt) {
  auto r = svc_->create_centre({0, "Zły", "", "0663012x", {}, "", 10});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "teryt");
}

TEST_P(Organisation, AddressResolvesToExactlyOneSectionOrSaysWhy) {
  ASSERT_TRUE(add(s4_, "Lubartowska", org::Parity::all, 1, 60).ok());
  ASSERT_TRUE(add(s1_, "Lubartowska", org::Parity::all, 61, std::nullopt).ok());
  ASSERT_TRUE(add(s1_, "Łęczyńska", org::Parity::odd, std::nullopt, std::nullopt).ok());
  struct Case {
    const char* street;
    const char* number;
    std::optional<std::int64_t> section;
    ErrorCode error;
  };
  const Case cases[] = {
      {"Lubartowska", "59/2", s4_, {}},
      {"lubartowska", "60", s4_, {}},
      {"Lubartowska", "61a", s1_, {}},
      {"Lubartowska", "999", s1_, {}},
      {"Leczynska", "7", s1_, {}},                             // diacritics-insensitive, ł → l
      {"Łęczyńska", "8", std::nullopt, ErrorCode::not_found},  // even side not assigned: gap
      {"Zielona", "1", std::nullopt, ErrorCode::not_found},    // street not in territory
      {"Lubartowska", "bez", std::nullopt, ErrorCode::validation},
  };
  for (const auto& c : cases) {
    auto r = svc_->resolve(who_, "Lublin", c.street, c.number);
    if (c.section) {
      ASSERT_TRUE(r.ok()) << c.street << " " << c.number << ": " << r.error().message;
      EXPECT_EQ(r->id, *c.section) << c.street << " " << c.number;
    } else {
      ASSERT_FALSE(r.ok()) << c.street << " " << c.number;
      EXPECT_EQ(r.error().code, c.error) << c.street << " " << c.number;
    }
  }
}

TEST_P(Organisation, OverlappingRangesAreRefusedWithTheOtherSectionNamed) {
  ASSERT_TRUE(add(s4_, "Lubartowska", org::Parity::all, 1, 60).ok());
  auto r = add(s1_, "Lubartowska", org::Parity::even, 50, 80);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
  EXPECT_NE(r.error().message.find("nr 4"), std::string::npos) << r.error().message;
  EXPECT_TRUE(add(s1_, "Startowa", org::Parity::odd, std::nullopt, std::nullopt).ok());
  EXPECT_TRUE(add(s4_, "Startowa", org::Parity::even, std::nullopt, std::nullopt).ok());  // odd/even split is fine
}

TEST_P(Organisation, TerritoryCheckListsGapsAndUnresolvedHouseholds) {
  ASSERT_TRUE(add(s4_, "Lubartowska", org::Parity::all, 1, 20).ok());
  ASSERT_TRUE(add(s1_, "Lubartowska", org::Parity::all, 31, 40).ok());
  auto rep = svc_->check(who_);
  ASSERT_TRUE(rep.ok());
  EXPECT_TRUE(rep->overlaps.empty());
  ASSERT_EQ(rep->gaps.size(), 1u);
  EXPECT_EQ(rep->gaps[0].numbers, "nieparzyste 21–29, parzyste 22–30");
}

TEST_P(Organisation, CsvImportIsAllOrNothingWithRowAndColumnErrors) {
  std::vector<org::ImportRowError> errors;
  auto bad = svc_->import_streets(who_, s1_,
                                  "miejscowosc;ulica;parzystosc;od;do\n"
                                  "Lublin;Głowackiego;wszystkie;;\n"
                                  "Lublin;Ogrodowa;co-drugi;1;10\n"
                                  "Lublin;Okopowa;parzyste;x;10\n"
                                  "Lublin;;nieparzyste;1;9\n",
                                  errors);
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].row, 2);
  EXPECT_EQ(errors[0].column, "parzystosc");
  EXPECT_EQ(errors[1].column, "od");
  EXPECT_EQ(errors[2].column, "ulica");
  EXPECT_EQ(svc_->section(who_, s1_)->streets.size(), 0u);  // nothing imported
  errors.clear();
  auto good = svc_->import_streets(who_, s1_,
                                   "\xEF\xBB\xBFmiejscowosc;ulica;parzystosc;od;do\r\n"
                                   "Lublin;Głowackiego;wszystkie;;\r\n"
                                   "Lublin;\"Krakowskie Przedmieście\";nieparzyste;1;99\r\n",
                                   errors);
  ASSERT_TRUE(good.ok()) << (errors.empty() ? good.error().message : errors[0].message);
  EXPECT_EQ(*good, 2);
  auto s = svc_->section(who_, s1_);
  ASSERT_EQ(s->streets.size(), 2u);
  EXPECT_EQ(s->streets[0].street, "Głowackiego");  // Polish order
}

TEST_P(Organisation, CentresAreIsolated) {
  auto other = svc_->create_centre({0, "GOPS Inny", "", "0602011", {}, "", 10});
  Principal stranger = actor(CentreId{other->id}, {"org.read", "org.write"});
  EXPECT_EQ(svc_->section(stranger, s1_).error().code, ErrorCode::not_found);
  EXPECT_TRUE(svc_->sections(stranger)->empty());
  EXPECT_EQ(svc_->delete_unit(stranger, branch_).error().code, ErrorCode::not_found);
  org::StreetRange r;
  r.section_id = s1_;
  r.locality = "Lublin";
  r.street = "Zana";
  EXPECT_EQ(svc_->add_street(stranger, r).error().code, ErrorCode::not_found);
}

TEST_P(Organisation, UnitsFormATreeWithoutCycles) {
  auto div = svc_->create_unit(who_, {0, std::nullopt, "division", "Pion", "", {}, ""});
  org::Unit moved = *svc_->units(who_)->begin();
  moved.parent_id = div->id;
  ASSERT_TRUE(svc_->update_unit(who_, moved).ok());
  org::Unit cyc = *div;
  cyc.parent_id = moved.id;
  auto r = svc_->update_unit(who_, cyc);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "parent_id");
  EXPECT_EQ(svc_->delete_unit(who_, branch_).error().code, ErrorCode::conflict);  // has sections
}

}  // namespace ostoja::testing
