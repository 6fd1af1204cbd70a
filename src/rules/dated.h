#pragma once
// Lookup in dated statutory tables: every row has `valid_from` and an optional inclusive
// `valid_to`; the row in force on a date is the one whose interval contains it.
#include <span>

#include "core/date.h"

namespace ostoja::rules {

template <class Row>
bool in_force(const Row& row, Date date) {
  return row.valid_from <= date && (!row.valid_to || date <= *row.valid_to);
}

// The row in force on `date`, or nullptr when the table does not cover it.
template <class Row>
const Row* row_on(std::span<const Row> table, Date date) {
  for (const Row& row : table)
    if (in_force(row, date)) return &row;
  return nullptr;
}

}  // namespace ostoja::rules
