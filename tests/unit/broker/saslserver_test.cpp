// SASL servers (security/saslserver.h) driven by a client written here from RFC 5802: PLAIN,
// SCRAM-SHA-256 and SCRAM-SHA-512 success, wrong passwords, unknown users, malformed messages,
// and the users file format.
#include "security/saslserver.h"

#include "../../support/tempdir.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace kastle::broker;
using crypto::Bytes;
using crypto::Hash;

namespace {

Bytes bytes(std::string_view s)
{
    return Bytes(s.begin(), s.end());
}

UserStore users()
{
    UserStore store;
    std::string password = "pencil";
    std::string error;
    EXPECT_TRUE(store.addUser("user", password, &error)) << error;
    EXPECT_NE(password, "pencil") << "the clear password is wiped";
    return store;
}

Bytes xorBytes(const Bytes &a, const Bytes &b)
{
    Bytes out(a.size());
    for (size_t i = 0; i < a.size(); ++i)
        out[i] = a[i] ^ b[i];
    return out;
}

// One SCRAM exchange as a client would run it; returns the final step.
SaslStep scram(SaslServer &server, Hash hash, const std::string &user, const std::string &password,
               std::string *serverFinal = nullptr)
{
    const std::string clientNonce = "fyko+d2lbbFgONRv9qkxdawL";
    const std::string clientFirstBare = "n=" + user + ",r=" + clientNonce;
    const SaslStep first = server.step(bytes("n,," + clientFirstBare));
    if (first.outcome != SaslStep::Outcome::Continue)
        return first;
    const std::string serverFirst(crypto::asText(first.response));
    // r=<nonce>,s=<salt>,i=<n>
    const size_t s = serverFirst.find(",s=");
    const size_t i = serverFirst.find(",i=");
    EXPECT_TRUE(s != std::string::npos && i != std::string::npos) << serverFirst;
    const std::string nonce = serverFirst.substr(2, s - 2);
    EXPECT_EQ(nonce.rfind(clientNonce, 0), 0u) << "the server nonce extends the client's";
    const Bytes salt = *crypto::base64Decode(serverFirst.substr(s + 3, i - s - 3));
    const int iterations = std::stoi(serverFirst.substr(i + 3));
    const std::string withoutProof = "c=" + crypto::base64Encode(bytes("n,,")) + ",r=" + nonce;
    const std::string authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
    const Bytes salted = crypto::pbkdf2(hash, password, salt, iterations);
    const Bytes clientKey = crypto::hmac(hash, salted, "Client Key");
    const Bytes storedKey = crypto::digest(hash, crypto::asText(clientKey));
    const Bytes proof = xorBytes(clientKey, crypto::hmac(hash, storedKey, authMessage));
    const SaslStep final = server.step(bytes(withoutProof + ",p=" + crypto::base64Encode(proof)));
    if (final.outcome == SaslStep::Outcome::Success) {
        const Bytes serverKey = crypto::hmac(hash, salted, "Server Key");
        const std::string expected =
            "v=" + crypto::base64Encode(crypto::hmac(hash, serverKey, authMessage));
        EXPECT_EQ(crypto::asText(final.response), expected) << "the server proves itself";
        if (serverFinal)
            *serverFinal = std::string(crypto::asText(final.response));
    }
    return final;
}

} // namespace

TEST(SaslServer, Plain)
{
    const UserStore store = users();
    auto ok = SaslServer::create("PLAIN", store);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->step(bytes(std::string("\0user\0pencil", 12))).outcome,
              SaslStep::Outcome::Success);
    EXPECT_EQ(ok->user(), "user");
    auto authz = SaslServer::create("PLAIN", store);
    EXPECT_EQ(authz->step(bytes(std::string("user\0user\0pencil", 16))).outcome,
              SaslStep::Outcome::Success);
    for (const std::string &bad :
         {std::string("\0user\0pen", 9), std::string("\0nobody\0pencil", 14),
          std::string("other\0user\0pencil", 17), std::string("user")}) {
        auto server = SaslServer::create("PLAIN", store);
        const SaslStep step = server->step(bytes(bad));
        EXPECT_EQ(step.outcome, SaslStep::Outcome::Failure);
        EXPECT_FALSE(step.error.empty());
    }
    EXPECT_EQ(SaslServer::create("GSSAPI", store), nullptr);
}

