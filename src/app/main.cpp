// ostoja — one binary: serve, init, migrate, demo, user, audit, openapi.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>

#include "app/application.h"
#include "app/demo.h"
#include "modules/cases/import.h"
#include "modules/cases/service.h"
#include "modules/identity/crypto.h"
#include "modules/rules_api/service.h"
#include "rules/dated.h"
#include "storage/migrations.h"

using namespace ostoja;

namespace {

// The single mapping of expected failures to CLI exit codes (HTTP has its twin in http/router.cpp).
int exit_code(ErrorCode c) {
  switch (c) {
    case ErrorCode::validation:
      return 2;
    case ErrorCode::not_found:
      return 3;
    case ErrorCode::conflict:
    case ErrorCode::limit_reached:
      return 4;
    case ErrorCode::forbidden:
    case ErrorCode::unauthenticated:
    case ErrorCode::locked:
    case ErrorCode::rate_limited:
      return 5;
    case ErrorCode::too_large:
    case ErrorCode::method_not_allowed:
      return 2;
    case ErrorCode::unavailable:
      return 6;
  }
  return 1;
}

int fail(const Error& e) {
  std::cerr << "błąd: " << e.message << (e.field.empty() ? "" : " [" + e.field + "]") << "\n";
  return exit_code(e.code);
}

// Passwords come from an environment variable or standard input, never from the command line
// (where other users of the machine could read them from the process list).
std::string read_password(const char* env_name) {
  if (const char* v = std::getenv(env_name); v && *v) return v;
  std::cerr << "Hasło (z wejścia standardowego): ";
  std::string pw;
  std::getline(std::cin, pw);
  return pw;
}

Principal admin_principal(app::Application& a, CentreId centre) {
  Principal p = system_principal(centre);
  p.ip = "cli";
  (void)a;
  return p;
}

bool any_centre(app::Application& a) {
  return a.db().acquire()->query_one("SELECT 1 FROM centres").has_value();
}

// The centre a command acts on: the one with TERYT `teryt` when given; otherwise the only centre in
// the database (several centres share one database — then the operator must name it).
Result<CentreId> choose_centre(app::Application& a, const std::string& teryt) {
  auto c = a.db().acquire();
  auto rows = teryt.empty() ? c->query("SELECT id FROM centres ORDER BY id LIMIT 2")
                            : c->query("SELECT id FROM centres WHERE teryt = ?", {std::string_view(teryt)});
  if (rows.empty())
    return Error::not_found(teryt.empty() ? "Baza nie zawiera ośrodka — najpierw ostoja init."
                                          : "Nie ma ośrodka o kodzie TERYT " + teryt + ".");
  if (rows.size() > 1)
    return Error::validation("Baza zawiera kilka ośrodków — wskaż ośrodek: --centre KOD_TERYT.", "centre");
  return CentreId{rows.front().int64(0)};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Ostoja — system ośrodka pomocy społecznej"};
  cli.require_subcommand(1);
  cli.fallthrough();  // global options (--database) may follow the subcommand too
  app::Config config = app::config_from_env();
  cli.add_option("--database", config.database_url,
                 "Baza: sqlite:///ścieżka.db lub postgresql://… (OSTOJA_DATABASE_URL)");
  std::string centre_teryt;
  cli.add_option("--centre", centre_teryt, "Kod TERYT ośrodka, gdy baza zawiera kilka ośrodków (user, import)");

  auto* serve = cli.add_subcommand("serve", "Uruchamia serwer HTTP (API i aplikacja WWW)");
  serve->add_option("--port", config.port, "Port (OSTOJA_PORT, domyślnie 8080; 0 = dowolny wolny)");
  serve->add_option("--address", config.address, "Adres nasłuchu (OSTOJA_ADDRESS)");
  serve->add_option("--workers", config.workers, "Wątki robocze dla operacji na bazie (OSTOJA_WORKERS)");

  cli.add_subcommand("migrate", "Stosuje zaległe migracje schematu bazy");

  auto* init =
      cli.add_subcommand("init", "Tworzy ośrodek i jego administratora (hasło: OSTOJA_ADMIN_PASSWORD lub stdin)");
  std::string centre_name, teryt, admin_login = "admin", admin_name = "Administrator";
  init->add_option("--centre-name", centre_name, "Nazwa ośrodka")->required();
  init->add_option("--teryt", teryt, "Kod TERYT gminy (7 cyfr)")->required();
  init->add_option("--admin-login", admin_login, "Login administratora");
  init->add_option("--admin-name", admin_name, "Imię i nazwisko administratora");

  auto* demo = cli.add_subcommand("demo", "Tworzy bazę demonstracyjną (MOPR Lublin, użytkownicy demo, gospodarstwa)");
  app::DemoOptions demo_opt;
  demo->add_option("--households", demo_opt.households, "Liczba gospodarstw");
  demo->add_option("--seed", demo_opt.seed, "Ziarno generatora (dane deterministyczne)");
  bool demo_if_empty = false;
  demo->add_flag("--if-empty", demo_if_empty, "Nic nie rób, jeśli baza zawiera już ośrodek");

  auto* user = cli.add_subcommand("user", "Użytkownicy");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Dodaje użytkownika (hasło: OSTOJA_PASSWORD lub stdin)");
  std::string u_login, u_name;
  std::vector<std::string> u_roles;
  std::vector<std::int64_t> u_sections;
  user_add->add_option("login", u_login)->required();
  user_add->add_option("--name", u_name, "Imię i nazwisko")->required();
  user_add->add_option("--role", u_roles, "Rola (można powtórzyć)")->required();
  user_add->add_option("--section", u_sections, "Id sekcji (można powtórzyć)");
  auto* user_passwd = user->add_subcommand("passwd", "Ustawia hasło (OSTOJA_PASSWORD lub stdin)");
  user_passwd->add_option("login", u_login)->required();
  auto* user_disable = user->add_subcommand("disable", "Wyłącza konto i kończy jego sesje");
  user_disable->add_option("login", u_login)->required();
  auto* user_unlock = user->add_subcommand("unlock", "Zdejmuje blokadę po nieudanych logowaniach");
  user_unlock->add_option("login", u_login)->required();
  auto* user_list = user->add_subcommand("list", "Lista użytkowników z rolami i blokadami");
  auto* user_token = user->add_subcommand("token", "Wydaje token API użytkownika (wypisuje go raz)");
  std::string token_name = "cli";
  int token_days = 30;
  user_token->add_option("login", u_login)->required();
  user_token->add_option("--name", token_name, "Nazwa tokenu");
  user_token->add_option("--days", token_days, "Ważność w dniach (1–365)");

  auto* audit_cmd = cli.add_subcommand("audit", "Dziennik audytu");
  audit_cmd->require_subcommand(1);
  auto* audit_verify = audit_cmd->add_subcommand("verify", "Sprawdza łańcuch skrótów dziennika każdego ośrodka");
  std::vector<std::string> anchors;
  audit_verify->add_option("--anchor", anchors,
                           "Punkt kontrolny TERYT:NR:SKRÓT wypisany wcześniej przez `audit anchor` (można powtórzyć)");
  auto* audit_anchor = audit_cmd->add_subcommand(
      "anchor", "Wypisuje punkt kontrolny łańcucha każdego ośrodka (TERYT, nr wpisu, skrót) do zachowania poza bazą");

  auto* import_cmd = cli.add_subcommand("import", "Import danych z innych systemów (CSV, docs/import.md)");
  import_cmd->require_subcommand(1);
  auto* import_persons = import_cmd->add_subcommand("persons", "Osoby i gospodarstwa domowe z pliku CSV");
  std::string import_file, import_source = "csv";
  bool import_partial = false;
  import_persons->add_option("file", import_file, "Plik CSV (UTF-8, separator ; lub ,)")
      ->required()
      ->check(CLI::ExistingFile);
  import_persons->add_option("--source", import_source, "Nazwa systemu źródłowego (klucz ponownego importu)");
  import_persons->add_flag("--partial", import_partial,
                           "Zaimportuj poprawne gospodarstwa, pomiń błędne (domyślnie: nic, jeśli jest błąd)");

  auto* openapi = cli.add_subcommand("openapi", "Wypisuje dokument OpenAPI");

  auto* rules =
      cli.add_subcommand("rules", "Przepisy: kryteria, wyliczenie zasiłku, walidacja identyfikatorów, terminy");
  rules->require_subcommand(1);
  std::string r_date, r_benefit = "zasilek_okresowy", r_kind, r_value, r_days;
  int r_size = 1;
  std::int64_t r_income = 0;
  std::optional<int> r_percent;
  auto* rules_criteria = rules->add_subcommand("criteria", "Kryteria dochodowe w dniu --date");
  rules_criteria->add_option("--date", r_date, "RRRR-MM-DD")->required();
  auto* rules_preview = rules->add_subcommand("preview", "Wyliczenie zasiłku stałego lub okresowego");
  rules_preview->add_option("--date", r_date, "RRRR-MM-DD")->required();
  rules_preview->add_option("--benefit", r_benefit, "zasilek_staly | zasilek_okresowy");
  rules_preview->add_option("--household-size", r_size, "Liczba osób w gospodarstwie")->required();
  rules_preview->add_option("--income-grosze", r_income, "Miesięczny dochód netto gospodarstwa w groszach")->required();
  rules_preview->add_option("--gmina-percent", r_percent, "Procent gminy dla zasiłku okresowego (50–100)");
  auto* rules_validate = rules->add_subcommand("validate", "Walidacja: pesel, nip, regon, iban, postal-code, teryt");
  rules_validate->add_option("kind", r_kind)->required();
  rules_validate->add_option("value", r_value)->required();
  auto* rules_days = rules->add_subcommand("working-days", "Termin po --days dniach roboczych od --from");
  rules_days->add_option("--from", r_date, "RRRR-MM-DD")->required();
  rules_days->add_option("--days", r_days, "Liczba dni roboczych")->required();
  std::string r_month;
  auto* rules_recheck = rules->add_subcommand(
      "recheck", "Ponowne sprawdzenie uprawnień wszystkich gospodarstw z dochodem po zmianie kryteriów (z bazy)");
  rules_recheck->add_option("--date", r_date, "Dzień, od którego obowiązują nowe przepisy (RRRR-MM-DD)")->required();
  rules_recheck->add_option("--month", r_month, "Miesiąc dochodu RRRR-MM (domyślnie poprzedzający --date)");

  auto* gmina_cmd = cli.add_subcommand("gmina",
                                       "Uchwały gminy stosowane w wyliczeniach (procent zasiłku okresowego, "
                                       "najwyższe kwoty zasiłków celowych)");
  gmina_cmd->require_subcommand(1);
  std::string g_date, g_to;
  gmina::NewResolution g_new;
  std::int64_t g_id = 0;
  auto* gmina_list = gmina_cmd->add_subcommand("list", "Uchwały ośrodka (z zaznaczeniem obowiązujących w dniu --date)");
  gmina_list->add_option("--date", g_date, "RRRR-MM-DD (domyślnie dziś)");
  auto* gmina_add = gmina_cmd->add_subcommand("add", "Zapisuje uchwałę; uchyla wcześniejszą bezterminową tego rodzaju");
  gmina_add
      ->add_option("--kind", g_new.kind, "zasilek_okresowy_percent | zasilek_celowy_max | specjalny_zasilek_celowy_max")
      ->required();
  gmina_add->add_option("--from", g_new.valid_from, "Pierwszy dzień obowiązywania (RRRR-MM-DD)")->required();
  gmina_add->add_option("--to", g_new.valid_to, "Ostatni dzień obowiązywania (domyślnie bezterminowo)");
  gmina_add->add_option("--percent", g_new.percent, "Procent różnicy (50–100) — dla zasilek_okresowy_percent");
  gmina_add->add_option("--amount-grosze", g_new.amount_grosze,
                        "Najwyższa kwota jednej decyzji w groszach — dla limitów");
  gmina_add->add_option("--resolution", g_new.resolution, "Uchwała: numer, organ, data")->required();
  auto* gmina_end = gmina_cmd->add_subcommand("end", "Ustala ostatni dzień obowiązywania uchwały");
  gmina_end->add_option("id", g_id, "Id uchwały (z gmina list)")->required();
  gmina_end->add_option("--to", g_to, "Ostatni dzień obowiązywania (RRRR-MM-DD)")->required();

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help prints and exits 0; a missing, unknown or malformed option is invalid input: exit code 2.
    return cli.exit(e) == 0 ? 0 : exit_code(ErrorCode::validation);
  }
  identity::init_crypto();

