#include "modules/decisions/template.h"

#include <algorithm>

namespace ostoja::decisions {

namespace {

constexpr std::string_view kOpen = "{{", kClose = "}}";

// A run of literal text, or the name of a placeholder; `at` is its byte offset in the template
// (for the line number in error messages).
struct Piece {
  std::string_view text;
  bool placeholder{false};
  std::size_t at{0};
};

std::string_view strip_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Line numbers are what a person editing the template sees.
std::string line_of(std::string_view tpl, std::size_t at) {
  const auto newlines = std::count(tpl.begin(), tpl.begin() + static_cast<std::ptrdiff_t>(at), '\n');
  return std::to_string(newlines + 1);
}

// The template from `at`, at most ~24 bytes, cut between UTF-8 characters (never inside one).
std::string excerpt(std::string_view tpl, std::size_t at) {
  constexpr std::size_t kMax = 24;
  std::string_view rest = tpl.substr(at);
  if (rest.size() <= kMax) return std::string(rest);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(rest[cut]) & 0xC0U) == 0x80U) --cut;  // continuation byte
  return std::string(rest.substr(0, cut)) + "…";
}

Result<std::vector<Piece>> parse(std::string_view tpl) {
  std::vector<Piece> pieces;
  std::size_t pos = 0;
  while (pos < tpl.size()) {
    const auto open = tpl.find(kOpen, pos);
    if (open == std::string_view::npos) {
      pieces.push_back({tpl.substr(pos), false, pos});
      break;
    }
    if (open > pos) pieces.push_back({tpl.substr(pos, open - pos), false, pos});
    const auto close = tpl.find(kClose, open + kOpen.size());
    // "{{a {{b}}": the first "{{" is the one left open.
    if (close == std::string_view::npos || tpl.find(kOpen, open + kOpen.size()) < close)
      return Error::validation(
          "Niezamknięte „{{” w wierszu " + line_of(tpl, open) + " szablonu: „" + excerpt(tpl, open) + "”.", "template");
    const auto name = strip_spaces(tpl.substr(open + kOpen.size(), close - open - kOpen.size()));
    if (name.empty())
      return Error::validation("Puste pole „{{}}” w wierszu " + line_of(tpl, open) + " szablonu.", "template");
    pieces.push_back({name, true, open});
    pos = close + kClose.size();
  }
  return pieces;
}

}  // namespace

Result<std::string> fill_template(std::string_view tpl, const std::map<std::string, std::string, std::less<>>& values) {
  OSTOJA_TRY(pieces, parse(tpl));
  std::string out;
  out.reserve(tpl.size());
  for (const auto& piece : pieces) {
    if (!piece.placeholder) {
      out += piece.text;
      continue;
    }
    const auto value = values.find(piece.text);
    if (value == values.end())
      return Error::validation(
          "Nieznane pole „{{" + std::string(piece.text) + "}}” w wierszu " + line_of(tpl, piece.at) + " szablonu.",
          "template");
    out += value->second;
  }
  return out;
}

Result<std::vector<std::string>> template_placeholders(std::string_view tpl) {
  OSTOJA_TRY(pieces, parse(tpl));
  std::vector<std::string> names;
  for (const auto& piece : pieces)
    if (piece.placeholder && std::find(names.begin(), names.end(), piece.text) == names.end())
      names.emplace_back(piece.text);
  return names;
}

const std::vector<std::string>& known_placeholders() {
  static const std::vector<std::string> names{"osrodek",      "forma",     "kwota",   "okres",
                                              "od",           "do",        "rodzaj",  "numer",
                                              "data_wniosku", "wszczecie", "adresat", "kwota_slownie_brak"};
  return names;
}

std::string initiation_text(const std::optional<std::string>& received) {
  if (received) return "po rozpatrzeniu wniosku z dnia " + *received;
  return "po rozpatrzeniu sprawy wszczętej z urzędu";
}

const std::map<std::string, std::string, std::less<>>& default_templates() {
  static const std::map<std::string, std::string, std::less<>> t{
      {"legal_basis_grant",
       "Na podstawie art. 104 ustawy z dnia 14 czerwca 1960 r. — Kodeks postępowania administracyjnego, art. 106 "
       "ust. 1 i art. 110 ust. 1 ustawy z dnia 12 marca 2004 r. o pomocy społecznej oraz przepisu właściwego dla "
       "formy pomocy ({{forma}}), {{wszczecie}},"},
      {"legal_basis_refuse",
       "Na podstawie art. 104 ustawy z dnia 14 czerwca 1960 r. — Kodeks postępowania administracyjnego oraz art. 106 "
       "ust. 1 ustawy z dnia 12 marca 2004 r. o pomocy społecznej, {{wszczecie}},"},
      {"legal_basis_change",
       "Na podstawie art. 104 i art. 155 ustawy z dnia 14 czerwca 1960 r. — Kodeks postępowania administracyjnego "
       "oraz art. 106 ust. 5 ustawy z dnia 12 marca 2004 r. o pomocy społecznej,"},
      {"appeal_instruction",
       "Od niniejszej decyzji przysługuje odwołanie do Samorządowego Kolegium Odwoławczego za pośrednictwem "
       "{{osrodek}} w terminie 14 dni od dnia jej doręczenia (art. 127 § 1 i art. 129 § 1–2 Kodeksu postępowania "
       "administracyjnego). W trakcie biegu terminu do wniesienia odwołania strona może zrzec się prawa do "
       "wniesienia odwołania; z dniem doręczenia oświadczenia o zrzeczeniu się decyzja staje się ostateczna i "
       "prawomocna (art. 127a KPA).\n"
       "Osoby i rodziny korzystające ze świadczeń pomocy społecznej są obowiązane niezwłocznie poinformować o każdej "
       "zmianie w ich sytuacji osobistej, dochodowej i majątkowej (art. 109 ustawy o pomocy społecznej). "
       "Świadczenia nienależnie pobrane podlegają zwrotowi (art. 98 ustawy)."},
      {"signatory_title", "z up. Dyrektora\nKierownik Sekcji"},
  };
  return t;
}

}  // namespace ostoja::decisions
