// Import of Java client.properties and librdkafka property files: mapping, warnings, and bad
// files that import nothing and name their lines.
#include "profiles/profileimport.h"
#include "testhelpers.h"

using namespace kastle::core;

TEST(ProfileImport, JavaScramFileWithContinuationAndWarnings)
{
    const auto r = ProfileImport::fromFile(kastle::test::dataFile("client-scram.properties"),
                                           PropertyFormat::JavaClient);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    const ConnectionProfile &p = r->profile;
    EXPECT_EQ(p.name, QStringLiteral("client-scram"));
    EXPECT_EQ(p.bootstrapServers, QStringLiteral("pkc-1.example.com:9092,pkc-2.example.com:9092"));
    EXPECT_EQ(p.securityProtocol, SecurityProtocol::SaslSsl);
    EXPECT_EQ(p.saslMechanism, SaslMechanism::ScramSha256);
    EXPECT_EQ(p.username, QStringLiteral("svc-orders"));
    EXPECT_EQ(r->secrets.password, QStringLiteral("p@ss \"quoted\" word"));
    EXPECT_FALSE(p.verifyHostname); // empty algorithm = off
    // Shared keys are kept, Java-only keys are warnings with their line numbers.
    ASSERT_EQ(p.extraProperties.size(), 2);
    EXPECT_EQ(p.extraProperties.at(0),
              std::make_pair(QStringLiteral("client.id"), QStringLiteral("orders-console")));
    EXPECT_EQ(p.extraProperties.at(1).first, QStringLiteral("request.timeout.ms"));
    ASSERT_EQ(r->warnings.size(), 2) << r->warnings.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(r->warnings.at(0).startsWith(QStringLiteral("line 12: acks")));
    EXPECT_TRUE(r->warnings.at(1).startsWith(QStringLiteral("line 13: key.serializer")));
    // The result is a profile the dialog accepts.
    EXPECT_FALSE(ProfileRules::hasErrors(ProfileRules::validate(p, {true, false})));
}

TEST(ProfileImport, BadJavaFileImportsNothingAndNamesLines)
{
    const auto r = ProfileImport::fromFile(kastle::test::dataFile("client-bad.properties"),
                                           PropertyFormat::JavaClient);
    ASSERT_FALSE(r.ok());
    const QString m = r.error().message;
    EXPECT_TRUE(m.contains(QStringLiteral("line 1:"))) << m.toStdString();  // broker-2 has no port
    EXPECT_TRUE(m.contains(QStringLiteral("line 4:"))) << m.toStdString();  // JAAS without password
    EXPECT_TRUE(m.contains(QStringLiteral("line 5:"))) << m.toStdString();  // JKS trust store
    EXPECT_TRUE(m.contains(QStringLiteral("keytool"))) << m.toStdString();  // says how to convert
    EXPECT_FALSE(m.contains(QStringLiteral("line 6:"))) << m.toStdString(); // only a warning
}

TEST(ProfileImport, LibrdkafkaFileKeepsUnknownKeysAsExtras)
{
    const auto r = ProfileImport::fromFile(kastle::test::dataFile("librdkafka.conf"),
                                           PropertyFormat::Librdkafka);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    const ConnectionProfile &p = r->profile;
    EXPECT_EQ(p.securityProtocol, SecurityProtocol::Ssl); // case-insensitive
    EXPECT_EQ(p.caFile, QStringLiteral("/etc/kafka/ca.pem"));
    EXPECT_EQ(p.certificateFile, QStringLiteral("/etc/kafka/client.pem"));
    EXPECT_EQ(p.keyFile, QStringLiteral("/etc/kafka/client.key"));
    EXPECT_EQ(r->secrets.keyPassword, QStringLiteral("keysecret"));
    EXPECT_TRUE(p.verifyHostname);
    const PropertyList expected{{QStringLiteral("socket.keepalive.enable"), QStringLiteral("true")},
                                {QStringLiteral("statistics.interval.ms"), QStringLiteral("0")}};
    EXPECT_EQ(p.extraProperties, expected);
    EXPECT_TRUE(r->warnings.isEmpty());
}

