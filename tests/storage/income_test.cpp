// Income items and the household's income and eligibility on both databases.
#include "audit/audit_log.h"
#include "fixture.h"
#include "modules/income/service.h"

namespace ostoja::testing {

class Income : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    centre_ = make_centre();
    section_ = make_section(centre_);
    household_ = make_household(centre_, section_, std::nullopt, "with_children");
    for (int m = 0; m < 3; ++m) {
      persons_[m] = make_person(centre_);
      add_member(centre_, household_, persons_[m], m == 0 ? "head" : "child");
    }
    cases_ = std::make_unique<cases::CaseService>(*db_, clock_);
    svc_ = std::make_unique<income::IncomeService>(*db_, clock_, *cases_);
  }
  Principal worker() {
    Principal p = actor(centre_, {"cases.read", "cases.write"}, 0);
    p.sections.emplace_back(section_);
    return p;
  }
  rules::IncomeItem item(const char* type, const char* month, std::int64_t grosze, int member = 0) {
    rules::IncomeItem i;
    i.person_id = persons_[member];
    i.type = type;
    i.month = month;
    i.amount = Money{grosze};
    return i;
  }
  CentreId centre_;
  std::int64_t section_{0}, household_{0}, persons_[3]{};
  std::unique_ptr<cases::CaseService> cases_;
  std::unique_ptr<income::IncomeService> svc_;
};

TEST_P(Income, AssessmentCountsTheMonthExcludesChildBenefitAndSaysWhoIsEligible) {
  auto pay = item("wynagrodzenie", "2025-10", 150000);
  pay.tax = Money{10000};
  ASSERT_TRUE(svc_->add(worker(), household_, pay, "zaświadczenie pracodawcy").ok());
  ASSERT_TRUE(svc_->add(worker(), household_, item("swiadczenie_wychowawcze", "2025-10", 160000, 1), "").ok());
  ASSERT_TRUE(svc_->add(worker(), household_, item("wynagrodzenie", "2025-09", 999900), "").ok());  // other month
  auto a = svc_->assess(worker(), household_, "2025-10", "");
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->value.date, "2025-11-01");
  EXPECT_EQ(a->value.income.persons, 3);
  EXPECT_EQ(a->value.income.total.grosze, 140000);
  ASSERT_EQ(a->value.eligibility.size(), 2u);
  EXPECT_EQ(a->value.eligibility[1].form, "zasilek_okresowy");
  EXPECT_TRUE(a->value.eligibility[1].preview.eligible);  // 1 400 zł < 3 × 823 zł
  EXPECT_EQ(a->value.eligibility[1].preview.amount.grosze, (246900 - 140000) / 2);
  EXPECT_EQ(a->audit.size(), 3u);  // one read per member
}

// Art. 8 ust. 12: arrears received in October for June–August are found for each of those months
// (received later than the month assessed) and not for September; stored and read back with the period.
TEST_P(Income, IncomeDueForAPeriodIsCountedInThatPeriodWhenReceivedLater) {
  auto arrears = item("emerytura_renta", "2025-10", 300000);
  arrears.period_from = "2025-06";
  arrears.period_to = "2025-08";
  auto saved = svc_->add(worker(), household_, arrears, "decyzja ZUS");
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->item.period_to, "2025-08");
  for (const auto& [month, counted] : std::vector<std::pair<std::string, std::int64_t>>{
           {"2025-05", 0}, {"2025-06", 100000}, {"2025-07", 100000}, {"2025-08", 100000}, {"2025-09", 0}}) {
    auto a = svc_->assess(worker(), household_, month, "");
    ASSERT_TRUE(a.ok()) << month << ": " << a.error().message;
    EXPECT_EQ(a->value.income.total.grosze, counted) << month;
    if (counted) {
      ASSERT_EQ(a->value.items.size(), 1u) << month;
      EXPECT_EQ(a->value.items[0].item.period_from, "2025-06");
    }
  }
  auto bad = item("emerytura_renta", "2025-10", 300000);
  bad.period_from = "2025-08";
  bad.period_to = "2025-06";
  EXPECT_EQ(svc_->add(worker(), household_, bad, "").error().field, "items");
  EXPECT_EQ(db_->acquire()->query_one("SELECT COUNT(*) FROM income_items")->int64(0), 1);
}

TEST_P(Income, BadItemsAndOutsidersChangeNothing) {
  auto over = item("wynagrodzenie", "2025-10", 1000);
  over.tax = Money{2000};
  EXPECT_EQ(svc_->add(worker(), household_, over, "").error().field, "items");
  EXPECT_EQ(svc_->add(worker(), household_, item("wynagrodzenie", "2025-12", 1000), "").error().field, "month");
  auto stranger = item("wynagrodzenie", "2025-10", 1000);
  stranger.person_id = 999999;
  EXPECT_EQ(svc_->add(worker(), household_, stranger, "").error().field, "person_id");
  Principal outsider = actor(centre_, {"cases.read", "cases.write"}, 0);
  EXPECT_EQ(svc_->add(outsider, household_, item("wynagrodzenie", "2025-10", 1000), "").error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(svc_->assess(outsider, household_, "2025-10", "").error().code, ErrorCode::forbidden);
  EXPECT_EQ(db_->acquire()->query_one("SELECT COUNT(*) FROM income_items")->int64(0), 0);
}

OSTOJA_STORAGE_TEST_SUITE(Income);

}  // namespace ostoja::testing
