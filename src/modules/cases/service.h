#pragma once
// Persons and households as the platform scopes them: a user sees a household of their section(s),
// one assigned to them, or all (cases.scope_all), or one opened by break-the-glass with a stated
// reason. Restricted categories (violence, health, addiction) only with explicit restricted access.
// Every read of personal data is audited durably before the data leaves the service.
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/principal.h"
#include "core/result.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace ostoja::cases {

struct Person {
  std::int64_t id{0};
  std::optional<std::string> pesel;
  std::string document_type, document_number;
  std::string first_name, last_name, birth_date, sex, citizenship, phone;
  std::string email, registered_address, actual_address, education, employment, labour_office, disability;
  std::optional<std::int64_t> household_id;  // the current household, if any
  // Restricted categories; nullopt when the reader may not see them.
  std::optional<std::string> health_note, addiction_note, violence_note;
  bool restricted_hidden{false};
};

struct Member {
  Person person;
  std::string relation;
  std::string since;
};

struct Household {
  std::int64_t id{0};
  std::optional<std::int64_t> section_id, worker_id;
  std::string section_name, worker_name;
  std::string locality, street, building, flat, postal_code, family_type;
  std::vector<std::string> restricted_categories;  // names only; contents need restricted access
  std::vector<Member> members;
  bool via_break_glass{false};
};

// Personal data together with the audit entries recording its read. The adapter must make the
// entries durable before the value leaves the process (HTTP: a response gate; CLI/tests:
// GroupCommitLog::append_durable) — see docs/architecture.md, "Audit".
template <class T>
struct Audited {
  T value;
  std::vector<audit::Entry> audit;
};

struct NewPerson {
  std::optional<std::string> pesel;            // or, for persons without PESEL, a document:
  std::string document_type, document_number;  // e.g. "paszport", "karta pobytu"
  std::string first_name, last_name;
  std::optional<std::string> birth_date;  // required without PESEL; must agree with PESEL when both given
  std::optional<std::string> sex;         // "K" / "M"; same rule
  std::string citizenship{"PL"};
  std::string phone;
  bool allow_duplicate{false};  // the user saw the likely duplicates and confirms a new person
};

// Changes to a person's card; absent fields stay. Restricted notes need restricted access.
struct PersonChanges {
  std::optional<std::string> first_name, last_name, citizenship, phone, email;
  std::optional<std::string> registered_address;  // adres zameldowania
  std::optional<std::string> actual_address;      // adres faktycznego pobytu
  std::optional<std::string> education;           // none, primary, lower_secondary, vocational, secondary, higher
  std::optional<std::string>
      employment;  // employed, self_employed, unemployed, pensioner, disability_pensioner, student, other
  std::optional<std::string> labour_office;  // registered_with_benefit, registered_without_benefit, not_registered
  std::optional<std::string> disability;     // none, light, moderate, severe, child_certificate
  std::optional<std::string> health_note, addiction_note, violence_note;
};

struct Membership {
  std::int64_t person_id{0};
  std::string name, relation, since;
  std::optional<std::string> until;
  std::string end_reason;
};

struct DuplicateCandidate {
  std::int64_t id;
  std::string first_name, last_name, birth_date;
};

// The likely duplicates of a new person: those in the user's scope are shown (and their reading
// audited); of the others only their number is told.
struct Duplicates {
  std::vector<DuplicateCandidate> shown;
  int outside_scope{0};
};

struct NewMember {
  std::int64_t person_id{0};
  std::string relation;  // head, spouse, partner, child, parent, sibling, grandchild, other
};

struct HouseholdAddress {
  std::string locality, street, building, flat, postal_code;
};

struct NewHousehold {
  HouseholdAddress address;
  std::string family_type;  // single, couple, with_children, single_parent, large_family, pensioners, other
  std::vector<NewMember> members;
  std::optional<std::int64_t> worker_id;
};

struct CreatedHousehold {
  std::int64_t id;
  std::int64_t section_id;
  int section_number;
  std::string section_name;
};

// Changes to a household; absent fields stay. A new address is resolved to its social-work section.
struct HouseholdChanges {
  std::optional<std::string> family_type;
  std::optional<HouseholdAddress> address;
  std::optional<std::optional<std::int64_t>> worker_id;  // present: the new worker, or nullopt = none assigned
};

struct UpdatedHousehold {
  std::int64_t id{0};
  std::int64_t section_id{0};
  int section_number{0};
  std::string section_name;
  std::optional<std::int64_t> worker_id;
  HouseholdAddress address;
  std::string family_type;
  bool in_scope{true};  // false when the change moved the household out of the user's sections
};

// Search by address: a street prefix (diacritics-insensitive, ł → l; a leading "ul." is ignored),
// optionally a house number (digits only: every building with that number, "12" → 12, 12a, 12/3;
// otherwise that building), a flat (with a house number: exactly that house and flat) and a locality.
struct AddressQuery {
  std::string street, house, flat, locality;
  int limit{50};
};

