// Table-driven tests of rules/calendar.h. Easter dates are the published Gregorian dates.
#include "rules/calendar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ostoja::rules {
namespace {

Date d(std::string_view iso) {
  auto parsed = Date::parse(iso);
  EXPECT_TRUE(parsed.has_value()) << iso;
  return parsed.value_or(Date{});
}

TEST(Easter, KnownDates) {
  const std::vector<std::pair<int, std::string>> rows{
      {1818, "1818-03-22"}, {1943, "1943-04-25"}, {2000, "2000-04-23"}, {2008, "2008-03-23"}, {2011, "2011-04-24"},
      {2012, "2012-04-08"}, {2013, "2013-03-31"}, {2014, "2014-04-20"}, {2015, "2015-04-05"}, {2016, "2016-03-27"},
      {2017, "2017-04-16"}, {2018, "2018-04-01"}, {2019, "2019-04-21"}, {2020, "2020-04-12"}, {2021, "2021-04-04"},
      {2022, "2022-04-17"}, {2023, "2023-04-09"}, {2024, "2024-03-31"}, {2025, "2025-04-20"}, {2026, "2026-04-05"},
      {2027, "2027-03-28"}, {2028, "2028-04-16"}, {2029, "2029-04-01"}, {2030, "2030-04-21"}, {2038, "2038-04-25"},
      {2285, "2285-03-22"},
  };
  for (const auto& [year, iso] : rows) EXPECT_EQ(easter_sunday(year).iso(), iso) << year;
}

struct HolidayRow {
  std::string date;
  bool holiday;
  std::string name;
};

TEST(PublicHoliday, Table) {
  const std::vector<HolidayRow> rows{
      {"2025-01-01", true, "Nowy Rok"},
      {"2025-01-06", true, "Święto Trzech Króli"},
      {"2011-01-06", true, "Święto Trzech Króli"},  // first one after the 2010 amendment
      {"2010-01-06", false, ""},
      {"2025-04-20", true, "pierwszy dzień Wielkiej Nocy"},
      {"2025-04-21", true, "drugi dzień Wielkiej Nocy"},
      {"2025-04-18", false, ""},  // Good Friday is not a day off
      {"2025-05-01", true, "Święto Państwowe"},
      {"2025-05-02", false, ""},
      {"2025-05-03", true, "Święto Narodowe Trzeciego Maja"},
      {"2025-06-08", true, "pierwszy dzień Zielonych Świątek"},
      {"2025-06-19", true, "dzień Bożego Ciała"},
      {"2024-05-30", true, "dzień Bożego Ciała"},
      {"2024-03-31", true, "pierwszy dzień Wielkiej Nocy"},
      {"2024-04-01", true, "drugi dzień Wielkiej Nocy"},
      {"2026-06-04", true, "dzień Bożego Ciała"},
      {"2030-06-20", true, "dzień Bożego Ciała"},
      {"2025-08-15", true, "Wniebowzięcie Najświętszej Maryi Panny"},
      {"2025-11-01", true, "Wszystkich Świętych"},
      {"2025-11-11", true, "Narodowe Święto Niepodległości"},
      {"2024-12-24", false, ""},  // Wigilia became a day off only from 2025
      {"2025-12-24", true, "Wigilia Bożego Narodzenia"},
      {"2026-12-24", true, "Wigilia Bożego Narodzenia"},
      {"2025-12-25", true, "pierwszy dzień Bożego Narodzenia"},
      {"2025-12-26", true, "drugi dzień Bożego Narodzenia"},
      {"2025-12-31", false, ""},
      {"2025-12-27", false, ""},  // a Saturday, but not a holiday
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.date);
    EXPECT_EQ(is_public_holiday(d(row.date)), row.holiday);
    auto name = public_holiday_name(d(row.date));
    EXPECT_EQ(name.value_or(""), row.name);
  }
}

TEST(PublicHoliday, CountPerYear) {
  // 13 named days off until 2024, 14 from 2025 (some fall on Sundays, they still count).
  auto count = [](int year) {
    int n = 0;
    for (Date day{year, 1, 1}; day.year() == year; day = day.plus_days(1)) n += is_public_holiday(day) ? 1 : 0;
    return n;
  };
  EXPECT_EQ(count(2010), 12);
  EXPECT_EQ(count(2012), 13);
  EXPECT_EQ(count(2024), 13);
  EXPECT_EQ(count(2025), 14);
  EXPECT_EQ(count(2030), 14);
}

TEST(HolidayRules, EveryRuleCitesItsBasis) {
  for (const HolidayRule& rule : holiday_rules()) {
    EXPECT_FALSE(rule.legal_basis.empty()) << rule.name;
    EXPECT_FALSE(rule.name.empty());
  }
}

struct WorkingDayRow {
  std::string date;
  bool working;
};

TEST(WorkingDay, Table) {
  const std::vector<WorkingDayRow> rows{
      {"2025-12-22", true},  {"2025-12-23", true},  {"2025-12-24", false}, {"2025-12-25", false}, {"2025-12-26", false},
      {"2025-12-27", false}, {"2025-12-28", false}, {"2025-12-29", true},  {"2024-12-24", true},  {"2025-04-21", false},
      {"2025-06-19", false}, {"2025-06-20", true},  {"2026-01-06", false}, {"2026-01-07", true},  {"2026-01-03", false},
  };
  for (const auto& row : rows) EXPECT_EQ(is_working_day(d(row.date)), row.working) << row.date;
}

