#include "modules/decisions/amount.h"

#include <algorithm>

#include "core/text.h"
#include "rules/benefits.h"
#include "rules/criteria.h"
#include "rules/dated.h"
#include "rules/procedure.h"

namespace ostoja::decisions {

namespace {

Status need_household(const AmountFacts& f) {
  if (!f.household_size || *f.household_size < 1 || *f.household_size > 30)
    return Error::validation("Podaj liczbę osób w gospodarstwie (1–30).", "household_size");
  if (!f.household_income || f.household_income->grosze < 0)
    return Error::validation("Podaj miesięczny dochód gospodarstwa netto (w groszach, nie mniej niż 0).",
                             "income_grosze");
  return ok();
}

}  // namespace

Result<AmountRange> amount_range(const AmountFacts& f) {
  const auto* form = rules::form_of_help(f.form);
  if (!form) return Error::validation("Nieznana forma pomocy: „" + f.form + "”.", "form");
  AmountRange r;
  if (!pays(f.kind)) return r;  // refusal, suspension, withdrawal: no amount
  const bool staly = f.form == "zasilek_staly", okresowy = f.form == "zasilek_okresowy";
  if (staly || okresowy) {
    OSTOJA_CHECK(need_household(f));
    auto kind = staly ? rules::BenefitKind::zasilek_staly : rules::BenefitKind::zasilek_okresowy;
    OSTOJA_TRY(preview, rules::benefit_preview(f.date, kind, *f.household_size, *f.household_income, f.gmina));
    r.explanation = preview.explanation;
    if (!preview.eligible)
      return Error::validation("Dochód gospodarstwa (" + f.household_income->polish() +
                                   ") nie jest niższy od kryterium (" + preview.criterion.polish() +
                                   ") — świadczenie nie przysługuje; wydaj decyzję odmowną.",
                               "income_grosze");
    r.calculated = preview.amount;
    r.min = preview.amount;
    r.max = preview.amount;
    r.fixed = staly;  // art. 37 ust. 2: the act sets the amount
    if (okresowy) {
      // art. 38 ust. 2–3: up to the difference between criterion and income (a single person's
      // capped), not less than the share the calculator applied (≥ 50 %).
      Money diff = preview.criterion - *f.household_income;
      if (*f.household_size == 1) {
        OSTOJA_TRY(criteria, rules::criteria_on(f.date));
        const auto* row = rules::row_on(rules::zasilek_okresowy_rules(), f.date);
        Money cap = row && row->single_person_cap ? *row->single_person_cap : criteria.per_person_in_family;
        diff = std::min(diff, cap);
      }
      r.max = std::max(diff, r.min);
      r.explanation.push_back("Kwotę można ustalić od " + r.min.polish() + " do " + r.max.polish() +
                              " (art. 38 ust. 2–3 ustawy o pomocy społecznej).");
    }
    return r;
  }
  if (f.form == "zasilek_celowy" || f.form == "specjalny_zasilek_celowy") {
    const bool special = f.form == "specjalny_zasilek_celowy";
    r.required = true;
    r.min = Money{1};
    r.max = rules::kDecisionCeiling;
    if (special) {
      // art. 41 pkt 1: not above the criterion of the single person or of the family.
      OSTOJA_CHECK(need_household(f));
      OSTOJA_TRY(criteria, rules::criteria_on(f.date));
      r.max = *f.household_size == 1 ? criteria.single_person : rules::family_criterion(criteria, *f.household_size);
      r.explanation.push_back("Specjalny zasiłek celowy nie może przekroczyć kryterium dochodowego (" + r.max.polish() +
                              ") — art. 41 pkt 1 ustawy o pomocy społecznej.");
    } else {
      r.explanation.push_back("Wysokość zasiłku celowego ustala się w decyzji stosownie do potrzeby (art. 39 ustawy).");
    }
    // The gmina's maximum of one decision in force on the day (its resolution), when lower.
    const auto* limit =
        rules::limit_on(special ? f.gmina.specjalny_zasilek_celowy_max : f.gmina.zasilek_celowy_max, f.date);
    if (limit && limit->max < r.max) {
      r.max = limit->max;
      r.explanation.push_back("Najwyższa kwota jednej decyzji ustalona przez gminę: " + limit->max.polish() + " (" +
                              limit->resolution + ").");
    } else if (!limit && !special) {
      r.explanation.push_back("Gmina nie ustaliła najwyższej kwoty zasiłku celowego — górna granica " + r.max.polish() +
                              " chroni tylko przed omyłką.");
    }
    return r;
  }
  // Non-cash help (meals, services, shelter…): the decision states the help; a fee, if any, is not
  // recorded here.
  return r;
}

Result<Money> decide_amount(const AmountRange& range, std::optional<Money> requested,
                            const std::string& justification) {
  if (range.required && !requested) return Error::validation("Podaj kwotę świadczenia.", "amount_grosze");
  if (!requested) return range.calculated.value_or(Money{});
  if (*requested < range.min || *requested > range.max)
    return Error::validation(
        "Kwota musi mieścić się w granicach od " + range.min.polish() + " do " + range.max.polish() + ".",
        "amount_grosze");
  if (range.fixed && range.calculated && *requested != *range.calculated)
    return Error::validation("Wysokość tego świadczenia wynika z ustawy (" + range.calculated->polish() + ").",
                             "amount_grosze");
  if (range.calculated && *requested != *range.calculated && text::trim(justification).size() < 10)
    return Error::validation("Kwota inna niż wyliczona (" + range.calculated->polish() + ") wymaga uzasadnienia.",
                             "amount_justification");
  return *requested;
}

}  // namespace ostoja::decisions
