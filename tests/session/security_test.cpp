// ClusterSession through kastle-broker's secured listeners: SASL PLAIN and SCRAM-SHA-256/512
// over plain TCP and over TLS, TLS with a client certificate, and the failures a person must
// be told about (wrong password, unknown CA, missing client certificate). Both of the session's
// clients are exercised: the wire client (polling, DescribeCluster) and librdkafka (CreateTopic).
//
// The certificates are made per test run by the openssl command: a CA, a server certificate for
// 127.0.0.1 and a client certificate, all signed by that CA.
#include "sessiontesting.h"

#include <QFile>

using namespace kastle::core;
using namespace kastle::testing;

namespace {

// A CA with a server and a client certificate in a temporary directory.
class Certificates
{
public:
    bool make()
    {
        const std::string d = m_dir.path().toStdString();
        const auto run = [&](std::vector<std::string> argv) {
            const RunResult r = runCommand(argv);
            if (r.exitCode != 0)
                m_error += r.err;
            return r.exitCode == 0;
        };
        const auto sign = [&](const std::string &name, const std::string &cn,
                              const std::string &ext) {
            std::FILE *f = std::fopen((d + "/" + name + ".ext").c_str(), "w");
            if (!f)
                return false;
            std::fputs(ext.c_str(), f);
            std::fclose(f);
            return run({"openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout",
                        d + "/" + name + ".key", "-out", d + "/" + name + ".csr", "-subj",
                        "/CN=" + cn}) &&
                   run({"openssl", "x509", "-req", "-in", d + "/" + name + ".csr", "-CA",
                        d + "/ca.pem", "-CAkey", d + "/ca.key", "-CAcreateserial", "-out",
                        d + "/" + name + ".pem", "-days", "2", "-extfile",
                        d + "/" + name + ".ext"});
        };
        return run({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    d + "/ca.key", "-out", d + "/ca.pem", "-days", "2", "-subj",
                    "/CN=Kastle test CA"}) &&
               run({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    d + "/other-ca.key", "-out", d + "/other-ca.pem", "-days", "2", "-subj",
                    "/CN=Some other CA"}) &&
               sign("server", "localhost",
                    "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n") &&
               sign("client", "kastle-client", "extendedKeyUsage=clientAuth\n");
    }
    std::string path(const std::string &name) const
    {
        return m_dir.path().toStdString() + "/" + name;
    }
    QString qpath(const std::string &name) const { return QString::fromStdString(path(name)); }
    const std::string &error() const { return m_error; }

private:
    QTemporaryDir m_dir;
    std::string m_error;
};

class SecurityTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        certs = new Certificates;
        certsMade = certs->make();
    }
    static void TearDownTestSuite()
    {
        delete certs;
        certs = nullptr;
    }
    void SetUp() override { ASSERT_TRUE(certsMade) << certs->error(); }
    void TearDown() override
    {
        if (session) {
            session->close();
            EXPECT_TRUE(session->waitForClosed(std::chrono::seconds(10)));
        }
    }

    bool startBroker(std::vector<std::string> args)
    {
        broker = std::make_unique<BrokerFixture>(std::move(args));
        return broker->start();
    }
    ConnectionProfile profile(SecurityProtocol protocol, SaslMechanism mechanism,
                              const QString &username)
    {
        ConnectionProfile p = plainProfile(broker->bootstrapQ());
        p.securityProtocol = protocol;
        p.saslMechanism = mechanism;
        p.username = username;
        return p;
    }
    // TLS with the test client certificate, trusting the CA in `caFile`.
    ConnectionProfile clientCertificateProfile(const QString &caFile)
    {
        ConnectionProfile p = profile(SecurityProtocol::Ssl, SaslMechanism::Plain, QString());
        p.caFile = certs->qpath(caFile.toStdString());
        p.certificateFile = certs->qpath("client.pem");
        p.keyFile = certs->qpath("client.key");
        return p;
    }
    // Opens a session and waits until it is Connected or Lost.
    SessionState open(const ConnectionProfile &p, const QString &password)
    {
        ProfileSecrets secrets;
        secrets.password = password;
        session = std::make_unique<ClusterSession>(p, secrets, fastOptions());
        session->open();
        waitUntil([&] {
            const SessionState s = session->status().state;
            return s == SessionState::Connected || s == SessionState::Lost;
        });
        return session->status().state;
    }
    // The session is fully usable: a complete snapshot through the wire client, DescribeCluster
    // through the wire client, and a topic created through librdkafka that the next snapshots
    // show.
    void expectUsable(const QString &topic)
    {
        ASSERT_EQ(session->status().state, SessionState::Connected)
            << session->status().reason.toStdString();
        auto snap = snapshotWhere(*session, [](const ClusterSnapshot &s) { return s.complete(); });
        ASSERT_TRUE(snap);
        ASSERT_EQ(snap->brokers->brokers.size(), 1u);
        EXPECT_EQ(QStringLiteral("%1:%2")
                      .arg(snap->brokers->brokers[0].host)
                      .arg(snap->brokers->brokers[0].port),
                  broker->bootstrapQ());
        const Result<ClusterDescription> d = await(session->describeCluster());
        ASSERT_TRUE(d.ok()) << d.error().message.toStdString();
        EXPECT_EQ(d->clusterId, snap->clusterId);
        const Status created = await(session->createTopic({topic, 2, 1, {}}));
        ASSERT_TRUE(created.ok()) << created.error().message.toStdString();
        EXPECT_TRUE(snapshotWhere(*session, [&](const ClusterSnapshot &s) {
            const TopicSnapshot *t = s.topics->find(topic);
            return t && t->partitions.size() == 2 && t->partitions[1].endOffset == 0;
        }));
    }

    // An SSL listener that requires a client certificate signed by the test CA.
    static std::vector<std::string> mutualTlsListener()
    {
        return {"--listener",        "SSL://127.0.0.1:0",
                "--ssl-cert",        certs->path("server.pem"),
                "--ssl-key",         certs->path("server.key"),
                "--ssl-ca",          certs->path("ca.pem"),
                "--ssl-client-auth", "required"};
    }

    static Certificates *certs;
    static bool certsMade;
    std::unique_ptr<BrokerFixture> broker;
    std::unique_ptr<ClusterSession> session;
};

