// Income items and the household's income and eligibility on both databases.
#include "audit/audit_log.h"
#include "fixture.h"
#include "modules/gmina/service.h"
#include "modules/income/service.h"
#include "rules/procedure.h"

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
    return item_for(persons_[member], type, month, grosze);
  }
  static rules::IncomeItem item_for(std::int64_t person, const char* type, const char* month, std::int64_t grosze) {
    rules::IncomeItem i;
    i.person_id = person;
    i.type = type;
    i.month = month;
    i.amount = Money{grosze};
    return i;
  }
  static const rules::FormEligibility& form(const income::Assessment& a, std::string_view code) {
    for (const auto& e : a.eligibility)
      if (e.form == code) return e;
    throw std::logic_error("no eligibility for " + std::string(code));
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
  ASSERT_EQ(a->value.eligibility.size(), rules::forms_of_help().size());  // every form of help
  const auto& okresowy = form(a->value, "zasilek_okresowy");
  EXPECT_TRUE(okresowy.eligible);  // 1 400 zł < 3 × 823 zł
  EXPECT_EQ(okresowy.amount, Money{(246900 - 140000) / 2});
  EXPECT_TRUE(form(a->value, "zasilek_celowy").eligible);
  EXPECT_FALSE(form(a->value, "specjalny_zasilek_celowy").eligible);  // income not above the criterion
  EXPECT_FALSE(form(a->value, "poradnictwo").income_tested);
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

// Regression: the assessment counted today's members (until IS NULL) whatever its date, so a household
// assessed for a past date lost a member who has left since and kept one who joined since — and the
// leaver's income was counted while the number of persons was not. Now the members on the assessment date
// count, with their income only.
TEST_P(Income, AssessmentCountsTheMembersOnTheAssessmentDateNotTodays) {
  ASSERT_TRUE(svc_->add(worker(), household_, item("wynagrodzenie", "2025-09", 120000, 0), "").ok());
  ASSERT_TRUE(svc_->add(worker(), household_, item("wynagrodzenie", "2025-10", 120000, 0), "").ok());
  ASSERT_TRUE(svc_->add(worker(), household_, item("emerytura_renta", "2025-09", 90000, 2), "").ok());
  ASSERT_TRUE(svc_->add(worker(), household_, item("emerytura_renta", "2025-10", 90000, 2), "").ok());
  // member 2 leaves on 20.10.2025 (the last day of membership); a new member joins on 10.11.2025
  ASSERT_TRUE(cases_->end_member(worker(), household_, persons_[2], "2025-10-20", "wyprowadzka").ok());
  const auto newcomer = make_person(centre_, "Jan", "Nowy");
  ASSERT_TRUE(cases_->add_member(worker(), household_, newcomer, "other", "2025-11-10").ok());

  auto september = svc_->assess(worker(), household_, "2025-09", "2025-10-01");  // before leaving: 3 persons
  ASSERT_TRUE(september.ok()) << september.error().message;
  EXPECT_EQ(september->value.income.persons, 3);
  EXPECT_EQ(september->value.income.total.grosze, 210000);
  EXPECT_EQ(september->audit.size(), 3u);
  auto last_day = svc_->assess(worker(), household_, "2025-09", "2025-10-20");  // still a member that day
  EXPECT_EQ(last_day->value.income.persons, 3);
  auto october = svc_->assess(worker(), household_, "2025-10", "2025-11-01");  // left, not yet joined: 2 persons
  ASSERT_TRUE(october.ok()) << october.error().message;
  EXPECT_EQ(october->value.income.persons, 2);
  EXPECT_EQ(october->value.income.total.grosze, 120000);  // the leaver's pension is not this household's income
  EXPECT_EQ(october->value.items.size(), 2u);  // member 0's September and October salary (the window), not the pension
  EXPECT_EQ(october->audit.size(), 2u);
  auto now = svc_->assess(worker(), household_, "2025-10", "2025-11-20");  // with the newcomer: 3 again
  EXPECT_EQ(now->value.income.persons, 3);
  auto empty = svc_->assess(worker(), household_, "2023-10", "2023-11-01");  // before anyone joined
  EXPECT_EQ(empty.error().field, "date");
}

// The assessment applies the gmina's percent of zasiłek okresowy and its limit of zasiłek celowy in force on
// the assessment date.
TEST_P(Income, AssessmentAppliesTheGminaResolutionsInForceOnItsDate) {
  gmina::GminaService resolutions(*db_, clock_);
  const Principal director = actor(centre_, {"org.write"});
  ASSERT_TRUE(
      resolutions.add(director, {"zasilek_okresowy_percent", "2025-11-01", "", 100, std::nullopt, "uchwała nr 7"})
          .ok());
  ASSERT_TRUE(
      resolutions.add(director, {"zasilek_celowy_max", "2025-11-01", "", std::nullopt, 60000, "uchwała nr 8"}).ok());
  ASSERT_TRUE(svc_->add(worker(), household_, item("wynagrodzenie", "2025-10", 140000), "").ok());
  auto before = svc_->assess(worker(), household_, "2025-10", "2025-10-31");
  auto after = svc_->assess(worker(), household_, "2025-10", "2025-11-01");
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(form(before->value, "zasilek_okresowy").amount, Money{(246900 - 140000) / 2});  // statutory 50 %
  EXPECT_EQ(form(after->value, "zasilek_okresowy").amount, Money{246900 - 140000});         // 100 %
  EXPECT_EQ(form(before->value, "zasilek_celowy").max_amount, std::nullopt);
  EXPECT_EQ(form(after->value, "zasilek_celowy").max_amount, Money{60000});
}

// The re-check after a change of criteria: each household with income in the month, its members on the date,
// under the rules of the day before and of the day; the same result as assessing each household on its own.
TEST_P(Income, RecheckCountsEligibilityBeforeAndAfterTheNewCriteria) {
  // household 1 (3 persons): 2 000 zł — under 3 × 600 zł? no (1 800); under 3 × 823 zł? yes
  ASSERT_TRUE(svc_->add(worker(), household_, item("wynagrodzenie", "2024-12", 200000), "").ok());
  // household 2 (1 person): 700 zł — below 776 zł and below 1 010 zł; amount changes
  const auto h2 = make_household(centre_, section_);
  const auto p2 = make_person(centre_, "Ewa", "Sama");
  add_member(centre_, h2, p2);
  ASSERT_TRUE(svc_->add(worker(), h2, item_for(p2, "wynagrodzenie", "2024-12", 70000), "").ok());
  // household 3 (1 person): no income recorded for the month — not checked
  const auto h3 = make_household(centre_, section_);
  add_member(centre_, h3, make_person(centre_, "Olga", "Bezdochodowa"));

  auto r = svc_->recheck(system_principal(centre_), "2025-01-01", "");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->month, "2024-12");
  EXPECT_EQ(r->before, "2024-12-31");
  EXPECT_EQ(r->households, 2);
  EXPECT_EQ(r->skipped, 0);
  ASSERT_EQ(r->forms.size(), 2u);
  EXPECT_EQ(r->forms[0].form, "zasilek_staly");
  EXPECT_EQ(r->forms[1].form, "zasilek_okresowy");
  for (const auto& f : r->forms) {
    EXPECT_EQ(f.eligible_before, 1) << f.form;  // only the single person
    EXPECT_EQ(f.eligible_after, 2) << f.form;
    EXPECT_EQ(f.amount_changed, 2) << f.form;  // the family's from 0, the single person's with the criterion
  }
  // agrees with the assessment of each household on its own
  auto a1 = svc_->assess(worker(), household_, "2024-12", "2025-01-01");
  auto b1 = svc_->assess(worker(), household_, "2024-12", "2024-12-31");
  EXPECT_TRUE(form(a1->value, "zasilek_okresowy").eligible);
  EXPECT_FALSE(form(b1->value, "zasilek_okresowy").eligible);

  EXPECT_EQ(db_->acquire()->query_one("SELECT COUNT(*) FROM audit_log WHERE action = 'recheck'")->int64(0), 1);
  // a user who does not see every section may not re-check the centre; bad dates are refused
  EXPECT_EQ(svc_->recheck(worker(), "2025-01-01", "").error().code, ErrorCode::forbidden);
  EXPECT_EQ(svc_->recheck(system_principal(centre_), "2025-13-01", "").error().field, "date");
  EXPECT_EQ(svc_->recheck(system_principal(centre_), "2012-10-01", "").error().field, "date");
  EXPECT_EQ(svc_->recheck(system_principal(centre_), "2025-01-01", "2024-13").error().field, "month");
  EXPECT_EQ(db_->acquire()->query_one("SELECT COUNT(*) FROM audit_log WHERE action = 'recheck'")->int64(0), 1);
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
