#pragma once
// Territory of social-work sections: which section is responsible for an address.
// Pure rules: a street range covers house numbers of one street in one locality, all / odd / even,
// from–to (either end may be open). An address must resolve to exactly one section.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace ostoja::org {

enum class Parity { all, odd, even };
std::string_view to_string(Parity p);
std::string_view polish(Parity p);                // wszystkie / nieparzyste / parzyste
Result<Parity> parse_parity(std::string_view s);  // all|odd|even or the Polish words

struct StreetRange {
  std::int64_t id{0};
  std::int64_t section_id{0};
  std::string locality;
  std::string street;
  Parity parity{Parity::all};
  std::optional<int> from;  // inclusive; nullopt = from 1
  std::optional<int> to;    // inclusive; nullopt = no upper end
};

// Checks a range's own consistency (names present, 1 ≤ from ≤ to ≤ 100000).
Status validate(const StreetRange& r);

// Numeric part of a house number: "12" → 12, "12a" → 12, "12/3" → 12, "" or "a" → nullopt.
std::optional<int> house_number(std::string_view s);

bool same_street(const StreetRange& a, const StreetRange& b);  // locality and street, folded
bool covers(const StreetRange& r, int number);
// True if some house number is covered by both ranges (same street, overlapping, parity compatible).
bool overlaps(const StreetRange& a, const StreetRange& b);

// Numbers of one street not covered by any of the given ranges (all on the same street), up to the
// highest bounded number in them; e.g. "parzyste 2–18", "nieparzyste 41". Empty if fully covered.
std::vector<std::string> gaps(const std::vector<StreetRange>& street_ranges);

}  // namespace ostoja::org
