// The SASL clients: SCRAM-SHA-256 against the exchange published in RFC 7677, a server that
// cannot prove the password, escaping of user names, PLAIN and OAUTHBEARER tokens.
#include "wire/saslclient.h"

#include <gtest/gtest.h>

using namespace kastle::core;

TEST(Scram, Sha256MatchesTheRfc7677Exchange)
{
    ScramClient client(QCryptographicHash::Sha256, QStringLiteral("user"), QStringLiteral("pencil"),
                       QByteArrayLiteral("rOprNGfwEbeRWgbNEkqO"));
    EXPECT_EQ(client.mechanismName(), QByteArrayLiteral("SCRAM-SHA-256"));
    EXPECT_EQ(client.start(), QByteArrayLiteral("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
    const auto final = client.next(QByteArrayLiteral(
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
    ASSERT_EQ(final.kind, SaslMechanismClient::Step::Kind::Send) << final.error.toStdString();
    EXPECT_EQ(final.token,
              QByteArrayLiteral("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)"
                                "hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
    const auto done =
        client.next(QByteArrayLiteral("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
    EXPECT_EQ(done.kind, SaslMechanismClient::Step::Kind::Done) << done.error.toStdString();
}

TEST(Scram, AWrongServerSignatureFails)
{
    ScramClient client(QCryptographicHash::Sha256, QStringLiteral("user"), QStringLiteral("pencil"),
                       QByteArrayLiteral("rOprNGfwEbeRWgbNEkqO"));
    client.start();
    client.next(QByteArrayLiteral(
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
    const auto step =
        client.next(QByteArrayLiteral("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
    EXPECT_EQ(step.kind, SaslMechanismClient::Step::Kind::Failed);
    EXPECT_FALSE(step.error.isEmpty());
}

TEST(Scram, RefusesForeignNoncesFewIterationsAndServerErrors)
{
    const auto firstStep = [](const QByteArray &serverFirst) {
        ScramClient client(QCryptographicHash::Sha512, QStringLiteral("u"), QStringLiteral("p"),
                           QByteArrayLiteral("abc"));
        client.start();
        return client.next(serverFirst);
    };
    EXPECT_EQ(firstStep("r=xyz123,s=c2FsdA==,i=4096").kind,
              SaslMechanismClient::Step::Kind::Failed);
    EXPECT_EQ(firstStep("r=abcdef,s=c2FsdA==,i=1000").kind,
              SaslMechanismClient::Step::Kind::Failed);
    EXPECT_EQ(firstStep("e=unknown-user").kind, SaslMechanismClient::Step::Kind::Failed);
    const auto ok = firstStep("r=abcdef,s=c2FsdA==,i=4096");
    EXPECT_EQ(ok.kind, SaslMechanismClient::Step::Kind::Send);
    // SHA-512 proofs are 64 bytes (88 base64 characters).
    EXPECT_EQ(ok.token.mid(ok.token.indexOf(",p=") + 3).size(), 88);
}

TEST(Scram, EscapesUserNames)
{
    EXPECT_EQ(ScramClient::escapeUsername(QStringLiteral("a=b,c")), QByteArrayLiteral("a=3Db=2Cc"));
}

TEST(Sasl, PlainAndOAuthBearerTokens)
{
    auto plain = SaslMechanismClient::create(SaslMechanism::Plain, QStringLiteral("alice"),
                                             QStringLiteral("s3cret"), {});
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->start(), QByteArray("\0alice\0s3cret", 13));
    EXPECT_EQ(plain->next({}).kind, SaslMechanismClient::Step::Kind::Done);

    auto oauth =
        SaslMechanismClient::create(SaslMechanism::OAuthBearer, {}, {}, QStringLiteral("tok.en"));
    ASSERT_TRUE(oauth);
    EXPECT_EQ(oauth->start(), QByteArray("n,,\x01"
                                         "auth=Bearer tok.en\x01\x01"));
    EXPECT_EQ(oauth->next({}).kind, SaslMechanismClient::Step::Kind::Done);
    EXPECT_EQ(oauth->next(QByteArrayLiteral("{\"status\":\"invalid_token\"}")).kind,
              SaslMechanismClient::Step::Kind::Failed);

    EXPECT_FALSE(SaslMechanismClient::create(SaslMechanism::Gssapi, {}, {}, {}));
}
