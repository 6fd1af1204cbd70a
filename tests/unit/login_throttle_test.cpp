// The back-off rule of login throttling and the client address behind a trusted proxy (pure functions).
#include <gtest/gtest.h>

#include "http/client_address.h"
#include "modules/identity/throttle.h"

namespace ostoja {

TEST(LoginBackoff, SlowsDownByDoublingCappedThenLocks) {
  // Per address by default: from the 10th failure 1, 2, 4 … s at most 30 s; the 30th locks 15 min.
  const identity::Backoff address{10, 30, 15 * 60 * 1000, 30 * 1000};
  struct Case {
    int failures;
    std::int64_t wait_ms;
  } cases[] = {{0, 0},      {1, 0},      {9, 0},      {10, 1000},   {11, 2000},   {12, 4000},
               {14, 16000}, {15, 30000}, {29, 30000}, {30, 900000}, {31, 900000}, {1000, 900000}};
  for (const auto& c : cases) EXPECT_EQ(identity::wait_after(address, c.failures), c.wait_ms) << c.failures;
  // Per account: from the 3rd failure 1, 2, 4 … s; the 10th locks.
  const identity::Backoff account{3, 10, 15 * 60 * 1000, 15 * 60 * 1000};
  EXPECT_EQ(identity::wait_after(account, 2), 0);
  EXPECT_EQ(identity::wait_after(account, 3), 1000);
  EXPECT_EQ(identity::wait_after(account, 9), 64000);
  EXPECT_EQ(identity::wait_after(account, 10), 900000);
  // A lock threshold far away never overflows the doubling.
  EXPECT_EQ(identity::wait_after({1, 1000, 1, 5000}, 900), 5000);
}

TEST(ClientAddress, CanonicalSpellingOfIpAddresses) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {{"192.0.2.7", "192.0.2.7"},
               {"2001:DB8:0:0::1", "2001:db8::1"},
               {"::ffff:192.0.2.7", "192.0.2.7"},
               {"::1", "::1"},
               {"", ""},
               {"192.0.2", ""},
               {"192.0.2.7:8080", ""},
               {"[::1]", ""},
               {"unknown", ""},
               {" 192.0.2.7", ""},
               {"192.0.2.256", ""}};
  for (const auto& c : cases) EXPECT_EQ(http::canonical_address(c.in), c.out) << c.in;
}

TEST(ClientAddress, TrustedProxyListIsParsedStrictly) {
  auto none = http::parse_trusted_proxies("");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  auto two = http::parse_trusted_proxies(" 127.0.0.1 , 2001:DB8::5 ");
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(*two, (std::vector<std::string>{"127.0.0.1", "2001:db8::5"}));
  auto bad = http::parse_trusted_proxies("127.0.0.1,proxy.local");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("„proxy.local”"), std::string::npos) << bad.error().message;
  EXPECT_FALSE(http::parse_trusted_proxies("127.0.0.1,,10.0.0.1").ok());
}

TEST(ClientAddress, ForwardedForIsBelievedOnlyFromATrustedProxy) {
  const std::vector<std::string> trusted{"10.0.0.1"};
  auto request = [](std::string peer, std::vector<std::pair<std::string, std::string>> headers) {
    http::Request r;
    r.remote_ip = std::move(peer);
    r.headers = std::move(headers);
    return r;
  };
  struct Case {
    const char* why;
    http::Request req;
    std::vector<std::string> trusted;
    const char* client;
  } cases[] = {
      {"trusted proxy: the last entry", request("10.0.0.1", {{"X-Forwarded-For", "198.51.100.1, 203.0.113.9"}}),
       trusted, "203.0.113.9"},
      {"header name in any case", request("10.0.0.1", {{"x-forwarded-for", "203.0.113.9"}}), trusted, "203.0.113.9"},
      {"several header lines: the last line's last entry",
       request("10.0.0.1", {{"X-Forwarded-For", "203.0.113.1"}, {"X-Forwarded-For", "198.51.100.2,203.0.113.2"}}),
       trusted, "203.0.113.2"},
      {"canonical spelling", request("10.0.0.1", {{"X-Forwarded-For", "2001:DB8::0:1"}}), trusted, "2001:db8::1"},
      {"untrusted peer: header ignored", request("192.0.2.50", {{"X-Forwarded-For", "203.0.113.9"}}), trusted,
       "192.0.2.50"},
      {"no proxies configured: header ignored",
       request("10.0.0.1", {{"X-Forwarded-For", "203.0.113.9"}}),
       {},
       "10.0.0.1"},
      {"trusted proxy without the header", request("10.0.0.1", {}), trusted, "10.0.0.1"},
      {"last entry not an address", request("10.0.0.1", {{"X-Forwarded-For", "203.0.113.9, unknown"}}), trusted,
       "10.0.0.1"},
      {"empty header", request("10.0.0.1", {{"X-Forwarded-For", ""}}), trusted, "10.0.0.1"},
      {"peer as IPv4-mapped IPv6", request("::ffff:10.0.0.1", {{"X-Forwarded-For", "203.0.113.9"}}), trusted,
       "203.0.113.9"},
  };
  for (const auto& c : cases) EXPECT_EQ(http::client_address(c.req, c.trusted), c.client) << c.why;
}

}  // namespace ostoja
