#include "rules/identifiers.h"

#include <array>
#include <cstddef>

namespace ostoja::rules {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
int digit(char c) {
  return c - '0';
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

// Removes the separators people type inside numbers (spaces, dashes).
std::string strip_separators(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '-' && c != '\t') out.push_back(c);
  return out;
}

template <std::size_t N>
int weighted_sum(std::string_view digits, const std::array<int, N>& weights) {
  int sum = 0;
  for (std::size_t i = 0; i < N; ++i) sum += digit(digits[i]) * weights[i];
  return sum;
}

IdentifierCheck invalid(std::string message) {
  return {false, std::move(message), {}};
}
IdentifierCheck valid(std::string normalized) {
  return {true, {}, std::move(normalized)};
}

PeselCheck invalid_pesel(std::string message) {
  return {false, std::nullopt, '\0', std::move(message), {}};
}

// PESEL encodes the century in the month: 1800s +80, 1900s +0, 2000s +20, 2100s +40, 2200s +60.
std::optional<Date> pesel_birth_date(std::string_view d) {
  int yy = digit(d[0]) * 10 + digit(d[1]);
  int mm = digit(d[2]) * 10 + digit(d[3]);
  int dd = digit(d[4]) * 10 + digit(d[5]);
  int century = 0;
  switch (mm / 20) {
    case 4:
      century = 1800;
      mm -= 80;
      break;
    case 0:
      century = 1900;
      break;
    case 1:
      century = 2000;
      mm -= 20;
      break;
    case 2:
      century = 2100;
      mm -= 40;
      break;
    case 3:
      century = 2200;
      mm -= 60;
      break;
    default:
      return std::nullopt;
  }
  if (mm < 1 || mm > 12 || dd < 1) return std::nullopt;
  Date date{century + yy, static_cast<unsigned>(mm), static_cast<unsigned>(dd)};
  if (!date.valid()) return std::nullopt;
  return date;
}

}  // namespace

PeselCheck check_pesel(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) return invalid_pesel("Numer PESEL jest pusty.");
  if (s.size() != 11 || !all_digits(s)) return invalid_pesel("Numer PESEL musi składać się z 11 cyfr.");
  static constexpr std::array<int, 10> kWeights{1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
  int check = (10 - weighted_sum(s, kWeights) % 10) % 10;
  if (check != digit(s[10])) return invalid_pesel("Nieprawidłowa cyfra kontrolna numeru PESEL.");
  std::optional<Date> born = pesel_birth_date(s);
  if (!born) return invalid_pesel("Numer PESEL zawiera nieprawidłową datę urodzenia.");
  char sex = digit(s[9]) % 2 == 0 ? 'K' : 'M';
  return {true, born, sex, {}, std::string{s}};
}

IdentifierCheck check_nip(std::string_view text) {
  std::string s = strip_separators(trim(text));
  if (s.empty()) return invalid("Numer NIP jest pusty.");
  if (s.size() != 10 || !all_digits(s)) return invalid("Numer NIP musi składać się z 10 cyfr.");
  static constexpr std::array<int, 9> kWeights{6, 5, 7, 2, 3, 4, 5, 6, 7};
  int check = weighted_sum(s, kWeights) % 11;
  if (check == 10 || check != digit(s[9])) return invalid("Nieprawidłowa cyfra kontrolna numeru NIP.");
  return valid(std::move(s));
}

namespace {
template <std::size_t N>
bool regon_check_ok(std::string_view s, const std::array<int, N>& weights) {
  int check = weighted_sum(s, weights) % 11;
  if (check == 10) check = 0;
  return check == digit(s[N]);
}
}  // namespace

IdentifierCheck check_regon(std::string_view text) {
  std::string s = strip_separators(trim(text));
  if (s.empty()) return invalid("Numer REGON jest pusty.");
  if ((s.size() != 9 && s.size() != 14) || !all_digits(s))
    return invalid("Numer REGON musi składać się z 9 lub 14 cyfr.");
  static constexpr std::array<int, 8> kWeights9{8, 9, 2, 3, 4, 5, 6, 7};
  static constexpr std::array<int, 13> kWeights14{2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8};
  // A local unit's 14-digit REGON is the parent's 9-digit REGON + 4 digits + its own check digit.
  if (!regon_check_ok(s, kWeights9) || (s.size() == 14 && !regon_check_ok(s, kWeights14)))
    return invalid("Nieprawidłowa cyfra kontrolna numeru REGON.");
  return valid(std::move(s));
}

IdentifierCheck check_iban(std::string_view text) {
  std::string s;
  for (char c : trim(text))
    if (c != ' ') s.push_back(c);
  if (s.empty()) return invalid("Numer rachunku bankowego jest pusty.");
  if (s.size() == 28 && (s[0] == 'P' || s[0] == 'p') && (s[1] == 'L' || s[1] == 'l')) s.erase(0, 2);
  if (s.size() != 26 || !all_digits(s)) return invalid("Numer rachunku musi mieć postać PL i 26 cyfr albo 26 cyfr.");
  // ISO 13616: move country code + check digits to the end, letters as numbers (P=25, L=21).
  std::string rearranged = s.substr(2) + "2521" + s.substr(0, 2);
  int remainder = 0;
  for (char c : rearranged) remainder = (remainder * 10 + digit(c)) % 97;
  if (remainder != 1) return invalid("Nieprawidłowe cyfry kontrolne numeru rachunku bankowego (IBAN).");
  return valid("PL" + s);
}

IdentifierCheck check_postal_code(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) return invalid("Kod pocztowy jest pusty.");
  if (s.size() != 6 || s[2] != '-' || !all_digits(s.substr(0, 2)) || !all_digits(s.substr(3)))
    return invalid("Kod pocztowy musi mieć postać NN-NNN, np. 87-100.");
  return valid(std::string{s});
}

IdentifierCheck check_teryt_gmina(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) return invalid("Kod TERYT gminy jest pusty.");
  if (s.size() != 7 || !all_digits(s)) return invalid("Kod TERYT gminy musi składać się z 7 cyfr (WWPPGGR).");
  int voivodeship = digit(s[0]) * 10 + digit(s[1]);
  if (voivodeship < 2 || voivodeship > 32 || voivodeship % 2 != 0)
    return invalid("Nieprawidłowy kod województwa w kodzie TERYT (dozwolone 02, 04, …, 32).");
  if (s.substr(2, 2) == "00") return invalid("Nieprawidłowy kod powiatu w kodzie TERYT.");
  if (s.substr(4, 2) == "00") return invalid("Nieprawidłowy kod gminy w kodzie TERYT.");
  switch (s[6]) {
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '8':
    case '9':
      return valid(std::string{s});
    default:
      return invalid("Nieprawidłowy rodzaj gminy w kodzie TERYT (dozwolone 1, 2, 3, 4, 5, 8, 9).");
  }
}

}  // namespace ostoja::rules
