#pragma once
// Whether a calculator writes its explanation. A case worker's preview needs the sentences; a bulk re-check of every
// household (income::IncomeService::recheck) needs only the verdicts and amounts, and building the Polish
// sentences costs more than the arithmetic (docs/benchmarks.md, "Eligibility re-check"). One calculator serves
// both: each line is a callable, run only when the explanation is wanted.
#include <string>
#include <utility>
#include <vector>

namespace ostoja::rules {

enum class Explain { yes, no };

class Explanation {
 public:
  explicit Explanation(Explain e) : on_(e == Explain::yes) {}
  bool on() const { return on_; }
  // `line` returns the sentence (std::string); it is not called when the explanation is off.
  template <class Line>
  void add(Line&& line) {
    if (on_) lines_.push_back(std::forward<Line>(line)());
  }
  std::vector<std::string> take() { return std::move(lines_); }

 private:
  bool on_;
  std::vector<std::string> lines_;
};

}  // namespace ostoja::rules