Certificates *SecurityTest::certs = nullptr;
bool SecurityTest::certsMade = false;

const std::vector<std::string> kUsers = {"--sasl-user", "alice:wonder-land", "--sasl-mechanisms",
                                         "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512"};

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string> &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

} // namespace

TEST_F(SecurityTest, SaslOverPlainTcpWithEveryMechanism)
{
    ASSERT_TRUE(startBroker(with({"--listener", "SASL_PLAINTEXT://127.0.0.1:0"}, kUsers)))
        << broker->log();
    const std::pair<SaslMechanism, QString> mechanisms[] = {
        {SaslMechanism::Plain, QStringLiteral("plain")},
        {SaslMechanism::ScramSha256, QStringLiteral("scram256")},
        {SaslMechanism::ScramSha512, QStringLiteral("scram512")}};
    for (const auto &[mechanism, topic] : mechanisms) {
        SCOPED_TRACE(topic.toStdString());
        open(profile(SecurityProtocol::SaslPlaintext, mechanism, QStringLiteral("alice")),
             QStringLiteral("wonder-land"));
        expectUsable(topic);
        session->close();
        ASSERT_TRUE(session->waitForClosed(std::chrono::seconds(10)));
        session.reset();
    }
}

TEST_F(SecurityTest, WrongPasswordIsLostWithTheReason)
{
    ASSERT_TRUE(startBroker(with({"--listener", "SASL_PLAINTEXT://127.0.0.1:0"}, kUsers)))
        << broker->log();
    for (SaslMechanism m : {SaslMechanism::Plain, SaslMechanism::ScramSha512}) {
        const SessionState state =
            open(profile(SecurityProtocol::SaslPlaintext, m, QStringLiteral("alice")),
                 QStringLiteral("not-the-password"));
        EXPECT_EQ(state, SessionState::Lost);
        const QString reason = session->status().reason;
        EXPECT_TRUE(reason.contains(QStringLiteral("authenticat"), Qt::CaseInsensitive))
            << reason.toStdString();
        session->close();
        ASSERT_TRUE(session->waitForClosed(std::chrono::seconds(10)));
        session.reset();
    }
}

TEST_F(SecurityTest, ScramOverTls)
{
    ASSERT_TRUE(
        startBroker(with({"--listener", "SASL_SSL://127.0.0.1:0", "--ssl-cert",
                          certs->path("server.pem"), "--ssl-key", certs->path("server.key")},
                         kUsers)))
        << broker->log();
    ConnectionProfile p =
        profile(SecurityProtocol::SaslSsl, SaslMechanism::ScramSha512, QStringLiteral("alice"));
    p.caFile = certs->qpath("ca.pem");
    open(p, QStringLiteral("wonder-land"));
    expectUsable(QStringLiteral("over-tls"));
}

TEST_F(SecurityTest, TlsWithAClientCertificate)
{
    ASSERT_TRUE(startBroker(mutualTlsListener())) << broker->log();
    open(clientCertificateProfile(QStringLiteral("ca.pem")), QString());
    expectUsable(QStringLiteral("mutual-tls"));
}

TEST_F(SecurityTest, TlsFailuresAreLostWithTheReason)
{
    ASSERT_TRUE(startBroker(mutualTlsListener())) << broker->log();
    // A CA that did not sign the broker's certificate.
    EXPECT_EQ(open(clientCertificateProfile(QStringLiteral("other-ca.pem")), QString()),
              SessionState::Lost);
    EXPECT_TRUE(
        session->status().reason.contains(QStringLiteral("certificate"), Qt::CaseInsensitive))
        << session->status().reason.toStdString();
    session->close();
    ASSERT_TRUE(session->waitForClosed(std::chrono::seconds(10)));

    // The right CA but no client certificate: the broker refuses the handshake.
    ConnectionProfile anonymous = profile(SecurityProtocol::Ssl, SaslMechanism::Plain, QString());
    anonymous.caFile = certs->qpath("ca.pem");
    EXPECT_EQ(open(anonymous, QString()), SessionState::Lost);
    EXPECT_FALSE(session->status().reason.isEmpty());
}

TEST_F(SecurityTest, AMissingCaFileIsNamed)
{
    ASSERT_TRUE(startBroker({})) << broker->log();
    ConnectionProfile p = profile(SecurityProtocol::Ssl, SaslMechanism::Plain, QString());
    p.caFile = certs->qpath("no-such-ca.pem");
    EXPECT_EQ(open(p, QString()), SessionState::Lost);
    EXPECT_TRUE(session->status().reason.contains(QStringLiteral("no-such-ca.pem")))
        << session->status().reason.toStdString();
}
