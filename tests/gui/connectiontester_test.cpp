// "Test connection" against a closed port: an error within the timeout, while the UI thread's
// event loop keeps turning. Also the profile -> librdkafka property mapping.
#include "kafka/connectiontester.h"
#include "kafka/rdkafkaconfig.h"
#include "sandbox/sandboxcontroller.h"
#include "testhelpers.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace kastle::core;

namespace {

quint16 closedPort()
{
    // Bind an ephemeral port and release it: nothing listens there afterwards.
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

TEST(ConnectionTester, ClosedPortFailsWithinTimeoutWhileEventsFlow)
{
    const quint16 port = closedPort();
    ASSERT_NE(port, 0);
    ConnectionProfile p;
    p.name = QStringLiteral("closed");
    p.bootstrapServers = QStringLiteral("127.0.0.1:%1").arg(port);

    ConnectionTester tester;
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start(10);

    const auto timeout = std::chrono::milliseconds(4000);
    QElapsedTimer clock;
    clock.start();
    const quint64 job = tester.start(p, {}, timeout);
    EXPECT_EQ(ticks, 0); // start() returned without running the test on this thread
    ASSERT_TRUE(finished.wait(int(timeout.count()) + 5000));
    const qint64 elapsed = clock.elapsed();
    ticker.stop();

    ASSERT_EQ(finished.count(), 1);
    EXPECT_EQ(finished.at(0).at(0).toULongLong(), job);
    const auto outcome = finished.at(0).at(1).value<ConnectionTestOutcome>();
    EXPECT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.failure, ConnectionTestOutcome::Failure::Unreachable)
        << outcome.message.toStdString();
    EXPECT_TRUE(outcome.message.contains(QStringLiteral("Connection refused")))
        << outcome.message.toStdString();
    // The timeout contract (plus teardown slack), not a speed claim.
    EXPECT_LE(outcome.elapsedMs, timeout.count() + 2000);
    // The event loop kept turning while the test ran: the ticker fired throughout.
    EXPECT_GE(ticks, 3) << "elapsed " << elapsed << " ms";
}

TEST(ConnectionTester, BadBootstrapHostIsUnreachableOrTimeout)
{
    ConnectionProfile p;
    p.name = QStringLiteral("nowhere");
    p.bootstrapServers = QStringLiteral("no-such-host.invalid:9092");
    const ConnectionTestOutcome outcome =
        ConnectionTester::run(p, {}, std::chrono::milliseconds(3000));
    EXPECT_FALSE(outcome.ok());
    EXPECT_TRUE(outcome.failure == ConnectionTestOutcome::Failure::Unreachable ||
                outcome.failure == ConnectionTestOutcome::Failure::Timeout)
        << outcome.message.toStdString();
    EXPECT_FALSE(outcome.message.isEmpty());
}

TEST(ConnectionTester, RejectedPropertyIsAConfigurationError)
{
    ConnectionProfile p;
    p.name = QStringLiteral("bad property");
    p.bootstrapServers = QStringLiteral("127.0.0.1:1");
    p.extraProperties = {{QStringLiteral("no.such.property"), QStringLiteral("1")}};
    const ConnectionTestOutcome outcome =
        ConnectionTester::run(p, {}, std::chrono::milliseconds(1000));
    EXPECT_EQ(outcome.failure, ConnectionTestOutcome::Failure::Configuration);
    EXPECT_TRUE(outcome.message.contains(QStringLiteral("no.such.property")))
        << outcome.message.toStdString();
}

TEST(RdKafkaConfig, MapsSecurityFields)
{
    ConnectionProfile p;
    p.bootstrapServers = QStringLiteral("a:1, b:2");
    p.securityProtocol = SecurityProtocol::SaslSsl;
    p.saslMechanism = SaslMechanism::ScramSha256;
    p.username = QStringLiteral("u");
    p.caFile = QStringLiteral("/ca.pem");
    p.verifyHostname = false;
    p.extraProperties = {{QStringLiteral("client.id"), QStringLiteral("k")}};
    const ProfileSecrets s{QStringLiteral("pw"), {}, {}};
    const PropertyList props = RdKafkaConfigBuilder::properties(p, s, true);
    const auto value = [&](const char *key) {
        for (const auto &[k, v] : props) {
            if (k == QLatin1String(key))
                return v;
        }
        return QStringLiteral("<unset>");
    };
    EXPECT_EQ(value("bootstrap.servers"), QStringLiteral("a:1,b:2"));
    EXPECT_EQ(value("security.protocol"), QStringLiteral("SASL_SSL"));
    EXPECT_EQ(value("sasl.mechanisms"), QStringLiteral("SCRAM-SHA-256"));
    EXPECT_EQ(value("sasl.username"), QStringLiteral("u"));
    EXPECT_EQ(value("sasl.password"), QStringLiteral("********")); // masked for display
    EXPECT_EQ(value("ssl.ca.location"), QStringLiteral("/ca.pem"));
    EXPECT_EQ(value("ssl.endpoint.identification.algorithm"), QStringLiteral("none"));
    EXPECT_EQ(value("client.id"), QStringLiteral("k"));
    EXPECT_EQ(value("ssl.key.password"), QStringLiteral("<unset>"));

    const Result<RdKafkaConfig> conf = RdKafkaConfigBuilder::make(p, s);
    ASSERT_TRUE(conf.ok()) << conf.error().message.toStdString();
    char buf[256];
    size_t size = sizeof buf;
    ASSERT_EQ(rd_kafka_conf_get(conf->conf.get(), "sasl.password", buf, &size), RD_KAFKA_CONF_OK);
    EXPECT_STREQ(buf, "pw");

    p.saslMechanism = SaslMechanism::OAuthBearer;
    const Result<RdKafkaConfig> oauth =
        RdKafkaConfigBuilder::make(p, {{}, QStringLiteral("tkn"), {}});
    ASSERT_TRUE(oauth.ok()) << oauth.error().message.toStdString();
    EXPECT_EQ(oauth->context->oauthToken, QByteArray("tkn"));
}

TEST(ConnectionTester, RealSandboxBrokerAnswersWithClusterIdAndBrokers)
{
    // The sandbox launcher and the tester together against the real kastle-broker.
    QTemporaryDir dir;
    SandboxController sandbox(kastle::test::binDir() + QStringLiteral("/kastle-broker"),
                              dir.filePath(QStringLiteral("sandbox")));
    sandbox.start();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return sandbox.state() != SandboxController::State::Starting; }, 30000));
    ASSERT_EQ(sandbox.state(), SandboxController::State::Running) << sandbox.reason().toStdString();

    ConnectionProfile p;
    p.name = QStringLiteral("sandbox");
    p.bootstrapServers = sandbox.bootstrap();
    ConnectionTester tester;
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.start(p, {}, std::chrono::seconds(10));
    ASSERT_TRUE(finished.wait(20000));
    const auto outcome = finished.at(0).at(1).value<ConnectionTestOutcome>();
    EXPECT_TRUE(outcome.ok()) << outcome.message.toStdString();
    EXPECT_GE(outcome.brokerCount, 1);
    EXPECT_FALSE(outcome.clusterId.isEmpty());
    EXPECT_TRUE(outcome.message.contains(outcome.clusterId)) << outcome.message.toStdString();

    sandbox.stop();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return sandbox.state() == SandboxController::State::Stopped; }, 15000));
}