  try {
    if (rules->parsed() && !rules_recheck->parsed()) {  // pure calculations: no database needed
      Result<nlohmann::json> out = Error::validation("");
      if (rules_criteria->parsed())
        out = rules_api::criteria(r_date);
      else if (rules_validate->parsed())
        out = rules_api::validate(r_kind, r_value);
      else if (rules_days->parsed())
        out = rules_api::working_days(r_date, r_days);
      else {
        nlohmann::json req = {
            {"date", r_date}, {"benefit", r_benefit}, {"household_size", r_size}, {"income_grosze", r_income}};
        if (r_percent) req["gmina_percent"] = *r_percent;
        out = rules_api::benefit_preview(req);
      }
      if (!out.ok()) return fail(out.error());
      std::cout << out->dump(2) << "\n";
      return 0;
    }
    if (cli.got_subcommand("migrate")) {
      auto db = storage::open_database({config.database_url, 1});
      auto applied = storage::migrate(*db, SystemClock{}.now_ms(), cases::migration_steps());
      std::cout << (applied.empty() ? "Schemat jest aktualny.\n"
                                    : "Zastosowano migracje: " + std::to_string(applied.size()) + ".\n");
      return 0;
    }
    // Only the server limits each statement (OSTOJA_STATEMENT_TIMEOUT_MS): an administrator's batch
    // command (demo data, import, re-check of every household) may legitimately run one long query.
    if (!cli.got_subcommand("serve")) config.statement_timeout = std::chrono::milliseconds(0);
    app::Application a(config);
    if (cli.got_subcommand("serve")) {
      a.serve();
      return 0;
    }
    if (openapi->parsed()) {
      std::cout << a.router().openapi(app::kVersion).dump(2) << "\n";
      return 0;
    }
    if (init->parsed()) {
      if (a.db().acquire()->query_one("SELECT 1 FROM centres WHERE teryt = ?", {std::string_view(teryt)}))
        return fail(Error::conflict("Baza zawiera już ośrodek o kodzie TERYT " + teryt + ".", "teryt"));
      identity::NewUser nu{admin_login,       admin_name, read_password("OSTOJA_ADMIN_PASSWORD"),
                           {"administrator"}, {},         false};
      // The administrator is checked first, so a refused password or login leaves no centre without one.
      if (auto st = a.identity().check_new_user(nu); !st.ok()) return fail(st.error());
      org::Centre c;
      c.name = centre_name;
      c.teryt = teryt;
      auto centre = a.organisation().create_centre(c);
      if (!centre.ok()) return fail(centre.error());
      auto u = a.identity().create_user(admin_principal(a, CentreId{centre->id}), nu);
      if (!u.ok()) return fail(u.error());
      std::cout << "Utworzono ośrodek " << centre->name << " (id " << centre->id << ") i administratora " << u->login
                << ".\n";
      return 0;
    }
    if (demo->parsed()) {
      if (demo_if_empty && any_centre(a)) {
        std::cout << "Baza demonstracyjna już istnieje — bez zmian.\n";
        return 0;
      }
      auto t0 = std::chrono::steady_clock::now();
      auto s = app::create_demo(a, demo_opt);
      if (!s.ok()) return fail(s.error());
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
      std::cout
          << "Demo: ośrodek " << s->centre_id << ", sekcji " << s->sections << ", użytkowników " << s->users
          << ", gospodarstw " << s->households << ", osób " << s->persons << " (" << ms << " ms).\n"
          << "Loginy: admin, dyrektor, kierownik, pracownik, asystent, swiadczenia, analityk, partner; hasło: demo\n";
      return 0;
    }
    if (user_list->parsed() || user_add->parsed()) {
      auto centre = choose_centre(a, centre_teryt);
      if (!centre.ok()) return fail(centre.error());
      Principal admin = admin_principal(a, *centre);
      if (user_list->parsed()) {
        auto users = a.identity().list_users(admin);
        for (const auto& u : *users) {
          std::string roles;
          for (const auto& r : u.roles) roles += (roles.empty() ? "" : ",") + r;
          std::cout << u.login << "\t" << u.full_name << "\t" << roles << (u.disabled ? "\twyłączony" : "")
                    << (u.locked_until && *u.locked_until > a.clock().now_ms() ? "\tZABLOKOWANY" : "") << "\n";
        }
        return 0;
      }
      if (user_add->parsed()) {
        identity::NewUser nu{u_login, u_name, read_password("OSTOJA_PASSWORD"), u_roles, u_sections, false};
        auto u = a.identity().create_user(admin, nu);
        if (!u.ok()) return fail(u.error());
        std::cout << "Dodano użytkownika " << u->login << " (id " << u->id.value << ").\n";
      }
      return 0;
    }
    if (user->parsed()) {  // commands on one account: its login (unique across centres) names the centre
      auto target = a.identity().find_by_login(u_login);
      if (!target.ok()) return fail(target.error());
      if (!centre_teryt.empty()) {
        auto centre = choose_centre(a, centre_teryt);
        if (!centre.ok()) return fail(centre.error());
        if (target->centre != *centre)
          return fail(Error::not_found("Ośrodek " + centre_teryt + " nie ma użytkownika " + u_login + "."));
      }
      Principal admin = admin_principal(a, target->centre);
      if (user_passwd->parsed()) {
        auto st = a.identity().set_password(admin, target->id, read_password("OSTOJA_PASSWORD"));
        if (!st.ok()) return fail(st.error());
        std::cout << "Hasło zmienione; sesje użytkownika zakończone.\n";
      } else if (user_disable->parsed()) {
        identity::UserChange ch;
        ch.disabled = true;
        auto st = a.identity().update_user(admin, target->id, ch);
        if (!st.ok()) return fail(st.error());
        std::cout << "Konto " << u_login << " wyłączone.\n";
      } else if (user_unlock->parsed()) {
        auto st = a.identity().unlock(admin, target->id);
        if (!st.ok()) return fail(st.error());
        std::cout << "Konto " << u_login << " odblokowane.\n";
      } else if (user_token->parsed()) {
        Principal owner = admin;
        owner.user = target->id;
        owner.login = target->login;
        owner.method = AuthMethod::session;
        auto t = a.identity().create_token(owner, token_name, token_days);
        if (!t.ok()) return fail(t.error());
        std::cout << t->secret << "\n";
      }
      return 0;
    }
    if (import_persons->parsed()) {
      auto centre = choose_centre(a, centre_teryt);
      if (!centre.ok()) return fail(centre.error());
      std::ifstream in(import_file, std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      cases::ImportOptions opt;
      opt.partial = import_partial;
      opt.source = import_source;
      opt.progress = [](std::size_t done, std::size_t total) {
        std::cerr << "\rZapisano gospodarstw: " << done << " / " << total << std::flush;
        if (done == total) std::cerr << "\n";
      };
      auto r = cases::import_persons_households(a.db(), a.clock(), admin_principal(a, *centre), text, opt);
      if (!r.ok()) return fail(r.error());
      for (const auto& e : r->errors)
        std::cout << "wiersz " << e.row << ", kolumna " << e.column << ": " << e.message << "\n";
      std::cout << "Wierszy: " << r->rows << "; gospodarstwa: nowe " << r->households_created << ", już zaimportowane "
                << r->households_existing << ", odrzucone " << r->households_rejected << "; osoby: nowe "
                << r->persons_created << ", istniejące " << r->persons_existing << ".\n";
      if (!r->applied) {
        std::cout << "Nic nie zapisano: popraw błędy albo użyj --partial.\n";
        return 2;
      }
      return r->errors.empty() ? 0 : 3;
    }
    if (rules_recheck->parsed()) {
      auto centre = choose_centre(a, centre_teryt);
      if (!centre.ok()) return fail(centre.error());
      auto r = a.income().recheck(admin_principal(a, *centre), r_date, r_month);
      if (!r.ok()) return fail(r.error());
      nlohmann::json forms = nlohmann::json::array();
      for (const auto& f : r->forms)
        forms.push_back({{"form", f.form},
                         {"eligible_before", f.eligible_before},
                         {"eligible_after", f.eligible_after},
                         {"amount_changed", f.amount_changed}});
      std::cout << nlohmann::json{{"date", r->date},       {"before", r->before},
                                  {"month", r->month},     {"households", r->households},
                                  {"skipped", r->skipped}, {"forms", forms}}
                       .dump(2)
                << "\n";
      return 0;
    }
    if (gmina_cmd->parsed()) {
      auto centre = choose_centre(a, centre_teryt);
      if (!centre.ok()) return fail(centre.error());
      Principal admin = admin_principal(a, *centre);
      if (gmina_add->parsed()) {
        auto r = a.gmina().add(admin, g_new);
        if (!r.ok()) return fail(r.error());
        std::cout << "Zapisano uchwałę (id " << r->id << ").\n";
      } else if (gmina_end->parsed()) {
        auto r = a.gmina().end(admin, g_id, g_to);
        if (!r.ok()) return fail(r.error());
        std::cout << "Uchwała " << r->id << " obowiązuje do " << r->valid_to->iso() << ".\n";
      } else {
        auto on = g_date.empty() ? Result<Date>(a.clock().today()) : parse_date_field(g_date, "date");
        if (!on.ok()) return fail(on.error());
        auto resolutions = a.gmina().list(admin);  // a named Result: `*temporary` in a range-for dangles
        if (!resolutions.ok()) return fail(resolutions.error());
        for (const auto& res : *resolutions) {
          const bool now = rules::in_force(res, *on);
          std::cout << res.id << "\t" << res.kind << "\t" << res.valid_from.iso() << "\t"
                    << (res.valid_to ? res.valid_to->iso() : "bezterminowo") << "\t"
                    << (res.percent ? std::to_string(*res.percent) + " %" : res.amount->polish()) << "\t"
                    << res.resolution << (now ? "\tobowiązuje" : "") << "\n";
        }
      }
      return 0;
    }
    if (audit_anchor->parsed()) {
      auto c = a.db().acquire();
      for (const auto& r : c->query("SELECT id, name, teryt FROM centres ORDER BY id")) {
        auto t = audit::tip(*c, CentreId{r.int64(0)});
        if (t) std::cout << r.text(2) << ":" << t->seq << ":" << t->hash << "\t" << r.text(1) << "\n";
      }
      return 0;
    }
    if (audit_verify->parsed()) {
      std::map<std::string, audit::Anchor> by_teryt;
      for (const auto& text : anchors) {
        auto first = text.find(':'), second = text.find(':', first == std::string::npos ? first : first + 1);
        const std::string seq = second == std::string::npos ? "" : text.substr(first + 1, second - first - 1);
        const std::string hash = second == std::string::npos ? "" : text.substr(second + 1);
        if (seq.empty() || seq.size() > 18 || seq.find_first_not_of("0123456789") != std::string::npos ||
            hash.size() != 64 || hash.find_first_not_of("0123456789abcdef") != std::string::npos)
          return fail(Error::validation("Punkt kontrolny ma postać TERYT:NR:SKRÓT (64 cyfry szesnastkowe): " + text,
                                        "--anchor"));
        by_teryt[text.substr(0, first)] = audit::Anchor{std::stoll(seq), hash};
      }
      auto c = a.db().acquire();
      bool all_ok = true;
      const auto centres = c->query("SELECT id, name, teryt FROM centres ORDER BY id");
      for (const auto& [anchor_teryt, anchor] : by_teryt) {
        if (std::none_of(centres.begin(), centres.end(), [&](const auto& r) { return r.text(2) == anchor_teryt; }))
          return fail(
              Error::validation("Brak ośrodka o kodzie TERYT " + anchor_teryt + " z punktu kontrolnego.", "--anchor"));
      }
      for (const auto& r : centres) {
        auto anchored = by_teryt.find(r.text(2));
        auto v = anchored == by_teryt.end() ? audit::verify(*c, CentreId{r.int64(0)})
                                            : audit::verify_anchored(*c, CentreId{r.int64(0)}, anchored->second);
        std::cout << r.text(1) << ": " << (v.ok ? "poprawny" : "NARUSZONY — " + v.reason) << " (wpisów: " << v.entries
                  << ")\n";
        all_ok = all_ok && v.ok;
      }
      return all_ok ? 0 : 7;
    }
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return 1;
  }
  return 0;
}
