#include "core/date.h"

#include <cstdio>

namespace ostoja {

namespace {
bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}
int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

std::optional<Date> Date::parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto y = iso.substr(0, 4), m = iso.substr(5, 2), d = iso.substr(8, 2);
  if (!digits(y) || !digits(m) || !digits(d)) return std::nullopt;
  Date date{to_int(y), static_cast<unsigned>(to_int(m)), static_cast<unsigned>(to_int(d))};
  if (!date.valid()) return std::nullopt;
  return date;
}

Date Date::plus_months(int n) const {
  using namespace std::chrono;
  year_month ym = year_month{ymd_.year(), ymd_.month()} + months{n};
  auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  return Date{year_month_day{ym.year(), ym.month(), ymd_.day() > last ? last : ymd_.day()}};
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

std::string Date::polish() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", day(), month(), year());
  return buf;
}

Result<Date> parse_date_field(std::string_view text, std::string_view field) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (auto d = Date::parse(text)) return *d;
  return Error::validation("Pole „" + std::string(field) + "” musi być datą w postaci RRRR-MM-DD.", std::string(field));
}

}  // namespace ostoja
