#pragma once
// Deterministic synthetic data for the demo centre: the Lublin MOPR organisation from seed 002
// (3 divisions, 5 branches, 23 social-work sections with streets, specialised units), one demo
// user per role (password "demo") and N households with valid PESELs in the sections' streets; for about half
// of them, in the previous and the current year until today, the help the services module records — non-cash
// help with dated deliveries (meals, in kind, care hours, counselling, sheltered flats of the register, care
// homes with fee shares), social work (entries, contracts, community work, activation, referrals) — and the
// income of the month before today. No decisions or payments. The same seed on the same day gives the same data.
#include <cstdint>

#include "app/application.h"

namespace ostoja::app {

struct DemoOptions {
  int households{2000};
  std::uint64_t seed{1};
};

struct DemoSummary {
  std::int64_t centre_id{0};
  int sections{0};
  int users{0};
  int households{0};
  int persons{0};
};

// Fails (Error::conflict) if the database already holds a centre.
Result<DemoSummary> create_demo(Application& app, const DemoOptions& options);

// Generates a valid PESEL for a birth date, sex ('K'/'M') and a number 0..4999 that is unique among
// persons of that sex born that day.
std::string make_pesel(int year, unsigned month, unsigned day, char sex, int n);

}  // namespace ostoja::app
