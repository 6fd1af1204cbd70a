#pragma once
// Polish text handling through ICU: search folding (diacritics removed, ł→l, lower case),
// Polish collation for ordering, UTF-8 validation.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ostoja::text {

// "Łukasz Żółć" → "lukasz zolc". Used for search keys stored next to names.
std::string fold(std::string_view utf8);

// A byte string whose memcmp order is the Polish alphabetical order (ICU collator, pl locale).
std::string collation_key(std::string_view utf8);

// Bounds [lower, upper) of the collation keys (as collation_key gives them) of every string that
// begins with `prefix` at the primary level (ignoring case; Polish letters ą, ć, ę, ł, ń, ó, ś, ź, ż
// stay distinct, as they are in the Polish alphabet). ICU ucol_getBound, UPPER_LONG.
std::pair<std::string, std::string> collation_prefix_range(std::string_view prefix);

// The spellings a user may have meant when typing `typed` without Polish letters: "lab" → lab, ląb,
// łab, łąb. Letters typed with diacritics stay as typed. Lower case. Empty when there would be more
// than `max` spellings (then the caller searches another way).
std::vector<std::string> polish_spellings(std::string_view typed, std::size_t max);

// Compare two strings in Polish alphabetical order: <0, 0, >0.
int compare_polish(std::string_view a, std::string_view b);

bool valid_utf8(std::string_view bytes);

// Number of characters (code points) of valid UTF-8.
std::size_t utf8_length(std::string_view utf8);

// Levenshtein distance counted in characters (code points) of UTF-8, not bytes: the fewest insertions,
// deletions and substitutions of one character turning `a` into `b` ("nowak" → "nowack": 1). Meant for
// folded keys (fold), so case and Polish diacritics are already gone. Invalid bytes count as one
// character each (U+FFFD).
std::size_t edit_distance(std::string_view a, std::string_view b);

// Trim ASCII whitespace at both ends.
std::string trim(std::string_view s);

// Lower-case hexadecimal of bytes.
std::string hex(std::string_view bytes);

}  // namespace ostoja::text
