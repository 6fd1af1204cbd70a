#include "rules/criteria.h"

#include <array>

#include "rules/dated.h"

namespace ostoja::rules {

namespace {

constexpr std::string_view kRm2012 =
    "Rozporządzenie Rady Ministrów z dnia 17 lipca 2012 r. w sprawie zweryfikowanych kryteriów "
    "dochodowych oraz kwot świadczeń pieniężnych z pomocy społecznej (Dz.U. 2012 poz. 823)";
constexpr std::string_view kRm2015 =
    "Rozporządzenie Rady Ministrów z dnia 14 lipca 2015 r. w sprawie zweryfikowanych kryteriów "
    "dochodowych oraz kwot świadczeń pieniężnych z pomocy społecznej (Dz.U. 2015 poz. 1058)";
constexpr std::string_view kRm2018 =
    "Rozporządzenie Rady Ministrów z dnia 11 lipca 2018 r. w sprawie zweryfikowanych kryteriów "
    "dochodowych oraz kwot świadczeń pieniężnych z pomocy społecznej (Dz.U. 2018 poz. 1358)";
constexpr std::string_view kRm2021 =
    "Rozporządzenie Rady Ministrów z dnia 14 lipca 2021 r. w sprawie zweryfikowanych kryteriów "
    "dochodowych oraz kwot świadczeń pieniężnych z pomocy społecznej (Dz.U. 2021 poz. 1296)";
constexpr std::string_view kRm2021Ustawa2023 =
    "Rozporządzenie Rady Ministrów z dnia 14 lipca 2021 r. (Dz.U. 2021 poz. 1296); maksymalna kwota "
    "zasiłku stałego 1000 zł – art. 37 ust. 2 pkt 1 w brzmieniu ustawy z dnia 28 lipca 2023 r. o zmianie "
    "ustawy o pomocy społecznej oraz niektórych innych ustaw (Dz.U. 2023 poz. 1693)";
constexpr std::string_view kRm2024 =
    "Rozporządzenie Rady Ministrów z dnia 12 lipca 2024 r. w sprawie zweryfikowanych kryteriów "
    "dochodowych oraz kwot świadczeń pieniężnych z pomocy społecznej (Dz.U. 2024 poz. 1044)";

constexpr Money zl(std::int64_t z) {
  return Money::zl(z);
}

constexpr std::array<Criteria, 6> kCriteria{{
    {Date{2012, 10, 1}, Date{2015, 9, 30}, zl(542), zl(456), zl(529), zl(250), kRm2012},
    {Date{2015, 10, 1}, Date{2018, 9, 30}, zl(634), zl(514), zl(604), zl(288), kRm2015},
    {Date{2018, 10, 1}, Date{2021, 12, 31}, zl(701), zl(528), zl(645), zl(308), kRm2018},
    {Date{2022, 1, 1}, Date{2023, 12, 31}, zl(776), zl(600), zl(719), zl(345), kRm2021},
    {Date{2024, 1, 1}, Date{2024, 12, 31}, zl(776), zl(600), zl(1000), zl(345), kRm2021Ustawa2023},
    {Date{2025, 1, 1}, std::nullopt, zl(1010), zl(823), zl(1229), zl(459), kRm2024},
}};

}  // namespace

std::span<const Criteria> criteria_table() {
  return kCriteria;
}

Result<Criteria> criteria_on(Date date) {
  if (const Criteria* row = row_on(criteria_table(), date)) return *row;
  return Error::validation(
      "Brak kryteriów dochodowych dla dnia " + date.polish() + " – system obsługuje okres od 1 października 2012 r.",
      "date");
}

Money family_criterion(const Criteria& criteria, int persons) {
  return Money{criteria.per_person_in_family.grosze * persons};
}

}  // namespace ostoja::rules
