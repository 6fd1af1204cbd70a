#include "modules/decisions/document.h"

#include <hpdf.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <memory>

namespace ostoja::decisions {

namespace {

constexpr std::array<const char*, 12> kMonths{"stycznia", "lutego",    "marca",    "kwietnia", "maja",     "czerwca",
                                              "lipca",    "sierpnia", "września", "października", "listopada", "grudnia"};

// libharu reports errors through a C callback; we record the first one and check after each step.
struct HpdfError {
  HPDF_STATUS code{HPDF_OK};
  HPDF_STATUS detail{0};
};
void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* e = static_cast<HpdfError*>(user);
  if (e->code == HPDF_OK) {
    e->code = code;
    e->detail = detail;
  }
}

constexpr float kPageW = 595.276f, kPageH = 841.89f, kLeft = 62.0f, kRight = 62.0f, kTop = 56.0f, kBottom = 64.0f;

class Writer {
 public:
  Writer(HPDF_Doc pdf, HPDF_Font regular, HPDF_Font bold) : pdf_(pdf), regular_(regular), bold_(bold) { new_page(); }

  void new_page() {
    page_ = HPDF_AddPage(pdf_);
    HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    pages_.push_back(page_);
    y_ = kPageH - kTop;
  }
  void space(float pt) { y_ -= pt; }
  float y() const { return y_; }
  void set_y(float y) { y_ = y; }

  float width(const std::string& text, bool bold, float size) {
    HPDF_Page_SetFontAndSize(page_, bold ? bold_ : regular_, size);
    return HPDF_Page_TextWidth(page_, text.c_str());
  }

  // One line at x (or aligned within [x, x + w]); moves down by the line height.
  enum class Align { left, center, right };
  void line(const std::string& text, float size, bool bold = false, Align align = Align::left, float x = kLeft,
            float w = kPageW - kLeft - kRight) {
    ensure(size * 1.45f);
    float tx = x;
    if (align != Align::left) {
      const float tw = width(text, bold, size);
      tx = align == Align::center ? x + (w - tw) / 2 : x + w - tw;
    }
    draw(text, tx, y_ - size, size, bold);
    y_ -= size * 1.45f;
  }

  // A paragraph wrapped to [x, x + w], the first line starting after `first_indent`.
  void paragraph(const std::string& text, float size, bool bold = false, float x = kLeft,
                 float w = kPageW - kLeft - kRight, float first_indent = 0, const std::string& label = {}) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
      auto sp = text.find(' ', start);
      std::string word = text.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
      if (!word.empty()) words.push_back(std::move(word));
      if (sp == std::string::npos) break;
      start = sp + 1;
    }
    std::string current;
    bool first = true;
    auto flush = [&] {
      ensure(size * 1.45f);
      if (first && !label.empty()) draw(label, x, y_ - size, size, bold);
      draw(current, x + (first ? first_indent : (label.empty() ? 0 : first_indent)), y_ - size, size, bold);
      y_ -= size * 1.45f;
      current.clear();
      first = false;
    };
    for (const auto& word : words) {
      const std::string candidate = current.empty() ? word : current + " " + word;
      const float avail = w - first_indent;
      if (!current.empty() && width(candidate, bold, size) > avail) flush();
      current = current.empty() ? word : current + " " + word;
    }
    if (!current.empty() || first) flush();
  }

  // Footer "Strona i z n" on every page, once all pages exist.
  void footers() {
    const std::string total = std::to_string(pages_.size());
    for (std::size_t i = 0; i < pages_.size(); ++i) {
      page_ = pages_[i];
      const std::string text = "Strona " + std::to_string(i + 1) + " z " + total;
      const float tw = width(text, false, 8);
      draw(text, (kPageW - tw) / 2, kBottom / 2, 8, false);
    }
  }

 private:
  void ensure(float h) {
    if (y_ - h < kBottom) new_page();
  }
  void draw(const std::string& text, float x, float y, float size, bool bold) {
    HPDF_Page_BeginText(page_);
    HPDF_Page_SetFontAndSize(page_, bold ? bold_ : regular_, size);
    HPDF_Page_TextOut(page_, x, y, text.c_str());
    HPDF_Page_EndText(page_);
  }

  HPDF_Doc pdf_;
  HPDF_Font regular_, bold_;
  HPDF_Page page_{nullptr};
  std::vector<HPDF_Page> pages_;
  float y_{0};
};

}  // namespace

