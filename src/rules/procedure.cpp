#include "rules/procedure.h"

#include <algorithm>
#include <array>

#include "rules/calendar.h"
#include "rules/dated.h"

namespace ostoja::rules {

namespace {

constexpr std::string_view kUps = "art. 7 ustawy z dnia 12 marca 2004 r. o pomocy społecznej";

// Wording as in the consolidated text Dz.U. 2023 poz. 901; changes dated by the amending acts.
// Rows are in the act's order; a point with two wordings has two consecutive rows.
const std::array<Art7Reason, 17> kArt7{{
    {"ubostwo", "1", "ubóstwa", Date(2012, 10, 1), std::nullopt, kUps},
    {"sieroctwo", "2", "sieroctwa", Date(2012, 10, 1), std::nullopt, kUps},
    {"bezdomnosc", "3", "bezdomności", Date(2012, 10, 1), std::nullopt, kUps},
    {"bezrobocie", "4", "bezrobocia", Date(2012, 10, 1), std::nullopt, kUps},
    {"niepelnosprawnosc", "5", "niepełnosprawności", Date(2012, 10, 1), std::nullopt, kUps},
    {"choroba", "6", "długotrwałej lub ciężkiej choroby", Date(2012, 10, 1), std::nullopt, kUps},
    {"przemoc", "7", "przemocy w rodzinie", Date(2012, 10, 1), Date(2023, 6, 21), kUps},
    // Ustawa z 9 marca 2023 r. o zmianie ustawy o przeciwdziałaniu przemocy w rodzinie (Dz.U. 2023 poz. 535), art. 10
    // pkt 1.
    {"przemoc", "7", "przemocy domowej", Date(2023, 6, 22), std::nullopt, kUps},
    {"handel_ludzmi", "7a", "potrzeby ochrony ofiar handlu ludźmi", Date(2012, 10, 1), std::nullopt, kUps},
    {"macierzynstwo", "8", "potrzeby ochrony macierzyństwa lub wielodzietności", Date(2012, 10, 1), std::nullopt, kUps},
    {"bezradnosc", "9",
     "bezradności w sprawach opiekuńczo-wychowawczych i prowadzenia gospodarstwa domowego, zwłaszcza w rodzinach "
     "niepełnych lub wielodzietnych",
     Date(2012, 10, 1), std::nullopt, kUps},
    // pkt 10 (młodzież opuszczająca placówki) was repealed before 1.10.2012.
    // Wording before 1.05.2014 as reproduced by centres' pages quoting the older consolidated text (the
    // Dz.U. text itself was not reachable here; see docs/rules.md).
    {"integracja_cudzoziemcow", "11",
     "trudności w integracji cudzoziemców, którzy uzyskali w Rzeczypospolitej Polskiej status uchodźcy lub ochronę "
     "uzupełniającą",
     Date(2012, 10, 1), Date(2014, 4, 30), kUps},
    // Ustawa z 12 grudnia 2013 r. o cudzoziemcach (Dz.U. 2013 poz. 1650), in force from 1.05.2014.
    {"integracja_cudzoziemcow", "11",
     "trudności w integracji cudzoziemców, którzy uzyskali w Rzeczypospolitej Polskiej status uchodźcy, ochronę "
     "uzupełniającą lub zezwolenie na pobyt czasowy udzielone w związku z okolicznością, o której mowa w art. 159 "
     "ust. 1 pkt 1 lit. c lub d ustawy z dnia 12 grudnia 2013 r. o cudzoziemcach",
     Date(2014, 5, 1), std::nullopt, kUps},
    {"zaklad_karny", "12", "trudności w przystosowaniu do życia po zwolnieniu z zakładu karnego", Date(2012, 10, 1),
     std::nullopt, kUps},
    {"uzaleznienie", "13", "alkoholizmu lub narkomanii", Date(2012, 10, 1), std::nullopt, kUps},
    {"zdarzenie_losowe", "14", "zdarzenia losowego i sytuacji kryzysowej", Date(2012, 10, 1), std::nullopt, kUps},
    {"kleska", "15", "klęski żywiołowej lub ekologicznej", Date(2012, 10, 1), std::nullopt, kUps},
}};

const std::array<FormOfHelp, 17> kForms{{
    {"zasilek_staly", "zasiłek stały", "art. 37", true, true},
    {"zasilek_okresowy", "zasiłek okresowy", "art. 38", true, true},
    {"zasilek_celowy", "zasiłek celowy", "art. 39", true, false},
    {"specjalny_zasilek_celowy", "specjalny zasiłek celowy", "art. 41", true, false},
    {"posilek", "posiłek", "art. 48b", false, true},
    {"schronienie", "schronienie", "art. 48a", false, true},
    {"ubranie", "niezbędne ubranie", "art. 48b", false, false},
    {"pomoc_rzeczowa", "pomoc rzeczowa", "art. 36 pkt 2 lit. f", false, false},
    {"uslugi_opiekuncze", "usługi opiekuńcze", "art. 50", false, true},
    {"specjalistyczne_uslugi_opiekuncze", "specjalistyczne usługi opiekuńcze", "art. 50", false, true},
    {"mieszkanie_chronione", "mieszkanie chronione", "art. 53", false, true},
    {"dps", "pobyt w domu pomocy społecznej", "art. 54", false, true},
    {"sprawienie_pogrzebu", "sprawienie pogrzebu", "art. 44", false, false},
    {"interwencja_kryzysowa", "interwencja kryzysowa", "art. 47", false, false},
    {"poradnictwo", "poradnictwo specjalistyczne", "art. 46", false, false},
    {"praca_socjalna", "praca socjalna", "art. 45", false, true},
    {"asystent_rodziny", "asystent rodziny", "art. 15 ustawy o wspieraniu rodziny", false, true},
}};

// Values verified in the text of the 2012 regulation (§ 2) and the 2021 regulation (§ 3 ust. 2–3); the
// 2016 regulation is recorded with the same values (it repeats the 2012 rules; its text was not seen).
// The 6-month update (update_months) is not in the regulations but in the act itself: art. 107 ust. 4
// u.p.s. — for persons receiving continuing help the interview is updated at least every 6 months even
// without any change of data.
const std::array<InterviewDeadlines, 3> kInterview{{
    {Date(2012, 10, 1), Date(2016, 9, 30), 14, 2, 6,
     "§ 2 rozporządzenia Ministra Pracy i Polityki Społecznej z dnia 8 czerwca 2012 r. w sprawie rodzinnego wywiadu "
     "środowiskowego (Dz.U. 2012 poz. 712)"},
    {Date(2016, 10, 1), Date(2021, 11, 10), 14, 2, 6,
     "rozporządzenie Ministra Rodziny, Pracy i Polityki Społecznej z dnia 25 sierpnia 2016 r. w sprawie rodzinnego "
     "wywiadu środowiskowego (Dz.U. 2016 poz. 1406)"},
    {Date(2021, 11, 11), std::nullopt, 14, 2, 6,
     "§ 3 ust. 2–3 rozporządzenia Ministra Rodziny i Polityki Społecznej z dnia 8 kwietnia 2021 r. w sprawie "
     "rodzinnego wywiadu środowiskowego (Dz.U. 2021 poz. 893)"},
}};

Result<const InterviewDeadlines*> interview_rules_on(Date date) {
  const auto* row = row_on(std::span<const InterviewDeadlines>(kInterview), date);
  if (!row)
    return Error::validation("Terminy wywiadu są określone od 1 października 2012 r.; podano " + date.polish() + ".",
                             "received_on");
  return row;
}

}  // namespace

std::span<const Art7Reason> art7_reasons() {
  return kArt7;
}

std::vector<Art7Reason> art7_reasons_on(Date date) {
  std::vector<Art7Reason> out;
  for (const auto& r : kArt7)
    if (in_force(r, date)) out.push_back(r);
  return out;
}

Result<Art7Reason> art7_reason(std::string_view code, Date date) {
  bool known = false;
  for (const auto& r : kArt7) {
    if (r.code != code) continue;
    known = true;
    if (in_force(r, date)) return r;
  }
  if (!known)
    return Error::validation("Nieznany powód udzielenia pomocy (art. 7): „" + std::string(code) + "”.", "reasons");
  return Error::validation(
      "Powód „" + std::string(code) + "” nie był przewidziany w art. 7 w dniu " + date.polish() + ".", "reasons");
}

std::span<const FormOfHelp> forms_of_help() {
  return kForms;
}

const FormOfHelp* form_of_help(std::string_view code) {
  auto it = std::find_if(kForms.begin(), kForms.end(), [&](const FormOfHelp& f) { return f.code == code; });
  return it == kForms.end() ? nullptr : &*it;
}

std::span<const InterviewDeadlines> interview_deadline_rules() {
  return kInterview;
}

Result<Date> interview_due(Date received, bool urgent) {
  OSTOJA_TRY(rules, interview_rules_on(received));
  return add_working_days(received, urgent ? rules->urgent_working_days : rules->working_days);
}

Result<Date> interview_update_due(Date last_interview) {
  OSTOJA_TRY(rules, interview_rules_on(last_interview));
  return last_interview.plus_months(rules->update_months);
}

Date decision_due(Date received, bool complex) {
  return add_kpa_months(received, complex ? 2 : 1);
}

Date appeal_deadline(Date delivered) {
  return add_kpa_days(delivered, 14);
}

Result<Date> case_date(std::string_view text, std::string_view field, std::optional<Date> latest) {
  OSTOJA_TRY(d, parse_date_field(text, field));
  if (d < kProcedureRulesFrom)
    return Error::validation("Daty przed 1 października 2012 r. nie są obsługiwane.", std::string(field));
  if (latest && d > *latest)
    return Error::validation("Data nie może być późniejsza niż " + latest->polish() + ".", std::string(field));
  return d;
}

}  // namespace ostoja::rules
