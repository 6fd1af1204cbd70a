#pragma once
// Storage-tier fixture: every test runs once on SQLite (a temporary file) and once on PostgreSQL
// (a fresh schema in the database named by OSTOJA_TEST_PG_URL), from an empty, migrated database.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "core/clock.h"
#include "core/principal.h"
#include "core/result.h"
#include "core/text.h"
#include "modules/cases/service.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace ostoja::testing {

inline std::string unique_suffix() {
  static std::mt19937_64 rng(std::random_device{}());
  return std::to_string(rng() % 1'000'000'000'000ULL);
}

class StorageTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      const char* base = std::getenv("OSTOJA_TEST_PG_URL");
      if (!base || !*base)
        GTEST_SKIP() << "OSTOJA_TEST_PG_URL not set: PostgreSQL tests need a server (scripts/test.sh starts one)";
      admin_ = storage::open_database({base, 1});
    }
    url_ = fresh_url();
    db_ = storage::open_database({url_, 16});
    storage::migrate(*db_, clock_.now_ms());
  }

  void TearDown() override {
    db_.reset();
    for (const auto& schema : schemas_) admin_->acquire()->script("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    for (const auto& file : files_)
      for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + ext);
  }

  // The URL of another empty database (a new schema or file), removed after the test; not migrated
  // (for tests of upgrades from older schema versions).
  std::string fresh_url() {
    if (admin_) {
      schemas_.push_back("t" + unique_suffix());
      admin_->acquire()->script("CREATE SCHEMA " + schemas_.back());
      std::string url = std::getenv("OSTOJA_TEST_PG_URL");
      url += (url.find('?') == std::string::npos ? "?" : "&");
      return url + "options=-csearch_path%3D" + schemas_.back();
    }
    files_.push_back(std::filesystem::temp_directory_path() / ("ostoja-test-" + unique_suffix() + ".db"));
    return "sqlite://" + files_.back().string();
  }

  bool postgres() const { return GetParam() == "postgresql"; }

  // A centre with the given name, created directly: the first one of a test has the TERYT of Lublin,
  // further ones the following codes (one centre per gmina code: unique index of migration 0019).
  CentreId make_centre(const std::string& name = "MOPR Test") {
    auto c = db_->acquire();
    const std::string teryt = std::to_string(663011 + centres_made_++);
    auto r = c->query_one("INSERT INTO centres (name, teryt, created_at) VALUES (?, ?, 0) RETURNING id",
                          {name, std::string(7 - teryt.size(), '0') + teryt});
    return CentreId{r->int64(0)};
  }

  // Organisation and case records written directly, for tests of the use cases that read them.
  std::int64_t make_section(CentreId centre, int number = 1) {
    auto c = db_->acquire();
    auto unit = c->query_one("INSERT INTO units (centre_id, kind, name) VALUES (?, 'branch', 'Filia') RETURNING id",
                             {centre.value})
                    ->int64(0);
    return c
        ->query_one("INSERT INTO sections (centre_id, unit_id, number, name) VALUES (?, ?, ?, ?) RETURNING id",
                    {centre.value, unit, number, "Sekcja " + std::to_string(number)})
        ->int64(0);
  }
  std::int64_t make_user(CentreId centre, const std::string& login, const std::string& full_name = "Użytkownik") {
    return db_->acquire()
        ->query_one(
            "INSERT INTO users (centre_id, login, full_name, password_hash, created_at, password_changed_at) "
            "VALUES (?, ?, ?, 'x', 0, 0) RETURNING id",
            {centre.value, login, full_name})
        ->int64(0);
  }
  std::int64_t make_household(CentreId centre, std::int64_t section, std::optional<std::int64_t> worker = std::nullopt,
                              const std::string& family_type = "single_parent", const std::string& building = "1") {
    return db_->acquire()
        ->query_one(
            "INSERT INTO households (centre_id, section_id, worker_id, locality, street, building, family_type, "
            "created_at) VALUES (?, ?, ?, 'Lublin', 'Zana', ?, ?, 0) RETURNING id",
            {centre.value, section, worker, building, family_type})
        ->int64(0);
  }
  std::int64_t make_person(CentreId centre, const std::string& first = "Anna", const std::string& last = "Nowak",
                           const std::string& birth = "1990-01-01", std::optional<std::string> pesel = std::nullopt) {
    return db_->acquire()
        ->query_one(
            "INSERT INTO persons (centre_id, pesel, first_name, last_name, first_name_key, last_name_key, "
            "name_sort, birth_date, sex, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'K', 0) RETURNING id",
            {centre.value, pesel, first, last, text::fold(first), text::fold(last),
             text::hex(text::collation_key(last + " " + first)), birth})
        ->int64(0);
  }
  void add_member(CentreId centre, std::int64_t household, std::int64_t person, const std::string& relation = "head") {
    db_->acquire()->execute(
        "INSERT INTO household_members (centre_id, household_id, person_id, relation, since) VALUES (?, ?, ?, ?, "
        "'2024-01-01')",
        {centre.value, household, person, relation});
    auto c = db_->acquire();
    cases::sync_person_scope(*c, centre, person);  // as the cases module does on every membership change
  }

  Principal actor(CentreId centre, std::vector<std::string> permissions, std::int64_t user_id = 0) {
    Principal p;
    p.centre = centre;
    p.user = UserId{user_id};
    p.login = "tester";
    p.permissions = std::move(permissions);
    std::sort(p.permissions.begin(), p.permissions.end());
    p.method = AuthMethod::session;
    return p;
  }

  ManualClock clock_{std::chrono::system_clock::time_point{std::chrono::milliseconds{1'764'000'000'000LL}}};
  std::string url_;
  std::unique_ptr<storage::Database> db_;

 private:
  std::unique_ptr<storage::Database> admin_;
  int centres_made_{0};
  std::vector<std::string> schemas_;
  std::vector<std::filesystem::path> files_;
};

#define OSTOJA_STORAGE_TEST_SUITE(Suite)                                         \
  INSTANTIATE_TEST_SUITE_P(Db, Suite, ::testing::Values("sqlite", "postgresql"), \
                           [](const ::testing::TestParamInfo<std::string>& i) { return i.param; })

}  // namespace ostoja::testing