std::string polish_long_date(Date d) {
  return std::to_string(d.day()) + " " + kMonths[d.month() - 1] + " " + std::to_string(d.year()) + " r.";
}

Result<std::string> render_decision_pdf(const DecisionDocument& doc, const PdfFonts& fonts) {
  if (doc.centre_name.empty()) return Error::validation("Brak nazwy ośrodka w decyzji.", "centre_name");
  if (doc.number.empty()) return Error::validation("Decyzja bez numeru — najpierw ją podpisz.", "number");
  if (doc.addressee_lines.empty()) return Error::validation("Brak adresata decyzji.", "addressee");
  if (doc.ruling.empty()) return Error::validation("Brak rozstrzygnięcia (sentencji) decyzji.", "ruling");
  for (const auto* path : {&fonts.regular, &fonts.bold})
    if (!std::filesystem::exists(*path))
      return Error{ErrorCode::unavailable, "Brak czcionki " + *path + " (pakiet fonts-dejavu-core).", ""};

  HpdfError err;
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, void (*)(HPDF_Doc)> pdf(HPDF_New(on_error, &err), HPDF_Free);
  if (!pdf) return Error{ErrorCode::unavailable, "Nie można utworzyć dokumentu PDF.", ""};
  HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf.get());
  HPDF_SetCurrentEncoder(pdf.get(), "UTF-8");
  const char* regular_name = HPDF_LoadTTFontFromFile(pdf.get(), fonts.regular.c_str(), HPDF_TRUE);
  const char* bold_name = HPDF_LoadTTFontFromFile(pdf.get(), fonts.bold.c_str(), HPDF_TRUE);
  if (err.code != HPDF_OK || !regular_name || !bold_name)
    return Error{ErrorCode::unavailable, "Nie można wczytać czcionki do PDF (kod " + std::to_string(err.code) + ").", ""};
  HPDF_Font regular = HPDF_GetFont(pdf.get(), regular_name, "UTF-8");
  HPDF_Font bold = HPDF_GetFont(pdf.get(), bold_name, "UTF-8");
  const std::string title = "Decyzja " + doc.number;
  HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_TITLE, title.c_str());
  HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_CREATOR, "Ostoja");
  HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_AUTHOR, doc.centre_name.c_str());

  Writer w(pdf.get(), regular, bold);
  const float content_w = kPageW - kLeft - kRight;
  // Header: the centre (left) and place and date (right), on the same top line.
  const float top = w.y();
  w.paragraph(doc.centre_name, 10, true, kLeft, content_w * 0.55f);
  for (const auto& l : doc.centre_address_lines) w.line(l, 10);
  const float after_header = w.y();
  w.set_y(top);
  w.line(doc.place + ", dnia " + polish_long_date(doc.issue_date), 10, false, Writer::Align::right);
  w.set_y(std::min(after_header, w.y()));
  w.space(8);
  w.line("Znak sprawy: " + doc.number, 10);
  w.space(14);
  for (const auto& l : doc.addressee_lines) w.line(l, 11, l == doc.addressee_lines.front(), Writer::Align::left, kLeft + content_w * 0.55f);
  w.space(22);
  w.line(doc.title, 15, true, Writer::Align::center);
  w.space(10);
  w.paragraph(doc.legal_basis, 10.5f);
  w.space(6);
  w.line("orzekam:", 11, true, Writer::Align::center);
  w.space(4);
  for (std::size_t i = 0; i < doc.ruling.size(); ++i)
    w.paragraph(doc.ruling[i], 10.5f, false, kLeft, content_w, 18, std::to_string(i + 1) + ".");
  if (!doc.reasoning.empty()) {
    w.space(12);
    w.line("UZASADNIENIE", 11, true, Writer::Align::center);
    w.space(4);
    for (const auto& p : doc.reasoning) {
      w.paragraph(p, 10.5f, false, kLeft, content_w, 18);
      w.space(3);
    }
  }
  if (!doc.appeal_instruction.empty()) {
    w.space(10);
    w.line("POUCZENIE", 11, true, Writer::Align::center);
    w.space(4);
    for (const auto& p : doc.appeal_instruction) {
      w.paragraph(p, 9.5f, false, kLeft, content_w, 18);
      w.space(2);
    }
  }
  w.space(26);
  const float sig_x = kLeft + content_w * 0.55f, sig_w = content_w * 0.45f;
  if (!doc.signatory_title.empty()) w.line(doc.signatory_title, 10, false, Writer::Align::center, sig_x, sig_w);
  if (!doc.signatory_name.empty()) w.line(doc.signatory_name, 10, true, Writer::Align::center, sig_x, sig_w);
  w.line("(podpis)", 8, false, Writer::Align::center, sig_x, sig_w);
  if (!doc.distribution.empty()) {
    w.space(18);
    w.line("Otrzymują:", 9, true);
    for (std::size_t i = 0; i < doc.distribution.size(); ++i) w.line(std::to_string(i + 1) + ". " + doc.distribution[i], 9);
  }
  w.footers();
  if (err.code != HPDF_OK)
    return Error{ErrorCode::unavailable, "Błąd tworzenia PDF (kod " + std::to_string(err.code) + ").", ""};
  if (HPDF_SaveToStream(pdf.get()) != HPDF_OK)
    return Error{ErrorCode::unavailable, "Nie można zapisać dokumentu PDF.", ""};
  std::string out(HPDF_GetStreamSize(pdf.get()), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
  HPDF_ReadFromStream(pdf.get(), reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
  out.resize(size);
  return out;
}

Result<std::string> fill_template(std::string_view tpl, const std::map<std::string, std::string, std::less<>>& values) {
  std::string out;
  std::size_t pos = 0;
  while (pos < tpl.size()) {
    auto open = tpl.find("{{", pos);
    if (open == std::string_view::npos) {
      out.append(tpl.substr(pos));
      break;
    }
    out.append(tpl.substr(pos, open - pos));
    auto close = tpl.find("}}", open + 2);
    if (close == std::string_view::npos)
      return Error::validation("Niezamknięte „{{” w szablonie (pozycja " + std::to_string(open + 1) + ").", "template");
    const std::string_view name = tpl.substr(open + 2, close - open - 2);
    auto it = values.find(name);
    if (it == values.end()) return Error::validation("Nieznane pole szablonu: {{" + std::string(name) + "}}.", "template");
    out += it->second;
    pos = close + 2;
  }
  return out;
}

const std::vector<std::string>& template_placeholders() {
  static const std::vector<std::string> names{"osrodek",       "forma",      "kwota",       "okres",
                                              "od",            "do",         "rodzaj",      "numer",
                                              "data_wniosku",  "adresat",    "kwota_slownie_brak"};
  return names;
}

const std::map<std::string, std::string, std::less<>>& default_templates() {
  static const std::map<std::string, std::string, std::less<>> t{
      {"legal_basis_grant",
       "Na podstawie art. 104 ustawy z dnia 14 czerwca 1960 r. — Kodeks postępowania administracyjnego, art. 106 "
       "ust. 1 i art. 110 ust. 1 ustawy z dnia 12 marca 2004 r. o pomocy społecznej oraz przepisu właściwego dla "
       "formy pomocy ({{forma}}), po rozpatrzeniu wniosku z dnia {{data_wniosku}},"},
      {"legal_basis_refuse",
       "Na podstawie art. 104 ustawy z dnia 14 czerwca 1960 r. — Kodeks postępowania administracyjnego oraz art. 106 "
       "ust. 1 ustawy z dnia 12 marca 2004 r. o pomocy społecznej, po rozpatrzeniu wniosku z dnia {{data_wniosku}},"},
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
