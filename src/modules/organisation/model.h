#pragma once
// The organisation of a centre: the centre (tenant), its units (divisions, departments, branches =
// filie, specialised units with their offer) and social-work sections with their territories.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/organisation/territory.h"

namespace ostoja::org {

struct Address {
  std::string street, building, postal_code, locality;
};

struct Centre {
  std::int64_t id{0};
  std::string name, short_name, teryt;
  Address address;
  std::string bank_iban;  // the account benefits are paid from (payment lists, bank files)
  int payment_day{10};    // day of the month periodic benefits are paid (1–28)
};

inline const std::vector<std::string>& unit_kinds() {
  static const std::vector<std::string> k{"division", "department", "branch", "specialised"};
  return k;
}

struct Unit {
  std::int64_t id{0};
  std::optional<std::int64_t> parent_id;
  std::string kind, name, short_name;
  Address address;
  std::string offer;
};

struct StaffRef {
  std::int64_t id;
  std::string full_name;
};

struct Section {
  std::int64_t id{0};
  std::int64_t unit_id{0};
  int number{0};
  std::string name;
  Address address;
  int street_count{0};
  std::vector<StaffRef> staff;
  std::vector<StreetRange> streets;  // filled for the detail view
};

struct SectionRef {
  std::int64_t id;
  int number;
  std::string name;
};

struct ImportRowError {
  int row;  // 1-based data row (header excluded)
  std::string column;
  std::string message;
};

struct TerritoryIssue {
  std::string locality, street;
  std::vector<SectionRef> sections;  // overlap: the sections involved
  std::string numbers;               // human-readable numbers concerned
};

struct TerritoryReport {
  std::vector<TerritoryIssue> overlaps;
  std::vector<TerritoryIssue> gaps;
  std::int64_t households_unresolved{0};
};

}  // namespace ostoja::org
