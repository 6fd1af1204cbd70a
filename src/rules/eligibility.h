#pragma once
// Eligibility for every form of help (rules/procedure.h forms_of_help) as far as the household's income
// decides it, with an explanation citing the provisions: a dated table saying, for each form, how
// ustawa z 12 marca 2004 r. o pomocy społecznej ties it to the income criterion — and where it does not.
// Zasiłek stały and okresowy are delegated to their calculators (rules/benefits.h). Pure: no I/O.
//
// Wording checked (docs/rules.md): art. 8 ust. 1 — the right to cash benefits when the income "nie
// przekracza" the criterion (so zasiłek celowy of art. 39, which states no income condition of its own,
// is due at income equal to the criterion); art. 37 ust. 1 and 38 ust. 1 — "niższy od kryterium" (equal
// is not eligible); art. 41 pkt 1 — specjalny zasiłek celowy for income "przekraczających kryterium", in an
// amount "nieprzekraczającej" the criterion of the single person or of the family; art. 41 pkt 2 —
// zasiłek okresowy, celowy or pomoc rzeczowa above the criterion only subject to refund; art. 40 ust. 3 —
// zasiłek celowy after a random event or a natural or ecological disaster regardless of income;
// art. 46 ust. 1, 47 ust. 2 and art. 45 — counselling, crisis intervention and social work regardless of
// income; art. 50 ust. 6 — the fee for care services is set by the rada gminy (not modelled).
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/result.h"
#include "rules/gmina.h"

namespace ostoja::rules {

enum class IncomeCondition {
  below,       // income lower than the criterion: the calculators of art. 37 and 38
  not_above,   // income not above percent × criterion
  above,       // income above the criterion (art. 41 pkt 1)
  regardless,  // the act says "bez względu na posiadany dochód"
  not_tied,    // the act ties the form to no income condition (a fee, if any, is set elsewhere)
};

struct FormIncomeRule {
  std::string_view form;  // forms_of_help() code
  Date valid_from;
  std::optional<Date> valid_to;  // inclusive
  IncomeCondition condition;
  int percent;             // of the criterion compared with (100; the state meals programme 150 or 200)
  std::string_view basis;  // Polish: the provisions applied
  std::string_view note;   // Polish: what else decides or what is not calculated here ("" = nothing)
};
// For every form of help, rows from 1.10.2012, contiguous (tests/unit/eligibility_test.cpp checks it).
std::span<const FormIncomeRule> form_income_rules();

struct FormEligibility {
  std::string form;
  bool eligible{false};                  // the income condition is met (true when income does not decide)
  bool income_tested{false};             // false: the form does not depend on income
  Money criterion;                       // threshold compared with; 0 when not income-tested
  std::optional<Money> amount;           // monthly amount of zasiłek stały / okresowy when eligible
  std::optional<Money> max_amount;       // the most one decision may grant (art. 41 pkt 1; the gmina's limits)
  std::vector<std::string> explanation;  // Polish, citing the provisions
};

// One form on `date` for a household of `household_size` persons with monthly net `household_income`
// (art. 8 ust. 3). Errors: unknown form → "form"; the household and date errors of household_threshold.
Result<FormEligibility> form_eligibility(Date date, std::string_view form, int household_size, Money household_income,
                                         const GminaSettings& gmina);

// Every form of help, in the order of forms_of_help().
Result<std::vector<FormEligibility>> eligibility_for_all_forms(Date date, int household_size, Money household_income,
                                                               const GminaSettings& gmina);

}  // namespace ostoja::rules
