// The few cryptographic primitives SASL needs, over OpenSSL: SHA-256/512 hashes and HMACs,
// PBKDF2 (RFC 8018, the "Hi" of SCRAM), base64, random bytes and a constant-time comparison.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kastle::broker::crypto {

using Bytes = std::vector<uint8_t>;

enum class Hash { Sha256, Sha512 };

size_t digestSize(Hash hash);
Bytes digest(Hash hash, std::string_view data);
Bytes hmac(Hash hash, const Bytes &key, std::string_view data);
Bytes pbkdf2(Hash hash, std::string_view password, const Bytes &salt, int iterations);
Bytes randomBytes(size_t n);

std::string base64Encode(const Bytes &data);
// nullopt for text that is not canonical base64.
std::optional<Bytes> base64Decode(std::string_view text);

bool constantTimeEquals(const Bytes &a, const Bytes &b);
// Overwrites the string's characters (for passwords read from files or the command line).
void wipe(std::string &secret);

inline std::string_view asText(const Bytes &b)
{
    return {reinterpret_cast<const char *>(b.data()), b.size()};
}

} // namespace kastle::broker::crypto
