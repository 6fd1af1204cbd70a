// The printed decision: a real A4 PDF with an embedded font whose text, extracted by pdftotext
// (poppler-utils), reads back with every Polish letter; templates filled or refused.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "modules/decisions/document.h"

namespace ostoja::decisions {
namespace {

DecisionDocument sample() {
  DecisionDocument d;
  d.centre_name = "Miejski Ośrodek Pomocy Rodzinie w Lublinie";
  d.centre_address_lines = {"ul. Grodzka", "20-112 Lublin"};
  d.place = "Lublin";
  d.issue_date = *Date::parse("2026-11-24");
  d.number = "D/2026/15";
  d.addressee_lines = {"Pani Łucja Żółkiewska", "ul. Łęczyńska 5 m. 3", "20-400 Lublin"};
  d.legal_basis = "Na podstawie art. 104 Kodeksu postępowania administracyjnego oraz art. 38 ustawy o pomocy społecznej,";
  d.ruling = {"Przyznać Pani Łucji Żółkiewskiej zasiłek okresowy w kwocie 734,50 zł miesięcznie na okres od 1 grudnia "
              "2026 r. do 28 lutego 2027 r.",
              "Zasiłek będzie wypłacany przelewem na rachunek bankowy wskazany we wniosku."};
  for (int i = 0; i < 14; ++i)
    d.reasoning.push_back("Akapit " + std::to_string(i + 1) +
                          ": zażółć gęślą jaźń — ustalono, że dochód rodziny nie przekracza kryterium dochodowego, a "
                          "sytuacja rodziny uzasadnia przyznanie pomocy w formie zasiłku okresowego z powodu bezrobocia.");
  d.appeal_instruction = {"Od decyzji przysługuje odwołanie do Samorządowego Kolegium Odwoławczego w Lublinie."};
  d.signatory_title = "Kierownik Sekcji";
  d.signatory_name = "Krzysztof Kierownik";
  d.distribution = {"Adresat", "a/a"};
  return d;
}

std::string pdftotext(const std::string& pdf) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto in = dir / ("ostoja-decision-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(in, std::ios::binary) << pdf;
  const std::string cmd = "pdftotext -layout " + in.string() + " -";
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  std::filesystem::remove(in);
  return out;
}

TEST(DecisionPdf, RendersAPolishDecisionOnTwoPagesWithAnEmbeddedFont) {
  auto pdf = render_decision_pdf(sample());
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  ASSERT_TRUE(pdf->starts_with("%PDF-"));
  EXPECT_NE(pdf->find("FontFile2"), std::string::npos);  // the TrueType font is embedded
  const std::string text = pdftotext(*pdf);
  for (const char* expected :
       {"Miejski Ośrodek Pomocy Rodzinie w Lublinie", "Lublin, dnia 24 listopada 2026 r.", "Znak sprawy: D/2026/15",
        "DECYZJA", "orzekam:", "UZASADNIENIE", "POUCZENIE", "Pani Łucja Żółkiewska", "ul. Łęczyńska 5 m. 3",
        "zażółć gęślą jaźń", "Krzysztof Kierownik", "Otrzymują:", "Strona 1 z 2", "Strona 2 z 2"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text.substr(0, 600);
  if (const char* keep = std::getenv("OSTOJA_KEEP_PDF")) std::ofstream(keep, std::ios::binary) << *pdf;
}

TEST(DecisionPdf, MissingPartsAndFontsAreErrors) {
  auto d = sample();
  d.number.clear();
  EXPECT_EQ(render_decision_pdf(d).error().field, "number");
  d = sample();
  d.ruling.clear();
  EXPECT_EQ(render_decision_pdf(d).error().field, "ruling");
  PdfFonts missing;
  missing.regular = "/nonexistent/font.ttf";
  EXPECT_EQ(render_decision_pdf(sample(), missing).error().code, ErrorCode::unavailable);
  EXPECT_EQ(polish_long_date(*Date::parse("2026-02-01")), "1 lutego 2026 r.");
}

TEST(DecisionTemplate, FillsKnownPlaceholdersAndRefusesUnknownOrUnclosed) {
  std::map<std::string, std::string, std::less<>> v{{"osrodek", "MOPR w Lublinie"}, {"kwota", "734,50 zł"}};
  EXPECT_EQ(*fill_template("Za pośrednictwem {{osrodek}}: {{kwota}}, {{kwota}}.", v),
            "Za pośrednictwem MOPR w Lublinie: 734,50 zł, 734,50 zł.");
  EXPECT_EQ(*fill_template("", v), "");
  EXPECT_EQ(*fill_template("bez pól", v), "bez pól");
  auto unknown = fill_template("{{pesel}}", v);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("{{pesel}}"), std::string::npos);
  EXPECT_EQ(fill_template("tekst {{osrodek", v).error().field, "template");
  // Every default template uses only the documented placeholders.
  std::map<std::string, std::string, std::less<>> all;
  for (const auto& name : template_placeholders()) all[name] = "x";
  for (const auto& [name, body] : default_templates()) EXPECT_TRUE(fill_template(body, all).ok()) << name;
}

}  // namespace
}  // namespace ostoja::decisions
