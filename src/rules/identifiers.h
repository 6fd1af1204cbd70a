#pragma once
// Checksums and formats of Polish identifiers. Pure functions: no I/O, no clock.
// Every check returns a value (never throws) with a Polish message for the user.
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace ostoja::rules {

// Result of checking any identifier. `normalized` is the canonical form to store
// (digits only for NIP/REGON/TERYT, "PL"+26 digits for IBAN, "NN-NNN" for postal codes);
// it is empty when the identifier is invalid.
struct IdentifierCheck {
  bool valid{false};
  std::string error;  // Polish, empty when valid
  std::string normalized;
};

struct PeselCheck {
  bool valid{false};
  std::optional<Date> birth_date;  // set only when valid
  char sex{'\0'};                  // 'K' (kobieta) or 'M' (mężczyzna); '\0' when invalid
  std::string error;               // Polish, empty when valid
  std::string normalized;          // the 11 digits, empty when invalid
};

// PESEL — ustawa z 24 września 2010 r. o ewidencji ludności, art. 15 ust. 2: 11 digits,
// YYMMDD with the century encoded in the month (+80 1800s, +0 1900s, +20 2000s, +40 2100s,
// +60 2200s), serial, sex digit (10th: even = woman), check digit with weights 1,3,7,9,1,3,7,9,1,3:
// check = (10 − sum mod 10) mod 10. Surrounding whitespace is ignored.
PeselCheck check_pesel(std::string_view text);

// NIP — ustawa z 13 października 1995 r. o zasadach ewidencji i identyfikacji podatników;
// check-digit algorithm as published by the Ministry of Finance: 10 digits, weights 6,5,7,2,3,4,5,6,7, check = sum mod
// 11 (a remainder of 10 never occurs in an issued NIP). Dashes and spaces are accepted.
IdentifierCheck check_nip(std::string_view text);

// REGON — ustawa z 29 czerwca 1995 r. o statystyce publicznej, art. 42 (rejestr REGON kept by
// GUS); check-digit algorithm as published by GUS: 9 digits with
// weights 8,9,2,3,4,5,6,7 or 14 digits (local unit) with weights 2,4,8,5,0,9,7,3,6,1,2,4,8;
// check = sum mod 11, a remainder of 10 gives 0. A 14-digit REGON starts with a valid 9-digit one.
IdentifierCheck check_regon(std::string_view text);

// Polish IBAN — ISO 13616 / Rozporządzenie Prezesa NBP nr 7/2017 (NRB): "PL" + 2 check digits +
// 24-digit NRB; the 26 digits alone are accepted as a Polish account. Spaces are accepted.
// Valid when the number, rearranged with the country code moved to the end, mod 97 == 1.
IdentifierCheck check_iban(std::string_view text);

// Polish postal code (Poczta Polska PNA): exactly "NN-NNN".
IdentifierCheck check_postal_code(std::string_view text);

// TERYT gmina code WWPPGGR — rozporządzenie RM z 15 grudnia 1998 r. w sprawie szczegółowych
// zasad prowadzenia, stosowania i udostępniania krajowego rejestru urzędowego podziału
// terytorialnego kraju: WW voivodeship (even, 02..32), PP powiat (≠ 00), GG gmina (≠ 00),
// R type: 1 urban, 2 rural, 3 urban-rural, 4 town / 5 rural area of an urban-rural gmina,
// 8 district of Warsaw, 9 delegatura of a city.
IdentifierCheck check_teryt_gmina(std::string_view text);

}  // namespace ostoja::rules
