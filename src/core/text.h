#pragma once
// Polish text handling through ICU: search folding (diacritics removed, ł→l, lower case),
// Polish collation for ordering, UTF-8 validation.
#include <string>
#include <string_view>

namespace ostoja::text {

// "Łukasz Żółć" → "lukasz zolc". Used for search keys stored next to names.
std::string fold(std::string_view utf8);

// A byte string whose memcmp order is the Polish alphabetical order (ICU collator, pl locale).
std::string collation_key(std::string_view utf8);

// Compare two strings in Polish alphabetical order: <0, 0, >0.
int compare_polish(std::string_view a, std::string_view b);

bool valid_utf8(std::string_view bytes);

// Trim ASCII whitespace at both ends.
std::string trim(std::string_view s);

// Lower-case hexadecimal of bytes.
std::string hex(std::string_view bytes);

}  // namespace ostoja::text