// The search keys of a household address (migration 0016), written wherever a household's address is.
struct AddressKeys {
  std::string street_key, street_sort, locality_key, house_sort;
};
AddressKeys address_keys(std::string_view locality, std::string_view street, std::string_view building,
                         std::string_view flat);
// Migration 0016's step: the address keys of every household written before it.
void fill_address_keys(storage::Connection& c);
// The code steps of the cases module's migrations, for storage::migrate.
storage::MigrationSteps migration_steps();

// Checks a new person's identity data (names, PESEL checksum and its agreement with birth date and
// sex, or a document with birth date and sex) and fills birth date and sex from the PESEL.
Status validate_person(NewPerson& p);
// Keeps persons.household_id, section_id and worker_id (the person's current household, its section
// and assigned worker — the person card's household and the keys of scoped search) in step after a
// membership change, inside the caller's transaction.
void sync_person_scope(storage::Connection& c, CentreId centre, std::int64_t person_id);
bool is_family_type(
    std::string_view v);               // single, couple, with_children, single_parent, large_family, pensioners, other
bool is_relation(std::string_view v);  // head, spouse, partner, child, parent, sibling, grandchild, other

class CaseService {
 public:
  CaseService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<Audited<Household>> household(const Principal& who, std::int64_t id, std::string_view purpose = {});
  Result<Audited<Person>> person(const Principal& who, std::int64_t id, std::string_view purpose = {});

  // Registers a person. PESEL is validated (checksum, birth date, sex) and unique in the centre, and so
  // is a document (type and number) of a person registered without PESEL; a likely duplicate (the same
  // birth date, the folded surname and first name each within one character edit — similar spelling —,
  // not merged away) is refused with the candidates in `duplicates` —
  // those in the user's scope by name (their reading audited in duplicates.audit), the others counted —
  // unless `allow_duplicate`.
  Result<Audited<Person>> create_person(const Principal& who, NewPerson p, Audited<Duplicates>& duplicates);

  // By PESEL (exact) or by surname prefix optionally followed by a first-name prefix ("kowal an"),
  // diacritics-insensitive (ł → l), in Polish alphabetical order, within the user's scope.
  Result<Audited<std::vector<Person>>> search_persons(const Principal& who, std::string_view pesel, std::string_view q,
                                                      int limit);

  Result<Audited<Person>> update_person(const Principal& who, std::int64_t id, PersonChanges changes);

  // Households (with their current members) at an address, scoped like search_persons (the user's
  // sections and assigned households; scope_all: the centre), in the order street (Polish
  // alphabetical), locality, house number, flat — read from indexes per spelling of the street
  // prefix, never a scan. Members never carry restricted categories; each is audited (action=search).
  Result<Audited<std::vector<Household>>> search_households(const Principal& who, AddressQuery q);

  // Changes a household's family type, address (resolved again to exactly one section) or responsible
  // worker, keeping its members' mirrored section and worker in step; audited per member. The user
  // must have the household in scope before the change (it may leave their scope by it).
  Result<UpdatedHousehold> update_household(const Principal& who, std::int64_t id, HouseholdChanges changes);

  // Dated composition of a household: a member joins on `since`, leaves on `until` (with a reason);
  // the history keeps every membership.
  Status add_member(const Principal& who, std::int64_t household_id, std::int64_t person_id, std::string relation,
                    std::string_view since);
  Status end_member(const Principal& who, std::int64_t household_id, std::int64_t person_id, std::string_view until,
                    std::string_view reason);
  Result<Audited<std::vector<Membership>>> history(const Principal& who, std::int64_t household_id);

  // Merges a duplicate registration into `keep`: memberships, applications, decisions, payments,
  // income, services and social work move to `keep`; the duplicate stays as a tombstone pointing
  // to it (merged_into) and disappears from search. Both must be in the user's scope.
  Result<Audited<Person>> merge_persons(const Principal& who, std::int64_t keep, std::int64_t duplicate);

  // Creates a household ("środowisko") at an address that must resolve to exactly one social-work
  // section; members are registered persons not in another current household; one head.
  Result<CreatedHousehold> create_household(const Principal& who, NewHousehold h);

  // For the use cases of other modules (applications, decisions, payments…): the household's
  // section and worker if `who` may work with it (section, assignment, scope_all or a live
  // break-the-glass grant), else not_found / forbidden with the message users see.
  struct HouseholdRef {
    std::int64_t id{0};
    std::optional<std::int64_t> section_id, worker_id;
    bool via_break_glass{false};
  };
  Result<HouseholdRef> household_in_scope(storage::Connection& c, const Principal& who, std::int64_t household_id);

  struct BreakGlass {
    std::int64_t id;
    std::int64_t expires_at;
  };
  Result<BreakGlass> break_glass(const Principal& who, std::string_view entity, std::int64_t entity_id,
                                 std::string_view reason);

 private:
  enum class Access { denied, scope, break_glass };
  Access access_to(storage::Connection& c, const Principal& who, std::int64_t household_id,
                   std::optional<std::int64_t> section, std::optional<std::int64_t> worker);

  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace ostoja::cases
