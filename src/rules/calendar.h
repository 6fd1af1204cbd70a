#pragma once
// Polish public holidays, working days and KPA deadlines. Pure: the date is always an argument.
#include <optional>
#include <span>
#include <string_view>

#include "core/date.h"

namespace ostoja::rules {

// One statutory day off, as dated data. A holiday is either a fixed day of the year or a day
// at a fixed offset from Easter Sunday; it applies to dates within [valid_from, valid_to].
struct HolidayRule {
  enum class Kind { fixed, easter_offset };
  Kind kind;
  unsigned month;     // fixed: 1..12
  unsigned day;       // fixed: 1..31
  int easter_offset;  // easter_offset: days after Easter Sunday
  std::string_view name;
  Date valid_from;
  std::optional<Date> valid_to;  // inclusive; nullopt = still in force
  std::string_view legal_basis;
};

// The table behind is_public_holiday, oldest rules first. Complete for dates from 1990-01-01.
std::span<const HolidayRule> holiday_rules();

// Easter Sunday in the Gregorian calendar (anonymous Gregorian computus, Meeus/Jones/Butcher).
Date easter_sunday(int year);

// Name of the statutory day off on `date` (ustawa z 18 stycznia 1951 r. o dniach wolnych od pracy,
// art. 1 pkt 1), or nullopt. Sundays are days off by art. 1 pkt 2 but are not named holidays here.
std::optional<std::string_view> public_holiday_name(Date date);
bool is_public_holiday(Date date);

// Monday–Friday and not a public holiday (ustawa o dniach wolnych od pracy, art. 1).
bool is_working_day(Date date);

// The deadline that falls `n` (≥ 0) working days after `from`: the first day counted is the day
// after `from` (as in KPA art. 57 § 1, the day of the event is not counted). n == 0 → `from`.
Date add_working_days(Date from, int n);

// Working days in (from, to] — the inverse of add_working_days:
// working_days_between(d, add_working_days(d, n)) == n. Negative when `to` is before `from`.
int working_days_between(Date from, Date to);

// KPA art. 57 § 4: a deadline ending on a statutory day off (Sunday or holiday) or on a Saturday
// moves to the next day that is neither. Saturday: by the NSA resolution I OPS 1/11 of 15 June 2011,
// then by § 4 as amended on 7 April 2017 (Dz.U. 2017 poz. 935, from 1 June 2017); a deadline ending
// on a Saturday before 15 June 2011 does not move.
Date kpa_deadline_end(Date nominal_end);

// KPA art. 57 § 1: a deadline in days ends with the last day; the day of the event is not counted.
// Then art. 57 § 4 applies. `days` ≥ 0.
Date add_kpa_days(Date event, int days);

// KPA art. 57 § 3: a deadline in months ends on the day whose date corresponds to the start day,
// or on the last day of the month when there is no such day. Then art. 57 § 4 applies.
Date add_kpa_months(Date event, int months);

}  // namespace ostoja::rules
