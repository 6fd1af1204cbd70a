#pragma once
// The rules the report counts rest on, pure: who is a child on a day, how a care-home fee is shared
// and what part of it falls into a period, how many residents a sheltered flat holds at once, and how
// a record's quantity is dated. No I/O: dates and amounts in, answers out.
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/result.h"

namespace ostoja::services {

// A child is a person under 18 (majority at 18: art. 10 § 1 k.c.; "dziecko" until majority: art. 2
// ust. 1 ustawy o Rzeczniku Praw Dziecka). Age is reached at the start of the birthday, and one born on
// 29 February comes of age on 28 February of a common year (art. 112 k.c.) — Date::plus_months clamps so.
bool is_child_on(Date birth, Date day);

// A stay (or any period) with the days it lasts.
struct Period {
  Date from, to;  // inclusive
};
std::optional<Period> overlap(Period a, Period b);

// The most residents present on one day of `within`, from the residences overlapping it.
int most_present(const std::vector<Period>& residences, Period within);

// Shares of the average monthly cost of a care home (art. 61 ust. 2 u.p.s.): the resident pays at most
// 70 % of their income (pkt 1), the spouse and relatives what their agreement says (pkt 2), the gmina
// the difference between the cost and those two (pkt 3).
struct CareHomeFee {
  Money cost;      // średni miesięczny koszt utrzymania (art. 60 ust. 2), monthly
  Money resident;  // monthly
  Money family;    // monthly
  Money gmina() const { return cost - resident - family; }
};
// Validation errors name the field (cost_grosze, resident_fee_grosze, family_fee_grosze); the resident's
// income, when known, caps the resident's share at 70 % of it (rounded down to the grosz: "nie więcej niż").
Status check_fee(const CareHomeFee& fee, std::optional<Money> resident_income);

// The part of a monthly amount due for the days of `stay` that fall in `period`: per calendar month,
// amount × days / days in the month, rounded to the nearest grosz, halves up (the convention of art. 106
// ust. 3 u.p.s. for part months, which centres apply to care-home fees too). Months wholly inside the period
// are exact, so month-aligned periods add up to their union to the grosz.
Money monthly_share(Money monthly, Period stay, Period period);

// The day a quantity recorded for a whole record, without dated deliveries, is dated on: the record's
// last day, or `today` if that is later. Only a record within one calendar month may be counted so —
// a longer one must date what it delivered (a consultation on its day, meals per month), otherwise a
// report for part of it could not tell how much belongs to it (validation error on `deliveries`).
Result<Date> undated_quantity_day(Period record, Date today);

}  // namespace ostoja::services
