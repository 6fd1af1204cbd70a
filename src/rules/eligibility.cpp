#include "rules/eligibility.h"

#include <algorithm>
#include <array>

#include "rules/benefits.h"
#include "rules/dated.h"
#include "rules/procedure.h"

namespace ostoja::rules {

namespace {

using C = IncomeCondition;
constexpr Date kFrom{2012, 10, 1};
constexpr std::string_view kAct = "ustawy o pomocy społecznej";

constexpr std::string_view kMealNote2012 =
    "Ustawa nie uzależnia posiłku od dochodu – przysługuje osobie, która własnym staraniem nie może go sobie zapewnić "
    "(art. 48 ustawy o pomocy społecznej); próg dochodowy jest warunkiem programu, gmina może go podwyższyć (nie "
    "uwzględniono).";
constexpr std::string_view kMealNote =
    "Ustawa nie uzależnia posiłku od dochodu – przysługuje osobie, która własnym staraniem nie może go sobie zapewnić "
    "(art. 48b ust. 2 ustawy o pomocy społecznej); próg dochodowy jest warunkiem programu, gmina może go podwyższyć "
    "(nie "
    "uwzględniono).";

// One table for every form of help. The meals programme (a state programme adopted by an act of 2005 and
// later by resolutions of the Rada Ministrów, not by the act on social assistance) has its own dated rows;
// the sources of every row are in docs/rules.md.
constexpr std::array<FormIncomeRule, 21> kRules{{
    {"zasilek_staly", kFrom, std::nullopt, C::below, 100, "art. 37 ust. 1 ustawy o pomocy społecznej", ""},
    {"zasilek_okresowy", kFrom, std::nullopt, C::below, 100, "art. 38 ust. 1 ustawy o pomocy społecznej", ""},
    {"zasilek_celowy", kFrom, std::nullopt, C::not_above, 100,
     "art. 8 ust. 1 w związku z art. 39 ust. 1 ustawy o pomocy społecznej",
     "Niezależnie od dochodu zasiłek celowy może być przyznany osobie lub rodzinie, które poniosły straty w wyniku "
     "zdarzenia losowego albo klęski żywiołowej lub ekologicznej (art. 40 ust. 3); przy dochodzie powyżej kryterium – "
     "tylko pod warunkiem zwrotu części lub całości (art. 41 pkt 2)."},
    {"specjalny_zasilek_celowy", kFrom, std::nullopt, C::above, 100, "art. 41 pkt 1 ustawy o pomocy społecznej",
     "Tylko w szczególnie uzasadnionym przypadku – ocenia to pracownik socjalny na podstawie wywiadu; zasiłek nie "
     "podlega zwrotowi."},
    {"posilek", kFrom, Date{2013, 12, 31}, C::not_above, 150,
     "ustawa z dnia 29 grudnia 2005 r. o ustanowieniu programu wieloletniego „Pomoc państwa w zakresie dożywiania”",
     kMealNote2012},
    {"posilek", Date{2014, 1, 1}, Date{2018, 12, 31}, C::not_above, 150,
     "program wieloletni „Pomoc państwa w zakresie dożywiania” na lata 2014–2020 (uchwała Rady Ministrów)", kMealNote},
    {"posilek", Date{2019, 1, 1}, Date{2022, 12, 31}, C::not_above, 150,
     "wieloletni rządowy program „Posiłek w szkole i w domu” na lata 2019–2023 (uchwała nr 140 Rady Ministrów z dnia "
     "15 października 2018 r.)",
     kMealNote},
    {"posilek", Date{2023, 1, 1}, Date{2023, 12, 31}, C::not_above, 200,
     "wieloletni rządowy program „Posiłek w szkole i w domu” na lata 2019–2023 w brzmieniu uchwały Rady Ministrów z "
     "dnia 28 grudnia 2022 r.",
     kMealNote},
    {"posilek", Date{2024, 1, 1}, std::nullopt, C::not_above, 200,
     "wieloletni rządowy program „Posiłek w szkole i w domu” na lata 2024–2028", kMealNote},
    {"schronienie", kFrom, std::nullopt, C::not_tied, 100, "art. 48 ustawy o pomocy społecznej",
     "Przysługuje osobie pozbawionej schronienia; opłata za pobyt nie jest tu wyliczana."},
    {"ubranie", kFrom, std::nullopt, C::not_tied, 100, "art. 48 ustawy o pomocy społecznej",
     "Przysługuje osobie pozbawionej niezbędnego ubrania."},
    {"pomoc_rzeczowa", kFrom, std::nullopt, C::not_above, 100, "art. 41 pkt 2 ustawy o pomocy społecznej",
     "Przy dochodzie powyżej kryterium pomoc rzeczowa może być przyznana tylko pod warunkiem zwrotu części lub całości "
     "wydatków (art. 41 pkt 2)."},
    {"uslugi_opiekuncze", kFrom, std::nullopt, C::not_tied, 100, "art. 50 ustawy o pomocy społecznej",
     "Odpłatność ustala rada gminy w uchwale (art. 50 ust. 6) – nie jest tu wyliczana."},
    {"specjalistyczne_uslugi_opiekuncze", kFrom, std::nullopt, C::not_tied, 100, "art. 50 ustawy o pomocy społecznej",
     "Odpłatność ustala rada gminy w uchwale (art. 50 ust. 6), a dla osób z zaburzeniami psychicznymi – rozporządzenie "
     "w sprawie specjalistycznych usług opiekuńczych; nie jest tu wyliczana."},
    {"mieszkanie_chronione", kFrom, std::nullopt, C::not_tied, 100, "art. 53 ustawy o pomocy społecznej",
     "Odpłatność za pobyt nie jest tu wyliczana."},
    {"dps", kFrom, std::nullopt, C::not_tied, 100, "art. 54 ustawy o pomocy społecznej",
     "Opłata za pobyt nie jest tu wyliczana."},
    {"sprawienie_pogrzebu", kFrom, std::nullopt, C::not_tied, 100, "art. 44 ustawy o pomocy społecznej", ""},
    {"interwencja_kryzysowa", kFrom, std::nullopt, C::regardless, 100, "art. 47 ust. 2 ustawy o pomocy społecznej", ""},
    {"poradnictwo", kFrom, std::nullopt, C::regardless, 100, "art. 46 ust. 1 ustawy o pomocy społecznej", ""},
    {"praca_socjalna", kFrom, std::nullopt, C::regardless, 100, "art. 45 ustawy o pomocy społecznej", ""},
    {"asystent_rodziny", kFrom, std::nullopt, C::not_tied, 100,
     "art. 15 ustawy o wspieraniu rodziny i systemie pieczy zastępczej",
     "Kryterium dochodowe ustawy o pomocy społecznej nie ma tu zastosowania."},
}};

const FormIncomeRule* rule_on(std::string_view form, Date date) {
  auto it = std::find_if(kRules.begin(), kRules.end(),
                         [&](const FormIncomeRule& r) { return r.form == form && in_force(r, date); });
  return it == kRules.end() ? nullptr : &*it;
}

std::string pln(Money m) {
  return m.polish();
}
std::string in_parens(std::string_view basis) {
  return " (" + std::string{basis} + ").";
}

void add_note(const FormIncomeRule& rule, std::vector<std::string>& why) {
  if (!rule.note.empty()) why.emplace_back(rule.note);
}

// The gmina's limit of one decision in force on `date`, lowering `max` and saying so.
void apply_gmina_limit(const std::vector<GminaLimit>& limits, Date date, FormEligibility& out) {
  const GminaLimit* limit = limit_on(limits, date);
  if (!limit) {
    out.explanation.push_back("Gmina nie ustaliła najwyższej kwoty tego zasiłku na dzień " + date.polish() + ".");
    return;
  }
  out.explanation.push_back("Gmina ustaliła najwyższą kwotę jednej decyzji: " + pln(limit->max) + " (" +
                            limit->resolution + ").");
  if (!out.max_amount || limit->max < *out.max_amount) out.max_amount = limit->max;
}

FormEligibility from_preview(std::string_view form, BenefitPreview p) {
  FormEligibility out{std::string{form},       p.eligible, true, p.criterion, std::nullopt, std::nullopt,
                      std::move(p.explanation)};
  if (p.eligible) out.amount = p.amount;
  return out;
}

// Income not above percent × criterion (art. 8 ust. 1: "nie przekracza"): equal is eligible.
FormEligibility not_above(const FormIncomeRule& rule, const Threshold& t, Money income) {
  FormEligibility out{std::string{rule.form}, false,        true,        percent_of(t.criterion, rule.percent),
                      std::nullopt,           std::nullopt, {t.sentence}};
  const std::string threshold = rule.percent == 100
                                    ? "kryterium " + pln(out.criterion)
                                    : std::to_string(rule.percent) + " % kryterium (" + pln(out.criterion) + ")";
  out.eligible = income <= out.criterion;
  out.explanation.push_back(
      "Dochód " + pln(income) + (out.eligible ? " nie przekracza " : " przekracza ") + threshold +
      (out.eligible ? " – warunek dochodowy jest spełniony" : " – warunek dochodowy nie jest spełniony") +
      in_parens(rule.basis));
  return out;
}

// Art. 41 pkt 1: income above the criterion; the amount not above the criterion.
FormEligibility above(const FormIncomeRule& rule, const Threshold& t, Money income) {
  FormEligibility out{std::string{rule.form}, income > t.criterion, true,        t.criterion,
                      std::nullopt,           std::nullopt,         {t.sentence}};
  if (!out.eligible) {
    out.explanation.push_back("Dochód " + pln(income) + " nie przekracza kryterium " + pln(t.criterion) +
                              " – specjalny zasiłek celowy przysługuje przy dochodzie przekraczającym kryterium" +
                              in_parens(rule.basis) + " Właściwy jest zasiłek celowy (art. 39 " + std::string{kAct} +
                              ").");
    return out;
  }
  out.max_amount = t.criterion;
  out.explanation.push_back(
      "Dochód " + pln(income) + " przekracza kryterium " + pln(t.criterion) +
      " – specjalny zasiłek celowy może być przyznany w wysokości nieprzekraczającej kryterium (" + pln(t.criterion) +
      ")" + in_parens(rule.basis));
  return out;
}

FormEligibility without_income_test(const FormIncomeRule& rule) {
  FormEligibility out{std::string{rule.form}, true, false, Money{}, std::nullopt, std::nullopt, {}};
  out.explanation.push_back(rule.condition == C::regardless
                                ? "Przysługuje bez względu na posiadany dochód" + in_parens(rule.basis)
                                : "Ustawa nie uzależnia tej formy pomocy od dochodu" + in_parens(rule.basis));
  return out;
}

}  // namespace

std::span<const FormIncomeRule> form_income_rules() {
  return kRules;
}

Result<FormEligibility> form_eligibility(Date date, std::string_view form, int household_size, Money household_income,
                                         const GminaSettings& gmina) {
  if (!form_of_help(form)) return Error::validation("Nieznana forma pomocy: „" + std::string{form} + "”.", "form");
  OSTOJA_TRY(t, household_threshold(date, household_size, household_income));
  const FormIncomeRule* rule = rule_on(form, date);  // the table covers every form from the first criteria
  if (!rule)
    return Error::validation("Brak reguły dla formy pomocy „" + std::string{form} + "” na dzień " + date.polish() + ".",
                             "date");
  FormEligibility out;
  switch (rule->condition) {
    case C::below: {
      OSTOJA_TRY(kind, parse_benefit_kind(form));
      OSTOJA_TRY(preview, benefit_preview(date, kind, household_size, household_income, gmina));
      return from_preview(form, std::move(preview));
    }
    case C::not_above:
      out = not_above(*rule, t, household_income);
      break;
    case C::above:
      out = above(*rule, t, household_income);
      break;
    case C::regardless:
    case C::not_tied:
      out = without_income_test(*rule);
      break;
  }
  if (form == "zasilek_celowy") apply_gmina_limit(gmina.zasilek_celowy_max, date, out);
  if (form == "specjalny_zasilek_celowy" && out.eligible)
    apply_gmina_limit(gmina.specjalny_zasilek_celowy_max, date, out);
  add_note(*rule, out.explanation);
  return out;
}

Result<std::vector<FormEligibility>> eligibility_for_all_forms(Date date, int household_size, Money household_income,
                                                               const GminaSettings& gmina) {
  std::vector<FormEligibility> out;
  for (const auto& f : forms_of_help()) {
    OSTOJA_TRY(e, form_eligibility(date, f.code, household_size, household_income, gmina));
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace ostoja::rules
