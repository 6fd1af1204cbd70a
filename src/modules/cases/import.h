#pragma once
// Import of persons and households from a CSV file exported by another system (docs/import.md).
// Every row is validated first (identity, relation, family type, the household's address resolving
// to a section, one head per household, no PESEL twice); errors name the row and the column. Nothing
// is written unless every row is valid — or, in partial mode, the households whose rows are all
// valid are written and the rest reported. Re-running the same file changes nothing: households are
// keyed by (source, household key) and persons by PESEL or document.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/principal.h"
#include "core/result.h"
#include "storage/database.h"

namespace ostoja::cases {

struct ImportError {
  int row{0};  // line in the file (the header is line 1)
  std::string column;
  std::string message;
};

struct ImportOptions {
  bool partial{false};
  std::string source{"csv"};  // name of the system the file comes from (part of the idempotency key)
  std::function<void(std::size_t done, std::size_t total)> progress;  // called per household batch
};

struct ImportReport {
  std::size_t rows{0};
  std::size_t households_created{0}, households_existing{0}, households_rejected{0};
  std::size_t persons_created{0}, persons_existing{0};
  std::vector<ImportError> errors;
  bool applied{false};
};

// The columns of the file, in any order (names as in the header; see docs/import.md).
const std::vector<std::string>& import_columns();

Result<ImportReport> import_persons_households(storage::Database& db, const Clock& clock, const Principal& who,
                                               std::string_view csv_text, const ImportOptions& options);

}  // namespace ostoja::cases