TEST(SaslServer, ScramSha256AndSha512)
{
    const UserStore store = users();
    for (const auto &[name, hash] :
         {std::pair{"SCRAM-SHA-256", Hash::Sha256}, std::pair{"SCRAM-SHA-512", Hash::Sha512}}) {
        SCOPED_TRACE(name);
        auto good = SaslServer::create(name, store);
        EXPECT_EQ(scram(*good, hash, "user", "pencil").outcome, SaslStep::Outcome::Success);
        EXPECT_EQ(good->user(), "user");
        auto wrong = SaslServer::create(name, store);
        const SaslStep refused = scram(*wrong, hash, "user", "pencil2");
        EXPECT_EQ(refused.outcome, SaslStep::Outcome::Failure);
        EXPECT_NE(refused.error.find("invalid credentials"), std::string::npos) << refused.error;
        auto unknown = SaslServer::create(name, store);
        EXPECT_EQ(scram(*unknown, hash, "nobody", "pencil").outcome, SaslStep::Outcome::Failure);
    }
}

TEST(SaslServer, ScramRefusesMalformedMessages)
{
    const UserStore store = users();
    for (const std::string first : {"", "p=tls-unique,,n=user,r=abc", "n,,r=abc", "n,,n=user",
                                    "n,,n=us=ZZer,r=abc", "n,a=other,n=user,r=abc"}) {
        auto server = SaslServer::create("SCRAM-SHA-256", store);
        EXPECT_EQ(server->step(bytes(first)).outcome, SaslStep::Outcome::Failure) << first;
    }
    auto server = SaslServer::create("SCRAM-SHA-256", store);
    ASSERT_EQ(server->step(bytes("n,,n=user,r=abc")).outcome, SaslStep::Outcome::Continue);
    EXPECT_EQ(server->step(bytes("c=biws,r=abc,p=AAAA")).outcome, SaslStep::Outcome::Failure)
        << "the nonce must carry the server's part";
    EXPECT_EQ(server->step(bytes("anything")).outcome, SaslStep::Outcome::Failure);
}

TEST(SaslServer, CredentialsAreSaltedAndUsersFileIsRead)
{
    const UserStore store = users();
    const ScramCredential *c = store.credential("user", Hash::Sha256);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->iterations, UserStore::kIterations);
    EXPECT_FALSE(c->salt.empty());
    EXPECT_EQ(c->storedKey.size(), 32u);
    EXPECT_EQ(store.credential("user", Hash::Sha512)->storedKey.size(), 64u);
    EXPECT_TRUE(store.verifyPassword("user", "pencil"));
    EXPECT_FALSE(store.verifyPassword("user", "Pencil"));
    EXPECT_FALSE(store.verifyPassword("nobody", "pencil"));

    kastle::testing::TempDir dir;
    {
        std::ofstream f(dir / "users");
        f << "# comment\n\nalice:a:b:c\nbob:\n";
    }
    UserStore fromFile;
    std::string error;
    ASSERT_TRUE(fromFile.loadFile(dir / "users", &error)) << error;
    EXPECT_TRUE(fromFile.verifyPassword("alice", "a:b:c"));
    EXPECT_TRUE(fromFile.contains("bob"));
    {
        std::ofstream f(dir / "bad");
        f << "alice:x\nno-colon-here\n";
    }
    UserStore bad;
    EXPECT_FALSE(bad.loadFile(dir / "bad", &error));
    EXPECT_NE(error.find(":2:"), std::string::npos) << "names the line: " << error;
    EXPECT_FALSE(bad.loadFile(dir / "missing", &error));
}
