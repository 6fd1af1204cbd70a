// Amounts a decision may grant: from the calculators, within the act's limits, with a justification
// when the worker departs from the calculated amount.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "modules/decisions/amount.h"

namespace ostoja::decisions {
namespace {

AmountFacts facts(const char* form, int size, std::int64_t income_zl, Kind kind = Kind::grant) {
  return {form, kind, *Date::parse("2026-11-01"), size, Money::zl(income_zl), {}};
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
  auto celowy =
      amount_range({"zasilek_celowy", Kind::grant, *Date::parse("2026-11-01"), std::nullopt, std::nullopt, {}});
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
  auto meals = amount_range({"posilek", Kind::grant, *Date::parse("2026-11-01"), std::nullopt, std::nullopt, {}});
  ASSERT_TRUE(meals.ok());
  EXPECT_EQ(*decide_amount(*meals, std::nullopt, ""), Money{});
  EXPECT_EQ(amount_range(facts("wczasy", 1, 0)).error().field, "form");
}

// The gmina's resolutions in force on the first day of the period set the share of zasiłek okresowy and
// the maximum of one decision of the zasiłki celowe; the statutory cap of art. 41 pkt 1 stays.
TEST(DecisionAmount, GminaResolutionsInForceOnThePeriodStartSetTheRange) {
  const Date d2025{2025, 1, 1}, d2026{2026, 1, 1};
  rules::GminaSettings gmina;
  gmina.zasilek_okresowy_percent = {{d2025, Date{2025, 12, 31}, 60, "uchwała nr I/1/2024"},
                                    {d2026, std::nullopt, 80, "uchwała nr V/5/2025"}};
  gmina.zasilek_celowy_max = {{d2026, std::nullopt, Money::zl(500), "uchwała nr V/6/2025"}};
  gmina.specjalny_zasilek_celowy_max = {{d2025, std::nullopt, Money::zl(1000), "uchwała nr I/2/2024"}};
  struct Row {
    const char* form;
    const char* date;
    int size;
    std::int64_t income_zl;
    std::int64_t calculated, min, max;  // grosze; calculated −1 = none
  };
  const std::vector<Row> rows{
      // 3 persons, 1 000 zł: the difference 3 × 823 − 1 000 = 1 469 zł
      {"zasilek_okresowy", "2025-06-01", 3, 1000, 88140, 88140, 146900},    // 60 %
      {"zasilek_okresowy", "2026-11-01", 3, 1000, 117520, 117520, 146900},  // 80 %
      {"zasilek_okresowy", "2024-12-01", 3, 1000, 40000, 40000, 80000},  // no resolution yet: 50 % of 3 × 600 − 1 000
      {"zasilek_celowy", "2026-11-01", 1, 0, -1, 1, 50000},              // the gmina's 500 zł
      {"zasilek_celowy", "2025-11-01", 1, 0, -1, 1, 10000000},           // none in force: the sanity ceiling
      {"specjalny_zasilek_celowy", "2026-11-01", 2, 5000, -1, 1, 100000},  // gmina 1 000 zł < 2 × 823 zł
      {"specjalny_zasilek_celowy", "2024-11-01", 2, 5000, -1, 1, 120000},  // before the resolution: 2 × 600 zł
  };
  for (const auto& row : rows) {
    auto r = amount_range({row.form, Kind::grant, *Date::parse(row.date), row.size, Money::zl(row.income_zl), gmina});
    ASSERT_TRUE(r.ok()) << row.form << " " << row.date << ": " << r.error().message;
    EXPECT_EQ(r->calculated, row.calculated < 0 ? std::nullopt : std::optional<Money>(Money{row.calculated}))
        << row.form << " " << row.date;
    EXPECT_EQ(r->min, Money{row.min}) << row.form << " " << row.date;
    EXPECT_EQ(r->max, Money{row.max}) << row.form << " " << row.date;
  }
  auto celowy = amount_range({"zasilek_celowy", Kind::grant, d2026, std::nullopt, std::nullopt, gmina});
  ASSERT_TRUE(celowy.ok());
  EXPECT_EQ(decide_amount(*celowy, Money{50001}, "").error().field, "amount_grosze");
  EXPECT_EQ(*decide_amount(*celowy, Money{50000}, ""), Money{50000});
  bool cited = false;
  for (const auto& line : celowy->explanation) cited = cited || line.find("uchwała nr V/6/2025") != std::string::npos;
  EXPECT_TRUE(cited);
  // A stored percent outside 50–100 (which the module refuses to store) is still refused by the calculator.
  rules::GminaSettings bad;
  bad.zasilek_okresowy_percent = {{d2025, std::nullopt, 40, "uchwała błędna"}};
  EXPECT_EQ(amount_range({"zasilek_okresowy", Kind::grant, d2026, 3, Money::zl(1000), bad}).error().field,
            "gmina_percent");
}

}  // namespace
}  // namespace ostoja::decisions
