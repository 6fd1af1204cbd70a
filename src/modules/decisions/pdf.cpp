#include "modules/decisions/pdf.h"

#include <hpdf.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/text.h"

namespace ostoja::decisions {

namespace {

constexpr std::array<std::string_view, 12> kMonthsGenitive{"stycznia", "lutego",       "marca",     "kwietnia",
                                                           "maja",     "czerwca",      "lipca",     "sierpnia",
                                                           "września", "października", "listopada", "grudnia"};

// ---- Geometry (points, 1/72 inch): A4 with the margins of an office letter: 25 mm left, 20 mm right,
// 22 mm top (room for the case number on the following pages), 25 mm bottom (room for the page number).

constexpr float kPageWidth = 595.276f, kPageHeight = 841.89f;
constexpr float kLeft = 70.87f, kRight = 56.69f, kTop = 62.0f, kBottom = 70.87f;
constexpr float kContentWidth = kPageWidth - kLeft - kRight;
constexpr float kRightColumn = kLeft + kContentWidth * 0.55f;  // addressee and signature
constexpr float kRightColumnWidth = kLeft + kContentWidth - kRightColumn;
constexpr float kLeading = 1.4f;  // line height / font size
constexpr float kAscent = 0.93f;  // DejaVu Sans ascender / em: the baseline below the line top
constexpr float kMaxGap = 6.0f;   // a justified gap wider than this many spaces looks broken: left-align instead

struct Style {
  bool bold{false};
  float size{10.5f};
  float line_height() const { return size * kLeading; }
};
constexpr Style kHeader{false, 10}, kHeaderBold{true, 10}, kAddressee{false, 11}, kAddresseeBold{true, 11};
constexpr Style kTitle{true, 16}, kHeading{true, 11.5f}, kBody{false, 10.5f}, kBodyBold{true, 10.5f};
constexpr Style kAppeal{false, 9.5f}, kSmall{false, 9}, kSmallBold{true, 9}, kMargin{false, 8};

enum class Align { left, centre, right, justify };

// Where the lines of a paragraph start, from the column's left edge.
struct Indent {
  float first{0};  // first line
  float rest{0};   // the following lines ("hanging" when equal to first, as in numbered points)
};

// ---- libharu plumbing

// libharu reports errors through a C callback and then returns the code from the failing call; the
// callback must return normally. We keep the first error and check it after each step.
struct HpdfErrors {
  HPDF_STATUS code{HPDF_OK};
  HPDF_STATUS detail{0};
  bool any() const { return code != HPDF_OK; }
};

void record_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) noexcept {
  auto* errors = static_cast<HpdfErrors*>(user);
  if (!errors->any()) *errors = {code, detail};
}

using PdfHandle = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)>;

std::string hex(HPDF_STATUS code) {
  constexpr std::string_view kDigits = "0123456789ABCDEF";
  std::string out;
  do {
    out.insert(out.begin(), kDigits[code % 16]);
    code /= 16;
  } while (code != 0);
  return "0x" + out;
}

Error pdf_failure(const std::string& what, const HpdfErrors& errors, std::string field = {}) {
  return Error{ErrorCode::unavailable,
               what + " (błąd libharu " + hex(errors.code) + ", szczegół " + std::to_string(errors.detail) + ").",
               std::move(field)};
}

// ---- Text

// Words of one printed line; the last line of a paragraph (or before a line break) is not justified.
struct Line {
  std::vector<std::string> words;
  bool last{false};
};

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0U) return 4;
  if (lead >= 0xE0U) return 3;
  if (lead >= 0xC0U) return 2;
  return 1;
}

