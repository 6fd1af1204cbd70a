// Person details, dated household composition and merging duplicates, on both databases.
#include "audit/audit_log.h"
#include "fixture.h"
#include "modules/cases/service.h"

namespace ostoja::testing {

class HouseholdHistory : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    centre_ = make_centre();
    section_ = make_section(centre_);
    household_ = make_household(centre_, section_, std::nullopt, "couple");
    for (int i = 0; i < 4; ++i)
      persons_[i] = make_person(centre_, "jan", "nowak", "1980-01-01",
                                i == 3 ? std::nullopt : std::optional<std::string>("8001010000" + std::to_string(i)));
    add_member(centre_, household_, persons_[0]);
    svc_ = std::make_unique<cases::CaseService>(*db_, clock_);
  }
  Principal worker(bool restricted = false) {
    Principal p = actor(centre_, {"cases.read", "cases.write"}, 0);
    p.sections.emplace_back(section_);
    p.restricted_access = restricted;
    return p;
  }
  CentreId centre_;
  std::int64_t section_{0}, household_{0}, persons_[4]{};
  std::unique_ptr<cases::CaseService> svc_;
};

TEST_P(HouseholdHistory, DetailsAreValidatedAndRestrictedNotesNeedRestrictedAccess) {
  cases::PersonChanges ch;
  ch.education = "doctorate";
  EXPECT_EQ(svc_->update_person(worker(), persons_[0], ch).error().field, "education");
  ch.education = "vocational";
  ch.employment = "unemployed";
  ch.labour_office = "registered_without_benefit";
  ch.registered_address = "ul. Zana 1, 20-601 Lublin";
  auto ok = svc_->update_person(worker(), persons_[0], ch);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->value.education, "vocational");
  EXPECT_EQ(ok->value.labour_office, "registered_without_benefit");
  cases::PersonChanges note;
  note.violence_note = "Procedura Niebieskiej Karty od 2025-10-01.";
  EXPECT_EQ(svc_->update_person(worker(), persons_[0], note).error().code, ErrorCode::forbidden);
  ASSERT_TRUE(svc_->update_person(worker(true), persons_[0], note).ok());
  EXPECT_EQ(db_->acquire()->query_one("SELECT restricted FROM households WHERE id = ?", {household_})->text(0),
            "violence");
}

TEST_P(HouseholdHistory, MembersJoinAndLeaveWithDatesAndTheHistoryKeepsAll) {
  EXPECT_EQ(svc_->add_member(worker(), household_, persons_[1], "head", "2025-01-01").error().field, "relation");
  EXPECT_EQ(svc_->add_member(worker(), household_, persons_[1], "spouse", "2030-01-01").error().field, "since");
  ASSERT_TRUE(svc_->add_member(worker(), household_, persons_[1], "spouse", "2025-01-01").ok());
  EXPECT_EQ(svc_->person(worker(), persons_[1])->value.household_id, household_);  // the card's current household
  EXPECT_EQ(svc_->add_member(worker(), household_, persons_[1], "spouse", "2025-02-01").error().code,
            ErrorCode::conflict);
  EXPECT_EQ(svc_->end_member(worker(), household_, persons_[0], "2025-06-30", "wyprowadzka").error().code,
            ErrorCode::conflict);  // the head while others remain
  EXPECT_EQ(svc_->end_member(worker(), household_, persons_[1], "2024-12-31", "wyprowadzka").error().field, "until");
  ASSERT_TRUE(svc_->end_member(worker(), household_, persons_[1], "2025-06-30", "wyprowadzka").ok());
  Principal all = worker();
  all.permissions.push_back("cases.scope_all");
  std::sort(all.permissions.begin(), all.permissions.end());
  EXPECT_FALSE(svc_->person(all, persons_[1])->value.household_id.has_value());  // in no household now
  auto h = svc_->history(worker(), household_);
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->value.size(), 2u);
  EXPECT_EQ(h->value[1].until, "2025-06-30");
  EXPECT_EQ(h->value[1].end_reason, "wyprowadzka");
  Principal outsider = actor(centre_, {"cases.read", "cases.write"}, 0);
  EXPECT_EQ(svc_->history(outsider, household_).error().code, ErrorCode::forbidden);
}

TEST_P(HouseholdHistory, MergingMovesTheDuplicatesRecordsAndHidesItFromSearch) {
  // persons_[3] has no PESEL and is the kept record; persons_[2] is a duplicate with a PESEL in the household.
  ASSERT_TRUE(svc_->add_member(worker(), household_, persons_[2], "spouse", "2025-01-01").ok());
  auto merged = svc_->merge_persons(worker(), persons_[3], persons_[2]);
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(merged->value.pesel, "80010100002");  // taken over from the duplicate
  auto c = db_->acquire();
  EXPECT_EQ(c->query_one("SELECT merged_into FROM persons WHERE id = ?", {persons_[2]})->int64(0), persons_[3]);
  EXPECT_EQ(c->query_one("SELECT COUNT(*) FROM household_members WHERE person_id = ? AND until IS NULL", {persons_[3]})
                ->int64(0),
            1);
  auto found = svc_->search_persons(actor(centre_, {"cases.read", "cases.scope_all"}, 0), "", "nowak", 50);
  ASSERT_TRUE(found.ok());
  std::vector<std::int64_t> ids;
  for (const auto& p : found->value) ids.push_back(p.id);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), persons_[2]), 0);  // the tombstone is not found
  EXPECT_EQ(std::count(ids.begin(), ids.end(), persons_[3]), 1);  // the kept record is
  EXPECT_EQ(ids.size(), 3u);                                      // with persons_[0] and persons_[1]
  EXPECT_EQ(svc_->merge_persons(worker(), persons_[3], persons_[2]).error().code, ErrorCode::conflict);
  EXPECT_EQ(svc_->merge_persons(worker(), persons_[3], persons_[3]).error().field, "duplicate_id");
}

OSTOJA_STORAGE_TEST_SUITE(HouseholdHistory);

}  // namespace ostoja::testing