TEST(ProfileImport, LibrdkafkaBadLines)
{
    const QString text = QStringLiteral("bootstrap.servers=a:9092\n"
                                        "# comment\n"
                                        "this line has no equals sign\n"
                                        "security.protocol=SASL_SSL\n"
                                        "sasl.mechanisms=DIGEST-MD5\n"
                                        "=value without key\n");
    const auto r = ProfileImport::fromText(text, PropertyFormat::Librdkafka, QStringLiteral("x"));
    ASSERT_FALSE(r.ok());
    const QString m = r.error().message;
    EXPECT_TRUE(m.contains(QStringLiteral("line 3:"))) << m.toStdString();
    EXPECT_TRUE(m.contains(QStringLiteral("line 5:"))) << m.toStdString();
    EXPECT_TRUE(m.contains(QStringLiteral("line 6:"))) << m.toStdString();
    EXPECT_FALSE(m.contains(QStringLiteral("line 4:"))) << m.toStdString();
}

TEST(ProfileImport, PlainJaasAndSaslUsernameForms)
{
    const auto java = ProfileImport::fromText(
        QStringLiteral("bootstrap.servers: k1:9092\n"
                       "security.protocol=SASL_PLAINTEXT\n"
                       "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule "
                       "required username=bob password=\"b\\u00f6b\";\n"),
        PropertyFormat::JavaClient, {});
    ASSERT_TRUE(java.ok()) << java.error().message.toStdString();
    EXPECT_EQ(java->profile.saslMechanism, SaslMechanism::Plain); // implied by PlainLoginModule
    EXPECT_EQ(java->profile.username, QStringLiteral("bob"));
    EXPECT_EQ(java->secrets.password, QString::fromUtf8("böb"));          // \u escape decoded
    EXPECT_EQ(java->profile.bootstrapServers, QStringLiteral("k1:9092")); // ':' separator

    const auto rd = ProfileImport::fromText(QStringLiteral("bootstrap.servers=k1:9092\n"
                                                           "security.protocol=SASL_SSL\n"
                                                           "sasl.mechanism=SCRAM-SHA-512\n"
                                                           "sasl.username=carol\n"
                                                           "sasl.password=pw\n"),
                                            PropertyFormat::Librdkafka, {});
    ASSERT_TRUE(rd.ok()) << rd.error().message.toStdString();
    EXPECT_EQ(rd->profile.saslMechanism, SaslMechanism::ScramSha512);
    EXPECT_EQ(rd->profile.username, QStringLiteral("carol"));
    EXPECT_EQ(rd->secrets.password, QStringLiteral("pw"));
}

TEST(ProfileImport, PemTrustStoreBecomesCaFile)
{
    QTemporaryDir dir;
    const QString ca = dir.filePath(QStringLiteral("truststore"));
    ASSERT_TRUE(kastle::test::writeFile(
        ca, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"));
    const auto r = ProfileImport::fromText(QStringLiteral("bootstrap.servers=k:9093\n"
                                                          "security.protocol=SSL\n"
                                                          "ssl.truststore.location=") +
                                               ca,
                                           PropertyFormat::JavaClient, {});
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(r->profile.caFile, ca);

    const auto typed =
        ProfileImport::fromText(QStringLiteral("bootstrap.servers=k:9093\n"
                                               "ssl.truststore.type=PKCS12\n"
                                               "ssl.truststore.location=/x/ca.pem\n"),
                                PropertyFormat::JavaClient, {});
    ASSERT_FALSE(typed.ok());
    EXPECT_TRUE(typed.error().message.contains(QStringLiteral("line 3:")));
}

TEST(ProfileImport, MissingBootstrapIsAnError)
{
    const auto r = ProfileImport::fromText(QStringLiteral("security.protocol=SSL\n"),
                                           PropertyFormat::Librdkafka, {});
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("bootstrap.servers")));
}
