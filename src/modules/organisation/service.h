#pragma once
// Use cases of the organisation module. Reads need org.read, writes org.write (checked by the
// router); all queries are tenant-scoped by the acting user's centre; writes are audited.
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/principal.h"
#include "core/result.h"
#include "modules/organisation/model.h"
#include "storage/database.h"

namespace ostoja::org {

class OrganisationService {
 public:
  OrganisationService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Creates a centre (ostoja init / demo). TERYT validated.
  Result<Centre> create_centre(const Centre& c);
  Result<Centre> centre(const Principal& who);
  Result<Centre> update_centre(const Principal& who, const Centre& c);

  Result<std::vector<Unit>> units(const Principal& who);
  Result<Unit> create_unit(const Principal& who, Unit u);
  Result<Unit> update_unit(const Principal& who, Unit u);
  Status delete_unit(const Principal& who, std::int64_t id);

  Result<std::vector<Section>> sections(const Principal& who);
  Result<Section> section(const Principal& who, std::int64_t id);
  Result<Section> create_section(const Principal& who, Section s);
  Result<Section> update_section(const Principal& who, Section s);

  Result<StreetRange> add_street(const Principal& who, StreetRange r);
  Status delete_street(const Principal& who, std::int64_t id);
  // All-or-nothing import of `miejscowosc;ulica;parzystosc;od;do` rows; errors per row and column.
  Result<int> import_streets(const Principal& who, std::int64_t section_id, std::string_view csv,
                             std::vector<ImportRowError>& errors);

  Result<SectionRef> resolve(const Principal& who, std::string_view locality, std::string_view street,
                             std::string_view number);
  // The same resolution inside an open transaction, for other modules (household addresses).
  static Result<SectionRef> resolve_in(storage::Connection& c, CentreId centre, std::string_view locality,
                                       std::string_view street, std::string_view number);
  Result<TerritoryReport> check(const Principal& who);

  std::vector<std::pair<std::int64_t, std::string>> section_names(CentreId centre);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace ostoja::org