// Words separated by spaces or tabs; a carriage return counts as a space.
std::vector<std::string> words_of(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  for (const char ch : line) {
    if (ch == ' ' || ch == '\t' || ch == '\r') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += ch;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool is_digit(char ch) {
  return ch >= '0' && ch <= '9';
}

// Polish typesetting keeps together what must not be split by a line break: a one-letter word with the
// next one ("w Lublinie", "z up."), an abbreviation with its number ("art. 38", "§ 1", "ul. Łęczyńska"),
// a number with "zł" or "r.", and the thousands groups of an amount ("1 229,00 zł").
bool binds_to_next(std::string_view w) {
  constexpr std::array<std::string_view, 10> kAbbreviations{"§",    "art.", "ust.", "pkt", "lit.",
                                                            "poz.", "nr",   "Nr",   "ul.", "m."};
  if (w.starts_with("(")) w.remove_prefix(1);  // "(art. 98 ustawy)"
  if (std::find(kAbbreviations.begin(), kAbbreviations.end(), w) != kAbbreviations.end()) return true;
  return w.size() == 1 && std::string_view("aiouwzAIOUWZ").find(w.front()) != std::string_view::npos;
}
bool binds_to_previous(std::string_view w, std::string_view previous) {
  if (previous.empty() || !is_digit(previous.back())) return false;
  if (w.starts_with("zł") || w.starts_with("r.") || w.starts_with("gr")) return true;
  const bool group = previous.size() <= 3 && std::all_of(previous.begin(), previous.end(), is_digit);
  return group && w.size() >= 3 && std::all_of(w.begin(), w.begin() + 3, is_digit) &&
         (w.size() == 3 || !is_digit(w[3]));
}

// The units a line may be broken between: words, or words that stay together (joined by a space).
std::vector<std::string> units_of(std::string_view line) {
  std::vector<std::string> units;
  std::string previous_word;
  bool glue = false;
  for (auto& word : words_of(line)) {
    if (!units.empty() && (glue || binds_to_previous(word, previous_word)))
      units.back() += " " + word;
    else
      units.push_back(word);
    glue = binds_to_next(word);
    previous_word = std::move(word);
  }
  return units;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (auto nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', start)) {
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  lines.push_back(text.substr(start));
  return lines;
}

// "Na podstawie … orzekam:" already says it; otherwise the renderer adds the line.
bool ends_with_orzekam(std::string_view basis) {
  constexpr std::string_view kWord = "orzekam:";
  const std::string trimmed = text::trim(basis);
  if (trimmed.size() < kWord.size()) return false;
  return std::equal(kWord.begin(), kWord.end(), trimmed.end() - static_cast<std::ptrdiff_t>(kWord.size()),
                    [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b); });
}

// ---- Page composition

// Writes lines top-down, wrapping paragraphs to their column and opening a new page whenever the
// next line would cross the bottom margin.
class Composer {
 public:
  Composer(HPDF_Doc pdf, HPDF_Font regular, HPDF_Font bold) : pdf_(pdf), regular_(regular), bold_(bold) { new_page(); }

  float width(std::string_view text, Style style) const {
    const HPDF_TextWidth measured = HPDF_Font_TextWidth(font(style), reinterpret_cast<const HPDF_BYTE*>(text.data()),
                                                        static_cast<HPDF_UINT>(text.size()));
    return static_cast<float>(measured.width) * style.size / 1000.0f;
  }

  float y() const { return y_; }
  void set_y(float y) { y_ = y; }
  void skip(float points) { y_ -= points; }

  // A new page unless `height` points still fit: keeps a heading with its first lines, or a block together.
  void keep(float height) {
    if (y_ - height < kBottom) new_page();
  }

  // `text` wrapped to the column [x, x + column]; `label` ("1.") printed at x on the first line.
  void paragraph(std::string_view text, Style style, Align align, float x = kLeft, float column = kContentWidth,
                 Indent indent = {}, std::string_view label = {}) {
    bool first = true;
    for (const auto& line : wrap(text, style, column - indent.first, column - indent.rest)) {
      keep(style.line_height());
      const float baseline = y_ - style.size * kAscent;
      if (first && !label.empty()) draw(label, style, x, baseline);
      const float offset = first ? indent.first : indent.rest;
      draw_line(line, style, align, x + offset, column - offset, baseline);
      y_ -= style.line_height();
      first = false;
    }
  }

  // "Strona i z n" at the foot of every page and the case number at the top of the following ones.
  void finish(const std::string& running_head) {
    const std::string total = std::to_string(pages_.size());
    for (std::size_t i = 0; i < pages_.size(); ++i) {
      page_ = pages_[i];
      const std::string foot = "Strona " + std::to_string(i + 1) + " z " + total;
      draw(foot, kMargin, (kPageWidth - width(foot, kMargin)) / 2, kBottom / 2);
      if (i > 0) draw(running_head, kMargin, kLeft + kContentWidth - width(running_head, kMargin), kPageHeight - 34);
    }
  }

 private:
  HPDF_Font font(Style style) const { return style.bold ? bold_ : regular_; }

  // Greedy line filling; explicit "\n" breaks a line; a word longer than the line is cut between letters.
  std::vector<Line> wrap(std::string_view text, Style style, float first_width, float rest_width) const {
    std::vector<Line> lines;
    for (const auto hard_line : split_lines(text)) {
      Line current;
      std::string joined;
      for (auto& word : units_of(hard_line)) {
        for (auto& piece : fit_word(std::move(word), style, std::min(first_width, rest_width))) {
          const float available = lines.empty() ? first_width : rest_width;
          std::string candidate = joined.empty() ? piece : joined + " " + piece;
          if (!joined.empty() && width(candidate, style) > available) {
            lines.push_back(std::exchange(current, {}));
            candidate = piece;
          }
          joined = std::move(candidate);
          current.words.push_back(std::move(piece));
        }
      }
      current.last = true;
      lines.push_back(std::move(current));
    }
    return lines;
  }

  // The word itself, or pieces of it no wider than `limit` (a URL or an account number in the text).
  std::vector<std::string> fit_word(std::string word, Style style, float limit) const {
    if (width(word, style) <= limit) return {std::move(word)};
    std::vector<std::string> pieces;
    std::string piece;
    for (std::size_t i = 0; i < word.size();) {
      const std::size_t n = std::min(utf8_length(static_cast<unsigned char>(word[i])), word.size() - i);
      const std::string letter = word.substr(i, n);
      if (!piece.empty() && width(piece + letter, style) > limit) pieces.push_back(std::exchange(piece, {}));
      piece += letter;
      i += n;
    }
    if (!piece.empty()) pieces.push_back(std::move(piece));
    return pieces;
  }

  void draw_line(const Line& line, Style style, Align align, float x, float width_available, float baseline) {
    if (line.words.empty()) return;
    if (align == Align::justify && !line.last && line.words.size() > 1 &&
        justify(line, style, x, width_available, baseline))
      return;
    std::string text = line.words.front();
    for (std::size_t i = 1; i < line.words.size(); ++i) text += " " + line.words[i];
    const float free = width_available - width(text, style);
    const float shift = align == Align::centre ? free / 2 : align == Align::right ? free : 0;
    draw(text, style, x + shift, baseline);
  }

  // Words spread to both margins; false (nothing drawn) when the gaps would be too wide.
  bool justify(const Line& line, Style style, float x, float width_available, float baseline) {
    float words_width = 0;
    for (const auto& word : line.words) words_width += width(word, style);
    const float gap = (width_available - words_width) / static_cast<float>(line.words.size() - 1);
    if (gap > kMaxGap * width(" ", style)) return false;
    HPDF_Page_BeginText(page_);
    HPDF_Page_SetFontAndSize(page_, font(style), style.size);
    for (const auto& word : line.words) {
      HPDF_Page_TextOut(page_, x, baseline, word.c_str());
      x += width(word, style) + gap;
    }
    HPDF_Page_EndText(page_);
    return true;
  }

  void draw(std::string_view text, Style style, float x, float baseline) {
    const std::string zero_terminated(text);
    HPDF_Page_BeginText(page_);
    HPDF_Page_SetFontAndSize(page_, font(style), style.size);
    HPDF_Page_TextOut(page_, x, baseline, zero_terminated.c_str());
    HPDF_Page_EndText(page_);
  }

  void new_page() {
    page_ = HPDF_AddPage(pdf_);
    HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    pages_.push_back(page_);
    y_ = kPageHeight - kTop;
  }

  HPDF_Doc pdf_;
  HPDF_Font regular_, bold_;
  HPDF_Page page_{nullptr};
  std::vector<HPDF_Page> pages_;
  float y_{0};
};

// ---- Parts of the decision

void header(Composer& c, const DecisionDocument& doc) {
  // The centre's name takes what the date leaves free on the top line, and wraps only beyond that.
  const std::string place_and_date =
      (doc.place.empty() ? "" : doc.place + ", ") + "dnia " + polish_long_date(doc.issue_date);
  const float date_width = std::min(c.width(place_and_date, kHeader), kContentWidth * 0.45f);
  const float centre_width = kContentWidth - date_width - 18;
  const float top = c.y();
  c.paragraph(doc.centre_name, kHeaderBold, Align::left, kLeft, centre_width);
  for (const auto& line : doc.centre_address_lines) c.paragraph(line, kHeader, Align::left, kLeft, centre_width);
  const float below_centre = c.y();
  c.set_y(top);
  c.paragraph(place_and_date, kHeader, Align::right, kLeft + kContentWidth - date_width, date_width);
  c.set_y(std::min(below_centre, c.y()));
  c.skip(14);
  c.paragraph("Znak sprawy: " + doc.number, kHeader, Align::left);
  c.skip(22);
  for (std::size_t i = 0; i < doc.addressee_lines.size(); ++i)
    c.paragraph(doc.addressee_lines[i], i == 0 ? kAddresseeBold : kAddressee, Align::left, kRightColumn,
                kRightColumnWidth);
  c.skip(30);
}

void sentence(Composer& c, const DecisionDocument& doc) {
  c.keep(kTitle.line_height() + 4 * kBody.line_height());
  c.paragraph(doc.title, kTitle, Align::centre);
  c.skip(12);
  if (!doc.legal_basis.empty()) c.paragraph(doc.legal_basis, kBody, Align::justify);
  if (!ends_with_orzekam(doc.legal_basis)) {
    c.skip(6);
    c.keep(kBodyBold.line_height() + 2 * kBody.line_height());
    c.paragraph("orzekam:", kBodyBold, Align::centre);
  }
  c.skip(6);
  for (std::size_t i = 0; i < doc.ruling.size(); ++i) {
    c.paragraph(doc.ruling[i], kBody, Align::justify, kLeft, kContentWidth, {18, 18}, std::to_string(i + 1) + ".");
    c.skip(3);
  }
}

// "UZASADNIENIE" or "POUCZENIE" with its paragraphs; the heading never stays alone at the foot of a page.
void section(Composer& c, const std::string& heading, const std::vector<std::string>& paragraphs, Style style) {
  if (paragraphs.empty()) return;
  c.skip(14);
  c.keep(kHeading.line_height() + 6 + 3 * style.line_height());
  c.paragraph(heading, kHeading, Align::centre);
  c.skip(6);
  for (const auto& p : paragraphs) {
    c.paragraph(p, style, Align::justify, kLeft, kContentWidth, {22, 0});
    c.skip(style.size * 0.4f);
  }
}

void signature(Composer& c, const DecisionDocument& doc) {
  const auto title_lines = split_lines(doc.signatory_title);
  const float space_for_hand = 26;
  c.skip(28);
  c.keep(static_cast<float>(title_lines.size()) * kHeader.line_height() + space_for_hand + kHeaderBold.line_height());
  if (!doc.signatory_title.empty())
    for (const auto line : title_lines) c.paragraph(line, kHeader, Align::centre, kRightColumn, kRightColumnWidth);
  c.skip(space_for_hand);
  if (!doc.signatory_name.empty())
    c.paragraph(doc.signatory_name, kHeaderBold, Align::centre, kRightColumn, kRightColumnWidth);
}

void distribution(Composer& c, const DecisionDocument& doc) {
  if (doc.distribution.empty()) return;
  c.skip(24);
  const auto shown = std::min<std::size_t>(doc.distribution.size(), 4);
  c.keep(static_cast<float>(shown + 1) * kSmall.line_height());
  c.paragraph("Otrzymują:", kSmallBold, Align::left);
  for (std::size_t i = 0; i < doc.distribution.size(); ++i)
    c.paragraph(doc.distribution[i], kSmall, Align::left, kLeft, kContentWidth * 0.6f, {14, 14},
                std::to_string(i + 1) + ".");
}

// ---- Checks before rendering

Status require(bool present, const char* message, const char* field) {
  if (!present) return Error::validation(message, field);
  return ok();
}

bool blank(std::string_view s) {
  return text::trim(s).empty();
}
bool all_blank(const std::vector<std::string>& lines) {
  return std::all_of(lines.begin(), lines.end(), blank);
}

Status check_utf8(const std::string& value, const char* field) {
  if (text::valid_utf8(value)) return ok();
  return Error::validation("Pole decyzji zawiera znaki, które nie są poprawnym tekstem UTF-8.", field);
}
Status check_utf8(const std::vector<std::string>& values, const char* field) {
  for (const auto& v : values) OSTOJA_CHECK(check_utf8(v, field));
  return ok();
}

Status validate(const DecisionDocument& d) {
  OSTOJA_CHECK(require(!blank(d.centre_name), "Brak nazwy ośrodka w decyzji.", "centre_name"));
  OSTOJA_CHECK(require(!blank(d.number), "Brak numeru (znaku sprawy) decyzji.", "number"));
  OSTOJA_CHECK(require(!all_blank(d.addressee_lines), "Brak adresata decyzji.", "addressee_lines"));
  OSTOJA_CHECK(require(!d.ruling.empty(), "Brak rozstrzygnięcia (sentencji) decyzji.", "ruling"));
  OSTOJA_CHECK(
      require(std::none_of(d.ruling.begin(), d.ruling.end(), blank), "Pusty punkt rozstrzygnięcia decyzji.", "ruling"));
  OSTOJA_CHECK(require(d.issue_date.valid(), "Nieprawidłowa data wydania decyzji.", "issue_date"));
  using Text = std::pair<const std::string*, const char*>;
  for (const auto& [value, field] : std::initializer_list<Text>{{&d.centre_name, "centre_name"},
                                                                {&d.place, "place"},
                                                                {&d.number, "number"},
                                                                {&d.title, "title"},
                                                                {&d.legal_basis, "legal_basis"},
                                                                {&d.signatory_name, "signatory_name"},
                                                                {&d.signatory_title, "signatory_title"}})
    OSTOJA_CHECK(check_utf8(*value, field));
  using Lines = std::pair<const std::vector<std::string>*, const char*>;
  for (const auto& [values, field] : std::initializer_list<Lines>{{&d.centre_address_lines, "centre_address_lines"},
                                                                  {&d.addressee_lines, "addressee_lines"},
                                                                  {&d.ruling, "ruling"},
                                                                  {&d.reasoning, "reasoning"},
                                                                  {&d.appeal_instruction, "appeal_instruction"},
                                                                  {&d.distribution, "distribution"}})
    OSTOJA_CHECK(check_utf8(*values, field));
  return ok();
}

// Checked before libharu sees the path: its own message would only say "file not found".
Status check_readable(const std::string& path) {
  if (std::ifstream(path, std::ios::binary).is_open()) return ok();
  return Error{ErrorCode::unavailable, "Nie można odczytać czcionki „" + path + "” (pakiet fonts-dejavu-core).",
               "fonts"};
}

Result<HPDF_Font> load_font(HPDF_Doc pdf, const std::string& path, const HpdfErrors& errors) {
  OSTOJA_CHECK(check_readable(path));
  const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);  // HPDF_TRUE: embed
  if (errors.any() || name == nullptr)
    return pdf_failure("Plik „" + path + "” nie jest czcionką TrueType, której można użyć w PDF", errors, "fonts");
  HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
  if (errors.any() || font == nullptr)
    return pdf_failure("Czcionka „" + path + "” nie obsługuje kodowania UTF-8", errors, "fonts");
  return font;
}

Result<std::string> pdf_bytes(HPDF_Doc pdf, const HpdfErrors& errors) {
  if (HPDF_SaveToStream(pdf) != HPDF_OK || errors.any()) return pdf_failure("Nie można zapisać dokumentu PDF", errors);
  std::string bytes(HPDF_GetStreamSize(pdf), '\0');
  HPDF_ResetStream(pdf);
  auto size = static_cast<HPDF_UINT32>(bytes.size());
  const HPDF_STATUS read = HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  // Reading up to the end of the memory stream reports HPDF_STREAM_EOF, which is success here.
  if ((read != HPDF_OK && read != HPDF_STREAM_EOF) || size != bytes.size())
    return Error{ErrorCode::unavailable, "Nie można odczytać utworzonego dokumentu PDF.", ""};
  return bytes;
}

}  // namespace

