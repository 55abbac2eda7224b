// SASL users and their credentials, kept salted: for each user a SCRAM credential per hash
// (RFC 5802: salt, iteration count, StoredKey = H(HMAC(SaltedPassword, "Client Key")),
// ServerKey = HMAC(SaltedPassword, "Server Key")). The clear password is used once to derive
// them and then wiped; PLAIN logins are checked by deriving the StoredKey again from the
// password offered.
//
// Users file (--sasl-users-file): one "name:password" per line; blank lines and lines starting
// with '#' are ignored; the password is everything after the first ':'. A name is 1..255 bytes
// without ':' or control characters.
#pragma once

#include "crypto.h"

#include <map>
#include <optional>
#include <string>

namespace kastle::broker {

struct ScramCredential
{
    crypto::Bytes salt;
    int iterations = 0;
    crypto::Bytes storedKey;
    crypto::Bytes serverKey;
};

class UserStore
{
public:
    static constexpr int kIterations = 4096;

    // Adds or replaces a user; `password` is wiped. False with a sentence for a bad name.
    bool addUser(const std::string &name, std::string &password, std::string *error);
    // Reads a users file (see the file comment). False with a sentence naming the line.
    bool loadFile(const std::string &path, std::string *error);

    bool empty() const { return m_users.empty(); }
    size_t size() const { return m_users.size(); }
    bool contains(const std::string &name) const { return m_users.count(name) != 0; }
    const ScramCredential *credential(const std::string &name, crypto::Hash hash) const;
    // PLAIN: whether `password` is the user's.
    bool verifyPassword(const std::string &name, std::string_view password) const;

    // The salted credential of a password (what addUser stores), for tests and the file loader.
    static ScramCredential derive(crypto::Hash hash, std::string_view password,
                                  crypto::Bytes salt, int iterations);

private:
    struct User
    {
        ScramCredential sha256;
        ScramCredential sha512;
    };
    std::map<std::string, User, std::less<>> m_users;
};

} // namespace kastle::broker
