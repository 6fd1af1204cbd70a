// Table-driven tests of rules/benefits.h. Amounts in grosze; rounding: nearest grosz, halves up.
#include "rules/benefits.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/dated.h"

namespace ostoja::rules {
namespace {

Date d(std::string_view iso) {
  return *Date::parse(iso);
}

bool mentions(const BenefitPreview& p, std::string_view text) {
  for (const auto& line : p.explanation)
    if (line.find(text) != std::string::npos) return true;
  return false;
}

struct Row {
  std::string date;
  int size;
  std::int64_t income;  // grosze
  bool eligible;
  std::int64_t amount;     // grosze
  std::int64_t criterion;  // grosze
};

TEST(ZasilekStaly, Table) {
  const std::vector<Row> rows{
      // single person, 100 % of the criterion, cap, minimum 30 zł (until 31.12.2023)
      {"2012-10-01", 1, 0, true, 52900, 54200},  // 542 zł capped at 529 zł
      {"2015-10-01", 1, 0, true, 60400, 63400},
      {"2018-10-01", 1, 0, true, 64500, 70100},
      {"2023-06-01", 1, 0, true, 71900, 77600},
      {"2023-06-01", 1, 5700, true, 71900, 77600},  // exactly at the cap
      {"2023-06-01", 1, 5701, true, 71899, 77600},
      {"2023-06-01", 1, 10000, true, 67600, 77600},
      {"2023-06-01", 1, 74600, true, 3000, 77600},   // exactly the minimum
      {"2023-06-01", 1, 74601, true, 3000, 77600},   // 29,99 zł raised to 30 zł
      {"2023-06-01", 1, 77599, true, 3000, 77600},   // 1 grosz below the criterion
      {"2023-06-01", 1, 77600, false, 0, 77600},     // at the criterion: not "below"
      {"2023-12-31", 1, 50000, true, 27600, 77600},  // last day of the old rule
      // single person, 130 % of the criterion, minimum 100 zł (from 1.01.2024)
      {"2024-01-01", 1, 50000, true, 50880, 77600},  // 1 008,80 − 500 zł
      {"2024-01-01", 1, 0, true, 100000, 77600},     // 1 008,80 capped at 1 000 zł
      {"2024-01-01", 1, 880, true, 100000, 77600},
      {"2024-01-01", 1, 881, true, 99999, 77600},
      {"2024-06-01", 1, 77599, true, 23281, 77600},
      {"2024-06-01", 1, 77600, false, 0, 77600},
      {"2024-12-31", 1, 80000, false, 0, 77600},
      {"2025-01-01", 1, 80000, true, 51300, 101000},
      {"2025-01-01", 1, 0, true, 122900, 101000},  // 1 313 zł capped at 1 229 zł
      {"2025-01-01", 1, 8400, true, 122900, 101000},
      {"2025-01-01", 1, 8401, true, 122899, 101000},
      {"2025-01-01", 1, 100999, true, 30301, 101000},
      {"2025-01-01", 1, 101000, false, 0, 101000},
      // person in a family: per-person criterion − income per person
      {"2012-10-01", 2, 0, true, 45600, 91200},
      {"2022-01-01", 5, 299999, true, 3000, 300000},   // 0,20 zł raised to 30 zł
      {"2023-06-01", 3, 100000, true, 26667, 180000},  // (1 800 − 1 000) / 3 = 266,666… → 266,67
      {"2023-06-01", 2, 119000, true, 3000, 120000},
      {"2023-06-01", 2, 120000, false, 0, 120000},
      {"2024-01-01", 3, 100000, true, 44667, 180000},  // (3 × 780 − 1 000) / 3
      {"2024-06-01", 2, 119999, true, 18001, 120000},  // 180,005 → 180,01 (half up)
      {"2025-01-01", 4, 0, true, 106990, 329200},      // 130 % × 823 zł; no cap for a family
      {"2025-01-01", 2, 164599, true, 24691, 164600},  // 246,905 → 246,91
      {"2025-01-01", 2, 164600, false, 0, 164600},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.date + " size " + std::to_string(row.size) + " income " + std::to_string(row.income));
    auto r = zasilek_staly(d(row.date), row.size, Money{row.income});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->eligible, row.eligible);
    EXPECT_EQ(r->amount.grosze, row.amount);
    EXPECT_EQ(r->criterion.grosze, row.criterion);
    EXPECT_TRUE(mentions(*r, "art. 37"));
    EXPECT_TRUE(mentions(*r, "Dz.U."));
    EXPECT_EQ(mentions(*r, "nie jest niższy od kryterium"), !row.eligible);
  }
}