std::string polish_long_date(Date d) {
  return std::to_string(d.day()) + " " + std::string(kMonthsGenitive.at(d.month() - 1)) + " " +
         std::to_string(d.year()) + " r.";
}

Result<std::string> render_decision_pdf(const DecisionDocument& doc, const PdfFonts& fonts) {
  OSTOJA_CHECK(validate(doc));
  HpdfErrors errors;
  PdfHandle pdf(HPDF_New(record_error, &errors), HPDF_Free);
  if (!pdf) return Error{ErrorCode::unavailable, "Nie można utworzyć dokumentu PDF (brak pamięci).", ""};
  HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf.get());
  HPDF_SetCurrentEncoder(pdf.get(), "UTF-8");
  if (errors.any()) return pdf_failure("Biblioteka PDF nie obsługuje kodowania UTF-8", errors);
  OSTOJA_TRY(regular, load_font(pdf.get(), fonts.regular, errors));
  OSTOJA_TRY(bold, load_font(pdf.get(), fonts.bold, errors));

  const std::string title = "Decyzja " + doc.number;
  HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_TITLE, title.c_str());
  HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_AUTHOR, doc.centre_name.c_str());
  HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_CREATOR, "Ostoja");

  Composer c(pdf.get(), regular, bold);
  header(c, doc);
  sentence(c, doc);
  section(c, "UZASADNIENIE", doc.reasoning, kBody);
  section(c, "POUCZENIE", doc.appeal_instruction, kAppeal);
  signature(c, doc);
  distribution(c, doc);
  c.finish("Znak sprawy: " + doc.number);
  if (errors.any()) return pdf_failure("Błąd tworzenia dokumentu PDF", errors);
  return pdf_bytes(pdf.get(), errors);
}

}  // namespace ostoja::decisions
