// Table-driven tests of rules/identifiers.h. Valid numbers were computed from the published
// algorithms (and include the well-known examples 44051401359 and PL61109010140000071219812874).
#include "rules/identifiers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ostoja::rules {
namespace {

struct PeselRow {
  std::string input;
  bool valid;
  std::string birth;  // ISO date when valid
  char sex;
  std::string error;  // expected message when invalid
};

TEST(Pesel, Table) {
  const std::string checksum = "Nieprawidłowa cyfra kontrolna numeru PESEL.";
  const std::string bad_date = "Numer PESEL zawiera nieprawidłową datę urodzenia.";
  const std::string format = "Numer PESEL musi składać się z 11 cyfr.";
  const std::vector<PeselRow> rows{
      {"44051401359", true, "1944-05-14", 'M', ""},
      {"90010112349", true, "1990-01-01", 'K', ""},
      {"00222900016", true, "2000-02-29", 'M', ""},  // 2000s: month + 20, leap year 2000
      {"05323199983", true, "2005-12-31", 'K', ""},  // month 32 = December 2000s
      {"99923104506", true, "1899-12-31", 'K', ""},  // 1800s: month + 80
      {"85810100122", true, "1885-01-01", 'K', ""},
      {"01410101237", true, "2101-01-01", 'M', ""},  // 2100s: month + 40
      {"04622900726", true, "2204-02-29", 'K', ""},  // 2200s: month + 60, 2204 is leap
      {"88070305674", true, "1988-07-03", 'M', ""},
      {"23222844465", true, "2023-02-28", 'K', ""},
      {"  44051401359 ", true, "1944-05-14", 'M', ""},  // surrounding blanks ignored
      {"44051401358", false, "", '\0', checksum},
      {"44051401350", false, "", '\0', checksum},
      {"90010112340", false, "", '\0', checksum},
      {"00222900017", false, "", '\0', checksum},
      {"85023012315", false, "", '\0', bad_date},  // 30 February 1985
      {"85223045610", false, "", '\0', bad_date},  // 30 February 2085
      {"90133123413", false, "", '\0', bad_date},  // month 13
      {"01000012316", false, "", '\0', bad_date},  // month 00, day 00
      {"85130100123", false, "", '\0', bad_date},  // month 13 of the 1900s
      {"85000000120", false, "", '\0', bad_date},
      {"99022900120", false, "", '\0', bad_date},  // 29 February 1999
      {"00022900126", false, "", '\0', bad_date},  // 29 February 1900 (not leap)
      {"00422900128", false, "", '\0', bad_date},  // 29 February 2100 (not leap)
      {"", false, "", '\0', "Numer PESEL jest pusty."},
      {"4405140135", false, "", '\0', format},
      {"440514013590", false, "", '\0', format},
      {"4405140135X", false, "", '\0', format},
      {"440514-1359", false, "", '\0', format},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.input);
    PeselCheck r = check_pesel(row.input);
    EXPECT_EQ(r.valid, row.valid);
    EXPECT_EQ(r.sex, row.sex);
    if (row.valid) {
      ASSERT_TRUE(r.birth_date.has_value());
      EXPECT_EQ(r.birth_date->iso(), row.birth);
      EXPECT_TRUE(r.error.empty());
      EXPECT_EQ(r.normalized.size(), 11u);
    } else {
      EXPECT_FALSE(r.birth_date.has_value());
      EXPECT_EQ(r.error, row.error);
      EXPECT_TRUE(r.normalized.empty());
    }
  }
}

struct IdRow {
  std::string input;
  bool valid;
  std::string normalized_or_error;
};

void check_table(IdentifierCheck (*check)(std::string_view), const std::vector<IdRow>& rows) {
  for (const auto& row : rows) {
    SCOPED_TRACE(row.input);
    IdentifierCheck r = check(row.input);
    EXPECT_EQ(r.valid, row.valid);
    if (row.valid) {
      EXPECT_EQ(r.normalized, row.normalized_or_error);
      EXPECT_TRUE(r.error.empty());
    } else {
      EXPECT_EQ(r.error, row.normalized_or_error);
      EXPECT_TRUE(r.normalized.empty());
    }
  }
}

TEST(Nip, Table) {
  const std::string checksum = "Nieprawidłowa cyfra kontrolna numeru NIP.";
  const std::string format = "Numer NIP musi składać się z 10 cyfr.";
  check_table(check_nip, {
                             {"1234563218", true, "1234563218"},
                             {"123-456-32-18", true, "1234563218"},
                             {"123-45-63-218", true, "1234563218"},
                             {"123 456 32 18", true, "1234563218"},
                             {"7770000028", true, "7770000028"},
                             {"1060000004", true, "1060000004"},
                             {"5250000009", true, "5250000009"},
                             {"1234563217", false, checksum},
                             {"7770000020", false, checksum},
                             {"5260001230", false, checksum},  // weighted sum mod 11 == 10: never valid
                             {"5260001231", false, checksum},
                             {"123456321", false, format},
                             {"12345632181", false, format},
                             {"PL1234563218", false, format},
                             {"", false, "Numer NIP jest pusty."},
                         });
}

