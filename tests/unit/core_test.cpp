// Core value types: dates, money formatting, Polish text folding and collation.
#include <gtest/gtest.h>

#include "core/date.h"
#include "core/money.h"
#include "core/text.h"

using namespace ostoja;

struct DateCase {
  const char* in;
  bool ok;
};

TEST(Date, ParsesOnlyStrictIsoCalendarDates) {
  const DateCase cases[] = {{"2025-01-31", true},  {"2024-02-29", true}, {"2023-02-29", false}, {"2025-13-01", false},
                            {"2025-00-10", false}, {"2025-1-01", false}, {"20250101", false},   {"", false},
                            {"2025-01-3a", false}, {"0999-12-31", true}, {"2025-04-31", false}, {" 2025-01-01", false}};
  for (const auto& c : cases) EXPECT_EQ(Date::parse(c.in).has_value(), c.ok) << c.in;
}

TEST(Date, FormatsAndComputes) {
  Date d{2025, 1, 31};
  EXPECT_EQ(d.iso(), "2025-01-31");
  EXPECT_EQ(d.polish(), "31.01.2025");
  EXPECT_EQ(d.plus_months(1), (Date{2025, 2, 28}));
  EXPECT_EQ((Date{2024, 1, 31}).plus_months(1), (Date{2024, 2, 29}));
  EXPECT_EQ(d.plus_days(1), (Date{2025, 2, 1}));
  EXPECT_EQ((Date{2025, 11, 24}).iso_weekday(), 1u);  // Monday
  EXPECT_EQ((Date{2025, 11, 23}).iso_weekday(), 7u);  // Sunday
  EXPECT_EQ((Date{2025, 1, 1}).days_until(Date{2025, 12, 31}), 364);
}

TEST(Money, FormatsThePolishWay) {
  EXPECT_EQ(Money{122900}.polish(), "1 229,00 zł");
  EXPECT_EQ(Money{5}.polish(), "0,05 zł");
  EXPECT_EQ(Money{-100000050}.polish(), "-1 000 000,50 zł");
  EXPECT_EQ(Money::zl(1010).grosze, 101000);
}

TEST(Text, FoldsPolishDiacriticsIncludingLStroke) {
  const std::pair<const char*, const char*> cases[] = {{"Łukasz", "lukasz"},
                                                       {"Łódź", "lodz"},
                                                       {"ŻÓŁĆ gęślą", "zolc gesla"},
                                                       {"Śródka", "srodka"},
                                                       {"Kowalski", "kowalski"},
                                                       {"ŹREBIĘ", "zrebie"},
                                                       {"Ńą", "na"},
                                                       {"", ""}};
  for (const auto& [in, out] : cases) EXPECT_EQ(text::fold(in), out) << in;
}

TEST(Text, SortsInPolishAlphabeticalOrder) {
  // Polish alphabet: a ą b c ć … l ł … o ó … s ś … z ź ż
  EXPECT_LT(text::compare_polish("Lis", "Łoś"), 0);
  EXPECT_LT(text::compare_polish("Łoś", "Mak"), 0);
  EXPECT_LT(text::compare_polish("Sowa", "Śliwa"), 0);
  EXPECT_LT(text::compare_polish("Śliwa", "Tama"), 0);
  EXPECT_LT(text::compare_polish("Zając", "Żak"), 0);
  EXPECT_LT(text::collation_key("Zając"), text::collation_key("Żak"));
  EXPECT_LT(text::collation_key("Lis"), text::collation_key("Łoś"));
}

TEST(Text, ValidatesUtf8) {
  EXPECT_TRUE(text::valid_utf8("Zażółć gęślą jaźń"));
  EXPECT_FALSE(text::valid_utf8("\xff\xfe"));
  EXPECT_FALSE(text::valid_utf8("abc\xc3"));  // truncated sequence
  EXPECT_TRUE(text::valid_utf8(""));
}

TEST(Text, CountsCharactersNotBytes) {
  EXPECT_EQ(text::utf8_length(""), 0u);
  EXPECT_EQ(text::utf8_length("abc"), 3u);
  EXPECT_EQ(text::utf8_length("Zażółć"), 6u);                        // 10 bytes
  EXPECT_EQ(text::utf8_length("\xe2\x82\xac\xf0\x9f\x98\x80"), 2u);  // 3- and 4-byte characters
}

struct DistanceCase {
  const char* a;
  const char* b;
  std::size_t distance;
};

TEST(Text, EditDistanceCountsCharacterEdits) {
  const DistanceCase cases[] = {
      {"kowalski", "kowalski", 0},
      {"kowalski", "kowalsky", 1},  // substitution
      {"nowak", "nowack", 1},
      {"nowack", "nowak", 1},  // insertion, deletion (symmetric)
      {"nowak", "nowka", 2},   // a transposition is two edits (plain Levenshtein)
      {"kowalski", "kowalska", 1},
      {"kowalski", "nowakowski", 4},
      {"", "", 0},
      {"", "abc", 3},
      {"abc", "", 3},
      {"anna", "ana", 1},
      {"jan", "jean", 1},
      {"kitten", "sitting", 3},
      {"łabędzka", "labedzka", 2},  // on unfolded text every diacritic is one edit, never its bytes
      {"żółć", "zolc", 4},
      {"ą", "a", 1},
      {"\xff", "a", 1},  // an invalid byte is one character
  };
  for (const auto& c : cases) EXPECT_EQ(text::edit_distance(c.a, c.b), c.distance) << c.a << " / " << c.b;
}

namespace ostoja::text {
namespace {

bool in_range(const std::pair<std::string, std::string>& r, std::string_view s) {
  const std::string k = collation_key(s);
  return r.first <= k && k < r.second;
}

TEST(PolishSearch, CollationPrefixRangeMatchesThePrefixAtPrimaryLevelOnly) {
  auto r = collation_prefix_range("lab");
  for (const char* yes : {"Labuda Jan", "LABUDA ANNA", "lab", "Labędzki Ewa", "labirynt"})
    EXPECT_TRUE(in_range(r, yes)) << yes;
  for (const char* no : {"Łaba Ewa", "Ląb", "Laa", "Lac", "Kowal", "Ma", "la"}) EXPECT_FALSE(in_range(r, no)) << no;
  auto l = collation_prefix_range("łab");
  EXPECT_TRUE(in_range(l, "Łabędzka Anna"));
  EXPECT_FALSE(in_range(l, "Labuda Jan"));
  // Ranges of different spellings are disjoint and ordered as the Polish alphabet: l < ł.
  EXPECT_LE(r.second, l.first);
}

TEST(PolishSearch, SpellingsExpandLettersTypedWithoutDiacritics) {
  EXPECT_EQ(polish_spellings("lab", 16), (std::vector<std::string>{"lab", "ląb", "łab", "łąb"}));
  EXPECT_EQ(polish_spellings("ŁAB", 16), (std::vector<std::string>{"łab", "łąb"}));
  EXPECT_EQ(polish_spellings("źd", 16), (std::vector<std::string>{"źd"}));
  EXPECT_EQ(polish_spellings("z", 16).size(), 3u);
  EXPECT_TRUE(polish_spellings("szczepanska", 16).empty());
}

}  // namespace
}  // namespace ostoja::text
