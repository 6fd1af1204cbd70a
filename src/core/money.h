#pragma once
// Money is an integer number of grosze (1/100 zł). Never floating point.
#include <cstdint>
#include <string>

namespace ostoja {

struct Money {
  std::int64_t grosze{0};

  static constexpr Money zl(std::int64_t z) { return Money{z * 100}; }
  friend constexpr Money operator+(Money a, Money b) { return {a.grosze + b.grosze}; }
  friend constexpr Money operator-(Money a, Money b) { return {a.grosze - b.grosze}; }
  friend constexpr auto operator<=>(Money, Money) = default;
  friend constexpr bool operator==(Money, Money) = default;

  // "1 229,00 zł" — as written in Polish documents.
  std::string polish() const;
};

}  // namespace ostoja
