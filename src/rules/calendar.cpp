#include "rules/calendar.h"

#include <array>
#include <cassert>

#include "rules/dated.h"

namespace ostoja::rules {

namespace {

constexpr std::string_view kDniWolne =
    "ustawa z 18 stycznia 1951 r. o dniach wolnych od pracy, art. 1 pkt 1 (Dz.U. 1951 nr 4 poz. 28)";
constexpr std::string_view kTrzechKroli =
    "ustawa z 18 stycznia 1951 r. o dniach wolnych od pracy, art. 1 pkt 1 lit. b, dodana ustawą z 24 "
    "września 2010 r. o zmianie ustawy – Kodeks pracy oraz niektórych innych ustaw (Dz.U. 2010 nr 224 "
    "poz. 1459), w mocy od 1 stycznia 2011 r.";
constexpr std::string_view kWigilia =
    "ustawa z 18 stycznia 1951 r. o dniach wolnych od pracy, art. 1 pkt 1, zmieniona ustawą z 6 grudnia "
    "2024 r. o zmianie ustawy o dniach wolnych od pracy oraz niektórych innych ustaw, w mocy od "
    "1 lutego 2025 r. (pierwsza wolna Wigilia: 24 grudnia 2025 r.)";

// The table starts in 1990, when 3 May was restored (ustawa z 6 kwietnia 1990 r.); 11 November and
// 15 August were restored in 1989. Earlier dates are outside the scope of this system.
constexpr Date kTableStart{1990, 1, 1};

using K = HolidayRule::Kind;
constexpr std::array<HolidayRule, 14> kHolidays{{
    {K::fixed, 1, 1, 0, "Nowy Rok", kTableStart, std::nullopt, kDniWolne},
    {K::fixed, 1, 6, 0, "Święto Trzech Króli", Date{2011, 1, 1}, std::nullopt, kTrzechKroli},
    {K::easter_offset, 0, 0, 0, "pierwszy dzień Wielkiej Nocy", kTableStart, std::nullopt, kDniWolne},
    {K::easter_offset, 0, 0, 1, "drugi dzień Wielkiej Nocy", kTableStart, std::nullopt, kDniWolne},
    {K::fixed, 5, 1, 0, "Święto Państwowe", kTableStart, std::nullopt, kDniWolne},
    {K::fixed, 5, 3, 0, "Święto Narodowe Trzeciego Maja", kTableStart, std::nullopt, kDniWolne},
    {K::easter_offset, 0, 0, 49, "pierwszy dzień Zielonych Świątek", kTableStart, std::nullopt, kDniWolne},
    {K::easter_offset, 0, 0, 60, "dzień Bożego Ciała", kTableStart, std::nullopt, kDniWolne},
    {K::fixed, 8, 15, 0, "Wniebowzięcie Najświętszej Maryi Panny", kTableStart, std::nullopt, kDniWolne},
    {K::fixed, 11, 1, 0, "Wszystkich Świętych", kTableStart, std::nullopt, kDniWolne},
    {K::fixed, 11, 11, 0, "Narodowe Święto Niepodległości", kTableStart, std::nullopt, kDniWolne},
    {K::fixed, 12, 24, 0, "Wigilia Bożego Narodzenia", Date{2025, 2, 1}, std::nullopt, kWigilia},
    {K::fixed, 12, 25, 0, "pierwszy dzień Bożego Narodzenia", kTableStart, std::nullopt, kDniWolne},
    {K::fixed, 12, 26, 0, "drugi dzień Bożego Narodzenia", kTableStart, std::nullopt, kDniWolne},
}};

bool falls_on(const HolidayRule& rule, Date date) {
  if (rule.kind == K::fixed) return date.month() == rule.month && date.day() == rule.day;
  return easter_sunday(date.year()).plus_days(rule.easter_offset) == date;
}

constexpr unsigned kSaturday = 6;
constexpr unsigned kSunday = 7;

// Saturday under KPA art. 57 § 4: treated as equal to a statutory day off by the resolution of 7 NSA
// judges of 15 June 2011, I OPS 1/11 (binding on administrative courts, followed by the organs), and
// written into § 4 by the amendment of 7 April 2017 (Dz.U. 2017 poz. 935) from 1 June 2017. Before the
// resolution a deadline ending on a Saturday did not move.
constexpr Date kKpaSaturdayFrom{2011, 6, 15};

}  // namespace

std::span<const HolidayRule> holiday_rules() {
  return kHolidays;
}

Date easter_sunday(int year) {
  // Anonymous Gregorian algorithm (Meeus, "Astronomical Algorithms", ch. 8).
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
}

std::optional<std::string_view> public_holiday_name(Date date) {
  for (const HolidayRule& rule : kHolidays)
    if (in_force(rule, date) && falls_on(rule, date)) return rule.name;
  return std::nullopt;
}

bool is_public_holiday(Date date) {
  return public_holiday_name(date).has_value();
}

bool is_working_day(Date date) {
  return date.iso_weekday() < kSaturday && !is_public_holiday(date);
}

Date add_working_days(Date from, int n) {
  assert(n >= 0);
  Date day = from;
  for (int counted = 0; counted < n;) {
    day = day.plus_days(1);
    if (is_working_day(day)) ++counted;
  }
  return day;
}

int working_days_between(Date from, Date to) {
  if (to < from) return -working_days_between(to, from);
  int count = 0;
  for (Date day = from.plus_days(1); day <= to; day = day.plus_days(1))
    if (is_working_day(day)) ++count;
  return count;
}

Date kpa_deadline_end(Date nominal_end) {
  Date end = nominal_end;
  auto moves = [](Date d) {
    unsigned weekday = d.iso_weekday();
    return weekday == kSunday || is_public_holiday(d) || (weekday == kSaturday && d >= kKpaSaturdayFrom);
  };
  while (moves(end)) end = end.plus_days(1);
  return end;
}

Date add_kpa_days(Date event, int days) {
  assert(days >= 0);
  return kpa_deadline_end(event.plus_days(days));
}

Date add_kpa_months(Date event, int months) {
  assert(months >= 0);
  return kpa_deadline_end(event.plus_months(months));
}

}  // namespace ostoja::rules
