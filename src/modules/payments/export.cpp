#include "modules/payments/export.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "core/csv.h"
#include "core/text.h"
#include "rules/identifiers.h"

namespace ostoja::payments {

namespace {

constexpr std::array<const char*, 9> kColumns = {"Lp.",      "Nr wypłaty", "Odbiorca", "Adres",     "Sposób",
                                                 "Rachunek", "Kwota",      "Tytuł",    "Nr decyzji"};

// ---------------------------------------------------------------------------------------------
// Shared by every export

// Non-blank elements, trimmed, joined with `separator`.
std::string join(const std::vector<std::string>& elements, std::string_view separator) {
  std::string out;
  for (const auto& e : elements) {
    const std::string t = text::trim(e);
    if (t.empty()) continue;
    if (!out.empty()) out += separator;
    out += t;
  }
  return out;
}

// A cell of a payment list is one line: control characters (line breaks, tabs) become spaces.
// Byte-wise is safe in UTF-8: every byte of a multi-byte sequence is >= 0x80.
std::string one_line(std::string_view s) {
  std::string out{s};
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  return text::trim(out);
}

// The 26 digits of a Polish account (NRB) of an IBAN validate() accepted.
std::string nrb(const std::string& iban) {
  return rules::check_iban(iban).normalized.substr(2);
}

// "PL61 1090 1014 0000 0712 1981 2874": how an account is printed, and text to a spreadsheet.
std::string grouped_iban(const std::string& iban) {
  const std::string n = rules::check_iban(iban).normalized;
  std::string out = n.substr(0, 4);
  for (std::size_t i = 4; i < n.size(); i += 4) out += " " + n.substr(i, 4);
  return out;
}

// "1229,00": grosze as Polish spreadsheets read a number (no thousands separator).
std::string amount_text(Money m) {
  const std::int64_t abs = m.grosze < 0 ? -m.grosze : m.grosze;
  const std::int64_t gr = abs % 100;
  return (m.grosze < 0 ? "-" : "") + std::to_string(abs / 100) + (gr < 10 ? ",0" : ",") + std::to_string(gr);
}

double amount_number(Money m) {
  return static_cast<double>(m.grosze) / 100.0;
}

std::string title_of(const PaymentLine& l) {
  const std::string title = text::trim(l.title);
  return title.empty() ? text::trim(l.benefit) : title;
}

// A line as the CSV and the XLSX show it.
struct Row {
  std::int64_t payment_id{0};
  std::string recipient, address, method, account;
  Money amount;
  std::string title, decision;
};

Row row_of(const PaymentLine& l) {
  const bool transfer = l.method == Method::transfer;
  return {l.payment_id,
          one_line(l.recipient_name),
          one_line(join(l.recipient_address, ", ")),
          transfer ? "przelew" : "gotówka",
          transfer ? grouped_iban(l.iban) : "",
          l.amount,
          one_line(title_of(l)),
          one_line(l.decision_number)};
}

// "Pozycja 2 (Jan Nowak): " — how messages name a line (counted from 1).
std::string line_label(std::size_t i, const PaymentLine& l) {
  const std::string name = one_line(l.recipient_name);
  return "Pozycja " + std::to_string(i + 1) + (name.empty() ? "" : " (" + name + ")") + ": ";
}

// "lines[1].iban" — how fields name a line (counted from 0, as in the JSON array).
std::string line_field(std::size_t i, std::string_view name = {}) {
  return "lines[" + std::to_string(i) + "]" + (name.empty() ? "" : "." + std::string{name});
}

bool all_utf8(const std::vector<std::string>& texts) {
  return std::all_of(texts.begin(), texts.end(), [](const std::string& t) { return text::valid_utf8(t); });
}

bool all_utf8(const PaymentLine& l) {
  return all_utf8({l.recipient_name, l.iban, l.title, l.decision_number, l.benefit}) && all_utf8(l.recipient_address);
}

Status validate_line(std::size_t i, const PaymentLine& l) {
  if (!all_utf8(l))
    return Error::validation("Pozycja " + std::to_string(i + 1) + ": tekst nie jest poprawnie zapisany (UTF-8).",
                             line_field(i));
  if (text::trim(l.recipient_name).empty())
    return Error::validation(line_label(i, l) + "brak nazwy odbiorcy.", line_field(i, "recipient_name"));
  if (l.amount.grosze <= 0)
    return Error::validation(line_label(i, l) + "kwota musi być większa od zera (jest " + l.amount.polish() + ").",
                             line_field(i, "amount"));
  if (l.method == Method::transfer) {
    const auto account = rules::check_iban(l.iban);
    if (!account.valid)
      return Error::validation(line_label(i, l) + "nieprawidłowy rachunek odbiorcy. " + account.error,
                               line_field(i, "iban"));
  }
  if (title_of(l).empty()) return Error::validation(line_label(i, l) + "brak tytułu wypłaty.", line_field(i, "title"));
  return ok();
}

bool has_transfer(const PaymentList& list) {
  return std::any_of(list.lines.begin(), list.lines.end(),
                     [](const PaymentLine& l) { return l.method == Method::transfer; });
}

// ---------------------------------------------------------------------------------------------
// CSV

// ---------------------------------------------------------------------------------------------
// XLSX

// Writes cells and keeps the first error libxlsxwriter reports.
class Sheet {
 public:
  explicit Sheet(lxw_worksheet* ws) : ws_(ws) {}
  void text(std::size_t row, std::size_t col, const std::string& s, lxw_format* f = nullptr) {
    keep(worksheet_write_string(ws_, r(row), c(col), s.c_str(), f));
  }
  void number(std::size_t row, std::size_t col, double v, lxw_format* f = nullptr) {
    keep(worksheet_write_number(ws_, r(row), c(col), v, f));
  }
  // The cached value lets viewers that do not calculate (previews, converters) show the total.
  void formula(std::size_t row, std::size_t col, const std::string& f, double cached, lxw_format* fmt) {
    keep(worksheet_write_formula_num(ws_, r(row), c(col), f.c_str(), fmt, cached));
  }
  void width(std::size_t col, double w) { keep(worksheet_set_column(ws_, c(col), c(col), w, nullptr)); }
  void keep(lxw_error e) {
    if (error_ == LXW_NO_ERROR) error_ = e;
  }
  lxw_worksheet* get() const { return ws_; }
  lxw_error error() const { return error_; }

