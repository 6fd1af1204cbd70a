#include "app/demo.h"

#include <array>
#include <map>
#include <unordered_map>
#include <random>

#include "core/text.h"
#include "modules/cases/service.h"
#include "modules/identity/crypto.h"
#include "storage/bulk_insert.h"

namespace ostoja::app {

namespace {

struct SectionSeed {
  int branch;  // 1..5
  int number;
  const char* street;
  const char* building;
  std::array<const char*, 3> streets;  // "Name", "Name|odd", "Name|even", "Name|1-60", "Name|61-"
};

// Seed 002: Lublin MOPR branches and their social-work sections with addresses. Territories are
// synthetic but realistic (real Lublin street names; two streets split between sections).
const SectionSeed kSections[] = {
    {1, 1, "Głowackiego", "35", {"Głowackiego", "Lubartowska|61-", "Ogrodowa"}},
    {1, 2, "Narutowicza", "74", {"Narutowicza", "Okopowa", "Zielona"}},
    {1, 3, "Jezuicka", "4", {"Jezuicka", "Grodzka", "Kowalska"}},
    {1, 4, "Lubartowska", "59/2", {"Lubartowska|1-60", "Ruska", "Unicka"}},
    {1, 15, "Chopina", "11/4", {"Chopina", "Lipowa", "Krakowskie Przedmieście"}},
    {2, 7, "Startowa", "11", {"Startowa|odd", "Wrotkowska", "Diamentowa"}},
    {2, 11, "Montażowa", "16", {"Montażowa", "Hutnicza", "Mełgiewska"}},
    {2, 12, "Startowa", "11", {"Startowa|even", "Kunickiego|1-100", "Wolska"}},
    {2, 16, "Towarowa", "19", {"Towarowa", "Fabryczna", "Zamojska"}},
    {2, 23, "Jagiełły", "16", {"Jagiełły", "Kunickiego|101-", "Pawia"}},
    {3, 6, "Jutrzenki", "6", {"Jutrzenki", "Radości", "Pogodna"}},
    {3, 8, "Mieszka I", "4", {"Mieszka I", "Kosmonautów", "Ruta"}},
    {3, 10, "Głęboka", "11", {"Głęboka", "Nadbystrzycka", "Raszyńska"}},
    {3, 14, "Zana", "14", {"Zana", "Filaretów", "Wileńska"}},
    {4, 18, "Koryznowej", "2c", {"Koryznowej", "Bursaki", "Związkowa"}},
    {4, 19, "Kompozytorów Polskich", "8", {"Kompozytorów Polskich", "Szeligowskiego", "Szymanowskiego"}},
    {4, 22, "Paganiniego", "12", {"Paganiniego", "Paderewskiego", "Chodźki"}},
    {5, 5, "Piekarska", "27", {"Piekarska", "Łęczyńska", "Grygowej"}},
    {5, 17, "Róży Wiatrów", "1", {"Róży Wiatrów", "Jana Pawła II", "Armii Krajowej"}},
    {5, 20, "Nałkowskich", "114", {"Nałkowskich", "Wojciechowska", "Poligonowa"}},
    {5, 21, "Zdrowa", "14", {"Zdrowa", "Żeglarska", "Młyńska"}},
};

struct BranchSeed {
  const char* name;
  const char* street;
  const char* building;
};
const BranchSeed kBranches[] = {{"Filia Nr 1", "Lubartowska", "6-8"},
                                {"Filia Nr 2", "Kresowa", "9"},
                                {"Filia Nr 3", "Mieszka I", "4"},
                                {"Filia Nr 4", "al. Kompozytorów Polskich", "8"},
                                {"Filia Nr 5", "Nałkowskich", "114"}};

struct SpecialisedSeed {
  const char* name;
  const char* street;
  const char* building;
  const char* offer;
};
const SpecialisedSeed kSpecialised[] = {
    {"Centrum Interwencji Kryzysowej", "Szewska", "1",
     "Poradnictwo specjalistyczne (osobiste, telefoniczne, internetowe); pomoc psychologiczna indywidualna, grupowa i "
     "rodzinna; krótkoterminowa pomoc terapeutyczna; pomoc prawna (nie dla sprawców przemocy); pomoc interwencyjna; "
     "całodobowy telefon zaufania."},
    {"Dzienny Ośrodek Wsparcia dla Bezdomnych", "Młyńska", "18",
     "Usługi higieniczno-pralnicze, przygotowanie posiłków, świetlica, świadczenia i praca socjalna, poradnictwo "
     "psychologiczne, indywidualne programy wychodzenia z bezdomności."},
    {"Centrum Aktywizacji i Rozwoju Seniorów", "Nałkowskich", "114",
     "Zajęcia rehabilitacyjno-usprawniające, opieka pielęgniarska, konsultacje psychologa, kultura i rozrywka, zajęcia "
     "plastyczne, chór, punkt konsultacyjny."},
    {"Centrum Aktywności Środowiskowej", "Grygowej", "4B",
     "Świetlicowe grupy wsparcia dla dzieci, porady logopedy i psychologa, siłownia, kafejka internetowa, integracja "
     "mieszkańców osiedla."},
    {"Punkt Konsultacyjny dla Osób i Rodzin z Problemem Alkoholowym i Osób Dotkniętych Przemocą Domową", "Piekarska",
     "27", "Pierwszy kontakt, diagnoza, pomoc psychologiczna, prawna i socjalna, terapia indywidualna."},
    {"Punkt Konsultacyjny dla Osób i Rodzin z Problemem Alkoholowym", "Nałkowskich", "114",
     "Pierwszy kontakt, działania informacyjne i motywacyjne, pomoc psychologiczna i prawna."},
    {"Punkt Konsultacyjny dla Osób i Rodzin z Problemem Alkoholowym oraz Doświadczających Przemocy w Rodzinie",
     "Startowa", "11", "Pomoc psychospołeczna i prawna, ochrona przed przemocą domową."},
    {"Świetlica Socjoterapeutyczna Nr 1", "Głęboka", "11",
     "Pomoc w nauce, socjoterapia, zajęcia kulturalno-oświatowe dla dzieci z rodzin z problemem alkoholowym."},
    {"Świetlica Socjoterapeutyczna Nr 2", "Piekarska", "27",
     "Pomoc w nauce, socjoterapia, zajęcia kulturalno-oświatowe dla dzieci z rodzin z problemem alkoholowym."},
};

const char* kMaleNames[] = {"Jan", "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Łukasz",
                            "Jakub", "Adam", "Marek", "Stanisław", "Józef", "Zbigniew", "Grzegorz", "Kacper", "Szymon",
                            "Wojciech", "Mateusz", "Bartłomiej", "Dariusz", "Ryszard", "Henryk"};
const char* kFemaleNames[] = {"Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna",
                              "Elżbieta", "Zofia", "Joanna", "Magdalena", "Monika", "Danuta", "Łucja", "Aleksandra",
                              "Natalia", "Julia", "Zuzanna", "Halina", "Jadwiga", "Beata", "Grażyna", "Żaneta"};
// Surnames with separate feminine forms where Polish grammar has them.
struct Surname {
  const char* male;
  const char* female;
};
const Surname kSurnames[] = {
    {"Nowak", "Nowak"},           {"Kowalski", "Kowalska"},     {"Wiśniewski", "Wiśniewska"},
    {"Wójcik", "Wójcik"},         {"Kowalczyk", "Kowalczyk"},   {"Kamiński", "Kamińska"},
    {"Lewandowski", "Lewandowska"}, {"Zieliński", "Zielińska"}, {"Szymański", "Szymańska"},
    {"Woźniak", "Woźniak"},       {"Dąbrowski", "Dąbrowska"},   {"Kozłowski", "Kozłowska"},
    {"Jankowski", "Jankowska"},   {"Mazur", "Mazur"},           {"Kwiatkowski", "Kwiatkowska"},
    {"Krawczyk", "Krawczyk"},     {"Piotrowski", "Piotrowska"}, {"Grabowski", "Grabowska"},
    {"Nowakowski", "Nowakowska"}, {"Pawłowski", "Pawłowska"},   {"Michalski", "Michalska"},
    {"Łukasiewicz", "Łukasiewicz"}, {"Żak", "Żak"},             {"Ślusarczyk", "Ślusarczyk"},
    {"Łazarczyk", "Łazarczyk"},   {"Sobczak", "Sobczak"},       {"Czarnecki", "Czarnecka"},
    {"Śliwiński", "Śliwińska"},   {"Ostrowski", "Ostrowska"},   {"Zając", "Zając"}};

template <class T, std::size_t N>
const T& pick(const T (&arr)[N], std::mt19937_64& rng) {
  return arr[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

int uniform(std::mt19937_64& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

struct ParsedStreet {
  std::string name;
  std::string parity{"all"};
  std::optional<int> from, to;
};

ParsedStreet parse_seed_street(std::string_view s) {
  ParsedStreet p;
  auto bar = s.find('|');
  p.name = std::string(s.substr(0, bar));
  if (bar == std::string_view::npos) return p;
  std::string spec(s.substr(bar + 1));
  if (spec == "odd" || spec == "even") {
    p.parity = spec;
    return p;
  }
  auto dash = spec.find('-');
  p.from = std::stoi(spec.substr(0, dash));
  if (dash + 1 < spec.size()) p.to = std::stoi(spec.substr(dash + 1));
  return p;
}

}  // namespace

std::string make_pesel(int year, unsigned month, unsigned day, char sex, int n) {
  // n in 0..4999 numbers the persons of one sex born on one day: serial n/5, sex digit from n%5.
  const int serial = n / 5;
  // Month offset by century (PESEL: 1800s +80, 1900s +0, 2000s +20, 2100s +40, 2200s +60).
  int offset = year < 1900 ? 80 : year < 2000 ? 0 : year < 2100 ? 20 : year < 2200 ? 40 : 60;
  int digits[11];
  int yy = year % 100, mm = static_cast<int>(month) + offset;
  digits[0] = yy / 10;
  digits[1] = yy % 10;
  digits[2] = mm / 10;
  digits[3] = mm % 10;
  digits[4] = static_cast<int>(day) / 10;
  digits[5] = static_cast<int>(day) % 10;
  digits[6] = serial / 100 % 10;
  digits[7] = serial / 10 % 10;
  digits[8] = serial % 10;
  // 10th digit: even for women, odd for men.
  int sexd = n % 5 * 2;
  digits[9] = sex == 'K' ? sexd : sexd + 1;
  static constexpr int w[10] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += digits[i] * w[i];
  digits[10] = (10 - sum % 10) % 10;
  std::string out;
  for (int d : digits) out.push_back(static_cast<char>('0' + d));
  return out;
}

Result<DemoSummary> create_demo(Application& app, const DemoOptions& opt) {
  if (opt.households < 0 || opt.households > 5'000'000)
    return Error::validation("Liczba gospodarstw: 0–5 000 000.", "households");
  {
    auto c = app.db().acquire();
    if (c->query_one("SELECT 1 FROM centres")) return Error::conflict("Baza zawiera już ośrodek — demo tworzy się w pustej bazie.");
  }
  std::mt19937_64 rng(opt.seed);
  DemoSummary sum;
  org::Centre centre;
  centre.name = "Miejski Ośrodek Pomocy Rodzinie w Lublinie";
  centre.short_name = "MOPR Lublin";
  centre.teryt = "0663011";
  centre.address = {"Grodzka", "", "20-112", "Lublin"};
  OSTOJA_TRY(created, app.organisation().create_centre(centre));
  sum.centre_id = created.id;
  Principal sys = system_principal(CentreId{created.id});
  created.bank_iban = "PL61109010140000071219812874";  // a demo account (valid checksum), benefits are paid from it
  OSTOJA_CHECK(app.organisation().update_centre(sys, created));
  auto& org = app.organisation();

  auto unit = [&](std::optional<std::int64_t> parent, const char* kind, std::string name, const char* street,
                  const char* building, std::string offer = {}) -> Result<std::int64_t> {
    org::Unit u;
    u.parent_id = parent;
    u.kind = kind;
    u.name = std::move(name);
    u.address = {street, building, "", "Lublin"};
    u.offer = std::move(offer);
    OSTOJA_TRY(cu, org.create_unit(sys, u));
    return cu.id;
  };
  OSTOJA_TRY(div_env, unit(std::nullopt, "division", "Pion ds. pomocy środowiskowej", "", ""));
  OSTOJA_TRY(div_child, unit(std::nullopt, "division", "Pion ds. opieki nad dzieckiem i rodziną", "", ""));
  OSTOJA_TRY(div_benefits, unit(std::nullopt, "division", "Pion ds. świadczeń socjalnych", "", ""));
  OSTOJA_TRY(dep_env, unit(div_env, "department", "Dział pomocy środowiskowej", "", ""));
  OSTOJA_TRY(dep_child, unit(div_child, "department",
                             "Dział ds. placówek opiekuńczo-wychowawczych, integracji ze środowiskiem i rodzin zastępczych",
                             "", ""));
  OSTOJA_TRY(dep_benefits, unit(div_benefits, "department", "Dział świadczeń socjalnych", "", ""));
  (void)dep_env, (void)dep_child, (void)dep_benefits;
  std::vector<std::int64_t> branch_ids;
  for (const auto& b : kBranches) {
    OSTOJA_TRY(id, unit(div_env, "branch", b.name, b.street, b.building));
    branch_ids.push_back(id);
  }
  for (const auto& s : kSpecialised) {
    OSTOJA_TRY(spec_id, unit(div_env, "specialised", s.name, s.street, s.building, s.offer));
    (void)spec_id;
  }

  std::map<int, std::int64_t> section_by_number;
  struct RangeRef {
    std::int64_t section;
    ParsedStreet street;
  };
  std::vector<RangeRef> ranges;
  for (const auto& s : kSections) {
    org::Section sec;
    sec.unit_id = branch_ids[static_cast<std::size_t>(s.branch - 1)];
    sec.number = s.number;
    sec.name = "Sekcja Pracy Socjalnej Nr " + std::to_string(s.number);
    sec.address = {s.street, s.building, "", "Lublin"};
    OSTOJA_TRY(cs, org.create_section(sys, sec));
    section_by_number[s.number] = cs.id;
    for (const char* st : s.streets) {
      ParsedStreet p = parse_seed_street(st);
      org::StreetRange r;
      r.section_id = cs.id;
      r.locality = "Lublin";
      r.street = p.name;
      r.parity = org::parse_parity(p.parity).value();
      r.from = p.from;
      r.to = p.to;
      OSTOJA_TRY(range, org.add_street(sys, r));
      (void)range;
      ranges.push_back({cs.id, p});
    }
    ++sum.sections;
  }

  // Demo users: one per role, password "demo" (demo database only; the policy is bypassed on purpose).
  struct DemoUser {
    const char* login;
    const char* name;
    const char* role;
    std::vector<int> sections;
    bool restricted;
  };
  const DemoUser users[] = {{"admin", "Adam Administrator", "administrator", {}, false},
                            {"dyrektor", "Danuta Dyrektor", "dyrektor", {}, true},
                            {"kierownik", "Krzysztof Kierownik", "kierownik", {1, 2, 3, 4, 15}, true},
                            {"pracownik", "Paulina Pracownik", "pracownik", {1}, false},
                            {"asystent", "Agata Asystent", "asystent", {}, false},
                            {"swiadczenia", "Stefan Świadczenia", "swiadczenia", {}, false},
                            {"analityk", "Anna Analityk", "analityk", {}, false},
                            {"partner", "Piotr Partner", "partner", {}, false}};
  const std::string demo_hash = identity::hash_password("demo");
  std::int64_t asystent_id = 0, pracownik_id = 0;
  {
    auto conn = app.db().acquire();
    storage::in_transaction(*conn, true, [&](storage::Connection& c) {
      for (const auto& u : users) {
        auto r = c.query_one(
            "INSERT INTO users (centre_id, login, full_name, password_hash, restricted_access, created_at, "
            "password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {created.id, u.login, u.name, demo_hash, u.restricted, app.clock().now_ms(), app.clock().now_ms()});
        std::int64_t id = r->int64(0);
        c.execute("INSERT INTO user_roles (centre_id, user_id, role) VALUES (?, ?, ?)", {created.id, id, u.role});
        for (int n : u.sections)
          c.execute("INSERT INTO user_sections (centre_id, user_id, section_id) VALUES (?, ?, ?)",
                    {created.id, id, section_by_number.at(n)});
        if (std::string_view(u.login) == "asystent") asystent_id = id;
        if (std::string_view(u.login) == "pracownik") pracownik_id = id;
        ++sum.users;
      }
      return true;
    });
  }

  // Households with explicit ids and multi-row INSERTs (one transaction per 5 000 households).
  const char* family_types[] = {"single", "couple", "with_children", "single_parent", "large_family", "pensioners"};
  const char* categories[] = {"violence", "health", "addiction"};
  const std::int64_t now = app.clock().now_ms();
  std::unordered_map<int, int> born;  // (birth date, sex) → PESELs used, so that PESELs never repeat
  auto conn = app.db().acquire();
  std::int64_t next_household = conn->query_one("SELECT COALESCE(MAX(id), 0) FROM households")->int64(0) + 1;
  std::int64_t next_person = conn->query_one("SELECT COALESCE(MAX(id), 0) FROM persons")->int64(0) + 1;
  for (int start = 0; start < opt.households; start += 5000) {
    int end = std::min(opt.households, start + 5000);
    storage::in_transaction(*conn, true, [&](storage::Connection& c) {
      storage::BulkInsert households(c, "households",
                                     {"id", "centre_id", "section_id", "worker_id", "locality", "street", "building",
                                      "flat", "postal_code", "street_key", "street_sort", "locality_key", "house_sort",
                                      "family_type", "restricted", "created_at"});
      storage::BulkInsert persons(c, "persons",
                                  {"id", "centre_id", "pesel", "first_name", "last_name", "first_name_key",
                                   "last_name_key", "name_sort", "birth_date", "sex", "health_note", "addiction_note",
                                   "violence_note", "created_at", "section_id", "worker_id", "household_id"});
      storage::BulkInsert members(c, "household_members",
                                  {"centre_id", "household_id", "person_id", "relation", "since"});
      for (int i = start; i < end; ++i) {
        const RangeRef& rr = ranges[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(ranges.size()) - 1))];
        int lo = rr.street.from.value_or(1), hi = rr.street.to.value_or(lo + 120);
        int number = uniform(rng, lo, hi);
        if (rr.street.parity == "odd" && number % 2 == 0) number = number > lo ? number - 1 : number + 1;
        if (rr.street.parity == "even" && number % 2 == 1) number = number > lo ? number - 1 : number + 1;
        if (number < 1) number = rr.street.parity == "even" ? 2 : 1;
        int ft = uniform(rng, 0, 99);
        const char* type = ft < 35 ? family_types[0] : ft < 45 ? family_types[1] : ft < 65 ? family_types[2]
                         : ft < 80 ? family_types[3] : ft < 88 ? family_types[4] : family_types[5];
        std::string restricted = uniform(rng, 0, 19) == 0 ? categories[uniform(rng, 0, 2)] : "";
        std::optional<std::int64_t> worker;
        if (rr.section == section_by_number.at(1) && uniform(rng, 0, 2) == 0) worker = pracownik_id;
        if (rr.section == section_by_number.at(7) && uniform(rng, 0, 9) == 0) worker = asystent_id;
        const std::int64_t hid = next_household++;
        std::string flat = uniform(rng, 0, 2) == 0 ? "" : std::to_string(uniform(rng, 1, 60));
        const auto keys = cases::address_keys("Lublin", rr.street.name, std::to_string(number), flat);
        households.add({hid, created.id, rr.section, worker, "Lublin", rr.street.name, std::to_string(number), flat,
                        "20-" + std::to_string(uniform(rng, 100, 999)), keys.street_key, keys.street_sort,
                        keys.locality_key, keys.house_sort, type, restricted, now});
        ++sum.households;
        const Surname& family = pick(kSurnames, rng);
        std::string tstr(type);
        int adults = (tstr == "single" || tstr == "single_parent") ? 1 : 2;
        int children = tstr == "with_children" ? uniform(rng, 1, 2) : tstr == "single_parent" ? uniform(rng, 1, 3)
                     : tstr == "large_family" ? uniform(rng, 3, 6) : 0;
        bool old = tstr == "pensioners" || (tstr == "single" && uniform(rng, 0, 2) == 0);
        for (int m = 0; m < adults + children; ++m) {
          bool child = m >= adults;
          char sex = m == 0 ? (uniform(rng, 0, 1) ? 'K' : 'M') : (m == 1 && !child ? 'K' : (uniform(rng, 0, 1) ? 'K' : 'M'));
          if (tstr == "single_parent" && m == 0) sex = uniform(rng, 0, 5) ? 'K' : 'M';
          int year = child ? uniform(rng, 2008, 2024) : old ? uniform(rng, 1935, 1958) : uniform(rng, 1960, 2004);
          unsigned month = static_cast<unsigned>(uniform(rng, 1, 12)), day = static_cast<unsigned>(uniform(rng, 1, 28));
          std::string first = sex == 'K' ? pick(kFemaleNames, rng) : pick(kMaleNames, rng);
          std::string last = sex == 'K' ? family.female : family.male;
          int& used = born[((year * 100 + static_cast<int>(month)) * 100 + static_cast<int>(day)) * 2 + (sex == 'K')];
          if (used >= 5000) continue;  // that day is full (only with millions of persons): skip the member
          std::string pesel = make_pesel(year, month, day, sex, used++);
          char bd[11];
          std::snprintf(bd, sizeof bd, "%04d-%02u-%02u", year, month, day);
          bool head = m == 0;
          const std::int64_t pid = next_person++;
          persons.add({pid, created.id, pesel, first, last, text::fold(first), text::fold(last),
                       text::hex(text::collation_key(last + " " + first)), std::string(bd), std::string(1, sex),
                       head && restricted == "health" ? "Choroba przewlekła — leczenie specjalistyczne." : "",
                       head && restricted == "addiction" ? "Uzależnienie od alkoholu — terapia w poradni." : "",
                       head && restricted == "violence" ? "Procedura Niebieska Karta — w toku." : "", now, rr.section, worker, hid});
          members.add({created.id, hid, pid, head ? "head" : (!child ? "spouse" : "child"), "2024-01-01"});
          ++sum.persons;
        }
        // Flush together, parents first (foreign keys are checked per statement); a household adds at
        // most 8 rows per table, so no table reaches its own automatic flush before this one.
        if (persons.pending_rows() >= 180 || members.pending_rows() >= 180 || households.pending_rows() >= 180) {
          households.flush();
          persons.flush();
          members.flush();
        }
      }
      households.flush();
      persons.flush();
      members.flush();
      return true;
    });
  }
  storage::sync_identity(*conn, "households");
  storage::sync_identity(*conn, "persons");
  return sum;
}

}  // namespace ostoja::app
