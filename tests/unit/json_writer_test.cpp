// http::JsonWriter writes what nlohmann::json::dump(-1, ' ', false, replace) writes for the same
// values, byte for byte: fixed cases and random byte strings (valid and invalid UTF-8).
#include "http/json_writer.h"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>

using ostoja::http::Json;
using ostoja::http::JsonWriter;

namespace {

std::string nlohmann_string(const std::string& s) {
  return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string writer_string(const std::string& s) {
  JsonWriter w;
  w.value(s);
  return w.take();
}

TEST(JsonWriter, EscapesStringsAsNlohmannDoes) {
  const std::string cases[] = {"",
                               "Zażółć gęślą jaźń",
                               "cudzysłów \" i ukośnik \\ i /",
                               std::string("nul\0bajt", 8),
                               "\b\f\n\r\t",
                               "\x01\x1f\x7f",
                               "emoji \xF0\x9F\x98\x80",
                               "\xC3",              // truncated sequence
                               "\xC0\xAF",          // overlong '/'
                               "\xED\xA0\x80",      // UTF-16 surrogate
                               "\xF4\x90\x80\x80",  // above U+10FFFF
                               "ok\xFFok",          // a byte that never occurs in UTF-8
                               "\xE2\x82",          // truncated three-byte sequence
                               "\xE2\x82\xAC zł"};  // euro sign
  for (const auto& s : cases) EXPECT_EQ(writer_string(s), nlohmann_string(s)) << "input bytes: " << s.size();
}

TEST(JsonWriter, RandomByteStringsMatchNlohmann) {
  std::mt19937 rng(20261202);
  std::uniform_int_distribution<int> len(0, 24), byte(0, 255), pick(0, 9);
  const std::string alphabet[] = {"a",   "ł", "\"", "\\", "\n", "\x01", "\xC3", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                                  "\x80"};
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    for (int k = len(rng); k > 0; --k) {
      if (i % 2 == 0)
        s += static_cast<char>(byte(rng));  // anything, mostly invalid
      else
        s += alphabet[static_cast<std::size_t>(pick(rng))];  // mostly valid, with stray bytes
    }
    ASSERT_EQ(writer_string(s), nlohmann_string(s)) << "case " << i;
  }
}

TEST(JsonWriter, WritesNestedDocumentsLikeTheSameTree) {
  JsonWriter w;
  std::optional<std::string> none, pesel = "85010112345";
  std::optional<std::int64_t> household = 7;
  w.begin_object()
      .field("id", std::int64_t{42})
      .field("pesel", pesel)
      .field("phone", none)
      .field("household_id", household)
      .field("negative", -5)
      .field("flag", true)
      .field("categories", std::vector<std::string>{"przemoc", "zdrowie"});
  w.key("empty_object").begin_object().end_object();
  w.key("empty_array").begin_array().end_array();
  w.key("items").begin_array();
  for (int i = 0; i < 3; ++i) w.begin_object().field("n", i).end_object();
  w.null().value("x").value(Json{{"b", 1}, {"a", Json::array({1, 2})}});
  w.end_array().end_object();
  const std::string text = w.take();

  Json expected = {{"id", 42},
                   {"pesel", "85010112345"},
                   {"phone", nullptr},
                   {"household_id", 7},
                   {"negative", -5},
                   {"flag", true},
                   {"categories", {"przemoc", "zdrowie"}},
                   {"empty_object", Json::object()},
                   {"empty_array", Json::array()},
                   {"items", {{{"n", 0}}, {{"n", 1}}, {{"n", 2}}, nullptr, "x", {{"a", {1, 2}}, {"b", 1}}}}};
  EXPECT_EQ(Json::parse(text), expected);
  EXPECT_EQ(text.find(' '), std::string::npos);  // compact, as dump(-1)
  EXPECT_EQ(text.substr(0, 8), R"({"id":42)");   // keys in the order written
}

TEST(JsonWriter, RefusesToHandOverAnUnfinishedDocument) {
  JsonWriter open;
  open.begin_object().field("a", 1);
  EXPECT_THROW((void)open.take(), std::logic_error);
  JsonWriter dangling_key;
  dangling_key.begin_object().end_object();
  EXPECT_NO_THROW((void)dangling_key.take());
  JsonWriter key_only;
  key_only.begin_object().key("a");
  EXPECT_THROW((void)key_only.take(), std::logic_error);
}

}  // namespace
