#include "modules/organisation/territory.h"

#include <algorithm>

#include "core/text.h"

namespace ostoja::org {

std::string_view to_string(Parity p) {
  switch (p) {
    case Parity::all:
      return "all";
    case Parity::odd:
      return "odd";
    case Parity::even:
      return "even";
  }
  return "all";
}

std::string_view polish(Parity p) {
  switch (p) {
    case Parity::all:
      return "wszystkie";
    case Parity::odd:
      return "nieparzyste";
    case Parity::even:
      return "parzyste";
  }
  return "wszystkie";
}

Result<Parity> parse_parity(std::string_view s) {
  std::string f = text::fold(text::trim(s));
  if (f == "all" || f == "wszystkie" || f == "w" || f.empty()) return Parity::all;
  if (f == "odd" || f == "nieparzyste" || f == "np") return Parity::odd;
  if (f == "even" || f == "parzyste" || f == "p") return Parity::even;
  return Error::validation("Parzystość: wszystkie, nieparzyste lub parzyste.", "parity");
}

Status validate(const StreetRange& r) {
  if (text::trim(r.locality).empty()) return Error::validation("Podaj miejscowość.", "locality");
  if (text::trim(r.street).empty()) return Error::validation("Podaj ulicę.", "street");
  if (r.from && (*r.from < 1 || *r.from > 100000))
    return Error::validation("Numer „od” musi być z zakresu 1–100000.", "from");
  if (r.to && (*r.to < 1 || *r.to > 100000)) return Error::validation("Numer „do” musi być z zakresu 1–100000.", "to");
  if (r.from && r.to && *r.from > *r.to) return Error::validation("Numer „od” jest większy niż „do”.", "to");
  return ok();
}

std::optional<int> house_number(std::string_view s) {
  s = std::string_view(s).substr(0, std::min<std::size_t>(s.size(), 20));
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  int n = 0;
  std::size_t start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 6) n = n * 10 + (s[i++] - '0');
  if (i == start || n == 0) return std::nullopt;
  return n;
}

bool same_street(const StreetRange& a, const StreetRange& b) {
  return text::fold(text::trim(a.locality)) == text::fold(text::trim(b.locality)) &&
         text::fold(text::trim(a.street)) == text::fold(text::trim(b.street));
}

namespace {
bool parity_ok(Parity p, int n) {
  return p == Parity::all || (p == Parity::odd) == (n % 2 != 0);
}
int lo(const StreetRange& r) {
  return r.from.value_or(1);
}
long hi(const StreetRange& r) {
  return r.to ? *r.to : 1'000'000L;
}
}  // namespace

bool covers(const StreetRange& r, int number) {
  return number >= lo(r) && number <= hi(r) && parity_ok(r.parity, number);
}

bool overlaps(const StreetRange& a, const StreetRange& b) {
  if (!same_street(a, b)) return false;
  long start = std::max(lo(a), lo(b));
  long end = std::min(hi(a), hi(b));
  if (start > end) return false;
  if (a.parity == Parity::all || b.parity == Parity::all || a.parity == b.parity) {
    // Some number in [start, end] with the required parity (if any) exists unless the interval is a
    // single number of the wrong parity.
    Parity need = a.parity == Parity::all ? b.parity : a.parity;
    if (need == Parity::all) return true;
    for (long n = start; n <= std::min(end, start + 1); ++n)
      if (parity_ok(need, static_cast<int>(n))) return true;
    return false;
  }
  return false;  // odd vs even never share a number
}

std::vector<std::string> gaps(const std::vector<StreetRange>& ranges) {
  // Uncovered numbers between 1 and the highest bounded end of the street's ranges, per parity.
  // Beyond the highest end the street may simply end, so the tail is not reported.
  long limit = 0;
  for (const auto& r : ranges) limit = std::max<long>(limit, r.to ? *r.to : lo(r));
  std::vector<std::string> out;
  for (Parity p : {Parity::odd, Parity::even}) {
    long gap_start = -1, last = -1;
    auto flush = [&] {
      if (gap_start < 0) return;
      std::string s = std::string(polish(p)) + " " + std::to_string(gap_start);
      if (last != gap_start) s += "–" + std::to_string(last);
      out.push_back(s);
      gap_start = -1;
    };
    for (long n = (p == Parity::odd ? 1 : 2); n <= limit; n += 2) {
      bool covered = std::any_of(ranges.begin(), ranges.end(),
                                 [&](const StreetRange& r) { return covers(r, static_cast<int>(n)); });
      if (covered)
        flush();
      else {
        if (gap_start < 0) gap_start = n;
        last = n;
      }
    }
    flush();
  }
  return out;
}

}  // namespace ostoja::org
