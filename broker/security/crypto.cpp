// OpenSSL-backed primitives for SASL.
#include "crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace kastle::broker::crypto {

namespace {

const EVP_MD *md(Hash hash)
{
    return hash == Hash::Sha256 ? EVP_sha256() : EVP_sha512();
}

} // namespace

size_t digestSize(Hash hash)
{
    return hash == Hash::Sha256 ? 32 : 64;
}

Bytes digest(Hash hash, std::string_view data)
{
    Bytes out(digestSize(hash));
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), out.data(), &len, md(hash), nullptr) != 1)
        throw std::runtime_error("EVP_Digest failed");
    out.resize(len);
    return out;
}

Bytes hmac(Hash hash, const Bytes &key, std::string_view data)
{
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned int len = 0;
    if (!HMAC(md(hash), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char *>(data.data()), data.size(), out.data(), &len))
        throw std::runtime_error("HMAC failed");
    out.resize(len);
    return out;
}

Bytes pbkdf2(Hash hash, std::string_view password, const Bytes &salt, int iterations)
{
    Bytes out(digestSize(hash));
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                          static_cast<int>(salt.size()), iterations, md(hash),
                          static_cast<int>(out.size()), out.data()) != 1)
        throw std::runtime_error("PKCS5_PBKDF2_HMAC failed");
    return out;
}

Bytes randomBytes(size_t n)
{
    Bytes out(n);
    if (RAND_bytes(out.data(), static_cast<int>(n)) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return out;
}

std::string base64Encode(const Bytes &data)
{
    std::string out(4 * ((data.size() + 2) / 3), '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()), data.data(),
                                  static_cast<int>(data.size()));
    out.resize(static_cast<size_t>(n));
    return out;
}

std::optional<Bytes> base64Decode(std::string_view text)
{
    if (text.size() % 4 != 0)
        return std::nullopt;
    for (char c : text)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '+' || c == '/' || c == '='))
            return std::nullopt;
    Bytes out(3 * text.size() / 4);
    const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char *>(text.data()),
                                  static_cast<int>(text.size()));
    if (n < 0)
        return std::nullopt;
    // EVP_DecodeBlock keeps the bytes of the padding; drop them.
    size_t padding = 0;
    if (!text.empty() && text.back() == '=')
        padding = text.size() >= 2 && text[text.size() - 2] == '=' ? 2 : 1;
    out.resize(static_cast<size_t>(n) - padding);
    return out;
}

bool constantTimeEquals(const Bytes &a, const Bytes &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

void wipe(std::string &secret)
{
    if (!secret.empty())
        OPENSSL_cleanse(secret.data(), secret.size());
    secret.clear();
}

} // namespace kastle::broker::crypto
