#pragma once
// libsodium wrappers: Argon2id password hashes, random secrets, SHA-256.
#include <string>
#include <string_view>

namespace ostoja::identity {

// Throws std::runtime_error if libsodium cannot initialise (broken platform).
void init_crypto();

std::string hash_password(std::string_view password);  // Argon2id, encoded string
bool verify_password(const std::string& hash, std::string_view password);
std::string random_secret(std::size_t bytes = 32);  // hex
std::string sha256_hex(std::string_view data);

}  // namespace ostoja::identity
