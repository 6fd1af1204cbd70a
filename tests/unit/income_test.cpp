// Household income for the eligibility test (art. 8 ust. 3–13): deductions, dated exclusions,
// one-off amounts spread over 12 months, farms by hectares, bad input.
#include "rules/income.h"

#include <gtest/gtest.h>

namespace ostoja::rules {
namespace {

IncomeItem item(const char* type, const char* month, std::int64_t grosze) {
  IncomeItem i;
  i.person_id = 1;
  i.type = type;
  i.month = month;
  i.amount = Money{grosze};
  return i;
}

TEST(HouseholdIncome, NetOfTaxContributionsAndAlimonyPaid) {
  auto pay = item("wynagrodzenie", "2026-10", 350000);
  pay.tax = Money{20000};
  pay.health = Money{27000};
  pay.social = Money{48000};
  pay.alimony_paid = Money{50000};
  std::vector<IncomeItem> items{pay, item("swiadczenia_rodzinne", "2026-10", 9500)};
  auto r = household_income(items, "2026-10", 3);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->total.grosze, 205000 + 9500);
  EXPECT_EQ(r->per_person.grosze, 71500);
  EXPECT_NE(r->items[0].explanation.find("art. 8 ust. 3"), std::string::npos);
}

TEST(HouseholdIncome, ChildBenefitIsExcludedOnlyOnceItExisted) {
  std::vector<IncomeItem> items{item("swiadczenie_wychowawcze", "2026-10", 160000),
                                item("zasilek_celowy", "2026-10", 30000)};
  auto r = household_income(items, "2026-10", 4);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total.grosze, 0);
  EXPECT_NE(r->items[0].explanation.find("nie wlicza"), std::string::npos);
  // Before 1.04.2016 the benefit did not exist; the table excludes it only from that day.
  EXPECT_EQ(excluded_on("swiadczenie_wychowawcze", Date{2016, 3, 31}), nullptr);
  ASSERT_NE(excluded_on("swiadczenie_wychowawcze", Date{2016, 4, 1}), nullptr);
}

TEST(HouseholdIncome, LargeOneOffAmountIsSpreadOverTwelveMonths) {
  // Family of 2 in 2026: criterion 2 × 823 zł = 1 646 zł; five times = 8 230 zł.
  std::vector<IncomeItem> big{item("jednorazowy", "2026-03", 1200000)};
  auto within = household_income(big, "2026-10", 2);
  ASSERT_TRUE(within.ok());
  EXPECT_EQ(within->total.grosze, 100000);  // 12 000 zł / 12
  auto after = household_income(big, "2027-03", 2);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->total.grosze, 0);  // the 12 months (03.2026–02.2027) have passed
  auto last = household_income(big, "2027-02", 2);
  EXPECT_EQ(last->total.grosze, 100000);
  std::vector<IncomeItem> small{item("jednorazowy", "2026-10", 500000)};
  EXPECT_EQ(household_income(small, "2026-10", 2)->total.grosze, 500000);  // below 5 × criterion: its month only
  std::vector<IncomeItem> small_earlier{item("jednorazowy", "2026-09", 500000)};
  EXPECT_EQ(household_income(small_earlier, "2026-10", 2)->total.grosze, 0);
}

// Regression: 1/12 was truncated each month, so up to 11 grosze of a spread amount were never counted.
TEST(HouseholdIncome, TwelveSpreadPartsAddUpToTheWholeAmount) {
  std::vector<IncomeItem> odd{item("jednorazowy", "2026-03", 1200011)};  // 12 000,11 zł: 11 grosze over twelve parts
  std::int64_t sum = 0;
  std::vector<std::int64_t> parts;
  for (int m = 0; m < 12; ++m) {
    const int month = 3 + m;
    const std::string ym = std::to_string(2026 + (month - 1) / 12) + "-" + (((month - 1) % 12 + 1) < 10 ? "0" : "") +
                           std::to_string((month - 1) % 12 + 1);
    auto r = household_income(odd, ym, 2);
    ASSERT_TRUE(r.ok()) << ym;
    parts.push_back(r->total.grosze);
    sum += r->total.grosze;
  }
  EXPECT_EQ(sum, 1200011);
  EXPECT_EQ(parts.front(), 100001);  // the first eleven months carry one grosz more
  EXPECT_EQ(parts[10], 100001);
  EXPECT_EQ(parts.back(), 100000);
}

// Art. 8 ust. 12: a pension's arrears for January–March received at once in May count a third in each
// of those months (the parts adding up to the amount) and nothing in April or May.
TEST(HouseholdIncome, IncomeDueForAPeriodCountsInTheMonthsOfThatPeriod) {
  auto arrears = item("emerytura_renta", "2026-05", 300001);
  arrears.period_from = "2026-01";
  arrears.period_to = "2026-03";
  std::vector<IncomeItem> items{arrears};
  struct Row {
    const char* month;
    std::int64_t counted;
  };
  for (const Row& row : {Row{"2025-12", 0}, Row{"2026-01", 100001}, Row{"2026-02", 100000}, Row{"2026-03", 100000},
                         Row{"2026-04", 0}, Row{"2026-05", 0}}) {
    auto r = household_income(items, row.month, 2);
    ASSERT_TRUE(r.ok()) << row.month << ": " << r.error().message;
    EXPECT_EQ(r->total.grosze, row.counted) << row.month;
    EXPECT_NE(r->items[0].explanation.find("art. 8 ust. 12"), std::string::npos) << row.month;
  }
  // Deductions first, then the parts; an excluded kind stays excluded.
  arrears.tax = Money{30001};
  std::vector<IncomeItem> net{arrears};
  EXPECT_EQ(household_income(net, "2026-01", 2)->total.grosze, 90000);
  auto child = item("swiadczenie_wychowawcze", "2026-05", 240000);
  child.period_from = "2026-01";
  child.period_to = "2026-03";
  std::vector<IncomeItem> excluded{child};
  EXPECT_EQ(household_income(excluded, "2026-02", 2)->total.grosze, 0);
}