struct OkresowyRow {
  std::string date;
  int size;
  std::int64_t income;
  int gmina_percent;  // 0 = no resolution (statutory 50 %)
  bool eligible;
  std::int64_t amount;
  std::int64_t criterion;
};

GminaSettings gmina_with(int percent) {
  GminaSettings g;
  if (percent > 0) g.zasilek_okresowy_percent.push_back({Date{2012, 10, 1}, std::nullopt, percent, ""});
  return g;
}

TEST(ZasilekOkresowy, Table) {
  const std::vector<OkresowyRow> rows{
      {"2023-06-01", 1, 0, 0, true, 38800, 77600},  // 50 % of 776 zł
      {"2023-06-01", 1, 0, 50, true, 38800, 77600},
      {"2023-06-01", 1, 0, 100, true, 41800, 77600},  // capped at 418 zł
      {"2023-12-31", 1, 0, 100, true, 41800, 77600},
      {"2012-10-01", 1, 0, 100, true, 41800, 54200},
      {"2024-01-01", 1, 0, 100, true, 60000, 77600},  // capped at the per-person criterion
      {"2025-01-01", 1, 0, 100, true, 82300, 101000},
      {"2025-01-01", 1, 18700, 100, true, 82300, 101000},
      {"2025-01-01", 1, 18699, 100, true, 82300, 101000},
      {"2025-01-01", 1, 18701, 100, true, 82299, 101000},
      {"2025-01-01", 1, 0, 0, true, 50500, 101000},
      {"2023-06-01", 1, 76000, 0, true, 2000, 77600},  // 8 zł raised to 20 zł
      {"2023-06-01", 1, 77599, 0, true, 2000, 77600},
      {"2023-06-01", 1, 77600, 0, false, 0, 77600},  // at the criterion: not "below"
      {"2023-06-01", 1, 77600, 100, false, 0, 77600},
      {"2015-10-01", 4, 0, 100, true, 205600, 205600},   // a family has no cap
      {"2023-06-01", 2, 86667, 0, true, 16667, 120000},  // 50 % of 333,33 = 166,665 → 166,67
      {"2023-06-01", 2, 119999, 100, true, 2000, 120000},
      {"2025-01-01", 3, 100000, 0, true, 73450, 246900},
      {"2025-01-01", 3, 100000, 75, true, 110175, 246900},
      {"2025-01-01", 3, 246899, 0, true, 2000, 246900},
      {"2025-01-01", 3, 246900, 0, false, 0, 246900},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.date + " size " + std::to_string(row.size) + " income " + std::to_string(row.income) + " gmina " +
                 std::to_string(row.gmina_percent));
    auto r = zasilek_okresowy(d(row.date), row.size, Money{row.income}, gmina_with(row.gmina_percent));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->eligible, row.eligible);
    EXPECT_EQ(r->amount.grosze, row.amount);
    EXPECT_EQ(r->criterion.grosze, row.criterion);
    EXPECT_TRUE(mentions(*r, "art. 38"));
  }
}

TEST(ZasilekOkresowy, GminaRateIsDated) {
  GminaSettings g;
  g.zasilek_okresowy_percent.push_back({Date{2024, 1, 1}, std::nullopt, 70, "uchwała nr LXX/1/2023"});
  auto before = zasilek_okresowy(d("2023-12-31"), 1, Money{}, g);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->amount, Money::zl(388));
  EXPECT_TRUE(mentions(*before, "50 %"));
  auto after = zasilek_okresowy(d("2024-01-01"), 1, Money{}, g);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->amount.grosze, 54320);  // 70 % × 776 zł
  EXPECT_TRUE(mentions(*after, "uchwała nr LXX/1/2023"));
}

struct ErrorRow {
  std::string date;
  BenefitKind kind;
  int size;
  std::int64_t income;
  int gmina_percent;
  std::string field;
};

