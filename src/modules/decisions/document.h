#pragma once
// The printed administrative decision: a value describing its parts, rendered to an A4 PDF with
// libharu and an embedded TrueType font (Debian's fonts-dejavu-core), so Polish letters print
// correctly; and per-centre templates of its standard texts with {{placeholders}}.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace ostoja::decisions {

struct DecisionDocument {
  std::string centre_name;                        // "Miejski Ośrodek Pomocy Rodzinie w Lublinie"
  std::vector<std::string> centre_address_lines;  // {"ul. Grodzka", "20-112 Lublin"}
  std::string place;                              // "Lublin" → "Lublin, dnia 24 listopada 2026 r."
  Date issue_date;
  std::string number;                        // "D/2026/15"
  std::vector<std::string> addressee_lines;  // "Pani Anna Kowalska", "ul. Łęczyńska 5 m. 3", "20-400 Lublin"
  std::string title{"DECYZJA"};
  std::string legal_basis;               // "Na podstawie art. … orzekam:"
  std::vector<std::string> ruling;       // numbered points
  std::vector<std::string> reasoning;    // paragraphs under UZASADNIENIE
  std::vector<std::string> appeal_instruction;  // paragraphs under POUCZENIE
  std::string signatory_name, signatory_title;
  std::vector<std::string> distribution;  // "Otrzymują:"
};

struct PdfFonts {
  std::string regular{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};
  std::string bold{"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};
};

// A4 PDF bytes. Missing required parts → validation error; a missing font or a libharu failure →
// error "unavailable" with a Polish message.
Result<std::string> render_decision_pdf(const DecisionDocument& doc, const PdfFonts& fonts = {});

// "24 listopada 2026 r."
std::string polish_long_date(Date d);

// Fills "{{name}}" placeholders from `values`. An unknown placeholder or an unclosed "{{" is a
// validation error (field "template") naming it.
Result<std::string> fill_template(std::string_view tpl, const std::map<std::string, std::string, std::less<>>& values);

// The standard texts of a decision a centre may edit (name → default body), and the placeholders
// they may use.
const std::map<std::string, std::string, std::less<>>& default_templates();
const std::vector<std::string>& template_placeholders();

}  // namespace ostoja::decisions
