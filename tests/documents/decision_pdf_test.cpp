// The decision PDF read back with poppler-utils (pdftotext, pdfinfo, pdffonts): every Polish letter
// extracts as written, the font is embedded, pages are numbered, text stays inside the margins; and
// the {{placeholder}} template filler, table-driven.
//
// OSTOJA_KEEP_PDF=/tmp/decision-sample.pdf keeps the sample decision for looking at it, e.g.
// pdftoppm -png -r 60 -f 1 -l 1 /tmp/decision-sample.pdf /tmp/decision-sample
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>

#include "core/text.h"
#include "modules/decisions/pdf.h"
#include "modules/decisions/template.h"

namespace ostoja::decisions {
namespace {

// ---- Template filler

using Values = std::map<std::string, std::string, std::less<>>;

const Values& values() {
  static const Values v{{"osrodek", "Miejskiego Ośrodka Pomocy Rodzinie w Lublinie"},
                        {"kwota", "734,50 zł"},
                        {"od", "1 grudnia 2026 r."},
                        {"puste", ""},
                        {"klamry", "{{kwota}}"}};
  return v;
}

struct FillCase {
  const char* name;
  std::string_view tpl;
  std::optional<std::string> filled;  // nullopt: a validation error whose message contains `error`
  std::string error{};
};

TEST(DecisionTemplateFill, SubstitutesKnownPlaceholdersAndRefusesTheRest) {
  const FillCase cases[] = {
      {"substitution", "Kwota: {{kwota}}.", "Kwota: 734,50 zł."},
      {"repeated placeholder", "{{kwota}}, słownie {{kwota}}", "734,50 zł, słownie 734,50 zł"},
      {"adjacent placeholders", "{{od}}{{kwota}}", "1 grudnia 2026 r.734,50 zł"},
      {"spaces inside the braces", "{{ kwota }}", "734,50 zł"},
      {"UTF-8 text around", "Zażółć {{kwota}} gęślą jaźń — ŁÓDŹ", "Zażółć 734,50 zł gęślą jaźń — ŁÓDŹ"},
      {"empty template", "", ""},
      {"no placeholders, stray braces", "bez pól: { } }} {x}", "bez pól: { } }} {x}"},
      {"empty value", "[{{puste}}]", "[]"},
      {"value inserted verbatim, not filled again", "{{klamry}}", "{{kwota}}"},
      {"several lines", "Za pośrednictwem\n{{osrodek}}\nod {{od}}",
       "Za pośrednictwem\nMiejskiego Ośrodka Pomocy Rodzinie w Lublinie\nod 1 grudnia 2026 r."},
      {"unknown placeholder", "Odwołanie: {{pesel}}", std::nullopt, "Nieznane pole „{{pesel}}” w wierszu 1 szablonu."},
      {"unknown placeholder on line 3", "a\nb\nc {{nr_konta}} d", std::nullopt, "„{{nr_konta}}” w wierszu 3"},
      {"case matters", "{{Kwota}}", std::nullopt, "„{{Kwota}}”"},
      {"unclosed at the end", "tekst {{kwota", std::nullopt, "Niezamknięte „{{” w wierszu 1 szablonu: „{{kwota”."},
      {"unclosed before another placeholder", "{{kwota {{od}}", std::nullopt, "Niezamknięte „{{” w wierszu 1"},
      {"only an opening", "{{", std::nullopt, "Niezamknięte"},
      {"empty name", "x {{ }} y", std::nullopt, "Puste pole „{{}}” w wierszu 1 szablonu."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto result = fill_template(c.tpl, values());
    if (c.filled) {
      ASSERT_TRUE(result.ok()) << result.error().message;
      EXPECT_EQ(*result, *c.filled);
    } else {
      ASSERT_FALSE(result.ok()) << *result;
      EXPECT_EQ(result.error().code, ErrorCode::validation);
      EXPECT_EQ(result.error().field, "template");
      EXPECT_NE(result.error().message.find(c.error), std::string::npos) << result.error().message;
    }
  }
}

TEST(DecisionTemplateFill, ErrorExcerptIsCutBetweenUtf8Letters) {
  // 24 bytes from "{{" fall in the middle of the 11th "ź" (2 bytes each after "{{a").
  const auto result = fill_template("{{aźźźźźźźźźźźźźźźźźźźź", values());
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(text::valid_utf8(result.error().message));
  EXPECT_NE(result.error().message.find("„{{aźźźźźźźźźź…”"), std::string::npos) << result.error().message;
}

struct PlaceholdersCase {
  const char* name;
  std::string_view tpl;
  std::optional<std::vector<std::string>> names;  // nullopt: validation error
};

TEST(DecisionTemplatePlaceholders, ListsEachNameOnceInOrderOfFirstUse) {
  using Names = std::vector<std::string>;
  const PlaceholdersCase cases[] = {
      {"empty template", "", Names{}},
      {"no placeholders", "Pouczenie bez pól.", Names{}},
      {"order of first use, each once", "{{od}} {{kwota}} {{od}} {{osrodek}} {{kwota}}",
       Names{"od", "kwota", "osrodek"}},
      {"unknown names are listed too", "Zażółć {{pesel}} gęślą", Names{"pesel"}},
      {"spaces inside the braces", "{{ kwota }}", Names{"kwota"}},
      {"unclosed", "{{kwota}} {{od", std::nullopt},
      {"empty name", "{{}}", std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto result = template_placeholders(c.tpl);
    if (c.names) {
      ASSERT_TRUE(result.ok()) << result.error().message;
      EXPECT_EQ(*result, *c.names);
    } else {
      ASSERT_FALSE(result.ok());
      EXPECT_EQ(result.error().field, "template");
    }
  }
}

// ---- Long date

TEST(DecisionPdfDate, MonthNamesInTheGenitive) {
  const std::pair<const char*, const char*> cases[] = {
      {"2026-01-01", "1 stycznia 2026 r."},   {"2026-02-28", "28 lutego 2026 r."},
      {"2026-03-15", "15 marca 2026 r."},     {"2026-04-30", "30 kwietnia 2026 r."},
      {"2026-05-03", "3 maja 2026 r."},       {"2026-06-10", "10 czerwca 2026 r."},
      {"2026-07-22", "22 lipca 2026 r."},     {"2026-08-31", "31 sierpnia 2026 r."},
      {"2026-09-01", "1 września 2026 r."},   {"2026-10-12", "12 października 2026 r."},
      {"2026-11-24", "24 listopada 2026 r."}, {"2026-12-31", "31 grudnia 2026 r."},
  };
  for (const auto& [iso, polish] : cases) EXPECT_EQ(polish_long_date(*Date::parse(iso)), polish) << iso;
}

// ---- The PDF

// A realistic decision granting zasiłek okresowy; the reasoning is long enough for a second page.
DecisionDocument sample() {
  DecisionDocument d;
  d.centre_name = "Miejski Ośrodek Pomocy Rodzinie w Lublinie";
  d.centre_address_lines = {"ul. Diamentowa 2", "20-447 Lublin"};
  d.place = "Lublin";
  d.issue_date = *Date::parse("2026-11-24");
  d.number = "MOPR-ZS.4011.123.2026";
  d.addressee_lines = {"Pani Anna Kowalska", "ul. Łęczyńska 5 m. 3", "20-400 Lublin"};
  d.legal_basis =
      "Na podstawie art. 104 ustawy z dnia 14 czerwca 1960 r. — Kodeks postępowania administracyjnego, art. 8 "
      "ust. 1 pkt 2, art. 38 ust. 1 i 2, art. 106 ust. 1 oraz art. 110 ust. 1 ustawy z dnia 12 marca 2004 r. o "
      "pomocy społecznej, po rozpatrzeniu wniosku Pani Anny Kowalskiej z dnia 3 listopada 2026 r. w sprawie "
      "przyznania zasiłku okresowego,";
  d.ruling = {
      "Przyznać Pani Annie Kowalskiej zasiłek okresowy w kwocie 734,50 zł (słownie: siedemset trzydzieści cztery "
      "złote 50/100) miesięcznie na okres od 1 grudnia 2026 r. do 31 maja 2027 r. z powodu bezrobocia.",
      "Zasiłek będzie wypłacany przelewem na rachunek bankowy wskazany we wniosku do dziesiątego dnia każdego "
      "miesiąca."};
  d.reasoning = {
      "W dniu 3 listopada 2026 r. Pani Anna Kowalska złożyła wniosek o przyznanie zasiłku okresowego. W toku "
      "postępowania pracownik socjalny przeprowadził w dniu 10 listopada 2026 r. rodzinny wywiad środowiskowy, "
      "z którego wynika, że wnioskodawczyni prowadzi wspólne gospodarstwo domowe z dwojgiem małoletnich dzieci.",
      "Wnioskodawczyni jest zarejestrowana w Powiatowym Urzędzie Pracy w Lublinie jako osoba bezrobotna bez prawa "
      "do zasiłku dla bezrobotnych. Aktywnie poszukuje zatrudnienia, uczestniczy w szkoleniach i współpracuje z "
      "pracownikiem socjalnym w rozwiązywaniu trudnej sytuacji życiowej rodziny.",
      "Dochód rodziny z miesiąca poprzedzającego złożenie wniosku wyniósł 1 000,00 zł i składał się ze świadczenia "
      "wychowawczego oraz alimentów. Kryterium dochodowe rodziny trzyosobowej wynosi 2 469,00 zł (3 × 823,00 zł), "
      "a różnica między kryterium a dochodem rodziny wynosi 1 469,00 zł. Zgodnie z art. 38 ust. 2 pkt 2 ustawy "
      "kwota zasiłku okresowego nie może być niższa niż 50% tej różnicy, to jest 734,50 zł miesięcznie.",
      "Zgodnie z art. 38 ust. 1 ustawy o pomocy społecznej zasiłek okresowy przysługuje w szczególności ze względu "
      "na długotrwałą chorobę, niepełnosprawność, bezrobocie lub możliwość utrzymania lub nabycia uprawnień do "
      "świadczeń z innych systemów zabezpieczenia społecznego osobie samotnie gospodarującej lub rodzinie, których "
      "dochód jest niższy od kryterium dochodowego.",
      "Okres, na jaki zasiłek okresowy jest przyznawany, ustala ośrodek pomocy społecznej na podstawie "
      "okoliczności sprawy (art. 38 ust. 4 ustawy). Mając na uwadze sytuację rodziny oraz plan pracy z rodziną "
      "ustalony w kontrakcie socjalnym, zasiłek przyznano na okres sześciu miesięcy.",
      "Pracownik socjalny ustalił, że rodzina nie posiada zasobów pieniężnych ani majątku, który mógłby zostać "
      "wykorzystany na zaspokojenie niezbędnych potrzeb życiowych, a trudna sytuacja rodziny nie wynika z "
      "marnotrawienia posiadanych zasobów.",
      "Znaki kontrolne wydruku: zażółć gęślą jaźń; ZAŻÓŁĆ GĘŚLĄ JAŹŃ.",
      "Biorąc pod uwagę powyższe ustalenia oraz fakt, że rodzina spełnia ustawowe przesłanki do przyznania "
      "zasiłku okresowego, a ośrodek dysponuje środkami na jego wypłatę, orzeczono jak w sentencji decyzji. "
      "Decyzja uwzględnia w całości żądanie strony, zatem odstąpiono od uzasadnienia w zakresie wykraczającym "
      "poza przedstawione okoliczności faktyczne i prawne.",
  };
  d.appeal_instruction = {
      "Od niniejszej decyzji przysługuje odwołanie do Samorządowego Kolegium Odwoławczego w Lublinie za "
      "pośrednictwem Miejskiego Ośrodka Pomocy Rodzinie w Lublinie w terminie 14 dni od dnia jej doręczenia "
      "(art. 127 § 1 i 2 oraz art. 129 § 1 i 2 Kodeksu postępowania administracyjnego).",
      "W trakcie biegu terminu do wniesienia odwołania strona może zrzec się prawa do wniesienia odwołania. Z "
      "dniem doręczenia organowi oświadczenia o zrzeczeniu się prawa do wniesienia odwołania decyzja staje się "
      "ostateczna i prawomocna (art. 127a KPA).",
      "Osoby korzystające ze świadczeń pomocy społecznej są obowiązane niezwłocznie poinformować ośrodek o każdej "
      "zmianie w ich sytuacji osobistej, dochodowej i majątkowej (art. 109 ustawy o pomocy społecznej). "
      "Świadczenia nienależnie pobrane podlegają zwrotowi (art. 98 ustawy)."};
  d.signatory_title = "z up. Dyrektora\nKierownik Sekcji Świadczeń";
  d.signatory_name = "Małgorzata Wiśniewska";
  d.distribution = {"Adresat", "a/a"};
  return d;
}

// A file under /tmp named after this process, removed at the end of the scope.
class TempFile {
 public:
  explicit TempFile(const std::string& bytes)
      : path_(std::filesystem::temp_directory_path() /
              ("ostoja-decision-pdf-" + std::to_string(::getpid()) + "-" + std::to_string(++counter_) + ".pdf")) {
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  std::string path() const { return path_.string(); }

 private:
  static inline std::atomic<int> counter_{0};
  std::filesystem::path path_;
};

// Standard output of `tool <args> <pdf> <trailing>` (a poppler-utils command).
std::string run(const std::string& tool, const std::string& pdf, const std::string& args = {},
                const std::string& trailing = {}) {
  const TempFile file(pdf);
  const std::string command = tool + " " + args + " " + file.path() + " " + trailing + " 2>/dev/null";
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  EXPECT_EQ(::pclose(pipe), 0) << command;
  return out;
}

std::string pdftotext(const std::string& pdf) {
  return run("pdftotext", pdf, "-layout", "-");
}

// Line breaks, justification gaps and page breaks all become one space.
std::string one_line(const std::string& text) {
  std::string out;
  for (const char ch : text) {
    const bool space = ch == ' ' || ch == '\n' || ch == '\f' || ch == '\t';
    if (!space)
      out += ch;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  return out;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

const Result<std::string>& sample_pdf() {
  static const Result<std::string> pdf = render_decision_pdf(sample());
  return pdf;
}

TEST(DecisionPdfRender, PolishDecisionReadsBackWithEveryLetter) {
  const auto& pdf = sample_pdf();
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  ASSERT_TRUE(pdf->starts_with("%PDF-"));
  if (const char* keep = std::getenv("OSTOJA_KEEP_PDF")) std::ofstream(keep, std::ios::binary) << *pdf;
  const std::string raw = pdftotext(*pdf);
  const std::string text = one_line(raw);
  for (const char* expected : {"Miejski Ośrodek Pomocy Rodzinie w Lublinie",
                               "ul. Diamentowa 2",
                               "Lublin, dnia 24 listopada 2026 r.",
                               "Znak sprawy: MOPR-ZS.4011.123.2026",
                               "Pani Anna Kowalska",
                               "ul. Łęczyńska 5 m. 3",
                               "20-400 Lublin",
                               "DECYZJA",
                               "orzekam:",
                               "1. Przyznać Pani Annie Kowalskiej zasiłek okresowy w kwocie 734,50 zł",
                               "2. Zasiłek będzie",
                               "UZASADNIENIE",
                               "2 469,00 zł (3 × 823,00 zł)",
                               "zażółć gęślą jaźń",
                               "ZAŻÓŁĆ GĘŚLĄ JAŹŃ",
                               "POUCZENIE",
                               "art. 127 § 1 i 2",
                               "z up. Dyrektora",
                               "Kierownik Sekcji Świadczeń",
                               "Małgorzata Wiśniewska",
                               "Otrzymują:",
                               "1. Adresat",
                               "2. a/a",
                               "Strona 1 z 2",
                               "Strona 2 z 2"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << raw;
  EXPECT_EQ(count(raw, "\f"), 2u) << "two pages";
  // The date stands on the first line, right of the centre's name.
  const std::string first_line = raw.substr(0, raw.find('\n'));
  EXPECT_LT(first_line.find("Miejski"), first_line.find("Lublin, dnia")) << first_line;
}

TEST(DecisionPdfRender, PartsComeInTheOrderOfADecision) {
  const auto& pdf = sample_pdf();
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  const std::string text = one_line(pdftotext(*pdf));
  std::size_t previous = 0;
  for (const char* part : {"Znak sprawy", "Pani Anna Kowalska", "DECYZJA", "Na podstawie art. 104", "orzekam:",
                           "1. Przyznać", "UZASADNIENIE", "POUCZENIE", "Małgorzata Wiśniewska", "Otrzymują:"}) {
    const auto at = text.find(part, previous);
    ASSERT_NE(at, std::string::npos) << part << " after position " << previous;
    previous = at;
  }
}

TEST(DecisionPdfRender, FontIsEmbeddedWithUnicodeMapping) {
  const auto& pdf = sample_pdf();
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_NE(pdf->find("FontFile2"), std::string::npos);
  EXPECT_NE(pdf->find("DejaVuSans"), std::string::npos);
  // pdffonts: name type encoding emb sub uni object ID; one row per font after two header lines.
  const std::string fonts = run("pdffonts", *pdf);
  std::istringstream rows(fonts);
  std::string row;
  int checked = 0;
  for (int i = 0; std::getline(rows, row); ++i) {
    if (i < 2 || row.empty()) continue;
    EXPECT_NE(row.find("DejaVuSans"), std::string::npos) << row;
    EXPECT_NE(row.find(" yes yes yes "), std::string::npos) << "embedded, subset, with a Unicode map: " << row;
    ++checked;
  }
  EXPECT_EQ(checked, 2) << fonts;  // regular and bold
}

TEST(DecisionPdfRender, MetadataAndA4Pages) {
  const auto& pdf = sample_pdf();
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  const std::string info = run("pdfinfo", *pdf);
  for (const char* expected :
       {"Title:           Decyzja MOPR-ZS.4011.123.2026", "Author:          Miejski Ośrodek Pomocy Rodzinie w Lublinie",
        "Creator:         Ostoja", "(A4)"})
    EXPECT_NE(info.find(expected), std::string::npos) << expected << "\n" << info;
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Pages:\s+2\n)"))) << info;
}

// Every word lies between the margins (25 mm left, 20 mm right), and justified lines reach the right one.
TEST(DecisionPdfRender, TextStaysInsideTheMarginsAndIsJustified) {
  const auto& pdf = sample_pdf();
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  const std::string boxes = run("pdftotext", *pdf, "-bbox", "-");
  const std::regex word(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">)re");
  const double left = 70.87, right = 595.276 - 56.69, tolerance = 0.5;
  int words = 0, at_right_margin = 0;
  for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), word); it != std::sregex_iterator(); ++it) {
    const double x_min = std::stod((*it)[1]), x_max = std::stod((*it)[3]), y_max = std::stod((*it)[4]);
    EXPECT_GE(x_min, left - tolerance) << it->str();
    EXPECT_LE(x_max, right + tolerance) << it->str();
    EXPECT_LE(y_max, 841.89) << it->str();
    if (std::abs(x_max - right) < 1.0) ++at_right_margin;
    ++words;
  }
  EXPECT_GT(words, 500);
  EXPECT_GT(at_right_margin, 30) << "justified lines end at the right margin";
}

TEST(DecisionPdfRender, SameDocumentGivesTheSameBytes) {
  const auto again = render_decision_pdf(sample());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(*again == *sample_pdf());
}

TEST(DecisionPdfRender, OrzekamIsPrintedOnceWhetherOrNotTheLegalBasisEndsWithIt) {
  for (const char* ending : {",", " orzekam:", " ORZEKAM:  "}) {
    auto d = sample();
    d.legal_basis += ending;
    const auto pdf = render_decision_pdf(d);
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    const std::string text = one_line(pdftotext(*pdf));
    EXPECT_EQ(count(text, "orzekam:") + count(text, "ORZEKAM:"), 1u) << ending;
  }
}

TEST(DecisionPdfRender, OverlongWordIsCutToFitAndShortDecisionHasOnePage) {
  auto d = sample();
  const std::string account(160, '7');
  d.ruling = {"Rachunek: " + account};
  d.reasoning.clear();
  d.appeal_instruction.resize(1);
  const auto pdf = render_decision_pdf(d);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  std::string text = pdftotext(*pdf);
  EXPECT_NE(one_line(text).find("Strona 1 z 1"), std::string::npos) << text;
  std::erase_if(text, [](char ch) { return ch == ' ' || ch == '\n'; });
  EXPECT_NE(text.find(account), std::string::npos);
}

struct InvalidCase {
  const char* name;
  void (*change)(DecisionDocument&);
  const char* field;
};

TEST(DecisionPdfRender, MissingPartsAreValidationErrors) {
  const InvalidCase cases[] = {
      {"no centre", [](DecisionDocument& d) { d.centre_name.clear(); }, "centre_name"},
      {"blank number", [](DecisionDocument& d) { d.number = "  "; }, "number"},
      {"no addressee", [](DecisionDocument& d) { d.addressee_lines.clear(); }, "addressee_lines"},
      {"blank addressee",
       [](DecisionDocument& d) {
         d.addressee_lines = {"", " "};
       },
       "addressee_lines"},
      {"no ruling", [](DecisionDocument& d) { d.ruling.clear(); }, "ruling"},
      {"empty ruling point", [](DecisionDocument& d) { d.ruling.push_back(""); }, "ruling"},
      {"not UTF-8", [](DecisionDocument& d) { d.reasoning.push_back("dochód \xC5"); }, "reasoning"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto d = sample();
    c.change(d);
    const auto pdf = render_decision_pdf(d);
    ASSERT_FALSE(pdf.ok());
    EXPECT_EQ(pdf.error().code, ErrorCode::validation);
    EXPECT_EQ(pdf.error().field, c.field);
    EXPECT_FALSE(pdf.error().message.empty());
  }
}

TEST(DecisionPdfRender, MissingOrBrokenFontIsUnavailable) {
  const TempFile not_a_font("to nie jest czcionka TrueType");
  const std::string paths[] = {"/nonexistent/DejaVuSans.ttf", not_a_font.path(), "/tmp"};
  for (const auto& path : paths) {
    for (const bool bold : {false, true}) {
      SCOPED_TRACE(path + (bold ? " (bold)" : " (regular)"));
      PdfFonts fonts;
      (bold ? fonts.bold : fonts.regular) = path;
      const auto pdf = render_decision_pdf(sample(), fonts);
      ASSERT_FALSE(pdf.ok());
      EXPECT_EQ(pdf.error().code, ErrorCode::unavailable);
      EXPECT_EQ(pdf.error().field, "fonts");
      EXPECT_NE(pdf.error().message.find(path), std::string::npos) << pdf.error().message;
    }
  }
}

}  // namespace
}  // namespace ostoja::decisions

namespace ostoja::decisions {
namespace {

// The centre-editable texts shipped by default use only the placeholders the editor offers.
TEST(DecisionTemplateDefaults, UseOnlyKnownPlaceholders) {
  std::map<std::string, std::string, std::less<>> all;
  for (const auto& name : known_placeholders()) all[name] = "x";
  ASSERT_FALSE(default_templates().empty());
  for (const auto& [name, body] : default_templates()) EXPECT_TRUE(fill_template(body, all).ok()) << name;
}

// Regression (ex-officio decision printed "po rozpatrzeniu wniosku z dnia —"): the legal basis says
// how the proceeding began — on the application of that day, or ex officio (art. 61 § 1 KPA).
TEST(DecisionTemplateDefaults, LegalBasisSaysHowTheProceedingBegan) {
  struct Case {
    const char* tpl;
    std::optional<std::string> received;
    std::string expected_part;
  };
  const Case cases[] = {
      {"legal_basis_grant", "3 marca 2026 r.", "(zasiłek okresowy), po rozpatrzeniu wniosku z dnia 3 marca 2026 r.,"},
      {"legal_basis_grant", std::nullopt, "(zasiłek okresowy), po rozpatrzeniu sprawy wszczętej z urzędu,"},
      {"legal_basis_refuse", "3 marca 2026 r.", "o pomocy społecznej, po rozpatrzeniu wniosku z dnia 3 marca 2026 r.,"},
      {"legal_basis_refuse", std::nullopt, "o pomocy społecznej, po rozpatrzeniu sprawy wszczętej z urzędu,"},
  };
  for (const auto& c : cases) {
    std::map<std::string, std::string, std::less<>> values;
    for (const auto& name : known_placeholders()) values[name] = "";
    values["forma"] = "zasiłek okresowy";
    values["data_wniosku"] = c.received.value_or("—");
    values["wszczecie"] = initiation_text(c.received);
    auto filled = fill_template(default_templates().at(c.tpl), values);
    ASSERT_TRUE(filled.ok()) << c.tpl;
    EXPECT_NE(filled->find(c.expected_part), std::string::npos) << c.tpl << ": " << *filled;
    EXPECT_EQ(filled->find("z dnia —"), std::string::npos) << c.tpl << ": " << *filled;
  }
}

}  // namespace
}  // namespace ostoja::decisions
