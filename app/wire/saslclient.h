// The client side of the SASL mechanisms Kastle's wire client speaks inside Kafka's
// SaslAuthenticate exchange: PLAIN (RFC 4616), SCRAM-SHA-256 and SCRAM-SHA-512 (RFC 5802 /
// RFC 7677, without channel binding, as Kafka does) and OAUTHBEARER with a static token
// (RFC 7628 initial client response).
//
// Shape of an exchange: start() gives the first token; every server answer goes to next(),
// which gives the next token to send, or says the exchange is complete, or failed (with a
// sentence). SCRAM verifies the server's signature before it reports success, so a server that
// does not know the password cannot pretend to.
#pragma once

#include "profiles/connectionprofile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QString>

#include <memory>

namespace kastle::core {

class SaslMechanismClient
{
public:
    struct Step
    {
        enum class Kind { Send, Done, Failed };
        Kind kind = Kind::Failed;
        QByteArray token; // for Send
        QString error;    // for Failed: a translated sentence
    };

    virtual ~SaslMechanismClient() = default;
    virtual QByteArray mechanismName() const = 0;
    virtual QByteArray start() = 0;
    virtual Step next(const QByteArray &serverMessage) = 0;

    // The client for a profile's mechanism; null for GSSAPI (not offered by the wire client).
    static std::unique_ptr<SaslMechanismClient> create(SaslMechanism mechanism,
                                                       const QString &username,
                                                       const QString &password,
                                                       const QString &oauthToken);

protected:
    static Step send(QByteArray token) { return {Step::Kind::Send, std::move(token), {}}; }
    static Step done() { return {Step::Kind::Done, {}, {}}; }
    static Step failed(QString error) { return {Step::Kind::Failed, {}, std::move(error)}; }
};

class ScramClient : public SaslMechanismClient
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::ScramClient)
public:
    // algorithm: Sha256 or Sha512. nonce: the client nonce; empty picks 24 random bytes
    // (tests pass a fixed one to check against published vectors).
    ScramClient(QCryptographicHash::Algorithm algorithm, QString username, QString password,
                QByteArray nonce = {});

    QByteArray mechanismName() const override;
    QByteArray start() override;
    Step next(const QByteArray &serverMessage) override;

    // "=" and "," in user names are sent as "=3D" and "=2C" (RFC 5802 section 5.1).
    static QByteArray escapeUsername(const QString &name);

private:
    enum class Stage { Initial, SentFirst, SentFinal, Finished };
    Step onServerFirst(const QByteArray &message);
    Step onServerFinal(const QByteArray &message);
    QByteArray hmac(const QByteArray &key, const QByteArray &data) const;

    QCryptographicHash::Algorithm m_algorithm;
    QString m_username;
    QString m_password;
    QByteArray m_clientNonce;
    QByteArray m_clientFirstBare;
    QByteArray m_expectedServerSignature;
    Stage m_stage = Stage::Initial;
};

} // namespace kastle::core
