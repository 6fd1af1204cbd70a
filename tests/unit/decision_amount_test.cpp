// Amounts a decision may grant: from the calculators, within the act's limits, with a justification
// when the worker departs from the calculated amount.
#include <gtest/gtest.h>

#include "modules/decisions/amount.h"

namespace ostoja::decisions {
namespace {

AmountFacts facts(const char* form, int size, std::int64_t income_zl, Kind kind = Kind::grant) {
  return {form, kind, *Date::parse("2026-11-01"), size, Money::zl(income_zl)};
}

TEST(DecisionAmount, ZasilekStalyIsFixedByTheAct) {
  auto r = amount_range(facts("zasilek_staly", 1, 0));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->fixed);
  EXPECT_EQ(r->calculated, Money::zl(1229));  // 130 % of 1 010 zł capped at the maximum 1 229 zł
  EXPECT_EQ(*decide_amount(*r, std::nullopt, ""), Money::zl(1229));
  EXPECT_EQ(decide_amount(*r, Money::zl(1000), "bo tak postanowiono").error().field, "amount_grosze");
}

TEST(DecisionAmount, ZasilekOkresowyBetweenHalfAndTheWholeDifference) {
  auto r = amount_range(facts("zasilek_okresowy", 3, 1000));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->calculated, Money{73450});  // 50 % of (3 × 823 zł − 1 000 zł)
  EXPECT_EQ(r->min, Money{73450});
  EXPECT_EQ(r->max, Money{146900});
  EXPECT_FALSE(r->explanation.empty());
  EXPECT_EQ(decide_amount(*r, Money{100000}, "").error().field, "amount_justification");
  EXPECT_EQ(*decide_amount(*r, Money{100000}, "Wysokie koszty leczenia dziecka."), Money{100000});
  EXPECT_EQ(decide_amount(*r, Money{146901}, "Wysokie koszty leczenia dziecka.").error().field, "amount_grosze");
  EXPECT_EQ(decide_amount(*r, Money{73449}, "Wysokie koszty leczenia dziecka.").error().field, "amount_grosze");
}

TEST(DecisionAmount, SinglePersonOkresowyIsCappedAndIncomeAtTheCriterionIsRefused) {
  auto r = amount_range(facts("zasilek_okresowy", 1, 500));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->min, Money::zl(255));
  EXPECT_EQ(r->max, Money::zl(510));
  auto none = amount_range(facts("zasilek_okresowy", 1, 1010));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().field, "income_grosze");
  EXPECT_EQ(amount_range(facts("zasilek_okresowy", 0, 10)).error().field, "household_size");
}

TEST(DecisionAmount, CeloweNeedAnAmountSpecjalnyUpToTheCriterion) {
  auto celowy = amount_range({"zasilek_celowy", Kind::grant, *Date::parse("2026-11-01"), std::nullopt, std::nullopt});
  ASSERT_TRUE(celowy.ok());
  EXPECT_EQ(decide_amount(*celowy, std::nullopt, "").error().field, "amount_grosze");
  EXPECT_EQ(*decide_amount(*celowy, Money::zl(300), ""), Money::zl(300));
  auto special = amount_range(facts("specjalny_zasilek_celowy", 2, 5000));
  ASSERT_TRUE(special.ok());
  EXPECT_EQ(special->max, Money::zl(1646));  // 2 × 823 zł
  EXPECT_EQ(decide_amount(*special, Money::zl(1647), "").error().field, "amount_grosze");
}

TEST(DecisionAmount, RefusalsAndNonCashHelpCarryNoAmount) {
  auto refuse = amount_range(facts("zasilek_okresowy", 1, 5000, Kind::refuse));
  ASSERT_TRUE(refuse.ok());
  EXPECT_EQ(*decide_amount(*refuse, std::nullopt, ""), Money{});
  auto meals = amount_range({"posilek", Kind::grant, *Date::parse("2026-11-01"), std::nullopt, std::nullopt});
  ASSERT_TRUE(meals.ok());
  EXPECT_EQ(*decide_amount(*meals, std::nullopt, ""), Money{});
  EXPECT_EQ(amount_range(facts("wczasy", 1, 0)).error().field, "form");
}

}  // namespace
}  // namespace ostoja::decisions
