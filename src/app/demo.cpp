#include "app/demo.h"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <random>
#include <span>
#include <unordered_map>

#include "core/text.h"
#include "modules/cases/service.h"
#include "modules/identity/crypto.h"
#include "modules/services/service.h"
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

const char* kMaleNames[] = {"Jan",    "Piotr",  "Krzysztof", "Andrzej", "Tomasz",     "Paweł",   "Michał",   "Marcin",
                            "Łukasz", "Jakub",  "Adam",      "Marek",   "Stanisław",  "Józef",   "Zbigniew", "Grzegorz",
                            "Kacper", "Szymon", "Wojciech",  "Mateusz", "Bartłomiej", "Dariusz", "Ryszard",  "Henryk"};
const char* kFemaleNames[] = {"Anna",    "Maria",    "Katarzyna", "Małgorzata", "Agnieszka", "Barbara",
                              "Ewa",     "Krystyna", "Elżbieta",  "Zofia",      "Joanna",    "Magdalena",
                              "Monika",  "Danuta",   "Łucja",     "Aleksandra", "Natalia",   "Julia",
                              "Zuzanna", "Halina",   "Jadwiga",   "Beata",      "Grażyna",   "Żaneta"};
// Surnames with separate feminine forms where Polish grammar has them.
struct Surname {
  const char* male;
  const char* female;
};
const Surname kSurnames[] = {{"Nowak", "Nowak"},
                             {"Kowalski", "Kowalska"},
                             {"Wiśniewski", "Wiśniewska"},
                             {"Wójcik", "Wójcik"},
                             {"Kowalczyk", "Kowalczyk"},
                             {"Kamiński", "Kamińska"},
                             {"Lewandowski", "Lewandowska"},
                             {"Zieliński", "Zielińska"},
                             {"Szymański", "Szymańska"},
                             {"Woźniak", "Woźniak"},
                             {"Dąbrowski", "Dąbrowska"},
                             {"Kozłowski", "Kozłowska"},
                             {"Jankowski", "Jankowska"},
                             {"Mazur", "Mazur"},
                             {"Kwiatkowski", "Kwiatkowska"},
                             {"Krawczyk", "Krawczyk"},
                             {"Piotrowski", "Piotrowska"},
                             {"Grabowski", "Grabowska"},
                             {"Nowakowski", "Nowakowska"},
                             {"Pawłowski", "Pawłowska"},
                             {"Michalski", "Michalska"},
                             {"Łukasiewicz", "Łukasiewicz"},
                             {"Żak", "Żak"},
                             {"Ślusarczyk", "Ślusarczyk"},
                             {"Łazarczyk", "Łazarczyk"},
                             {"Sobczak", "Sobczak"},
                             {"Czarnecki", "Czarnecka"},
                             {"Śliwiński", "Śliwińska"},
                             {"Ostrowski", "Ostrowska"},
                             {"Zając", "Zając"}};