TEST(HouseholdIncome, BadPeriodsAreValidationErrors) {
  auto base = item("emerytura_renta", "2026-05", 100000);
  struct Row {
    std::optional<std::string> from, to;
    const char* type;
    const char* message;
  };
  for (const Row& row : {Row{"2026-03", "2026-01", "emerytura_renta", "przed jego początkiem"},
                         Row{"2026-01", std::nullopt, "emerytura_renta", "RRRR-MM"},
                         Row{"2026-1", "2026-03", "emerytura_renta", "RRRR-MM"},
                         Row{"2023-01", "2026-01", "emerytura_renta", "36 miesięcy"},
                         Row{"2026-01", "2026-03", "jednorazowy", "art. 8 ust. 12"},
                         Row{"2026-01", "2026-03", "gospodarstwo_rolne", "art. 8 ust. 12"}}) {
    auto i = base;
    i.type = row.type;
    i.period_from = row.from;
    i.period_to = row.to;
    std::vector<IncomeItem> items{i};
    auto r = household_income(items, "2026-02", 2);
    ASSERT_FALSE(r.ok()) << row.message;
    EXPECT_EQ(r.error().field, "items");
    EXPECT_NE(r.error().message.find(row.message), std::string::npos) << r.error().message;
  }
}

TEST(IncomeExclusions, DobryStartUnderEachRegulationInItsOwnPeriod) {
  EXPECT_EQ(excluded_on("dobry_start", Date{2018, 5, 31}), nullptr);
  const auto* first = excluded_on("dobry_start", Date{2018, 6, 1});
  ASSERT_NE(first, nullptr);
  EXPECT_NE(std::string(first->legal_basis).find("Dz.U. 2018 poz. 1061"), std::string::npos);
  EXPECT_EQ(excluded_on("dobry_start", Date{2021, 6, 30}), first);
  const auto* second = excluded_on("dobry_start", Date{2021, 7, 1});
  ASSERT_NE(second, nullptr);
  EXPECT_NE(std::string(second->legal_basis).find("Dz.U. 2021 poz. 1092"), std::string::npos);
}

TEST(HouseholdIncome, FarmCountsHectaresTimesThePerHectareIncome) {
  auto farm = item("gospodarstwo_rolne", "2026-10", 0);
  farm.hectares_e4 = 35000;  // 3,5 ha przeliczeniowego × 459 zł (from 1.01.2025)
  std::vector<IncomeItem> items{farm};
  auto r = household_income(items, "2026-10", 1);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total.grosze, 160650);
  EXPECT_NE(r->items[0].explanation.find("3,5000 ha"), std::string::npos);
}

// The bulk re-check's income: the same amounts without the items' explanations.
TEST(HouseholdIncome, WithoutExplanationTheAmountsAreTheSame) {
  std::vector<IncomeItem> items(4);
  items[0] = {1, "wynagrodzenie", "2025-10", Money{350000}, Money{20000}, Money{10000}, Money{5000}, Money{}, 0, {},
              {}};
  items[1] = {2, "jednorazowy", "2025-06", Money{900000}, {}, {}, {}, {}, 0, {}, {}};
  items[2] = {2, "swiadczenie_wychowawcze", "2025-10", Money{80000}, {}, {}, {}, {}, 0, {}, {}};
  items[3] = {1, "emerytura_renta", "2025-11", Money{300000}, {}, {}, {}, {}, 0, "2025-08", "2025-10"};
  auto full = household_income(items, "2025-10", 2);
  auto lean = household_income(items, "2025-10", 2, Explain::no);
  ASSERT_TRUE(full.ok() && lean.ok());
  EXPECT_EQ(full->total, lean->total);
  EXPECT_EQ(full->per_person, lean->per_person);
  ASSERT_EQ(lean->items.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(full->items[i].counted, lean->items[i].counted) << i;
    EXPECT_FALSE(full->items[i].explanation.empty()) << i;
    EXPECT_TRUE(lean->items[i].explanation.empty()) << i;
  }
  items[0].tax = Money{999999};
  EXPECT_EQ(household_income(items, "2025-10", 2, Explain::no).error().field, "items");
}

TEST(HouseholdIncome, BadInputIsRefusedWithTheField) {
  auto neg = item("wynagrodzenie", "2026-10", -1);
  auto over = item("wynagrodzenie", "2026-10", 1000);
  over.tax = Money{1001};
  for (const auto& bad : {neg, over, item("spadek", "2026-10", 1), item("wynagrodzenie", "2026-1", 1)}) {
    std::vector<IncomeItem> items{bad};
    auto r = household_income(items, "2026-10", 1);
    ASSERT_FALSE(r.ok()) << bad.type;
    EXPECT_EQ(r.error().field, "items");
  }
  EXPECT_EQ(household_income({}, "2026-13", 1).error().field, "month");
  EXPECT_EQ(household_income({}, "2026-10", 0).error().field, "persons");
  EXPECT_EQ(household_income({}, "2012-09", 1).error().field, "date");
}

}  // namespace
}  // namespace ostoja::rules