TEST(Regon, Table) {
  const std::string checksum = "Nieprawidłowa cyfra kontrolna numeru REGON.";
  const std::string format = "Numer REGON musi składać się z 9 lub 14 cyfr.";
  check_table(check_regon, {
                               {"123456785", true, "123456785"},
                               {"732000000", true, "732000000"},  // weighted sum mod 11 == 10 → 0
                               {"012345675", true, "012345675"},
                               {"12345678500010", true, "12345678500010"},
                               {"12345678512347", true, "12345678512347"},
                               {"123-456-785", true, "123456785"},
                               {"123456784", false, checksum},
                               {"732000001", false, checksum},
                               {"12345678500011", false, checksum},
                               {"12345678400017", false, checksum},  // 9-digit prefix invalid
                               {"12345678", false, format},
                               {"1234567850001", false, format},
                               {"12345678A", false, format},
                               {"", false, "Numer REGON jest pusty."},
                           });
}

TEST(Iban, Table) {
  const std::string checksum = "Nieprawidłowe cyfry kontrolne numeru rachunku bankowego (IBAN).";
  const std::string format = "Numer rachunku musi mieć postać PL i 26 cyfr albo 26 cyfr.";
  check_table(check_iban, {
                              {"PL61109010140000071219812874", true, "PL61109010140000071219812874"},
                              {"PL61 1090 1014 0000 0712 1981 2874", true, "PL61109010140000071219812874"},
                              {"61 1090 1014 0000 0712 1981 2874", true, "PL61109010140000071219812874"},
                              {"pl61109010140000071219812874", true, "PL61109010140000071219812874"},
                              {"PL06102000000000000000000000", true, "PL06102000000000000000000000"},
                              {"27114020040000300201355387", true, "PL27114020040000300201355387"},
                              {"PL62109010140000071219812874", false, checksum},
                              {"PL61109010140000071219812875", false, checksum},
                              {"61109010140000071219812847", false, checksum},
                              {"DE61109010140000071219812874", false, format},
                              {"PL6110901014000007121981287", false, format},
                              {"PL611090101400000712198128744", false, format},
                              {"PL61-1090-1014-0000-0712-1981-2874", false, format},
                              {"", false, "Numer rachunku bankowego jest pusty."},
                          });
}

TEST(PostalCode, Table) {
  const std::string format = "Kod pocztowy musi mieć postać NN-NNN, np. 87-100.";
  check_table(check_postal_code, {
                                     {"87-100", true, "87-100"},
                                     {"00-950", true, "00-950"},
                                     {" 20-001 ", true, "20-001"},
                                     {"87100", false, format},
                                     {"871-00", false, format},
                                     {"87-1000", false, format},
                                     {"8A-100", false, format},
                                     {"87 100", false, format},
                                     {"", false, "Kod pocztowy jest pusty."},
                                 });
}

TEST(TerytGmina, Table) {
  const std::string voivodeship = "Nieprawidłowy kod województwa w kodzie TERYT (dozwolone 02, 04, …, 32).";
  const std::string type = "Nieprawidłowy rodzaj gminy w kodzie TERYT (dozwolone 1, 2, 3, 4, 5, 8, 9).";
  check_table(check_teryt_gmina, {
                                     {"0463011", true, "0463011"},  // Toruń (gmina miejska)
                                     {"0663011", true, "0663011"},  // Lublin
                                     {"2205033", true, "2205033"},  // an urban-rural gmina
                                     {"3206022", true, "3206022"},
                                     {"1465118", true, "1465118"},  // a district of Warsaw
                                     {"0264019", true, "0264019"},  // a delegatura of Wrocław
                                     {"0205034", true, "0205034"},
                                     {"0205035", true, "0205035"},
                                     {"0105011", false, voivodeship},
                                     {"0005011", false, voivodeship},
                                     {"3405011", false, voivodeship},
                                     {"0400011", false, "Nieprawidłowy kod powiatu w kodzie TERYT."},
                                     {"0463001", false, "Nieprawidłowy kod gminy w kodzie TERYT."},
                                     {"0463016", false, type},
                                     {"0463017", false, type},
                                     {"0463010", false, type},
                                     {"046301", false, "Kod TERYT gminy musi składać się z 7 cyfr (WWPPGGR)."},
                                     {"04-63011", false, "Kod TERYT gminy musi składać się z 7 cyfr (WWPPGGR)."},
                                     {"", false, "Kod TERYT gminy jest pusty."},
                                 });
}

}  // namespace
}  // namespace ostoja::rules
