#pragma once
// Income criteria of ustawa z 12 marca 2004 r. o pomocy społecznej (art. 8 ust. 1, verified under
// art. 9) and the maximum zasiłek stały (art. 37 ust. 2 pkt 1), as a dated table.
#include <optional>
#include <span>
#include <string_view>

#include "core/date.h"
#include "core/money.h"
#include "core/result.h"

namespace ostoja::rules {

struct Criteria {
  Date valid_from;
  std::optional<Date> valid_to;  // inclusive; nullopt = in force until a new regulation
  Money single_person;           // art. 8 ust. 1 pkt 1: osoba samotnie gospodarująca
  Money per_person_in_family;    // art. 8 ust. 1 pkt 2: osoba w rodzinie
  Money max_zasilek_staly;       // art. 37 ust. 2 pkt 1
  Money income_per_hectare;      // art. 8 ust. 8: dochód z 1 ha przeliczeniowego
  std::string_view legal_basis;  // the act that set these amounts, with its Dz.U. reference
};

// Every period since 2012-10-01, oldest first, contiguous and non-overlapping.
std::span<const Criteria> criteria_table();

// The criteria in force on `date`; a validation error (field "date") before 2012-10-01.
Result<Criteria> criteria_on(Date date);

// art. 6 pkt 4 and art. 8 ust. 1 pkt 3: kryterium dochodowe rodziny = per-person criterion × number of persons.
Money family_criterion(const Criteria& criteria, int persons);

}  // namespace ostoja::rules
