#pragma once
// The gmina's resolutions that the calculators apply, stored per centre and dated (rules/gmina.h): the
// share of the difference paid as zasiłek okresowy (art. 38 ust. 3 u.p.s.) and the maximum amount of one
// decision of zasiłek celowy and specjalny zasiłek celowy. Decisions and the income assessment take the
// rows in force on their date (settings()). Not personal data: reads are not audited, changes are.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/money.h"
#include "core/principal.h"
#include "core/result.h"
#include "rules/gmina.h"
#include "storage/database.h"

namespace ostoja::gmina {

// Kinds of resolution (the column gmina_resolutions.kind).
inline constexpr std::string_view kOkresowyPercent = "zasilek_okresowy_percent";
inline constexpr std::string_view kCelowyMax = "zasilek_celowy_max";
inline constexpr std::string_view kSpecjalnyMax = "specjalny_zasilek_celowy_max";

struct Resolution {
  std::int64_t id{0};
  std::string kind;
  Date valid_from;
  std::optional<Date> valid_to;  // inclusive; nullopt = until repealed
  std::optional<int> percent;    // zasilek_okresowy_percent
  std::optional<Money> amount;   // the two limits
  std::string resolution;        // the reference: number, organ, date
};

struct NewResolution {
  std::string kind;
  std::string valid_from;  // YYYY-MM-DD
  std::string valid_to;    // YYYY-MM-DD or empty (until repealed)
  std::optional<std::int64_t> percent;
  std::optional<std::int64_t> amount_grosze;
  std::string resolution;
};

// Every resolution of the centre in the form the rules take (the rules pick the row in force on a date).
rules::GminaSettings settings(storage::Connection& c, CentreId centre);

class GminaService {
 public:
  GminaService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  Date today() const { return clock_.today(); }

  // The centre's resolutions, by kind and start.
  Result<std::vector<Resolution>> list(const Principal& who);
  rules::GminaSettings settings(const Principal& who);

  // Records a resolution (checked by rules::check_gmina_rate / check_gmina_limit). A new resolution repeals
  // the open-ended one of the same kind that began earlier: that one ends the day before. Any other
  // overlap with a resolution of the same kind is a conflict (field "valid_from"); nothing is changed.
  Result<Resolution> add(const Principal& who, const NewResolution& in);
  // Sets the last day a resolution is in force (not before its start, not overlapping a later one).
  Result<Resolution> end(const Principal& who, std::int64_t id, std::string_view valid_to);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace ostoja::gmina