 private:
  static lxw_row_t r(std::size_t row) { return static_cast<lxw_row_t>(row); }
  static lxw_col_t c(std::size_t col) { return static_cast<lxw_col_t>(col); }
  lxw_worksheet* ws_;
  lxw_error error_{LXW_NO_ERROR};
};

struct Formats {
  lxw_format *title, *header, *money, *total_label, *total_money, *note;
};

// Excel stores number formats in its neutral (en-US) syntax and shows them in the reader's locale:
// Polish Excel displays this one as "1 229,00 zł".
constexpr const char* kZlotyFormat = "#,##0.00 \"zł\"";

Formats add_formats(lxw_workbook* wb) {
  Formats f{};
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  f.money = workbook_add_format(wb);
  format_set_num_format(f.money, kZlotyFormat);
  f.total_label = workbook_add_format(wb);
  format_set_bold(f.total_label);
  format_set_top(f.total_label, LXW_BORDER_THIN);
  f.total_money = workbook_add_format(wb);
  format_set_num_format(f.total_money, kZlotyFormat);
  format_set_bold(f.total_money);
  format_set_top(f.total_money, LXW_BORDER_THIN);
  f.note = workbook_add_format(wb);
  format_set_italic(f.note);
  format_set_font_size(f.note, 8);
  return f;
}

constexpr std::size_t kHeaderRow = 4;  // rows 0–2: title, date, centre; row 3 empty
constexpr std::array<double, 9> kWidths = {5, 11, 28, 36, 10, 36, 15, 30, 24};

void write_sheet(Sheet& s, const Formats& f, const PaymentList& list) {
  s.text(0, 0, "Lista wypłat nr " + one_line(list.number), f.title);
  s.text(1, 0, "Data wypłaty: " + list.payment_date.polish());
  s.text(2, 0, one_line(join({list.centre_name, join(list.centre_address, ", ")}, ", ")));
  for (std::size_t col = 0; col < kColumns.size(); ++col) {
    s.text(kHeaderRow, col, kColumns[col], f.header);
    s.width(col, kWidths[col]);
  }
  std::size_t row = kHeaderRow + 1;
  for (std::size_t i = 0; i < list.lines.size(); ++i, ++row) {
    const Row r = row_of(list.lines[i]);
    s.number(row, 0, static_cast<double>(i + 1));
    s.number(row, 1, static_cast<double>(r.payment_id));
    s.text(row, 2, r.recipient);
    s.text(row, 3, r.address);
    s.text(row, 4, r.method);
    s.text(row, 5, r.account);
    s.number(row, 6, amount_number(r.amount), f.money);
    s.text(row, 7, r.title);
    s.text(row, 8, r.decision);
  }
  // Spreadsheet rows count from 1: the lines are rows kHeaderRow+2 … row.
  s.text(row, 0, "Razem", f.total_label);
  for (std::size_t col = 1; col < kColumns.size(); ++col)
    if (col != 6) s.text(row, col, "", f.total_label);  // the border across the whole row
  s.formula(row, 6, "=SUM(G" + std::to_string(kHeaderRow + 2) + ":G" + std::to_string(row) + ")",
            amount_number(list.total()), f.total_money);
  const std::size_t sign = row + 3;
  s.text(sign, 2, "Sporządził: ..................................");
  s.text(sign, 5, "Zatwierdził: ..................................");
  s.text(sign + 1, 2, "(data i podpis)", f.note);
  s.text(sign + 1, 5, "(data i podpis)", f.note);

  worksheet_freeze_panes(s.get(), static_cast<lxw_row_t>(kHeaderRow + 1), 0);
  worksheet_set_landscape(s.get());
  worksheet_set_paper(s.get(), 9);  // A4
  worksheet_fit_to_pages(s.get(), 1, 0);
  s.keep(worksheet_repeat_rows(s.get(), static_cast<lxw_row_t>(kHeaderRow), static_cast<lxw_row_t>(kHeaderRow)));
}

// A fresh private file (mkstemps: mode 0600, a name nobody else holds), removed on every path out.
class TempFile {
 public:
  TempFile() {
    std::string name = (std::filesystem::temp_directory_path() / "ostoja-payments-XXXXXX.xlsx").string();
    const int fd = ::mkstemps(name.data(), 5);
    if (fd < 0) return;
    ::close(fd);
    path_ = name;
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// ---------------------------------------------------------------------------------------------
// Elixir-O

constexpr std::size_t kPartLength = 35;

// windows-1250 as a table from code points to bytes, built once from ICU's converter. Bytes that
// windows-1250 leaves unassigned or gives to control characters are not in it.
const std::unordered_map<UChar32, char>& cp1250() {
  static const std::unordered_map<UChar32, char> table = [] {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open("windows-1250", &status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU has no windows-1250 converter");
    std::unordered_map<UChar32, char> t;
    for (int b = 0x20; b <= 0xFF; ++b) {
      const char byte = static_cast<char>(b);
      UChar u[2] = {0, 0};
      status = U_ZERO_ERROR;
      const int32_t n = ucnv_toUChars(conv, u, 2, &byte, 1, &status);
      if (U_SUCCESS(status) && n == 1 && u[0] >= 0x20 && (u[0] < 0x7F || u[0] > 0x9F) && u[0] != 0xFFFD)
        t.emplace(u[0], byte);
    }
    ucnv_close(conv);
    return t;
  }();
  return table;
}

std::optional<char> cp1250_byte(UChar32 c) {
  const auto& table = cp1250();
  const auto it = table.find(c);
  if (it == table.end()) return std::nullopt;
  return it->second;
}

// One character of bank text: the byte it becomes, ' ' for a separator, '\0' when it is dropped.
char bank_char(UChar32 c, const icu::Normalizer2& nfd) {
  // Double quotes would end the field: every quotation mark becomes an apostrophe.
  static constexpr std::u32string_view kQuotes = U"\"\u201C\u201D\u201E\u00AB\u00BB\u2018\u2019\u201A\u0060\u00B4";
  static constexpr std::u32string_view kDashes = U"\u2010\u2011\u2012\u2013\u2014\u2015\u2212";
  // A deliberately small punctuation set (SWIFT "X" less ',', the field separator): no bank refuses it.
  static constexpr std::string_view kPunctuation = "/-?:().'+";
  const auto ch = static_cast<char32_t>(c);
  if (kQuotes.find(ch) != std::u32string_view::npos) return '\'';
  if (kDashes.find(ch) != std::u32string_view::npos) return '-';
  if (c < 0x80 && kPunctuation.find(static_cast<char>(c)) != std::string_view::npos) return static_cast<char>(c);
  if (u_isalnum(c)) {
    if (auto b = cp1250_byte(c)) return *b;
    // A letter windows-1250 cannot carry keeps its base letter (ñ → n, å → a) …
    icu::UnicodeString decomposed;
    if (nfd.getDecomposition(c, decomposed)) {
      const UChar32 base = decomposed.char32At(0);
      if (u_isalnum(base))
        if (auto b = cp1250_byte(base)) return *b;
    }
    return '\0';  // … or, with none (Cyrillic, Greek, ø), is dropped.
  }
  return ' ';  // spaces, ',', '|', ';', control characters, other symbols
}

// One element (a name, an address line, a title) in windows-1250 with only the characters banks
// accept, single spaces, trimmed.
std::string bank_clean(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU has no Unicode normalizer");
  const icu::UnicodeString text = nfc->normalize(icu::UnicodeString::fromUTF8(utf8), status);
  if (U_FAILURE(status)) throw std::runtime_error("Unicode normalization failed");
  std::string out;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const char b = bank_char(text.char32At(i), *nfd);
    if (b == '\0') continue;
    if (b == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += b;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Parts of at most 35 characters, cut at the last space that keeps a part within 35; a word longer
// than 35 is cut where the part is full. `s` is single-spaced and trimmed (bank_clean), one byte per
// character (windows-1250).
std::vector<std::string> wrap(std::string_view s) {
  std::vector<std::string> parts;
  while (s.size() > kPartLength) {
    const std::size_t space = s.rfind(' ', kPartLength);
    const bool at_space = space != std::string_view::npos && space > 0;
    const std::size_t cut = at_space ? space : kPartLength;
    parts.emplace_back(s.substr(0, cut));
    s.remove_prefix(at_space ? cut + 1 : cut);
  }
  if (!s.empty()) parts.emplace_back(s);
  return parts;
}

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

std::vector<std::string> name_and_address(const std::string& name, const std::vector<std::string>& address) {
  std::vector<std::string> elements{name};
  elements.insert(elements.end(), address.begin(), address.end());
  return elements;
}

}  // namespace

Money PaymentList::total() const {
  Money sum;
  for (const auto& l : lines) sum = sum + l.amount;
  return sum;
}

Status validate(const PaymentList& list) {
  if (list.lines.empty()) return Error::validation("Lista wypłat nie ma żadnej pozycji.", "lines");
  if (!all_utf8({list.number, list.centre_name, list.payer_iban}) || !all_utf8(list.centre_address))
    return Error::validation("Numer listy lub dane ośrodka nie są poprawnie zapisane (UTF-8).");
  if (text::trim(list.centre_name).empty())
    return Error::validation("Brak nazwy ośrodka (płatnika) na liście wypłat.", "centre_name");
  if (!list.payment_date.valid()) return Error::validation("Nieprawidłowa data wypłaty.", "payment_date");
  if (has_transfer(list)) {
    if (text::trim(list.payer_iban).empty())
      return Error::validation("Lista zawiera przelewy, a nie podano rachunku ośrodka (płatnika).", "payer_iban");
    const auto payer = rules::check_iban(list.payer_iban);
    if (!payer.valid)
      return Error::validation("Nieprawidłowy rachunek ośrodka (płatnika). " + payer.error, "payer_iban");
  }
  for (std::size_t i = 0; i < list.lines.size(); ++i) OSTOJA_CHECK(validate_line(i, list.lines[i]));
  return ok();
}

Result<std::string> to_csv(const PaymentList& list) {
  OSTOJA_CHECK(validate(list));
  std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: without it Excel reads the file as windows-1250
  csv::append_record(out, std::vector<std::string>(kColumns.begin(), kColumns.end()));
  for (std::size_t i = 0; i < list.lines.size(); ++i) {
    const Row r = row_of(list.lines[i]);
    csv::append_record(
        out, {std::to_string(i + 1), std::to_string(r.payment_id), csv::field(r.recipient), csv::field(r.address),
              r.method, r.account, amount_text(r.amount), csv::field(r.title), csv::field(r.decision)});
  }
  csv::append_record(out, {"Razem", "", "", "", "", "", amount_text(list.total()), "", ""});
  return out;
}

Result<std::string> to_xlsx(const PaymentList& list) {
  OSTOJA_CHECK(validate(list));
  // libxlsxwriter writes only to a named file: a private temporary one, read back and removed.
  const TempFile file;
  if (file.path().empty())
    return Error{ErrorCode::unavailable, "Nie można utworzyć pliku tymczasowego dla arkusza XLSX.", ""};
  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (wb == nullptr) return Error{ErrorCode::unavailable, "Nie można utworzyć arkusza XLSX.", ""};
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Lista wypłat");
  lxw_error written = LXW_ERROR_MEMORY_MALLOC_FAILED;
  if (ws != nullptr) {
    Sheet sheet(ws);
    write_sheet(sheet, add_formats(wb), list);
    written = sheet.error();
  }
  const lxw_error closed = workbook_close(wb);  // writes the file and frees the workbook
  if (written != LXW_NO_ERROR || closed != LXW_NO_ERROR)
    return Error{ErrorCode::unavailable, "Nie można zapisać arkusza XLSX.", ""};
  auto bytes = read_file(file.path());
  if (!bytes) return Error{ErrorCode::unavailable, "Nie można odczytać zapisanego arkusza XLSX.", ""};
  return std::move(*bytes);
}

std::string bank_text(const std::vector<std::string>& elements, std::size_t max_parts) {
  std::vector<std::string> cleaned;
  std::vector<std::string> parts;
  for (const auto& e : elements) {
    cleaned.push_back(bank_clean(e));
    for (auto& p : wrap(cleaned.back())) parts.push_back(std::move(p));
  }
  if (parts.size() > max_parts) {
    parts = wrap(join(cleaned, " "));
    parts.resize(std::min(parts.size(), max_parts));
  }
  return join(parts, "|");
}

Result<std::string> to_elixir(const PaymentList& list) {
  OSTOJA_CHECK(validate(list));
  if (!has_transfer(list))
    return Error::validation("Lista wypłat nie zawiera przelewów — plik bankowy byłby pusty.", "lines");
  if (bank_text({list.centre_name}).empty())
    return Error::validation("Nazwa ośrodka nie zawiera znaków, które można zapisać w pliku bankowym.", "centre_name");
  const std::string payer = nrb(list.payer_iban);
  const std::string payer_text = bank_text(name_and_address(list.centre_name, list.centre_address));
  std::string date = list.payment_date.iso();
  date.erase(std::remove(date.begin(), date.end(), '-'), date.end());

  std::string out;
  for (std::size_t i = 0; i < list.lines.size(); ++i) {
    const PaymentLine& l = list.lines[i];
    if (l.method != Method::transfer) continue;
    if (bank_text({l.recipient_name}).empty())
      return Error::validation(
          line_label(i, l) + "nazwa odbiorcy nie zawiera znaków, które można zapisać w pliku bankowym.",
          line_field(i, "recipient_name"));
    const std::string decision = text::trim(l.decision_number);
    const std::string title = bank_text({title_of(l), decision.empty() ? "" : "decyzja " + decision});
    if (title.empty())
      return Error::validation(line_label(i, l) + "tytuł nie zawiera znaków, które można zapisać w pliku bankowym.",
                               line_field(i, "title"));
    const std::string to = nrb(l.iban);
    out += "110," + date + "," + std::to_string(l.amount.grosze) + "," + payer.substr(2, 8) + ",0," + quoted(payer) +
           "," + quoted(to) + "," + quoted(payer_text) + "," +
           quoted(bank_text(name_and_address(l.recipient_name, l.recipient_address))) + ",0," + to.substr(2, 8) + "," +
           quoted(title) + ",\"\",\"\",\"51\"," + quoted(bank_text({"WYPL " + std::to_string(l.payment_id)}, 1)) +
           "\r\n";
  }
  return out;
}

}  // namespace ostoja::payments
