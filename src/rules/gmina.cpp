#include "rules/gmina.h"

#include <span>

#include "core/text.h"
#include "rules/benefits.h"
#include "rules/dated.h"

namespace ostoja::rules {

namespace {

constexpr Date kRulesFrom{2012, 10, 1};  // the first day of the criteria table

Status check_period_and_reference(Date from, const std::optional<Date>& to, const std::string& resolution) {
  if (from < kRulesFrom)
    return Error::validation(
        "Uchwałę można zapisać od dnia 1 października 2012 r. (od tego dnia obowiązują tu przepisy).", "valid_from");
  if (to && *to < from)
    return Error::validation("Koniec obowiązywania nie może być przed jego początkiem.", "valid_to");
  const std::string ref = text::trim(resolution);
  if (ref.size() < 3 || ref.size() > 300)
    return Error::validation("Podaj uchwałę (numer, organ, data; od 3 do 300 znaków).", "resolution");
  return ok();
}

}  // namespace

const GminaRate* rate_on(const GminaSettings& gmina, Date date) {
  return row_on(std::span<const GminaRate>{gmina.zasilek_okresowy_percent}, date);
}

const GminaLimit* limit_on(const std::vector<GminaLimit>& limits, Date date) {
  return row_on(std::span<const GminaLimit>{limits}, date);
}

Status check_gmina_rate(const GminaRate& rate) {
  OSTOJA_CHECK(check_period_and_reference(rate.valid_from, rate.valid_to, rate.resolution));
  // art. 38 ust. 3: not less than the statutory share in force when the resolution takes effect.
  const auto* statute = row_on(zasilek_okresowy_rules(), rate.valid_from);
  const int floor = statute ? statute->statutory_min_percent : 50;
  if (rate.percent < floor || rate.percent > 100)
    return Error::validation("Procent zasiłku okresowego musi wynosić od " + std::to_string(floor) +
                                 " do 100 (art. 38 ust. 3 ustawy o pomocy społecznej).",
                             "percent");
  return ok();
}

Status check_gmina_limit(const GminaLimit& limit) {
  OSTOJA_CHECK(check_period_and_reference(limit.valid_from, limit.valid_to, limit.resolution));
  if (limit.max.grosze < 1 || limit.max > kDecisionCeiling)
    return Error::validation("Kwota najwyższa musi wynosić od 0,01 zł do " + kDecisionCeiling.polish() + ".",
                             "amount_grosze");
  return ok();
}

bool overlaps(Date from_a, std::optional<Date> to_a, Date from_b, std::optional<Date> to_b) {
  return (!to_b || from_a <= *to_b) && (!to_a || from_b <= *to_a);
}

}  // namespace ostoja::rules