TEST(BenefitPreview, InvalidInput) {
  const std::vector<ErrorRow> rows{
      {"2025-01-01", BenefitKind::zasilek_staly, 0, 0, 0, "household_size"},
      {"2025-01-01", BenefitKind::zasilek_okresowy, -3, 0, 0, "household_size"},
      {"2025-01-01", BenefitKind::zasilek_staly, 1, -1, 0, "income_grosze"},
      {"2025-01-01", BenefitKind::zasilek_okresowy, 2, -100, 0, "income_grosze"},
      {"2012-09-30", BenefitKind::zasilek_staly, 1, 0, 0, "date"},
      {"2010-01-01", BenefitKind::zasilek_okresowy, 1, 0, 0, "date"},
      {"2025-01-01", BenefitKind::zasilek_okresowy, 1, 0, 40, "gmina_percent"},
      {"2025-01-01", BenefitKind::zasilek_okresowy, 1, 0, 101, "gmina_percent"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.field);
    auto r = benefit_preview(d(row.date), row.kind, row.size, Money{row.income}, gmina_with(row.gmina_percent));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::validation);
    EXPECT_EQ(r.error().field, row.field);
    EXPECT_FALSE(r.error().message.empty());
  }
}

TEST(BenefitPreview, DispatchesByKind) {
  auto staly = benefit_preview(d("2024-01-01"), BenefitKind::zasilek_staly, 1, Money::zl(500), {});
  ASSERT_TRUE(staly.ok());
  EXPECT_EQ(staly->amount.grosze, 50880);
  auto okresowy = benefit_preview(d("2024-01-01"), BenefitKind::zasilek_okresowy, 1, Money::zl(500), {});
  ASSERT_TRUE(okresowy.ok());
  EXPECT_EQ(okresowy->amount.grosze, 13800);  // 50 % × (776 − 500)
}

TEST(BenefitKind, ParsesApiSpelling) {
  EXPECT_EQ(parse_benefit_kind("zasilek_staly").value(), BenefitKind::zasilek_staly);
  EXPECT_EQ(parse_benefit_kind("zasilek_okresowy").value(), BenefitKind::zasilek_okresowy);
  for (const char* bad : {"", "zasiłek_stały", "ZASILEK_STALY", "zasilek_celowy"}) {
    auto r = parse_benefit_kind(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "benefit");
  }
  EXPECT_EQ(to_string(BenefitKind::zasilek_staly), "zasilek_staly");
  EXPECT_EQ(to_string(BenefitKind::zasilek_okresowy), "zasilek_okresowy");
}

// The bulk re-check asks for no explanation: the same verdicts and amounts (and errors), only no sentences.
TEST(BenefitPreview, WithoutExplanationTheVerdictsAndAmountsAreTheSame) {
  GminaSettings gmina;
  gmina.zasilek_okresowy_percent = {{d("2025-01-01"), std::nullopt, 75, "uchwała"}};
  for (const char* date : {"2012-10-01", "2023-12-31", "2024-01-01", "2025-01-01", "2026-11-01"})
    for (auto kind : {BenefitKind::zasilek_staly, BenefitKind::zasilek_okresowy})
      for (int size : {1, 2, 5})
        for (std::int64_t income : {0, 5000, 40000, 74601, 101000, 250000, 500000}) {
          auto full = benefit_preview(d(date), kind, size, Money{income}, gmina);
          auto lean = benefit_preview(d(date), kind, size, Money{income}, gmina, Explain::no);
          ASSERT_TRUE(full.ok() && lean.ok()) << date;
          EXPECT_EQ(full->eligible, lean->eligible) << date << " " << size << " " << income;
          EXPECT_EQ(full->amount, lean->amount) << date << " " << size << " " << income;
          EXPECT_EQ(full->criterion, lean->criterion) << date;
          EXPECT_FALSE(full->explanation.empty());
          EXPECT_TRUE(lean->explanation.empty());
        }
  EXPECT_EQ(benefit_preview(d("2012-09-30"), BenefitKind::zasilek_staly, 1, Money{}, {}, Explain::no).error().field,
            "date");
  EXPECT_EQ(benefit_preview(d("2025-01-01"), BenefitKind::zasilek_okresowy, 0, Money{}, {}, Explain::no).error().field,
            "household_size");
}

TEST(BenefitRules, TablesCoverEveryCriteriaPeriod) {
  // The calculators dereference the rule in force on any date that criteria_on accepts.
  for (Date day{2012, 10, 1}; day <= Date{2027, 1, 1}; day = day.plus_days(1)) {
    ASSERT_NE(row_on(zasilek_staly_rules(), day), nullptr) << day.iso();
    ASSERT_NE(row_on(zasilek_okresowy_rules(), day), nullptr) << day.iso();
  }
}

}  // namespace
}  // namespace ostoja::rules
