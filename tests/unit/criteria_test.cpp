// Table-driven tests of rules/criteria.h: every boundary day of every period.
#include "rules/criteria.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ostoja::rules {
namespace {

struct Row {
  std::string date;
  std::int64_t single, family, max_staly, hectare;  // zł
};

TEST(Criteria, EveryBoundaryDay) {
  const std::vector<Row> rows{
      {"2012-10-01", 542, 456, 529, 250},   {"2013-06-15", 542, 456, 529, 250},  {"2015-09-30", 542, 456, 529, 250},
      {"2015-10-01", 634, 514, 604, 288},   {"2018-09-30", 634, 514, 604, 288},  {"2018-10-01", 701, 528, 645, 308},
      {"2021-12-31", 701, 528, 645, 308},   {"2022-01-01", 776, 600, 719, 345},  {"2023-12-31", 776, 600, 719, 345},
      {"2024-01-01", 776, 600, 1000, 345},  {"2024-12-31", 776, 600, 1000, 345}, {"2025-01-01", 1010, 823, 1229, 459},
      {"2026-07-01", 1010, 823, 1229, 459},  // in force until a new regulation is entered
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.date);
    auto c = criteria_on(*Date::parse(row.date));
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->single_person, Money::zl(row.single));
    EXPECT_EQ(c->per_person_in_family, Money::zl(row.family));
    EXPECT_EQ(c->max_zasilek_staly, Money::zl(row.max_staly));
    EXPECT_EQ(c->income_per_hectare, Money::zl(row.hectare));
    EXPECT_NE(c->legal_basis.find("Dz.U."), std::string_view::npos);
  }
}

TEST(Criteria, BeforeOctober2012IsAValidationError) {
  for (const char* iso : {"2012-09-30", "2004-05-01", "1990-01-01"}) {
    auto c = criteria_on(*Date::parse(iso));
    ASSERT_FALSE(c.ok()) << iso;
    EXPECT_EQ(c.error().code, ErrorCode::validation);
    EXPECT_EQ(c.error().field, "date");
    EXPECT_NE(c.error().message.find("1 października 2012"), std::string::npos);
  }
}

TEST(Criteria, TableIsContiguousAndOpenEnded) {
  auto table = criteria_table();
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(table.front().valid_from, (Date{2012, 10, 1}));
  for (std::size_t i = 1; i < table.size(); ++i) {
    ASSERT_TRUE(table[i - 1].valid_to.has_value());
    EXPECT_EQ(table[i - 1].valid_to->plus_days(1), table[i].valid_from) << i;
  }
  EXPECT_FALSE(table.back().valid_to.has_value());
}

TEST(Criteria, FamilyCriterionIsPerPersonTimesPersons) {
  auto c = criteria_on(Date{2025, 3, 1});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(family_criterion(*c, 1), Money::zl(823));
  EXPECT_EQ(family_criterion(*c, 4), Money::zl(3292));
  auto old = criteria_on(Date{2015, 10, 1});
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(family_criterion(*old, 3), Money::zl(1542));
}

}  // namespace
}  // namespace ostoja::rules