struct AddRow {
  std::string from;
  int n;
  std::string expected;
};

TEST(AddWorkingDays, Table) {
  const std::vector<AddRow> rows{
      {"2025-12-22", 0, "2025-12-22"},
      {"2025-12-22", 1, "2025-12-23"},  // the first day counted is the day after
      {"2025-12-22", 2, "2025-12-29"},  // over Wigilia, Christmas and the weekend
      {"2025-12-23", 1, "2025-12-29"},
      {"2024-12-23", 1, "2024-12-24"},  // Wigilia 2024 was still a working day
      {"2024-12-23", 2, "2024-12-27"},
      {"2025-12-15", 14, "2026-01-09"},  // environmental interview: 14 working days over New Year and 6 Jan
      {"2025-12-24", 2, "2025-12-30"},   // counting from a holiday
      {"2025-12-27", 1, "2025-12-29"},   // from a Saturday
      {"2025-04-17", 2, "2025-04-22"},   // Good Friday works, Easter Monday does not
      {"2025-06-18", 1, "2025-06-20"},   // over Corpus Christi
      {"2025-04-30", 2, "2025-05-05"},   // 1 May (Thu) and 3 May (Sat)
      {"2025-10-31", 1, "2025-11-03"},   // 1 November on a Saturday does not move anything
      {"2025-11-07", 2, "2025-11-12"},   // over 11 November
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.from + " + " + std::to_string(row.n));
    Date result = add_working_days(d(row.from), row.n);
    EXPECT_EQ(result.iso(), row.expected);
    EXPECT_EQ(working_days_between(d(row.from), result), row.n);
  }
}

TEST(WorkingDaysBetween, Table) {
  EXPECT_EQ(working_days_between(d("2025-12-23"), d("2025-12-29")), 1);
  EXPECT_EQ(working_days_between(d("2025-12-29"), d("2025-12-23")), -1);
  EXPECT_EQ(working_days_between(d("2025-12-01"), d("2025-12-01")), 0);
  EXPECT_EQ(working_days_between(d("2024-12-31"), d("2025-12-31")), 251);  // 261 weekdays − 10 holidays on weekdays
  EXPECT_EQ(working_days_between(d("2023-12-31"), d("2024-12-31")), 252);  // 262 weekdays − 10 holidays on weekdays
}

struct KpaRow {
  std::string event;
  int amount;
  bool months;
  std::string expected;
};

TEST(KpaDeadline, Table) {
  const std::vector<KpaRow> rows{
      {"2025-03-03", 14, false, "2025-03-17"},  // ordinary: ends on a Monday
      {"2025-12-10", 14, false, "2025-12-29"},  // ends on Wigilia 2025 → after Christmas and the weekend
      {"2024-12-10", 14, false, "2024-12-24"},  // Wigilia 2024 was a working day
      {"2025-12-11", 14, false, "2025-12-29"},  // ends on Christmas Day
      {"2025-04-07", 14, false, "2025-04-22"},  // ends on Easter Monday
      {"2025-10-18", 14, false, "2025-11-03"},  // ends on 1 November, a Saturday
      {"2017-05-20", 14, false, "2017-06-05"},  // ends Saturday 3 June 2017, Sunday is Pentecost
      {"2016-01-02", 14, false, "2016-01-18"},  // Saturday moves since NSA I OPS 1/11, before the 2017 wording
      {"2016-10-28", 14, false, "2016-11-14"},  // 11 Nov (Fri) → over the weekend
      {"2011-06-15", 3, false, "2011-06-20"},   // Saturday 18 June 2011, after the resolution
      {"2010-01-02", 14, false, "2010-01-16"},  // before 15 June 2011 a Saturday did not move
      {"2010-10-29", 14, false, "2010-11-12"},  // ends on 12 Nov 2010 (Fri), not a holiday
      {"2010-10-28", 14, false, "2010-11-12"},  // 11 Nov 2010 (Thu) → next weekday
      {"2010-01-03", 14, false, "2010-01-18"},  // a Sunday always moved
      {"2025-01-06", 7, false, "2025-01-13"},
      {"2025-01-31", 1, true, "2025-02-28"},  // no 31 February → last day of the month
      {"2024-01-31", 1, true, "2024-02-29"},
      {"2025-04-03", 1, true, "2025-05-05"},  // 3 May 2025 (Saturday, holiday) → Monday
      {"2025-11-24", 1, true, "2025-12-29"},  // 24 December 2025 → 29 December
      {"2025-10-15", 2, true, "2025-12-15"},
      {"2025-06-24", 6, true, "2025-12-29"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.event + " + " + std::to_string(row.amount) + (row.months ? " months" : " days"));
    Date result = row.months ? add_kpa_months(d(row.event), row.amount) : add_kpa_days(d(row.event), row.amount);
    EXPECT_EQ(result.iso(), row.expected);
  }
}

}  // namespace
}  // namespace ostoja::rules
