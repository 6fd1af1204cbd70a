#include "modules/payments/files.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "rules/identifiers.h"

namespace ostoja::payments {

namespace {

std::string amount_text(Money m) {
  const std::int64_t g = m.grosze < 0 ? -m.grosze : m.grosze;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%lld,%02lld", m.grosze < 0 ? "-" : "", static_cast<long long>(g / 100),
                static_cast<long long>(g % 100));
  return buf;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(";\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string method_name(const std::string& m) { return m == "transfer" ? "przelew" : "kasa"; }

// UTF-8 → windows-1250 with ICU; characters with no mapping in windows-1250 are skipped.
std::string to_cp1250(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open("windows-1250", &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU has no windows-1250 converter");
  ucnv_setFromUCallBack(conv, UCNV_FROM_U_CALLBACK_SKIP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::string out(static_cast<std::size_t>(u.length()) * 2 + 4, '\0');
  int32_t n = u.extract(out.data(), static_cast<int32_t>(out.size()), conv, status);
  ucnv_close(conv);
  if (U_FAILURE(status)) throw std::runtime_error("conversion to windows-1250 failed");
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// The 26 digits of a Polish account (NRB) from an IBAN already validated.
std::string nrb(const std::string& iban) {
  std::string digits;
  for (char c : iban)
    if (c >= '0' && c <= '9') digits += c;
  return digits;
}

}  // namespace

Money FileList::total() const {
  Money t;
  for (const auto& l : lines) t = t + l.amount;
  return t;
}

std::string to_csv(const FileList& list) {
  std::string out = "\xEF\xBB\xBF";
  out += "Lista wypłat " + list.number + ";" + list.payment_date.polish() + ";" + csv_field(list.centre_name) + "\r\n";
  out += "Lp.;Nr wypłaty;Odbiorca;Adres;Sposób;Rachunek;Kwota;Tytuł;Nr decyzji\r\n";
  for (std::size_t i = 0; i < list.lines.size(); ++i) {
    const auto& l = list.lines[i];
    out += std::to_string(i + 1) + ";" + std::to_string(l.payment_id) + ";" + csv_field(l.recipient) + ";" +
           csv_field(l.address) + ";" + method_name(l.method) + ";" + l.iban + ";" + amount_text(l.amount) + ";" +
           csv_field(l.title) + ";" + csv_field(l.decision_number) + "\r\n";
  }
  out += ";;Razem;;;;" + amount_text(list.total()) + ";;\r\n";
  return out;
}

Result<std::string> to_xlsx(const FileList& list) {
  // libxlsxwriter writes to a file: a fresh private temporary one, read back and removed.
  std::string tmpl = (std::filesystem::temp_directory_path() / "ostoja-list-XXXXXX.xlsx").string();
  const int fd = ::mkstemps(tmpl.data(), 5);
  if (fd < 0) return Error{ErrorCode::unavailable, "Nie można utworzyć pliku tymczasowego dla XLSX.", ""};
  ::close(fd);
  const std::filesystem::path path = tmpl;
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Error{ErrorCode::unavailable, "Nie można utworzyć pliku XLSX.", ""};
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Lista wypłat");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "#,##0.00 \"zł\"");
  lxw_format* money_bold = workbook_add_format(wb);
  format_set_num_format(money_bold, "#,##0.00 \"zł\"");
  format_set_bold(money_bold);
  worksheet_write_string(ws, 0, 0, ("Lista wypłat " + list.number).c_str(), bold);
  worksheet_write_string(ws, 1, 0, ("Data wypłaty: " + list.payment_date.polish()).c_str(), nullptr);
  worksheet_write_string(ws, 2, 0, list.centre_name.c_str(), nullptr);
  const char* headers[] = {"Lp.", "Nr wypłaty", "Odbiorca", "Adres", "Sposób", "Rachunek", "Kwota", "Tytuł", "Nr decyzji"};
  const double widths[] = {5, 11, 28, 34, 9, 32, 14, 28, 14};
  for (lxw_col_t c = 0; c < 9; ++c) {
    worksheet_write_string(ws, 4, c, headers[c], bold);
    worksheet_set_column(ws, c, c, widths[c], nullptr);
  }
  worksheet_freeze_panes(ws, 5, 0);
  lxw_row_t row = 5;
  for (std::size_t i = 0; i < list.lines.size(); ++i, ++row) {
    const auto& l = list.lines[i];
    worksheet_write_number(ws, row, 0, static_cast<double>(i + 1), nullptr);
    worksheet_write_number(ws, row, 1, static_cast<double>(l.payment_id), nullptr);
    worksheet_write_string(ws, row, 2, l.recipient.c_str(), nullptr);
    worksheet_write_string(ws, row, 3, l.address.c_str(), nullptr);
    worksheet_write_string(ws, row, 4, method_name(l.method).c_str(), nullptr);
    worksheet_write_string(ws, row, 5, l.iban.c_str(), nullptr);
    worksheet_write_number(ws, row, 6, static_cast<double>(l.amount.grosze) / 100.0, money);
    worksheet_write_string(ws, row, 7, l.title.c_str(), nullptr);
    worksheet_write_string(ws, row, 8, l.decision_number.c_str(), nullptr);
  }
  worksheet_write_string(ws, row, 2, "Razem", bold);
  const std::string formula = "=SUM(G6:G" + std::to_string(row) + ")";
  worksheet_write_formula_num(ws, row, 6, formula.c_str(), money_bold, static_cast<double>(list.total().grosze) / 100.0);
  worksheet_write_string(ws, row + 3, 2, "Sporządził: ....................", nullptr);
  worksheet_write_string(ws, row + 3, 5, "Zatwierdził: ....................", nullptr);
  const lxw_error closed = workbook_close(wb);
  std::string bytes;
  if (closed == LXW_NO_ERROR) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
  }
  std::filesystem::remove(path);
  if (closed != LXW_NO_ERROR) return Error{ErrorCode::unavailable, "Nie można zapisać pliku XLSX.", ""};
  return bytes;
}

std::string elixir_text(const std::string& utf8, std::size_t parts) {
  // Keep what windows-1250 can carry; drop the format's separators.
  std::string clean;
  for (char c : utf8)
    if (c != '"' && c != '|' && c != ',' && c != '\r' && c != '\n') clean += c;
  std::string cp = to_cp1250(clean);
  std::string out;
  std::size_t taken = 0;
  for (std::size_t part = 0; part < parts && taken < cp.size(); ++part) {
    std::size_t len = std::min<std::size_t>(35, cp.size() - taken);
    if (taken + len < cp.size()) {  // cut at a space when one is near the end of the part
      auto sp = cp.rfind(' ', taken + len);
      if (sp != std::string::npos && sp > taken + 20) len = sp - taken;
    }
    if (part) out += '|';
    std::string piece = cp.substr(taken, len);
    while (!piece.empty() && piece.front() == ' ') piece.erase(piece.begin());
    out += piece;
    taken += len;
    while (taken < cp.size() && cp[taken] == ' ') ++taken;
  }
  return out;
}

Result<std::string> to_elixir(const FileList& list) {
  auto payer = rules::check_iban(list.payer_iban);
  if (!payer.valid) return Error::validation("Rachunek ośrodka (płatnika): " + payer.error, "payer_iban");
  const std::string payer_nrb = nrb(payer.normalized);
  std::string out;
  std::size_t transfers = 0;
  char date[16];
  std::snprintf(date, sizeof date, "%04d%02u%02u", list.payment_date.year(), list.payment_date.month(),
                list.payment_date.day());
  for (std::size_t i = 0; i < list.lines.size(); ++i) {
    const auto& l = list.lines[i];
    if (l.method != "transfer") continue;
    auto check = rules::check_iban(l.iban);
    if (!check.valid) return Error::validation("Pozycja " + std::to_string(i + 1) + ": " + check.error, "iban");
    if (l.amount.grosze <= 0)
      return Error::validation("Pozycja " + std::to_string(i + 1) + ": kwota musi być dodatnia.", "amount");
    const std::string to = nrb(check.normalized);
    out += "110," + std::string(date) + "," + std::to_string(l.amount.grosze) + "," + payer_nrb.substr(2, 8) + ",0,\"" +
           payer_nrb + "\",\"" + to + "\",\"" + elixir_text(list.centre_name + " " + list.centre_address) + "\",\"" +
           elixir_text(l.recipient + " " + l.address) + "\",0," + to.substr(2, 8) + ",\"" +
           elixir_text(l.title + " " + l.decision_number) + "\",\"\",\"\",\"51\",\"" +
           elixir_text("WYPL " + std::to_string(l.payment_id), 1) + "\"\r\n";
    ++transfers;
  }
  if (!transfers) return Error::validation("Lista nie zawiera przelewów.", "method");
  return out;
}

}  // namespace ostoja::payments
