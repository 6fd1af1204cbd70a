#pragma once
// The gmina's own resolutions that the calculators apply, as dated rows (ustawa z 12 marca 2004 r. o
// pomocy społecznej): the share of the difference paid as zasiłek okresowy (art. 38 ust. 3: at least
// 50 %, the rada gminy may set more) and the gmina's maximum amount of one decision granting a zasiłek
// celowy (art. 39) or a specjalny zasiłek celowy (art. 41). The statutory cap of the specjalny zasiłek
// celowy — the criterion — is not a gmina setting: it stays a rule (decisions/amount.cpp, rules/eligibility.h).
// Pure: the centre stores the rows (modules/gmina), the rules take them as an argument.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/result.h"

namespace ostoja::rules {

// A resolution fixing the share of (criterion − income) paid as zasiłek okresowy.
struct GminaRate {
  Date valid_from;
  std::optional<Date> valid_to;  // inclusive; nullopt = until repealed
  int percent{50};
  std::string resolution;  // e.g. "uchwała nr XII/85/2019 Rady Miasta …"
};

// A resolution fixing the maximum amount of one decision (zasiłek celowy, specjalny zasiłek celowy).
struct GminaLimit {
  Date valid_from;
  std::optional<Date> valid_to;
  Money max;
  std::string resolution;
};

struct GminaSettings {
  std::vector<GminaRate> zasilek_okresowy_percent;  // none in force on a date → the statutory 50 %
  std::vector<GminaLimit> zasilek_celowy_max;       // none in force → no gmina limit
  std::vector<GminaLimit> specjalny_zasilek_celowy_max;
};

// Not a statutory limit: the largest amount Ostoja accepts for one decision of a zasiłek celowy when the
// gmina set none (a typing error of a few zeros must not pass).
inline constexpr Money kDecisionCeiling = Money::zl(100000);

// The row in force on `date`, or nullptr.
const GminaRate* rate_on(const GminaSettings& gmina, Date date);
const GminaLimit* limit_on(const std::vector<GminaLimit>& limits, Date date);

// One resolution as it may be stored. Errors (Polish) name the field: "valid_from" (a date before
// 1.10.2012, when the rules here start), "valid_to" (before valid_from), "percent" (outside 50–100:
// art. 38 ust. 3 sets the floor, 100 % is the whole difference), "amount_grosze" (not between 0,01 zł
// and kDecisionCeiling), "resolution" (the reference: 3–300 characters).
Status check_gmina_rate(const GminaRate& rate);
Status check_gmina_limit(const GminaLimit& limit);

// Two resolutions of the same kind cannot be in force on one day.
bool overlaps(Date from_a, std::optional<Date> to_a, Date from_b, std::optional<Date> to_b);

}  // namespace ostoja::rules
