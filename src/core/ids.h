#pragma once
// Typed identifiers: a PersonId cannot be passed where a HouseholdId is expected.
#include <compare>
#include <cstdint>
#include <functional>

namespace ostoja {

template <class Tag>
struct Id {
  std::int64_t value{0};
  constexpr Id() = default;
  constexpr explicit Id(std::int64_t v) : value(v) {}
  friend constexpr auto operator<=>(Id, Id) = default;
  friend constexpr bool operator==(Id, Id) = default;
};

using CentreId = Id<struct CentreTag>;
using UserId = Id<struct UserTag>;
using UnitId = Id<struct UnitTag>;
using SectionId = Id<struct SectionTag>;
using StreetRangeId = Id<struct StreetRangeTag>;
using PersonId = Id<struct PersonTag>;
using HouseholdId = Id<struct HouseholdTag>;
using TokenId = Id<struct TokenTag>;

}  // namespace ostoja

template <class Tag>
struct std::hash<ostoja::Id<Tag>> {
  std::size_t operator()(ostoja::Id<Tag> id) const noexcept { return std::hash<std::int64_t>{}(id.value); }
};
