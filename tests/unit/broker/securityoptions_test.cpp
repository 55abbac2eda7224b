// The listener and security options of kastle-broker's command line
// (security/securityoptions.h): listener specs, users (salted at once), mechanisms, TLS files.
#include "config/commandline.h"
#include "security/listeners.h"
#include "security/securityoptions.h"

#include <gtest/gtest.h>

using namespace kastle::broker;

namespace {

CommandLine parse(std::vector<std::string> args)
{
    args.insert(args.begin(), {"--data-dir", "/tmp/x"});
    return parseCommandLine(args);
}

} // namespace

TEST(SecurityOptions, ListenerSpecs)
{
    std::string error;
    auto spec = parseListenerSpec("SASL_SSL://127.0.0.1:9093", error);
    ASSERT_TRUE(spec) << error;
    EXPECT_EQ(spec->name, "SASL_SSL");
    EXPECT_EQ(spec->protocol, SecurityProtocol::SaslSsl);
    EXPECT_EQ(spec->host, "127.0.0.1");
    EXPECT_EQ(spec->port, 9093);
    spec = parseListenerSpec("INTERNAL=SASL_PLAINTEXT://[::1]:0", error);
    ASSERT_TRUE(spec) << error;
    EXPECT_EQ(spec->name, "INTERNAL");
    EXPECT_EQ(spec->protocol, SecurityProtocol::SaslPlaintext);
    EXPECT_EQ(spec->host, "::1");
    EXPECT_EQ(spec->port, 0);
    for (const char *bad : {"127.0.0.1:9092", "TLS://h:1", "SSL://h", "SSL://h:70000", "SSL://h:x",
                            "bad name=SSL://h:1", "SSL://:"}) {
        EXPECT_FALSE(parseListenerSpec(bad, error)) << bad;
        EXPECT_FALSE(error.empty());
    }
}

TEST(SecurityOptions, CommandLine)
{
    auto cl = parse({"--listener", "PLAINTEXT://127.0.0.1:0", "--listener",
                     "SECURE=SASL_SSL://127.0.0.1:0", "--sasl-user", "alice:a:b",
                     "--sasl-mechanisms", "SCRAM-SHA-512,PLAIN", "--ssl-cert", "c.pem", "--ssl-key",
                     "k.pem", "--ssl-ca", "ca.pem", "--ssl-client-auth", "requested"});
    ASSERT_EQ(cl.action, CommandLine::Action::Run) << cl.error;
    const SecurityOptions &s = cl.options.security;
    ASSERT_EQ(s.listeners.size(), 2u);
    EXPECT_EQ(s.listeners[1].name, "SECURE");
    ASSERT_TRUE(s.users);
    EXPECT_TRUE(s.users->verifyPassword("alice", "a:b"));
    EXPECT_EQ(s.saslMechanisms, (std::vector<std::string>{"SCRAM-SHA-512", "PLAIN"}));
    EXPECT_EQ(s.sslCertificate, "c.pem");
    EXPECT_EQ(s.sslKey, "k.pem");
    EXPECT_EQ(s.sslCa, "ca.pem");
    EXPECT_EQ(s.clientAuth, ClientAuth::Requested);

    for (const auto &bad : std::vector<std::vector<std::string>>{
             {"--listener", "SSL://h:1", "--listener", "SSL://h:2"},
             {"--sasl-user", "nopassword"},
             {"--sasl-user", ":x"},
             {"--sasl-mechanisms", "GSSAPI"},
             {"--ssl-client-auth", "maybe"},
             {"--ssl-cert", ""}}) {
        const auto r = parse(bad);
        EXPECT_EQ(r.action, CommandLine::Action::Error) << bad[0] << " " << bad[1];
        EXPECT_FALSE(r.error.empty());
    }
}

TEST(SecurityOptions, SetupNeedsUsersAndCertificates)
{
    std::string error;
    SecurityOptions o;
    o.listeners.push_back({"SASL_PLAINTEXT", SecurityProtocol::SaslPlaintext, "127.0.0.1", 0});
    EXPECT_EQ(SecuritySetup::create(o, "127.0.0.1", 0, error), nullptr);
    EXPECT_NE(error.find("SASL users"), std::string::npos) << error;

    o.listeners = {{"SSL", SecurityProtocol::Ssl, "127.0.0.1", 0}};
    error.clear();
    EXPECT_EQ(SecuritySetup::create(o, "127.0.0.1", 0, error), nullptr);
    EXPECT_NE(error.find("--ssl-cert"), std::string::npos) << error;
    o.sslCertificate = "/nonexistent/cert.pem";
    o.sslKey = "/nonexistent/key.pem";
    error.clear();
    EXPECT_EQ(SecuritySetup::create(o, "127.0.0.1", 0, error), nullptr);
    EXPECT_FALSE(error.empty());

    // No listener: one PLAINTEXT listener on the default address.
    const auto plain = SecuritySetup::create({}, "127.0.0.1", 9092, error);
    ASSERT_NE(plain, nullptr);
    ASSERT_EQ(plain->listeners().size(), 1u);
    EXPECT_EQ(plain->listeners()[0].spec.protocol, SecurityProtocol::Plaintext);
    EXPECT_EQ(plain->listeners()[0].spec.port, 9092);
    EXPECT_FALSE(plain->anySasl());
}
