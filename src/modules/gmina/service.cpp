#include "modules/gmina/service.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "core/text.h"

namespace ostoja::gmina {

namespace {

constexpr const char* kCols = "id, kind, valid_from, valid_to, percent, amount_grosze, resolution";

Resolution from_row(const storage::Row& r) {
  Resolution out;
  out.id = r.int64(0);
  out.kind = r.text(1);
  out.valid_from = *Date::parse(r.text(2));  // written by add() only, as ISO dates
  if (auto to = r.opt_text(3)) out.valid_to = *Date::parse(*to);
  if (auto p = r.opt_int64(4)) out.percent = static_cast<int>(*p);
  if (auto a = r.opt_int64(5)) out.amount = Money{*a};
  out.resolution = r.text(6);
  return out;
}

std::vector<Resolution> load(storage::Connection& c, CentreId centre) {
  std::vector<Resolution> out;
  for (const auto& r :
       c.query(std::string("SELECT ") + kCols + " FROM gmina_resolutions WHERE centre_id = ? ORDER BY kind, valid_from",
               {centre.value}))
    out.push_back(from_row(r));
  return out;
}

std::optional<std::string> opt_iso(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->iso();
}

bool is_kind(std::string_view k) {
  return k == kOkresowyPercent || k == kCelowyMax || k == kSpecjalnyMax;
}

// The rules' check of one resolution, by kind; the value's field must be given and the other one not.
Status check(const Resolution& r, const NewResolution& in) {
  if (r.kind == kOkresowyPercent) {
    if (!in.percent)
      return Error::validation("Podaj procent różnicy wypłacany jako zasiłek okresowy (50–100).", "percent");
    if (in.amount_grosze)
      return Error::validation("Uchwała o procencie zasiłku okresowego nie określa kwoty.", "amount_grosze");
    if (*in.percent < 0 || *in.percent > 1000)  // before narrowing to int; the rules give the message otherwise
      return Error::validation("Procent zasiłku okresowego musi wynosić od 50 do 100.", "percent");
    return rules::check_gmina_rate({r.valid_from, r.valid_to, static_cast<int>(*in.percent), r.resolution});
  }
  if (!in.amount_grosze)
    return Error::validation("Podaj najwyższą kwotę jednej decyzji (w groszach).", "amount_grosze");
  if (in.percent) return Error::validation("Uchwała o najwyższej kwocie zasiłku nie określa procentu.", "percent");
  return rules::check_gmina_limit({r.valid_from, r.valid_to, Money{*in.amount_grosze}, r.resolution});
}

// Serialises the changes of one centre's resolutions (PostgreSQL: a row lock on the centre; SQLite's write
// transaction is already exclusive), so two concurrent additions cannot both miss each other's overlap.
void lock_centre(storage::Connection& c, CentreId centre) {
  c.query(std::string("SELECT id FROM centres WHERE id = ?") + std::string(c.lock_clause()), {centre.value});
}

std::string overlap_message(const Resolution& other) {
  return "W tym okresie obowiązuje już uchwała tego rodzaju: " + other.resolution + " (od " +
         other.valid_from.polish() + (other.valid_to ? " do " + other.valid_to->polish() : "") + ").";
}

}  // namespace

rules::GminaSettings settings(storage::Connection& c, CentreId centre) {
  rules::GminaSettings out;
  for (const auto& r : load(c, centre)) {
    if (r.kind == kOkresowyPercent)
      out.zasilek_okresowy_percent.push_back({r.valid_from, r.valid_to, r.percent.value_or(50), r.resolution});
    else
      (r.kind == kCelowyMax ? out.zasilek_celowy_max : out.specjalny_zasilek_celowy_max)
          .push_back({r.valid_from, r.valid_to, r.amount.value_or(Money{}), r.resolution});
  }
  return out;
}

Result<std::vector<Resolution>> GminaService::list(const Principal& who) {
  auto conn = db_.acquire();
  return load(*conn, who.centre);
}

rules::GminaSettings GminaService::settings(const Principal& who) {
  auto conn = db_.acquire();
  return gmina::settings(*conn, who.centre);
}

Result<Resolution> GminaService::add(const Principal& who, const NewResolution& in) {
  if (!is_kind(in.kind))
    return Error::validation(
        "Rodzaj uchwały: zasilek_okresowy_percent, zasilek_celowy_max albo specjalny_zasilek_celowy_max.", "kind");
  Resolution r;
  r.kind = in.kind;
  OSTOJA_TRY(from, parse_date_field(in.valid_from, "valid_from"));
  r.valid_from = from;
  if (!text::trim(in.valid_to).empty()) {
    OSTOJA_TRY(to, parse_date_field(in.valid_to, "valid_to"));
    r.valid_to = to;
  }
  r.resolution = text::trim(in.resolution);
  OSTOJA_CHECK(check(r, in));
  if (in.percent) r.percent = static_cast<int>(*in.percent);
  if (in.amount_grosze) r.amount = Money{*in.amount_grosze};
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<Resolution> {
    lock_centre(c, who.centre);
    std::optional<Resolution> repealed;
    for (const auto& other : load(c, who.centre)) {
      if (other.kind != r.kind || !rules::overlaps(other.valid_from, other.valid_to, r.valid_from, r.valid_to))
        continue;
      if (!other.valid_to && other.valid_from < r.valid_from) {
        repealed = other;  // at most one: rows of a kind never overlap
        continue;
      }
      return Error::conflict(overlap_message(other), "valid_from");
    }
    if (repealed) {
      c.execute("UPDATE gmina_resolutions SET valid_to = ? WHERE centre_id = ? AND id = ?",
                {r.valid_from.plus_days(-1).iso(), who.centre.value, repealed->id});
      audit::append(c, audit::entry_for(who, now, "update", "gmina_resolution", repealed->id, std::nullopt,
                                        "uchylona uchwałą od " + r.valid_from.iso()));
    }
    auto row = c.query_one(
        "INSERT INTO gmina_resolutions (centre_id, kind, valid_from, valid_to, percent, amount_grosze, resolution, "
        "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {who.centre.value, r.kind, r.valid_from.iso(), opt_iso(r.valid_to),
         r.percent ? std::optional<std::int64_t>(*r.percent) : std::nullopt,
         r.amount ? std::optional<std::int64_t>(r.amount->grosze) : std::nullopt, r.resolution,
         who.user.value ? std::optional<std::int64_t>(who.user.value) : std::nullopt, now});
    r.id = row->int64(0);
    audit::append(c, audit::entry_for(who, now, "create", "gmina_resolution", r.id, std::nullopt, r.kind));
    return r;
  });
}

Result<Resolution> GminaService::end(const Principal& who, std::int64_t id, std::string_view valid_to) {
  OSTOJA_TRY(to, parse_date_field(valid_to, "valid_to"));
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<Resolution> {
    lock_centre(c, who.centre);
    const auto all = load(c, who.centre);
    auto it = std::find_if(all.begin(), all.end(), [&](const Resolution& x) { return x.id == id; });
    if (it == all.end()) return Error::not_found("Nie znaleziono uchwały.");
    Resolution r = *it;
    if (to < r.valid_from)
      return Error::validation("Koniec obowiązywania nie może być przed jego początkiem.", "valid_to");
    for (const auto& other : all)
      if (other.id != r.id && other.kind == r.kind &&
          rules::overlaps(other.valid_from, other.valid_to, r.valid_from, to))
        return Error::conflict(overlap_message(other), "valid_to");
    r.valid_to = to;
    c.execute("UPDATE gmina_resolutions SET valid_to = ? WHERE centre_id = ? AND id = ?",
              {to.iso(), who.centre.value, id});
    audit::append(c,
                  audit::entry_for(who, now, "update", "gmina_resolution", id, std::nullopt, "koniec obowiązywania"));
    return r;
  });
}

}  // namespace ostoja::gmina
