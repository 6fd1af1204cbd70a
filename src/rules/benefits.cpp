#include "rules/benefits.h"

#include <array>
#include <cstdint>

#include "rules/criteria.h"
#include "rules/dated.h"

namespace ostoja::rules {

namespace {

constexpr std::string_view kAct = "ustawy o pomocy społecznej";

constexpr std::array<ZasilekStalyRules, 2> kStaly{{
    {Date{2012, 10, 1}, Date{2023, 12, 31}, 100, Money::zl(30),
     "art. 37 ust. 2 i 3 ustawy o pomocy społecznej w brzmieniu sprzed 1 stycznia 2024 r."},
    {Date{2024, 1, 1}, std::nullopt, 130, Money::zl(100),
     "art. 37 ust. 2 i 3 ustawy o pomocy społecznej w brzmieniu ustawy z dnia 28 lipca 2023 r. "
     "o zmianie ustawy o pomocy społecznej oraz niektórych innych ustaw (Dz.U. 2023 poz. 1693)"},
}};

// The fixed 418 zł cap of art. 38 ust. 2 pkt 1 was replaced by the per-person criterion; sources
// confirm 418 zł through the 2015–2018 criteria and the new wording by 2024; the switch date
// 1.01.2024 (amendment of 28 July 2023) is recorded in docs/rules.md as not confirmed from the act.
constexpr std::array<ZasilekOkresowyRules, 2> kOkresowy{{
    {Date{2012, 10, 1}, Date{2023, 12, 31}, Money::zl(418), 50, Money::zl(20),
     "art. 38 ust. 2–4 ustawy o pomocy społecznej (limit 418 zł dla osoby samotnie gospodarującej)"},
    {Date{2024, 1, 1}, std::nullopt, std::nullopt, 50, Money::zl(20),
     "art. 38 ust. 2–4 ustawy o pomocy społecznej (limit: kryterium dochodowe na osobę w rodzinie)"},
}};

// numerator / persons, rounded to the nearest grosz, halves up (numerator ≥ 0).
Money divide_rounded(std::int64_t numerator, int persons) {
  return Money{(numerator * 2 + persons) / (std::int64_t{persons} * 2)};
}

std::string pln(Money m) {
  return m.polish();
}

BenefitPreview not_eligible(Money income, Money criterion, std::string_view article, Explanation& why) {
  why.add([&] {
    return "Dochód " + pln(income) + " nie jest niższy od kryterium " + pln(criterion) +
           " – świadczenie nie przysługuje (" + std::string{article} + " " + std::string{kAct} + ").";
  });
  return {false, Money{}, criterion, why.take()};
}

std::string criteria_sentence(const Criteria& c, int household_size) {
  if (household_size == 1)
    return "Kryterium dochodowe osoby samotnie gospodarującej: " + pln(c.single_person) + " (art. 8 ust. 1 pkt 1 " +
           std::string{kAct} + "; " + std::string{c.legal_basis} + ").";
  return "Kryterium dochodowe na osobę w rodzinie: " + pln(c.per_person_in_family) + ", dla " +
         std::to_string(household_size) + " osób: " + pln(family_criterion(c, household_size)) +
         " (art. 8 ust. 1 pkt 2 i 3 " + std::string{kAct} + "; " + std::string{c.legal_basis} + ").";
}

Money raise_to_minimum(Money amount, Money minimum, std::string_view article, Explanation& why) {
  if (amount >= minimum) return amount;
  why.add([&] {
    return "Kwota " + pln(amount) + " jest niższa od minimalnej – wypłaca się " + pln(minimum) + " (" +
           std::string{article} + " " + std::string{kAct} + ").";
  });
  return minimum;
}

// The share of the difference paid (art. 38 ust. 3): the gmina's resolution in force on `date`,
// or the statutory minimum when there is none.
Result<int> gmina_percent_on(const GminaSettings& gmina, Date date, int statutory_min, Explanation& why) {
  const GminaRate* rate = rate_on(gmina, date);
  if (!rate) {
    why.add([&] {
      return "Gmina nie ustaliła wyższego procentu – stosuje się " + std::to_string(statutory_min) +
             " % różnicy (art. 38 ust. 3 " + std::string{kAct} + ").";
    });
    return statutory_min;
  }
  if (rate->percent < statutory_min || rate->percent > 100)
    return Error::validation(
        "Procent zasiłku okresowego ustalony przez gminę musi wynosić od " + std::to_string(statutory_min) + " do 100.",
        "gmina_percent");
  why.add([&] {
    return "Gmina ustaliła " + std::to_string(rate->percent) + " % różnicy" +
           (rate->resolution.empty() ? std::string{} : " (" + rate->resolution + ")") + ".";
  });
  return rate->percent;
}

}  // namespace

Money percent_of(Money amount, int percent) {
  return Money{(amount.grosze * percent + 50) / 100};
}

Result<Threshold> household_threshold(Date date, int household_size, Money household_income, Explain explain) {
  if (household_size < 1)
    return Error::validation("Liczba osób w gospodarstwie domowym musi wynosić co najmniej 1.", "household_size");
  if (household_income.grosze < 0) return Error::validation("Dochód nie może być ujemny.", "income_grosze");
  OSTOJA_TRY(c, criteria_on(date));
  const bool single = household_size == 1;
  Money criterion = single ? c.single_person : family_criterion(c, household_size);
  return Threshold{c, single, criterion,
                   explain == Explain::yes ? criteria_sentence(c, household_size) : std::string()};
}

Result<BenefitKind> parse_benefit_kind(std::string_view text) {
  if (text == "zasilek_staly") return BenefitKind::zasilek_staly;
  if (text == "zasilek_okresowy") return BenefitKind::zasilek_okresowy;
  return Error::validation("Nieznany rodzaj świadczenia – dozwolone: zasilek_staly, zasilek_okresowy.", "benefit");
}

std::string_view to_string(BenefitKind kind) {
  return kind == BenefitKind::zasilek_staly ? "zasilek_staly" : "zasilek_okresowy";
}

std::span<const ZasilekStalyRules> zasilek_staly_rules() {
  return kStaly;
}
std::span<const ZasilekOkresowyRules> zasilek_okresowy_rules() {
  return kOkresowy;
}

Result<BenefitPreview> zasilek_staly(Date date, int household_size, Money household_income, Explain explain) {
  OSTOJA_TRY(a, household_threshold(date, household_size, household_income, explain));
  Explanation why(explain);
  why.add([&] { return a.sentence; });
  const ZasilekStalyRules& rules = *row_on(zasilek_staly_rules(), date);  // covers all of criteria_table()
  const Criteria& c = a.criteria;
  if (household_income >= a.criterion)
    return not_eligible(household_income, a.criterion, a.single ? "art. 37 ust. 1 pkt 1" : "art. 37 ust. 1 pkt 2", why);

  Money amount;
  if (a.single) {
    Money base = percent_of(c.single_person, rules.percent_of_criterion);
    amount = base - household_income;
    why.add([&] {
      return std::to_string(rules.percent_of_criterion) + " % kryterium (" + pln(base) + ") − dochód " +
             pln(household_income) + " = " + pln(amount) + " (art. 37 ust. 2 pkt 1 " + std::string{kAct} + ").";
    });
    if (amount > c.max_zasilek_staly) {
      amount = c.max_zasilek_staly;
      why.add([&] {
        return "Kwota ograniczona do maksymalnej " + pln(amount) + " (art. 37 ust. 2 pkt 1 " + std::string{kAct} + ").";
      });
    }
  } else {
    Money base = percent_of(c.per_person_in_family, rules.percent_of_criterion);
    amount = divide_rounded(base.grosze * household_size - household_income.grosze, household_size);
    why.add([&] {
      return std::to_string(rules.percent_of_criterion) + " % kryterium na osobę (" + pln(base) +
             ") − dochód na osobę (" + pln(household_income) + " / " + std::to_string(household_size) +
             ") = " + pln(amount) + " (art. 37 ust. 2 pkt 2 " + std::string{kAct} + ").";
    });
    why.add([] {
      return std::string(
          "Uwaga: dochód własny osoby uprawnionej również musi być niższy od kryterium na osobę "
          "(art. 37 ust. 1 pkt 2) – do sprawdzenia w wywiadzie.");
    });
  }
  amount = raise_to_minimum(amount, rules.minimum, "art. 37 ust. 3", why);
  why.add([&] { return "Podstawa: " + std::string{rules.legal_basis} + "."; });
  return BenefitPreview{true, amount, a.criterion, why.take()};
}

Result<BenefitPreview> zasilek_okresowy(Date date, int household_size, Money household_income,
                                        const GminaSettings& gmina, Explain explain) {
  OSTOJA_TRY(a, household_threshold(date, household_size, household_income, explain));
  Explanation why(explain);
  why.add([&] { return a.sentence; });
  const ZasilekOkresowyRules& rules = *row_on(zasilek_okresowy_rules(), date);  // covers all of criteria_table()
  if (household_income >= a.criterion)
    return not_eligible(household_income, a.criterion, a.single ? "art. 38 ust. 1 pkt 1" : "art. 38 ust. 1 pkt 2", why);

  OSTOJA_TRY(percent, gmina_percent_on(gmina, date, rules.statutory_min_percent, why));
  Money difference = a.criterion - household_income;
  Money amount = percent_of(difference, percent);
  why.add([&] {
    return std::to_string(percent) + " % × (kryterium " + pln(a.criterion) + " − dochód " + pln(household_income) +
           " = " + pln(difference) + ") = " + pln(amount) + " (art. 38 ust. 2 i 3 " + std::string{kAct} + ").";
  });
  if (a.single) {
    Money cap = rules.single_person_cap.value_or(a.criteria.per_person_in_family);
    if (amount > cap) {
      amount = cap;
      why.add(
          [&] { return "Kwota ograniczona do " + pln(cap) + " (art. 38 ust. 2 pkt 1 " + std::string{kAct} + ")."; });
    }
  }
  amount = raise_to_minimum(amount, rules.minimum, "art. 147 ust. 8", why);
  why.add([&] { return "Podstawa: " + std::string{rules.legal_basis} + "."; });
  return BenefitPreview{true, amount, a.criterion, why.take()};
}

Result<BenefitPreview> benefit_preview(Date date, BenefitKind kind, int household_size, Money household_income,
                                       const GminaSettings& gmina, Explain explain) {
  if (kind == BenefitKind::zasilek_staly) return zasilek_staly(date, household_size, household_income, explain);
  return zasilek_okresowy(date, household_size, household_income, gmina, explain);
}

}  // namespace ostoja::rules
