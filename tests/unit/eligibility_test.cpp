// Table-driven tests of rules/eligibility.h (every form of help and the income) and rules/gmina.h (the
// gmina's resolutions). Amounts in grosze. Criteria: 542/456 zł (10.2012), 776/600 zł (2022–2024),
// 1 010/823 zł (from 2025).
#include "rules/eligibility.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "rules/procedure.h"

namespace ostoja::rules {
namespace {

Date d(std::string_view iso) {
  return *Date::parse(iso);
}

bool mentions(const FormEligibility& e, std::string_view text) {
  return std::any_of(e.explanation.begin(), e.explanation.end(),
                     [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

struct Row {
  const char* form;
  const char* date;
  int size;
  std::int64_t income;
  bool eligible;
  bool income_tested;
  std::int64_t criterion;  // the threshold compared with (0: none)
  std::int64_t max;        // max_amount (-1: none)
  std::int64_t amount;     // amount (-1: none)
  const char* cited;       // a provision the explanation must cite
};

TEST(FormEligibility, Table) {
  const std::vector<Row> rows{
      // zasiłek celowy: art. 8 ust. 1 "nie przekracza" — income equal to the criterion is eligible
      {"zasilek_celowy", "2025-03-01", 1, 101000, true, true, 101000, -1, -1, "art. 8 ust. 1"},
      {"zasilek_celowy", "2025-03-01", 1, 101001, false, true, 101000, -1, -1, "art. 41 pkt 2"},
      {"zasilek_celowy", "2025-03-01", 3, 246900, true, true, 246900, -1, -1, "art. 39 ust. 1"},
      {"zasilek_celowy", "2025-03-01", 3, 246901, false, true, 246900, -1, -1, "art. 40 ust. 3"},
      {"zasilek_celowy", "2024-12-31", 1, 80000, false, true, 77600, -1, -1, "art. 8 ust. 1"},  // old criteria
      // specjalny zasiłek celowy: art. 41 pkt 1 — only above the criterion, up to the criterion
      {"specjalny_zasilek_celowy", "2025-03-01", 1, 101000, false, true, 101000, -1, -1, "art. 39"},
      {"specjalny_zasilek_celowy", "2025-03-01", 1, 101001, true, true, 101000, 101000, -1, "art. 41 pkt 1"},
      {"specjalny_zasilek_celowy", "2025-03-01", 3, 500000, true, true, 246900, 246900, -1, "art. 41 pkt 1"},
      {"specjalny_zasilek_celowy", "2012-10-01", 2, 100000, true, true, 91200, 91200, -1, "art. 41 pkt 1"},
      // zasiłek stały and okresowy: the calculators ("niższy od kryterium": equal is not eligible)
      {"zasilek_staly", "2025-03-01", 1, 50000, true, true, 101000, -1, 81300, "art. 37"},
      {"zasilek_staly", "2025-03-01", 1, 101000, false, true, 101000, -1, -1, "art. 37 ust. 1 pkt 1"},
      {"zasilek_okresowy", "2025-03-01", 3, 150000, true, true, 246900, -1, 48450, "art. 38"},
      {"zasilek_okresowy", "2025-03-01", 3, 246900, false, true, 246900, -1, -1, "art. 38 ust. 1 pkt 2"},
      // posiłek: the state meals programme's percentage of the criterion, income not above it
      {"posilek", "2013-06-01", 1, 81300, true, true, 81300, -1, -1, "dożywiania"},   // 150 % × 542 zł = 813 zł
      {"posilek", "2013-06-01", 2, 136801, false, true, 136800, -1, -1, "art. 48"},   // 150 % × 2 × 456 zł
      {"posilek", "2022-06-01", 2, 180000, true, true, 180000, -1, -1, "2019–2023"},  // 150 % × 2 × 600 zł
      {"posilek", "2023-06-01", 2, 240000, true, true, 240000, -1, -1, "28 grudnia 2022"},  // 200 %
      {"posilek", "2025-03-01", 1, 202000, true, true, 202000, -1, -1, "2024–2028"},        // 200 % × 1 010 zł
      {"posilek", "2025-03-01", 1, 202001, false, true, 202000, -1, -1, "art. 48b ust. 2"},
      // pomoc rzeczowa: above the criterion only with a refund (art. 41 pkt 2)
      {"pomoc_rzeczowa", "2025-03-01", 1, 101000, true, true, 101000, -1, -1, "art. 41 pkt 2"},
      {"pomoc_rzeczowa", "2025-03-01", 1, 101001, false, true, 101000, -1, -1, "art. 41 pkt 2"},
      // regardless of income (the act says so) or not tied to income at all
      {"interwencja_kryzysowa", "2025-03-01", 1, 1'000'000'00, true, false, 0, -1, -1, "art. 47 ust. 2"},
      {"poradnictwo", "2025-03-01", 4, 1'000'000'00, true, false, 0, -1, -1, "art. 46 ust. 1"},
      {"praca_socjalna", "2025-03-01", 1, 1'000'000'00, true, false, 0, -1, -1, "art. 45"},
      {"uslugi_opiekuncze", "2025-03-01", 1, 500000, true, false, 0, -1, -1, "art. 50 ust. 6"},
      {"specjalistyczne_uslugi_opiekuncze", "2025-03-01", 1, 500000, true, false, 0, -1, -1, "art. 50 ust. 6"},
      {"schronienie", "2025-03-01", 1, 500000, true, false, 0, -1, -1, "art. 48"},
      {"dps", "2025-03-01", 1, 500000, true, false, 0, -1, -1, "art. 54"},
      {"asystent_rodziny", "2025-03-01", 3, 900000, true, false, 0, -1, -1, "wspieraniu rodziny"},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(std::string(r.form) + " " + r.date + " size " + std::to_string(r.size) + " income " +
                 std::to_string(r.income));
    auto e = form_eligibility(d(r.date), r.form, r.size, Money{r.income}, {});
    ASSERT_TRUE(e.ok()) << e.error().message;
    EXPECT_EQ(e->form, r.form);
    EXPECT_EQ(e->eligible, r.eligible);
    EXPECT_EQ(e->income_tested, r.income_tested);
    EXPECT_EQ(e->criterion, Money{r.criterion});
    EXPECT_EQ(e->max_amount, r.max < 0 ? std::nullopt : std::optional<Money>(Money{r.max}));
    EXPECT_EQ(e->amount, r.amount < 0 ? std::nullopt : std::optional<Money>(Money{r.amount}));
    EXPECT_TRUE(mentions(*e, r.cited)) << "does not cite " << r.cited;
  }
}

TEST(FormEligibility, InvalidInputIsRefusedWithTheField) {
  const std::vector<std::tuple<const char*, const char*, int, std::int64_t, const char*>> rows{
      {"wczasy", "2025-03-01", 1, 0, "form"},
      {"", "2025-03-01", 1, 0, "form"},
      {"zasilek_celowy", "2025-03-01", 0, 0, "household_size"},
      {"poradnictwo", "2025-03-01", 0, 0, "household_size"},
      {"specjalny_zasilek_celowy", "2025-03-01", 1, -1, "income_grosze"},
      {"posilek", "2012-09-30", 1, 0, "date"},
  };
  for (const auto& [form, date, size, income, field] : rows) {
    auto e = form_eligibility(d(date), form, size, Money{income}, {});
    ASSERT_FALSE(e.ok()) << form << " " << date;
    EXPECT_EQ(e.error().field, field) << form << " " << date;
    EXPECT_FALSE(e.error().message.empty());
  }
}

TEST(FormEligibility, GminaLimitsLowerTheMaximumOfOneDecision) {
  GminaSettings gmina;
  gmina.zasilek_celowy_max = {{d("2025-01-01"), std::nullopt, Money::zl(500), "uchwała nr X/1/2024"}};
  gmina.specjalny_zasilek_celowy_max = {{d("2025-01-01"), d("2025-06-30"), Money::zl(1000), "uchwała nr X/2/2024"}};
  auto celowy = form_eligibility(d("2025-03-01"), "zasilek_celowy", 1, Money{50000}, gmina);
  ASSERT_TRUE(celowy.ok());
  EXPECT_EQ(celowy->max_amount, Money::zl(500));
  EXPECT_TRUE(mentions(*celowy, "uchwała nr X/1/2024"));
  auto before = form_eligibility(d("2024-12-31"), "zasilek_celowy", 1, Money{50000}, gmina);
  EXPECT_EQ(before->max_amount, std::nullopt);
  EXPECT_TRUE(mentions(*before, "Gmina nie ustaliła"));
  // specjalny: the lower of the criterion (art. 41 pkt 1) and the gmina's limit in force
  auto lower = form_eligibility(d("2025-03-01"), "specjalny_zasilek_celowy", 3, Money{500000}, gmina);
  EXPECT_EQ(lower->max_amount, Money::zl(1000));
  auto ended = form_eligibility(d("2025-07-01"), "specjalny_zasilek_celowy", 3, Money{500000}, gmina);
  EXPECT_EQ(ended->max_amount, Money{246900});
  gmina.specjalny_zasilek_celowy_max[0].max = Money::zl(5000);  // above the criterion: the criterion stays
  auto higher = form_eligibility(d("2025-03-01"), "specjalny_zasilek_celowy", 3, Money{500000}, gmina);
  EXPECT_EQ(higher->max_amount, Money{246900});
  // the gmina's percent reaches zasiłek okresowy through its calculator
  gmina.zasilek_okresowy_percent = {{d("2025-01-01"), std::nullopt, 100, "uchwała nr X/3/2024"}};
  auto okresowy = form_eligibility(d("2025-03-01"), "zasilek_okresowy", 3, Money{150000}, gmina);
  EXPECT_EQ(okresowy->amount, Money{96900});
}

TEST(FormEligibility, EveryFormHasContiguousRulesFromTheFirstCriteria) {
  std::map<std::string_view, std::vector<FormIncomeRule>> by_form;
  for (const auto& r : form_income_rules()) {
    EXPECT_NE(form_of_help(r.form), nullptr) << r.form;
    EXPECT_FALSE(r.basis.empty()) << r.form;
    by_form[r.form].push_back(r);
  }
  for (const auto& f : forms_of_help()) {
    auto& rows = by_form[f.code];
    ASSERT_FALSE(rows.empty()) << f.code;
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.valid_from < b.valid_from; });
    EXPECT_EQ(rows.front().valid_from, kProcedureRulesFrom) << f.code;
    EXPECT_FALSE(rows.back().valid_to.has_value()) << f.code;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      ASSERT_TRUE(rows[i - 1].valid_to.has_value()) << f.code;
      EXPECT_EQ(rows[i - 1].valid_to->plus_days(1), rows[i].valid_from) << f.code;
    }
  }
  auto all = eligibility_for_all_forms(d("2026-11-01"), 2, Money{100000}, {});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), forms_of_help().size());
}

TEST(GminaResolution, RatesAndLimitsAreCheckedAsTheActAllows) {
  struct RateRow {
    const char* from;
    std::optional<const char*> to;
    int percent;
    const char* resolution;
    const char* field;  // "" = valid
  };
  const std::vector<RateRow> rates{
      {"2012-10-01", std::nullopt, 50, "uchwała nr 1", ""},
      {"2025-01-01", "2025-12-31", 100, "uchwała nr 2", ""},
      {"2025-01-01", "2025-01-01", 75, "uchwała nr 3", ""},  // one day
      {"2025-01-01", std::nullopt, 49, "uchwała nr 4", "percent"},
      {"2025-01-01", std::nullopt, 101, "uchwała nr 5", "percent"},
      {"2012-09-30", std::nullopt, 60, "uchwała nr 6", "valid_from"},
      {"2025-01-01", "2024-12-31", 60, "uchwała nr 7", "valid_to"},
      {"2025-01-01", std::nullopt, 60, "  x ", "resolution"},
  };
  for (const auto& r : rates) {
    GminaRate rate{d(r.from), r.to ? std::optional<Date>(d(*r.to)) : std::nullopt, r.percent, r.resolution};
    auto st = check_gmina_rate(rate);
    EXPECT_EQ(st.ok() ? std::string() : st.error().field, r.field) << r.from << " " << r.percent;
  }
  const std::vector<std::pair<std::int64_t, const char*>> limits{{1, ""},
                                                                 {50000, ""},
                                                                 {kDecisionCeiling.grosze, ""},
                                                                 {0, "amount_grosze"},
                                                                 {-100, "amount_grosze"},
                                                                 {kDecisionCeiling.grosze + 1, "amount_grosze"}};
  for (const auto& [grosze, field] : limits) {
    auto st = check_gmina_limit({d("2025-01-01"), std::nullopt, Money{grosze}, "uchwała nr 8"});
    EXPECT_EQ(st.ok() ? std::string() : st.error().field, field) << grosze;
  }
  EXPECT_EQ(check_gmina_limit({d("2025-01-01"), std::nullopt, Money{100}, std::string(301, 'a')}).error().field,
            "resolution");
}

TEST(GminaResolution, OverlapAndLookupOnADate) {
  const std::optional<Date> open;
  EXPECT_TRUE(overlaps(d("2025-01-01"), open, d("2026-01-01"), open));
  EXPECT_TRUE(overlaps(d("2025-01-01"), d("2025-12-31"), d("2025-12-31"), open));  // the last day is shared
  EXPECT_FALSE(overlaps(d("2025-01-01"), d("2025-12-31"), d("2026-01-01"), open));
  EXPECT_FALSE(overlaps(d("2026-01-01"), open, d("2025-01-01"), d("2025-12-31")));
  EXPECT_TRUE(overlaps(d("2025-03-01"), d("2025-03-31"), d("2025-01-01"), d("2025-12-31")));  // inside
  GminaSettings g;
  g.zasilek_okresowy_percent = {{d("2025-01-01"), d("2025-12-31"), 60, "a"}, {d("2026-01-01"), open, 70, "b"}};
  EXPECT_EQ(rate_on(g, d("2024-12-31")), nullptr);
  EXPECT_EQ(rate_on(g, d("2025-12-31"))->percent, 60);
  EXPECT_EQ(rate_on(g, d("2026-01-01"))->percent, 70);
}

}  // namespace
}  // namespace ostoja::rules
