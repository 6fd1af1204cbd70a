#pragma once
// Calendar dates for anything legal (deadlines, validity, "as of"); never timestamps.
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ostoja {

class Date {
 public:
  constexpr Date() = default;
  constexpr Date(int y, unsigned m, unsigned d)
      : ymd_{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}} {}
  constexpr explicit Date(std::chrono::year_month_day ymd) : ymd_(ymd) {}
  explicit Date(std::chrono::sys_days days) : ymd_(days) {}

  // Strict ISO 8601 "YYYY-MM-DD"; nullopt for anything else or an impossible date (2023-02-29).
  static std::optional<Date> parse(std::string_view iso);

  int year() const { return static_cast<int>(ymd_.year()); }
  unsigned month() const { return static_cast<unsigned>(ymd_.month()); }
  unsigned day() const { return static_cast<unsigned>(ymd_.day()); }
  bool valid() const { return ymd_.ok(); }

  std::chrono::sys_days days() const { return std::chrono::sys_days{ymd_}; }
  std::chrono::year_month_day ymd() const { return ymd_; }
  // 1 = Monday … 7 = Sunday (ISO).
  unsigned iso_weekday() const { return std::chrono::weekday{days()}.iso_encoding(); }

  Date plus_days(int n) const { return Date{days() + std::chrono::days{n}}; }
  Date plus_months(int n) const;  // clamps to the month's last day (31.01 + 1 → 28/29.02)
  int days_until(Date other) const { return static_cast<int>((other.days() - days()).count()); }

  std::string iso() const;     // 2025-01-31
  std::string polish() const;  // 31.01.2025

  friend constexpr bool operator==(const Date&, const Date&) = default;
  friend constexpr auto operator<=>(const Date& a, const Date& b) { return a.ymd_ <=> b.ymd_; }

 private:
  std::chrono::year_month_day ymd_{std::chrono::year{1970}, std::chrono::month{1}, std::chrono::day{1}};
};

// A date typed by a user: "YYYY-MM-DD" (surrounding spaces ignored); otherwise a validation error
// naming `field`, in Polish.
Result<Date> parse_date_field(std::string_view text, std::string_view field);

}  // namespace ostoja
