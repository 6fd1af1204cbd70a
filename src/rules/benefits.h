#pragma once
// Pure calculators of cash benefits of ustawa z 12 marca 2004 r. o pomocy społecznej, each with
// an explanation (Polish sentences citing the articles applied). No I/O: the date is an argument.
//
// Rounding (the act is silent on it): amounts are kept in grosze, never rounded to złoty. Where a
// percentage or a division by the number of persons yields a fraction of a grosz, it is rounded to
// the nearest grosz, halves up (e.g. 130 % × 776 zł = 1 008,80 zł exactly; (780 zł × 3 − 1 000 zł) / 3
// = 446,666… → 446,67 zł).
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/result.h"
#include "rules/criteria.h"
#include "rules/explain.h"
#include "rules/gmina.h"

namespace ostoja::rules {

enum class BenefitKind { zasilek_staly, zasilek_okresowy };

// "zasilek_staly" | "zasilek_okresowy" (the API's spelling); validation error on field "benefit".
Result<BenefitKind> parse_benefit_kind(std::string_view text);
std::string_view to_string(BenefitKind kind);

// Dated parameters of art. 37 ust. 2–3 (zasiłek stały).
struct ZasilekStalyRules {
  Date valid_from;
  std::optional<Date> valid_to;
  int percent_of_criterion;  // 100 until 31.12.2023, 130 from 1.01.2024
  Money minimum;             // art. 37 ust. 3: 30 zł, from 1.01.2024 100 zł
  std::string_view legal_basis;
};
std::span<const ZasilekStalyRules> zasilek_staly_rules();

// Dated parameters of art. 38 ust. 2–4 (zasiłek okresowy).
struct ZasilekOkresowyRules {
  Date valid_from;
  std::optional<Date> valid_to;
  std::optional<Money> single_person_cap;  // fixed 418 zł; nullopt = the per-person criterion
  int statutory_min_percent;               // art. 38 ust. 3: not less than 50 % of the difference
  Money minimum;                           // 20 zł: art. 147 ust. 8 (the subsidised amount is at least 20 zł)
  std::string_view legal_basis;
};
std::span<const ZasilekOkresowyRules> zasilek_okresowy_rules();

// Monthly net income of the household (art. 8 ust. 3); for one person, that person's income.
struct BenefitPreview {
  bool eligible{false};
  Money amount;     // monthly amount; 0 when not eligible
  Money criterion;  // threshold the household income was compared with (single, or per person × size)
  std::vector<std::string> explanation;
};

// amount × percent / 100, rounded to the nearest grosz, halves up (amount ≥ 0).
Money percent_of(Money amount, int percent);

// The threshold a household's monthly income is compared with (art. 8 ust. 1): the single person's
// criterion for a household of one, per person × persons for a family — with the sentence saying so.
// Errors: household_size < 1 → "household_size"; negative income → "income_grosze"; a date before
// 2012-10-01 → "date".
struct Threshold {
  Criteria criteria;
  bool single{false};
  Money criterion;
  std::string sentence;  // Polish, citing art. 8 and the regulation
};
// The sentence is left empty with Explain::no.
Result<Threshold> household_threshold(Date date, int household_size, Money household_income,
                                      Explain explain = Explain::yes);

// art. 37: zasiłek stały. household_size 1 = osoba samotnie gospodarująca (ust. 1 pkt 1, ust. 2 pkt 1),
// more = osoba w rodzinie (ust. 1 pkt 2, ust. 2 pkt 2), computed from income per person.
// Eligibility requires income *below* the criterion. The person's own income condition of
// ust. 1 pkt 2 and the incapacity for work are not known here and are left to the case worker.
// With Explain::no the explanation stays empty (bulk re-checks); the verdict and the amount are the same.
Result<BenefitPreview> zasilek_staly(Date date, int household_size, Money household_income,
                                     Explain explain = Explain::yes);

// art. 38: zasiłek okresowy = the gmina's percentage of (criterion − income), capped for a single
// person, never below the statutory minimum.
Result<BenefitPreview> zasilek_okresowy(Date date, int household_size, Money household_income,
                                        const GminaSettings& gmina, Explain explain = Explain::yes);

// Entry point of POST /api/v1/rules/benefit-preview. Errors (Polish, with the JSON field):
// household_size < 1 → "household_size"; negative income → "income_grosze";
// date before 2012-10-01 → "date"; gmina percentage outside 50..100 → "gmina_percent".
Result<BenefitPreview> benefit_preview(Date date, BenefitKind kind, int household_size, Money household_income,
                                       const GminaSettings& gmina, Explain explain = Explain::yes);

}  // namespace ostoja::rules