template <class T, std::size_t N>
const T& pick(const T (&arr)[N], std::mt19937_64& rng) {
  return arr[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

int uniform(std::mt19937_64& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

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

// ---------------------------------------------------------------------------------------------------------------
// Help given to the demo households in the previous and the current year (until today), recorded as the services
// module records it (migrations 0009 and 0018, the checks of modules/services/service.cpp): non-cash help with its
// dated deliveries, social work, and the income of the month before today. The shares follow seed 002 (MOPR
// Lublin: of the families helped in a year 91 % received benefits — cash, services, in kind — and 9 % social work
// only; the dominant reasons poverty 56 %, disability 49 %, unemployment 34 %; the consultation points' partners)
// and seed 003 (the forms a realisation report counts and their proportions: in-kind help by goods 42 : 67 : 194,
// children's meals, sheltered flats of about 4 places, counselling mostly psychological, activation by community
// work, internships and jobs 40 : 18 : 10). Cash benefits need decisions and their state machine: not generated.

struct DemoPerson {
  std::int64_t id;
  Date birth;
  char sex;
  bool child;  // related to the head as a child
};
struct DemoHousehold {
  std::int64_t id;
  std::optional<std::int64_t> worker;
  std::string type, restricted;
  std::vector<DemoPerson> members;  // head first
};

// Full years of age on `day`.
int age_on(Date birth, Date day) {
  const bool before_birthday = day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day());
  return day.year() - birth.year() - (before_birthday ? 1 : 0);
}
bool is_minor(const DemoPerson& p, Date day) {
  return age_on(p.birth, day) < 18;
}
// Of pensionable age (60 for women, 65 for men: art. 24 ust. 1a ustawy o emeryturach i rentach z FUS).
bool is_senior(const DemoPerson& p, Date day) {
  return age_on(p.birth, day) >= (p.sex == 'K' ? 60 : 65);
}

Date month_end(Date d) {
  return Date(d.year(), d.month(), 1).plus_months(1).plus_days(-1);
}

int weekdays(Date from, Date to) {
  int n = 0;
  for (Date d = from; d <= to; d = d.plus_days(1)) n += d.iso_weekday() <= 5 ? 1 : 0;
  return n;
}

// Picks an index by weights.
std::size_t weighted(std::mt19937_64& rng, std::span<const int> weights) {
  int total = 0;
  for (int w : weights) total += w;
  int x = uniform(rng, 0, total - 1);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return weights.size() - 1;
}

// The household's reasons for help (art. 7 pkt 1, 5, 2 u.p.s.), drawn with the seed 002 shares.
struct Reasons {
  bool poverty{false}, disability{false}, unemployment{false};
  std::optional<std::size_t> unemployed;  // the member out of work
};

std::string reasons_text(const Reasons& r, const std::string& restricted) {
  std::string out;
  auto add = [&](const char* s) { out += (out.empty() ? "" : ", ") + std::string(s); };
  if (r.poverty) add("ubóstwo");
  if (r.disability) add("niepełnosprawność");
  if (r.unemployment) add("bezrobocie");
  if (restricted == "violence") add("przemoc w rodzinie");
  if (restricted == "addiction") add("uzależnienie");
  if (restricted == "health") add("długotrwała choroba");
  if (out.empty()) add("trudna sytuacja życiowa");
  return out;
}

const char* kEntries[] = {
    "Wizyta w miejscu zamieszkania: omówiono sytuację rodziny i plan pomocy.",
    "Rozmowa w sekcji: pomoc w skompletowaniu dokumentów do wniosku o świadczenia.",
    "Kontakt telefoniczny: monitoring sytuacji rodziny, bez istotnych zmian.",
    "Wizyta w miejscu zamieszkania: ocena warunków mieszkaniowych i ustalenia co do dalszej pomocy.",
};
constexpr const char* kSchoolEntry = "Kontakt z pedagogiem szkolnym w sprawie sytuacji dzieci i dożywiania.";
constexpr const char* kTreatmentEntry =
    "Motywowanie do podjęcia leczenia i współpracy z poradnią; deklaracja współpracy.";

struct Partner {
  const char* name;
  const char* restricted;  // the families it is for ("": any)
};
const Partner kPartners[] = {{"Powiatowy Urząd Pracy w Lublinie", ""},
                             {"Poradnia Psychologiczno-Pedagogiczna", ""},
                             {"Centrum Interwencji Kryzysowej", "violence"},
                             {"Sąd Rejonowy – Wydział Rodzinny i Nieletnich", "violence"},
                             {"Poradnia Leczenia Uzależnień", "addiction"},
                             {"Gminna Komisja ds. Rozwiązywania Problemów Alkoholowych", "addiction"}};

// A sheltered flat of the register with its places as slots: a slot holds stays one after another, so there are
// never more residents than places (the services module's check, place_in_flat).
struct DemoFlat {
  std::int64_t id;
  std::string name;
  Date opened;
  std::vector<Date> free_from;  // per place: the first day it is free
};

// The state kept across the chunks of households.
struct HelpState {
  Date today;
  std::int64_t next_service;
  std::vector<DemoFlat> flats;
  std::mt19937_64 rng;
};

// Monthly PIT advance, simplified: 12 % of the base less the monthly tax-reducing amount of 300 zł.
std::int64_t pit(std::int64_t base) {
  return std::max<std::int64_t>(0, base * 12 / 100 - 30000);
}

class HelpWriter {
 public:
  HelpWriter(storage::Connection& c, std::int64_t centre, std::int64_t now, HelpState& state)
      : services_(c, "services",
                  {"id", "centre_id", "household_id", "person_id", "kind", "subtype", "place", "date_from", "date_to",
                   "quantity", "note", "flat_id", "cost_grosze", "resident_fee_grosze", "family_fee_grosze",
                   "created_by", "created_at"},
                  400),
        deliveries_(c, "service_deliveries",
                    {"centre_id", "service_id", "on_date", "quantity", "created_by", "created_at"}, 2000),
        social_(c, "social_work",
                {"centre_id", "household_id", "kind", "person_id", "on_date", "until_date", "review_on", "hours",
                 "subtype", "description", "outcome", "worker_id", "created_at"},
                400),
        income_(c, "income_items",
                {"centre_id", "household_id", "person_id", "month", "type", "amount_grosze", "tax_grosze",
                 "health_grosze", "social_grosze", "source", "created_by", "created_at"},
                400),
        centre_(centre),
        now_(now),
        s_(state),
        rng_(state.rng) {}

  void add(const DemoHousehold& h);
  // Parents first: services before their deliveries (foreign keys are checked per statement). One household adds
  // far fewer rows than the margins below, so no delivery reaches the database before its service.
  void flush_if_full() {
    if (services_.pending_rows() >= 300 || deliveries_.pending_rows() >= 1500 || social_.pending_rows() >= 300 ||
        income_.pending_rows() >= 300)
      flush();
  }
  void flush() {
    services_.flush();
    deliveries_.flush();
    social_.flush();
    income_.flush();
  }

 private:
  struct Year {
    Date from, to;  // the days of the year that have passed (the current one until today)
    Date end;       // 31 December
  };
  bool chance(int percent) { return uniform(rng_, 0, 99) < percent; }
  Date day_in(Date from, Date to) { return from.plus_days(uniform(rng_, 0, from.days_until(to))); }

  // A service record; a stay (flat or care home) lasts its days and delivers nothing.
  void service(const DemoHousehold& h, std::optional<std::int64_t> person, const char* kind, std::string subtype,
               std::string place, Date from, Date to, const std::vector<std::pair<Date, int>>& delivered,
               std::optional<std::int64_t> flat = std::nullopt, std::optional<std::int64_t> cost = std::nullopt,
               std::optional<std::int64_t> resident_fee = std::nullopt,
               std::optional<std::int64_t> family_fee = std::nullopt) {
    const std::int64_t id = s_.next_service++;
    int quantity = flat || cost ? from.days_until(to) + 1 : 0;
    for (const auto& d : delivered) quantity += d.second;
    services_.add({id, centre_, h.id, person, kind, std::move(subtype), std::move(place), from.iso(), to.iso(),
                   quantity, "", flat, cost, resident_fee, family_fee, h.worker, now_});
    for (const auto& [day, q] : delivered) deliveries_.add({centre_, id, day.iso(), q, h.worker, now_});
  }
  // Monthly statements (meals, care hours) dated on the last day of each month of [from, to] that has passed.
  std::vector<std::pair<Date, int>> monthly(Date from, Date to, const std::function<int(Date, Date)>& quantity) {
    std::vector<std::pair<Date, int>> out;
    for (Date m = from; m <= to && month_end(m) <= s_.today; m = month_end(m).plus_days(1))
      if (int q = quantity(m, std::min(month_end(m), to)); q > 0) out.emplace_back(month_end(m), q);
    return out;
  }
  void social(const DemoHousehold& h, const char* kind, std::optional<std::int64_t> person, Date on,
              std::optional<Date> until, std::optional<Date> review, int hours, std::string subtype,
              std::string description, std::string outcome = {}) {
    auto iso = [](std::optional<Date> d) { return d ? std::optional<std::string>(d->iso()) : std::nullopt; };
    social_.add({centre_, h.id, kind, person, on.iso(), iso(until), iso(review), hours, std::move(subtype),
                 std::move(description), std::move(outcome), h.worker, now_});
  }
  void income(const DemoHousehold& h, std::int64_t person, const char* type, std::int64_t amount, std::int64_t tax,
              std::int64_t health, std::int64_t social_contributions, const char* source) {
    income_.add({centre_, h.id, person, s_.today.plus_months(-1).iso().substr(0, 7), type, amount, tax, health,
                 social_contributions, source, h.worker, now_});
  }

  Reasons reasons(const DemoHousehold& h);
  void benefits(const DemoHousehold& h, const Reasons& r, const Year& y);
  void meals(const DemoHousehold& h, const Year& y);
  void care(const DemoHousehold& h, const DemoPerson& p, const Year& y);
  void counselling(const DemoHousehold& h, const Year& y);
  bool sheltered(const DemoHousehold& h, const Year& y);
  void care_home(const DemoHousehold& h, const DemoPerson& p);
  void social_work(const DemoHousehold& h, const Reasons& r, const Year& y);
  void incomes(const DemoHousehold& h, const Reasons& r);

  storage::BulkInsert services_, deliveries_, social_, income_;
  std::int64_t centre_, now_;
  HelpState& s_;
  std::mt19937_64& rng_;
  bool housed_{false};                      // the household had a sheltered-flat stay
  std::optional<std::int64_t> pension_of_;  // the care-home resident of the household
  std::int64_t pension_{0};                 // and their pension, gross
};

Reasons HelpWriter::reasons(const DemoHousehold& h) {
  Reasons r;
  const bool seniors = std::any_of(h.members.begin(), h.members.end(),
                                   [&](const DemoPerson& p) { return !p.child && is_senior(p, s_.today); });
  for (std::size_t i = 0; i < h.members.size() && !r.unemployed; ++i)
    if (!h.members[i].child && !is_senior(h.members[i], s_.today)) r.unemployed = i;
  r.poverty = chance(h.type == "large_family" || h.type == "single_parent" ? 70 : 50);
  r.disability = chance(seniors ? 75 : 35);
  r.unemployment = r.unemployed && chance(45);
  if (!r.unemployment) r.unemployed.reset();
  return r;
}

void HelpWriter::add(const DemoHousehold& h) {
  if (h.members.empty()) return;
  housed_ = false;
  pension_of_.reset();
  const int y = s_.today.year();
  const Year previous{Date(y - 1, 1, 1), Date(y - 1, 12, 31), Date(y - 1, 12, 31)};
  const Year current{Date(y, 1, 1), s_.today, Date(y, 12, 31)};
  const Reasons r = reasons(h);
  // About half of the register is helped in a year; most of them go on into the next one.
  const bool helped_before = chance(50), helped_now = chance(helped_before ? 80 : 15);
  if ((helped_before || helped_now) && r.disability) {
    for (const auto& p : h.members)
      if (!p.child && is_senior(p, s_.today) && chance(h.members.size() == 1 ? 5 : 2)) {
        care_home(h, p);
        break;
      }
  }
  for (const auto& [helped, year] : {std::pair{helped_before, previous}, std::pair{helped_now, current}}) {
    if (!helped) continue;
    social_work(h, r, year);
    if (chance(91)) benefits(h, r, year);  // the others: social work only (seed 002: 9 %)
  }
  if (helped_now) incomes(h, r);
}

void HelpWriter::benefits(const DemoHousehold& h, const Reasons& r, const Year& y) {
  if (r.poverty) meals(h, y);
  if (r.poverty && chance(40)) {
    // In-kind help: food, clothes, cleaning products (seed 003: 194 : 67 : 42 families), one package a day.
    static constexpr int kWeights[] = {194, 67, 42};
    static const char* kGoods[] = {"zywnosc", "odziez", "srodki_czystosci"};
    for (int n = uniform(rng_, 1, 3); n > 0; --n) {
      const Date day = day_in(y.from, y.to);
      service(h, std::nullopt, "pomoc_rzeczowa", kGoods[weighted(rng_, kWeights)], "Magazyn MOPR", day, day,
              {{day, 1}});
    }
  }
  if (r.disability)
    for (const auto& p : h.members)
      if (!p.child && pension_of_ != p.id && (is_senior(p, y.from) || &p == &h.members.front()) && chance(25)) {
        care(h, p, y);
        break;
      }
  if (chance(h.restricted == "violence" || h.restricted == "addiction" ? 50 : 6)) counselling(h, y);
  if (!housed_) housed_ = sheltered(h, y);
}

void HelpWriter::meals(const DemoHousehold& h, const Year& y) {
  bool any = false;
  for (const auto& p : h.members) any = any || (p.child && is_minor(p, y.from));
  if (!any || !chance(60)) return;
  // School terms: meals are counted from the school's monthly statements.
  for (const auto& [from, to] :
       {std::pair{y.from, Date(y.end.year(), 6, 30)}, std::pair{Date(y.end.year(), 9, 1), y.end}}) {
    if (from > y.to) continue;
    for (const auto& p : h.members) {
      if (!p.child) continue;
      const int age = age_on(p.birth, from);
      const char* where = age >= 7 && age < 18  ? "szkola"
                          : age >= 3 && age < 7 ? "przedszkole"
                          : age >= 1 && age < 3 ? "zlobek"
                                                : nullptr;
      if (!where || (age < 3 && !chance(30))) continue;
      const int absent = uniform(rng_, 0, 2);
      service(h, p.id, "posilek", where,
              age >= 7 ? "Szkoła Podstawowa nr " + std::to_string(uniform(rng_, 1, 58)) + " w Lublinie"
                       : "Przedszkole nr " + std::to_string(uniform(rng_, 1, 75)) + " w Lublinie",
              from, to, monthly(from, to, [&](Date a, Date b) { return std::max(0, weekdays(a, b) - absent); }));
    }
  }
  // A senior living alone: a hot meal in the day centre.
  if (h.members.size() == 1 && is_senior(h.members[0], y.from) && chance(30))
    service(h, h.members[0].id, "posilek", "inne", "Dzienny Dom Pomocy", y.from, y.end,
            monthly(y.from, y.end, [](Date a, Date b) { return weekdays(a, b); }));
}

void HelpWriter::care(const DemoHousehold& h, const DemoPerson& p, const Year& y) {
  const bool specialised = chance(15);
  const Date from = chance(60) ? y.from : day_in(y.from, y.to);
  const int lo = specialised ? 8 : 20, hi = specialised ? 30 : 80;
  service(h, p.id, "uslugi_opiekuncze", specialised ? "specjalistyczne" : "zwykle", "w miejscu zamieszkania", from,
          y.end, monthly(from, y.end, [&](Date, Date) { return uniform(rng_, lo, hi); }));
}

void HelpWriter::counselling(const DemoHousehold& h, const Year& y) {
  // Seed 003: psychological counselling dominates, then legal; violence → psychological and legal help (CIK),
  // addiction → the consultation points.
  static const char* kTypes[] = {"psychologiczne", "prawne", "rodzinne", "uzaleznienia"};
  static constexpr int kAny[] = {60, 20, 15, 5}, kViolence[] = {60, 40, 0, 0}, kAddiction[] = {30, 0, 0, 70};
  const std::span<const int> weights = h.restricted == "violence"    ? std::span<const int>(kViolence)
                                       : h.restricted == "addiction" ? std::span<const int>(kAddiction)
                                                                     : std::span<const int>(kAny);
  const DemoPerson& p = h.members.front();
  const Date from = day_in(y.from, y.to), to = std::min(from.plus_days(uniform(rng_, 14, 90)), y.end);
  std::vector<std::pair<Date, int>> days;
  for (int n = uniform(rng_, 1, 8); n > 0; --n) {
    Date d = day_in(from, std::min(to, s_.today));
    while (d.iso_weekday() > 5 && d > from) d = d.plus_days(-1);
    days.emplace_back(d, 1);
  }
  std::sort(days.begin(), days.end());
  service(h, p.id, "poradnictwo", kTypes[weighted(rng_, weights)],
          h.restricted == "addiction" ? "Punkt Konsultacyjny, ul. Piekarska 27"
                                      : "Centrum Interwencji Kryzysowej, ul. Szewska 1",
          from, to, days);
}

bool HelpWriter::sheltered(const DemoHousehold& h, const Year& y) {
  // Mothers with children leaving violence, and young adults starting on their own (seed 003).
  const DemoPerson& head = h.members.front();
  std::vector<std::int64_t> residents{head.id};
  const bool mother = h.restricted == "violence" && head.sex == 'K';
  const bool young = h.members.size() == 1 && age_on(head.birth, y.from) < 26;
  if (!((mother && chance(60)) || (young && chance(20)))) return false;
  if (mother)
    for (const auto& p : h.members)
      if (p.child && is_minor(p, y.from)) residents.push_back(p.id);
  const Date from = day_in(y.from, y.to),
             to = std::min(from.plus_days(uniform(rng_, 60, 300)), Date(s_.today.year(), 12, 31));
  for (auto& flat : s_.flats) {
    if (flat.opened > from) continue;
    std::vector<Date*> free;
    for (auto& slot : flat.free_from)
      if (slot <= from && free.size() < residents.size()) free.push_back(&slot);
    if (free.size() < residents.size()) continue;
    for (std::size_t i = 0; i < residents.size(); ++i) {
      *free[i] = to.plus_days(1);
      service(h, residents[i], "mieszkanie_chronione", "", flat.name, from, to, {}, flat.id);
    }
    return true;
  }
  return false;
}

void HelpWriter::care_home(const DemoHousehold& h, const DemoPerson& p) {
  // Placed some time in the last years; one in seven has left by now. The shares of the home's average monthly
  // cost (art. 61 ust. 2 u.p.s.): the resident 70 % of their net pension, the family sometimes, the gmina the rest.
  const int y = s_.today.year();
  const Date from = day_in(Date(y - 4, 1, 1), s_.today.plus_days(-30));
  Date to(y, 12, 31);
  const Date left_from = std::max(from.plus_days(30), Date(y - 1, 1, 1)), left_to = s_.today.plus_days(-1);
  if (chance(15) && left_from <= left_to) to = day_in(left_from, left_to);
  pension_of_ = p.id;
  pension_ = uniform(rng_, 1900, 3800) * 100;
  const std::int64_t health = pension_ * 9 / 100, net = pension_ - pit(pension_) - health;
  const std::int64_t cost = uniform(rng_, 58, 72) * 10000, resident = net * 7 / 10;
  const std::int64_t family = chance(40) ? uniform(rng_, 2, 8) * 10000 : 0;
  service(h, p.id, "dps", "", "Dom Pomocy Społecznej w Lublinie", from, to, {}, std::nullopt, cost, resident, family);
}

void HelpWriter::social_work(const DemoHousehold& h, const Reasons& r, const Year& y) {
  const std::string why = " Przesłanki pomocy: " + reasons_text(r, h.restricted) + ".";
  for (int n = uniform(rng_, 2, 6); n > 0; --n)
    social(h, "entry", std::nullopt, day_in(y.from, y.to), std::nullopt, std::nullopt, 0, "",
           pick(kEntries, rng_) + why);
  const bool children = std::any_of(h.members.begin(), h.members.end(), [](const DemoPerson& p) { return p.child; });
  if (children && chance(30))
    social(h, "entry", std::nullopt, day_in(y.from, y.to), std::nullopt, std::nullopt, 0, "", kSchoolEntry + why);
  if ((h.restricted == "addiction" || h.restricted == "health") && chance(60))
    social(h, "entry", std::nullopt, day_in(y.from, y.to), std::nullopt, std::nullopt, 0, "", kTreatmentEntry + why);
  if (r.unemployed) {
    const std::int64_t person = h.members[*r.unemployed].id;
    if (chance(10)) {
      // A social contract (art. 108 u.p.s.); closed ones carry their outcome, open ones the next review — at least
      // 20 days ahead, so the demo's worklists for the next two weeks start empty.
      static const char* kOutcomes[] = {"achieved", "partly", "not_achieved", "broken"};
      static constexpr int kOutcomeWeights[] = {40, 30, 20, 10};
      const Date on = day_in(y.from, y.to);
      Date until = on.plus_months(uniform(rng_, 3, 6)).plus_days(-1), review = until;
      std::string outcome;
      if (until < s_.today) {
        outcome = kOutcomes[weighted(rng_, kOutcomeWeights)];
      } else {
        review = s_.today.plus_days(uniform(rng_, 20, 90));
        until = std::max(until, review);
      }
      social(h, "contract", person, on, until, review, 0, "",
             "Cele: rejestracja w Powiatowym Urzędzie Pracy, udział w szkoleniu zawodowym i podjęcie zatrudnienia. "
             "Zobowiązania osoby: aktywne poszukiwanie pracy, spotkania z pracownikiem socjalnym co dwa tygodnie. "
             "Zobowiązania ośrodka: pomoc w przygotowaniu dokumentów aplikacyjnych, opłacenie kursu.",
             outcome);
    }
    if (chance(12)) {
      // Community-service work (the most frequent activation in seed 003), its hours dated by the month worked.
      Date month = day_in(y.from, y.to);
      for (int n = uniform(rng_, 3, 8); n > 0 && month_end(month) <= std::min(s_.today, y.end);
           --n, month = month_end(month).plus_days(1))
        social(h, "community_work", person, month_end(month), std::nullopt, std::nullopt, uniform(rng_, 10, 40), "",
               "Prace społecznie użyteczne w Zarządzie Zieleni Miejskiej.");
    }
    if (chance(8)) {
      static const char* kForms[] = {"internship", "job", "training", "cis", "other"};
      static constexpr int kFormWeights[] = {18, 10, 6, 3, 3};
      social(h, "activation", person, day_in(y.from, y.to), std::nullopt, std::nullopt, 0,
             kForms[weighted(rng_, kFormWeights)], "Aktywizacja we współpracy z Powiatowym Urzędem Pracy.");
    }
  }
  if (chance(h.restricted == "violence" || h.restricted == "addiction" ? 50 : 10)) {
    std::vector<const Partner*> fit;
    for (const auto& p : kPartners)
      if (!*p.restricted || std::string_view(p.restricted) == h.restricted) fit.push_back(&p);
    if (!fit.empty())
      social(h, "referral", std::nullopt, day_in(y.from, y.to), std::nullopt, std::nullopt, 0,
             fit[static_cast<std::size_t>(uniform(rng_, 0, static_cast<int>(fit.size()) - 1))]->name,
             "Skierowanie do instytucji partnerskiej.");
  }
}

void HelpWriter::incomes(const DemoHousehold& h, const Reasons& r) {
  // The month before today, as documented for the assessment (art. 8 ust. 3 u.p.s.): pensions, wages with their
  // contributions and tax, unemployment benefit, family benefits and the child benefit, alimony.
  const Date day = s_.today.plus_months(-1);
  const std::int64_t head = h.members.front().id;
  int children = 0, young = 0;
  for (const auto& p : h.members) {
    if (p.child) {
      if (is_minor(p, day)) ++children, young += age_on(p.birth, day) < 5 ? 1 : 0;
      continue;
    }
    if (pension_of_ == p.id) {
      income(h, p.id, "emerytura_renta", pension_, pit(pension_), pension_ * 9 / 100, 0, "decyzja ZUS");
    } else if (is_senior(p, day) || (r.disability && p.id == head)) {
      const std::int64_t g = uniform(rng_, is_senior(p, day) ? 1800 : 1300, is_senior(p, day) ? 4000 : 2300) * 100;
      income(h, p.id, "emerytura_renta", g, pit(g), g * 9 / 100, 0, "decyzja ZUS");
    } else if (r.unemployed && h.members[*r.unemployed].id == p.id) {
      if (chance(20))
        income(h, p.id, "zasilek_dla_bezrobotnych", uniform(rng_, 1200, 1700) * 100, 0, 0, 0, "zaświadczenie PUP");
    } else if (chance(r.poverty ? 40 : 75)) {
      const std::int64_t g = uniform(rng_, r.poverty ? 2000 : 4806, r.poverty ? 4806 : 8000) * 100;
      const std::int64_t social_contributions = g * 1371 / 10000, health = (g - social_contributions) * 9 / 100;
      income(h, p.id, "wynagrodzenie", g, pit(g - social_contributions - 25000), health, social_contributions,
             "zaświadczenie pracodawcy");
    }
  }
  if (children == 0) return;
  income(h, head, "swiadczenie_wychowawcze", children * 80000, 0, 0, 0, "informacja ZUS");
  if (r.poverty)
    income(h, head, "swiadczenia_rodzinne", young * 9500 + (children - young) * 12400, 0, 0, 0, "decyzja MOPR");
  if (h.type == "single_parent" && chance(50))
    income(h, head, "alimenty", uniform(rng_, 400, 900) * 100, 0, 0, 0, "wyrok sądu i oświadczenie");
}

// The register of sheltered flats (seed 003: 6 flats with 23 places), through the services module's use case: a
// few flats open for years and, for the report's new flats, one opened this year.
Status add_demo_flats(Application& app, const Principal& sys, int households, HelpState& state) {
  const char* kStreets[] = {"Kresowa 9", "Grygowej 4B", "Młyńska 18", "Startowa 11", "Zana 14", "Piekarska 27"};
  const int n = std::clamp(2 + households / 5000, 2, 12), y = state.today.year();
  for (int i = 0; i < n; ++i) {
    const Date opened = i == n - 1 ? std::min(Date(y, 3, 1), state.today)
                                   : Date(y - 2 - i % 6, static_cast<unsigned>(1 + i * 5 % 12), 1);
    services::NewFlat f{"Mieszkanie chronione nr " + std::to_string(i + 1),
                        std::string("ul. ") + kStreets[i % 6] + ", Lublin", 3 + i % 3, opened.iso(), std::nullopt};
    OSTOJA_TRY(flat, app.services().add_flat(sys, f));
    state.flats.push_back(
        {flat.id, flat.data.name, opened, std::vector<Date>(static_cast<std::size_t>(flat.data.places), opened)});
  }
  return ok();
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
    if (c->query_one("SELECT 1 FROM centres"))
      return Error::conflict("Baza zawiera już ośrodek — demo tworzy się w pustej bazie.");
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
  OSTOJA_TRY(
      dep_child,
      unit(div_child, "department",
           "Dział ds. placówek opiekuńczo-wychowawczych, integracji ze środowiskiem i rodzin zastępczych", "", ""));
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
  HelpState help{app.clock().today(), 0, {}, std::mt19937_64(opt.seed ^ 0x2b992ddfa23249d6ULL)};
  OSTOJA_CHECK(add_demo_flats(app, sys, opt.households, help));
  auto conn = app.db().acquire();
  help.next_service = conn->query_one("SELECT COALESCE(MAX(id), 0) FROM services")->int64(0) + 1;
  std::int64_t next_household = conn->query_one("SELECT COALESCE(MAX(id), 0) FROM households")->int64(0) + 1;
  std::int64_t next_person = conn->query_one("SELECT COALESCE(MAX(id), 0) FROM persons")->int64(0) + 1;
  for (int start = 0; start < opt.households; start += 5000) {
    int end = std::min(opt.households, start + 5000);
    std::vector<DemoHousehold> chunk;
    storage::in_transaction(*conn, true, [&](storage::Connection& c) {
      storage::BulkInsert households(
          c, "households",
          {"id", "centre_id", "section_id", "worker_id", "locality", "street", "building", "flat", "postal_code",
           "street_key", "street_sort", "locality_key", "house_sort", "family_type", "restricted", "created_at"});
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
        const char* type = ft < 35   ? family_types[0]
                           : ft < 45 ? family_types[1]
                           : ft < 65 ? family_types[2]
                           : ft < 80 ? family_types[3]
                           : ft < 88 ? family_types[4]
                                     : family_types[5];
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
        chunk.push_back({hid, worker, tstr, restricted, {}});
        int adults = (tstr == "single" || tstr == "single_parent") ? 1 : 2;
        int children = tstr == "with_children"   ? uniform(rng, 1, 2)
                       : tstr == "single_parent" ? uniform(rng, 1, 3)
                       : tstr == "large_family"  ? uniform(rng, 3, 6)
                                                 : 0;
        bool old = tstr == "pensioners" || (tstr == "single" && uniform(rng, 0, 2) == 0);
        for (int m = 0; m < adults + children; ++m) {
          bool child = m >= adults;
          char sex =
              m == 0 ? (uniform(rng, 0, 1) ? 'K' : 'M') : (m == 1 && !child ? 'K' : (uniform(rng, 0, 1) ? 'K' : 'M'));
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
                       head && restricted == "violence" ? "Procedura Niebieska Karta — w toku." : "", now, rr.section,
                       worker, hid});
          members.add({created.id, hid, pid, head ? "head" : (!child ? "spouse" : "child"), "2024-01-01"});
          chunk.back().members.push_back({pid, Date(year, month, day), sex, child});
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
      // The help of the chunk's households, now that they are in the database (a second generator: the
      // households and persons stay those of the same seed without help).
      HelpWriter writer(c, created.id, now, help);
      for (const auto& h : chunk) {
        writer.add(h);
        writer.flush_if_full();
      }
      writer.flush();
      return true;
    });
  }
  storage::sync_identity(*conn, "households");
  storage::sync_identity(*conn, "persons");
  storage::sync_identity(*conn, "services");
  return sum;
}

}  // namespace ostoja::app