TEST(ConnectionTester, TlsToAPlainServerIsATlsFailure)
{
    // A listener that answers every connection with plain text: the TLS handshake must fail,
    // and the tester must say it was TLS, not "unreachable" or a timeout.
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    QObject::connect(&server, &QTcpServer::newConnection, [&] {
        while (QTcpSocket *s = server.nextPendingConnection()) {
            s->write("HTTP/1.0 400 Bad Request\r\n\r\nthis is not TLS\r\n");
            s->flush();
        }
    });
    ConnectionProfile p;
    p.name = QStringLiteral("plain server");
    p.bootstrapServers = QStringLiteral("127.0.0.1:%1").arg(server.serverPort());
    p.securityProtocol = SecurityProtocol::Ssl;
    ConnectionTester tester;
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.start(p, {}, std::chrono::seconds(8));
    ASSERT_TRUE(finished.wait(15000));
    const auto outcome = finished.at(0).at(1).value<ConnectionTestOutcome>();
    EXPECT_EQ(outcome.failure, ConnectionTestOutcome::Failure::Tls)
        << outcome.message.toStdString();
    EXPECT_TRUE(outcome.message.contains(QStringLiteral("TLS"))) << outcome.message.toStdString();
    // Plain words: no librdkafka log prefixes in what the user reads.
    EXPECT_FALSE(outcome.message.contains(QStringLiteral("thrd:")))
        << outcome.message.toStdString();
}
