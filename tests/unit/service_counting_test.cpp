// The rules under the report counts: a child by age on a day, care-home fee shares and their part of a
// period, flat occupancy, the dating of an undated quantity, and a decision's effect after a change.
#include <gtest/gtest.h>

#include "modules/decisions/lifecycle.h"
#include "modules/services/counting.h"

namespace ostoja::services {
namespace {

Date d(const char* iso) {
  return *Date::parse(iso);
}

TEST(ServiceCounting, ChildUntilTheStartOfTheEighteenthBirthday) {
  struct Case {
    const char* birth;
    const char* day;
    bool child;
  };
  const Case cases[] = {
      {"2007-03-05", "2025-03-04", true},   // the day before the birthday
      {"2007-03-05", "2025-03-05", false},  // of age from the start of the birthday (art. 112 k.c.)
      {"2008-02-29", "2026-02-27", true},
      {"2008-02-29", "2026-02-28", false},  // no 29.02 in 2026: the month's last day
      {"2025-01-01", "2025-01-01", true},   // a newborn
      {"1985-05-05", "2025-01-01", false},
  };
  for (const auto& c : cases) EXPECT_EQ(is_child_on(d(c.birth), d(c.day)), c.child) << c.birth << " " << c.day;
}

TEST(ServiceCounting, MostResidentsPresentOnOneDay) {
  const Period year{d("2025-01-01"), d("2025-12-31")};
  // Two stays that touch (one ends 31.03, the next begins 1.04) share a place; a third overlaps both.
  std::vector<Period> stays{
      {d("2025-01-01"), d("2025-03-31")}, {d("2025-04-01"), d("2025-06-30")}, {d("2025-03-15"), d("2025-04-15")}};
  EXPECT_EQ(most_present(stays, year), 2);
  EXPECT_EQ(most_present(stays, {d("2025-05-01"), d("2025-05-31")}), 1);
  EXPECT_EQ(most_present(stays, {d("2026-01-01"), d("2026-01-31")}), 0);
  stays.push_back({d("2025-03-31"), d("2025-04-01")});
  EXPECT_EQ(most_present(stays, year), 3);
}

TEST(ServiceCounting, CareHomeFeeSharesFollowArticle61) {
  EXPECT_TRUE(check_fee({Money::zl(6000), Money::zl(1400), Money::zl(1000)}, Money::zl(2000)).ok());
  EXPECT_EQ((CareHomeFee{Money::zl(6000), Money::zl(1400), Money::zl(1000)}.gmina()), Money::zl(3600));
  struct Bad {
    CareHomeFee fee;
    std::optional<Money> income;
    const char* field;
  };
  const Bad bad[] = {
      {{Money{}, Money{}, Money{}}, std::nullopt, "cost_grosze"},
      {{Money::zl(6000), Money{140001}, Money{}}, Money::zl(2000), "resident_fee_grosze"},  // over 70 % of 2 000 zł
      {{Money::zl(6000), Money{-1}, Money{}}, std::nullopt, "resident_fee_grosze"},
      {{Money::zl(6000), Money::zl(4000), Money::zl(2001)}, std::nullopt, "family_fee_grosze"},  // the gmina below zero
  };
  for (const auto& b : bad) {
    auto s = check_fee(b.fee, b.income);
    ASSERT_FALSE(s.ok()) << b.field;
    EXPECT_EQ(s.error().field, b.field) << s.error().message;
  }
}

TEST(ServiceCounting, MonthlyShareOfAPeriodInProportionToDays) {
  const Period stay{d("2025-01-20"), d("2025-12-31")};
  // 12 of 31 January days of 3 100 zł = 1 200 zł; February whole.
  EXPECT_EQ(monthly_share(Money::zl(3100), stay, {d("2025-01-01"), d("2025-02-28")}), Money::zl(1200 + 3100));
  EXPECT_EQ(monthly_share(Money::zl(3100), stay, {d("2024-01-01"), d("2024-12-31")}), Money{});
  // Quarters add up to the year to the grosz: whole months are exact, part months only at the stay's ends.
  Money quarters;
  for (const auto& q : {Period{d("2025-01-01"), d("2025-03-31")}, Period{d("2025-04-01"), d("2025-06-30")},
                        Period{d("2025-07-01"), d("2025-09-30")}, Period{d("2025-10-01"), d("2025-12-31")}})
    quarters = quarters + monthly_share(Money{333333}, stay, q);
  EXPECT_EQ(quarters, monthly_share(Money{333333}, stay, {d("2025-01-01"), d("2025-12-31")}));
  // Halves up: 1 day of 30 of 0,45 zł = 1,5 gr → 2 gr.
  EXPECT_EQ(monthly_share(Money{45}, {d("2025-06-10"), d("2025-06-10")}, {d("2025-06-01"), d("2025-06-30")}), Money{2});
}

TEST(ServiceCounting, UndatedQuantityOnlyWithinOneMonth) {
  EXPECT_EQ(undated_quantity_day({d("2025-03-01"), d("2025-03-31")}, d("2025-11-24"))->iso(), "2025-03-31");
  EXPECT_EQ(undated_quantity_day({d("2025-11-03"), d("2025-11-30")}, d("2025-11-24"))->iso(), "2025-11-24");
  EXPECT_EQ(undated_quantity_day({d("2025-02-01"), d("2025-04-30")}, d("2025-11-24")).error().field, "deliveries");
  EXPECT_EQ(undated_quantity_day({d("2024-12-31"), d("2025-01-01")}, d("2025-11-24")).error().field, "deliveries");
}

}  // namespace
}  // namespace ostoja::services

namespace ostoja::decisions {
namespace {

Date d(const char* iso) {
  return *Date::parse(iso);
}

TEST(DecisionEffect, EndsTheDayBeforeTheFirstBindingChange) {
  auto whole = effect_period(d("2025-01-01"), d("2025-12-31"), true, std::nullopt);
  EXPECT_EQ(whole->to->iso(), "2025-12-31");
  auto withdrawn = effect_period(d("2025-01-01"), d("2025-12-31"), true, d("2025-03-16"));
  EXPECT_EQ(withdrawn->to->iso(), "2025-03-15");
  EXPECT_FALSE(effect_period(d("2025-01-01"), d("2025-12-31"), true, d("2025-01-01")));  // replaced from day one
  auto indefinite = effect_period(d("2025-01-01"), std::nullopt, true, std::nullopt);
  EXPECT_FALSE(indefinite->to);
  EXPECT_EQ(effect_period(d("2025-01-01"), std::nullopt, true, d("2025-06-01"))->to->iso(), "2025-05-31");
  EXPECT_EQ(effect_period(d("2025-02-10"), std::nullopt, false, std::nullopt)->to->iso(), "2025-02-10");  // one-off
  EXPECT_EQ(effect_period(d("2025-01-01"), d("2025-03-31"), true, d("2025-06-01"))->to->iso(), "2025-03-31");
}

}  // namespace
}  // namespace ostoja::decisions
