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
    auto c = db_->acquire();
    auto unit = c->query_one("INSERT INTO units (centre_id, kind, name) VALUES (?, 'branch', 'Filia') RETURNING id",
                             {centre_.value})->int64(0);
    section_ = c->query_one("INSERT INTO sections (centre_id, unit_id, number, name) VALUES (?, ?, 1, 'S') RETURNING id",
                            {centre_.value, unit})->int64(0);
    household_ = c->query_one(
        "INSERT INTO households (centre_id, section_id, locality, street, building, family_type, created_at) "
        "VALUES (?, ?, 'Lublin', 'Zana', '1', 'with_children', 0) RETURNING id",
        {centre_.value, section_})->int64(0);
    for (int m = 0; m < 3; ++m) {
      persons_[m] = c->query_one(
          "INSERT INTO persons (centre_id, first_name, last_name, first_name_key, last_name_key, name_sort, birth_date, "
          "sex, created_at) VALUES (?, 'Anna', 'Nowak', 'anna', 'nowak', 'x', '1990-01-01', 'K', 0) RETURNING id",
          {centre_.value})->int64(0);
      c->execute("INSERT INTO household_members (centre_id, household_id, person_id, relation, since) VALUES (?, ?, ?, ?, "
                 "'2024-01-01')",
                 {centre_.value, household_, persons_[m], m == 0 ? "head" : "child"});
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
