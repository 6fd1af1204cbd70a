#include "modules/identity/crypto.h"

#include <sodium.h>

#include <stdexcept>

#include "core/text.h"

namespace ostoja::identity {

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
}

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  // Argon2id with libsodium's "interactive" limits (64 MiB, 2 passes): fast enough for logins,
  // expensive enough to slow down an offline attack on a stolen database.
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(const std::string& hash, std::string_view password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_secret(std::size_t bytes) {
  std::string buf(bytes, '\0');
  randombytes_buf(buf.data(), buf.size());
  return text::hex(buf);
}

std::string sha256_hex(std::string_view data) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return text::hex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

}  // namespace ostoja::identity
