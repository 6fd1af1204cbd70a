#pragma once
// Income of a household for the eligibility test of ustawa o pomocy społecznej, art. 8 ust. 3–13,
// as a pure function of income items and the date. No I/O.
//
// The income of a month is the sum of the members' incomes received in that month, less income
// tax, health and social-insurance contributions and alimony paid to others (art. 8 ust. 3).
// Excluded kinds (art. 8 ust. 4 and the acts that added benefits to the list) are dated rows.
// A one-off amount larger than five times the criterion is spread in equal parts over the 12
// months from the month it was received (art. 8 ust. 11); a smaller one counts in its month.
// A farm counts as hectares przeliczeniowe × the per-hectare income in force (art. 8 ust. 8).
// Income due for a period and received at once (arrears of a pension, alimony paid for several
// months) counts in equal parts in each month of the period it is due for, whenever it was received
// (art. 8 ust. 12); the period is given with the item (`period_from`–`period_to`, at most 36 months).
// Courts differ on spreading such income; Ostoja follows the period stated, months outside it count 0.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/result.h"
#include "rules/explain.h"

namespace ostoja::rules {

struct IncomeType {
  std::string_view code;
  std::string_view name;
  bool one_off;  // a lump sum (art. 8 ust. 11 may spread it)
  bool farm;     // amount is computed from hectares
};
std::span<const IncomeType> income_types();
const IncomeType* income_type(std::string_view code);

// A kind of income not counted as income, in force between the dates.
struct IncomeExclusion {
  std::string_view code;
  Date valid_from;
  std::optional<Date> valid_to;
  std::string_view legal_basis;
};
std::span<const IncomeExclusion> income_exclusions();
const IncomeExclusion* excluded_on(std::string_view code, Date date);

struct IncomeItem {
  std::int64_t person_id{0};
  std::string type;                         // income_types() code
  std::string month;                        // "YYYY-MM": month received
  Money amount;                             // gross amount received (farm: ignored)
  Money tax, health, social, alimony_paid;  // deductions (art. 8 ust. 3 pkt 1–3)
  std::int64_t hectares_e4{0};              // farm: hectares przeliczeniowe × 10 000
  // Art. 8 ust. 12: the months ("YYYY-MM", inclusive) the amount is due for, when it was received at
  // once for a period; empty for income of the month it was received. Not for one-off or farm types.
  std::optional<std::string> period_from, period_to;
};

struct CountedItem {
  std::size_t index;        // into the input
  Money counted;            // what enters the month's income (0 when excluded)
  std::string explanation;  // Polish, with the article
};

struct HouseholdIncome {
  std::string month;
  int persons{0};
  Money total;       // monthly household income (art. 8 ust. 3)
  Money per_person;  // total / persons, rounded down to the grosz
  std::vector<CountedItem> items;
};

// The income of a household of `persons` for the reference `month` ("YYYY-MM"), using the rules in
// force on the first day of that month. Errors (field "items"/"month") for bad input: negative
// amounts, deductions above the amount, unknown types, months not "YYYY-MM", dates before 10.2012.
// With Explain::no the items' explanations stay empty (bulk re-checks); the amounts are the same.
Result<HouseholdIncome> household_income(std::span<const IncomeItem> items, std::string_view month, int persons,
                                         Explain explain = Explain::yes);

}  // namespace ostoja::rules
