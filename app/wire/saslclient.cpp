// SASL PLAIN, SCRAM-SHA-256/512 and static-token OAUTHBEARER, client side.
#include "saslclient.h"

#include <QList>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace kastle::core {

namespace {

class PlainClient : public SaslMechanismClient
{
public:
    PlainClient(QString user, QString password)
        : m_user(std::move(user))
        , m_password(std::move(password))
    {}
    QByteArray mechanismName() const override { return QByteArrayLiteral("PLAIN"); }
    // authzid (empty) NUL authcid NUL password
    QByteArray start() override { return '\0' + m_user.toUtf8() + '\0' + m_password.toUtf8(); }
    Step next(const QByteArray &) override { return done(); }

private:
    QString m_user;
    QString m_password;
};

class OAuthBearerClient : public SaslMechanismClient
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::OAuthBearerClient)
public:
    explicit OAuthBearerClient(QString token)
        : m_token(std::move(token))
    {}
    QByteArray mechanismName() const override { return QByteArrayLiteral("OAUTHBEARER"); }
    // gs2 header "n,," then kvpairs separated by ^A, ending in ^A^A (RFC 7628 section 3.1).
    QByteArray start() override
    {
        return QByteArrayLiteral("n,,\x01"
                                 "auth=Bearer ") +
               m_token.toUtf8() + QByteArrayLiteral("\x01\x01");
    }
    // Success is an empty answer; otherwise the server sent its JSON error status.
    Step next(const QByteArray &serverMessage) override
    {
        if (serverMessage.isEmpty())
            return done();
        return failed(tr("The cluster rejected the OAUTHBEARER token: %1")
                          .arg(QString::fromUtf8(serverMessage)));
    }

private:
    QString m_token;
};

// "a=1,b=2" -> value of one attribute; empty when missing.
QByteArray attribute(const QByteArray &message, char name)
{
    for (const QByteArray &part : message.split(',')) {
        if (part.size() >= 2 && part[0] == name && part[1] == '=')
            return part.mid(2);
    }
    return {};
}

} // namespace

std::unique_ptr<SaslMechanismClient> SaslMechanismClient::create(SaslMechanism mechanism,
                                                                 const QString &username,
                                                                 const QString &password,
                                                                 const QString &oauthToken)
{
    switch (mechanism) {
    case SaslMechanism::Plain:
        return std::make_unique<PlainClient>(username, password);
    case SaslMechanism::ScramSha256:
        return std::make_unique<ScramClient>(QCryptographicHash::Sha256, username, password);
    case SaslMechanism::ScramSha512:
        return std::make_unique<ScramClient>(QCryptographicHash::Sha512, username, password);
    case SaslMechanism::OAuthBearer:
        return std::make_unique<OAuthBearerClient>(oauthToken);
    case SaslMechanism::Gssapi:
        break;
    }
    return nullptr;
}

ScramClient::ScramClient(QCryptographicHash::Algorithm algorithm, QString username,
                         QString password, QByteArray nonce)
    : m_algorithm(algorithm)
    , m_username(std::move(username))
    , m_password(std::move(password))
    , m_clientNonce(std::move(nonce))
{
    if (m_clientNonce.isEmpty()) {
        QByteArray raw(24, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()),
                                              raw.size() / 4);
        m_clientNonce =
            raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    }
}

QByteArray ScramClient::mechanismName() const
{
    return m_algorithm == QCryptographicHash::Sha512 ? QByteArrayLiteral("SCRAM-SHA-512")
                                                     : QByteArrayLiteral("SCRAM-SHA-256");
}

QByteArray ScramClient::escapeUsername(const QString &name)
{
    QByteArray out = name.toUtf8();
    out.replace('=', "=3D");
    out.replace(',', "=2C");
    return out;
}

QByteArray ScramClient::start()
{
    m_clientFirstBare = "n=" + escapeUsername(m_username) + ",r=" + m_clientNonce;
    m_stage = Stage::SentFirst;
    return "n,," + m_clientFirstBare;
}

SaslMechanismClient::Step ScramClient::next(const QByteArray &serverMessage)
{
    switch (m_stage) {
    case Stage::SentFirst:
        return onServerFirst(serverMessage);
    case Stage::SentFinal:
        return onServerFinal(serverMessage);
    case Stage::Initial:
    case Stage::Finished:
        break;
    }
    return failed(tr("The SCRAM exchange went out of order."));
}

QByteArray ScramClient::hmac(const QByteArray &key, const QByteArray &data) const
{
    return QMessageAuthenticationCode::hash(data, key, m_algorithm);
}

SaslMechanismClient::Step ScramClient::onServerFirst(const QByteArray &message)
{
    const QByteArray error = attribute(message, 'e');
    if (!error.isEmpty())
        return failed(tr("The cluster refused the SCRAM login: %1").arg(QString::fromUtf8(error)));
    const QByteArray nonce = attribute(message, 'r');
    const QByteArray salt = QByteArray::fromBase64(attribute(message, 's'));
    bool ok = false;
    const int iterations = attribute(message, 'i').toInt(&ok);
    if (!nonce.startsWith(m_clientNonce) || nonce.size() <= m_clientNonce.size() || salt.isEmpty())
        return failed(tr("The cluster's SCRAM challenge is malformed."));
    // Kafka refuses fewer than 4096 iterations; a server asking for fewer is not to be trusted,
    // and an absurd count would stall the session thread.
    if (!ok || iterations < 4096 || iterations > 1000000)
        return failed(tr("The cluster asked for %1 SCRAM iterations, which Kastle does not accept.")
                          .arg(QString::fromLatin1(attribute(message, 'i'))));

    const int hashLength = QCryptographicHash::hashLength(m_algorithm);
    const QByteArray salted = QPasswordDigestor::deriveKeyPbkdf2(
        m_algorithm, m_password.toUtf8(), salt, iterations, quint64(hashLength));
    const QByteArray clientKey = hmac(salted, QByteArrayLiteral("Client Key"));
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, m_algorithm);
    const QByteArray finalWithoutProof = "c=biws,r=" + nonce; // biws = base64("n,,")
    const QByteArray authMessage = m_clientFirstBare + ',' + message + ',' + finalWithoutProof;
    const QByteArray signature = hmac(storedKey, authMessage);
    QByteArray proof = clientKey;
    for (int i = 0; i < proof.size(); ++i)
        proof[i] = char(proof[i] ^ signature[i]);
    const QByteArray serverKey = hmac(salted, QByteArrayLiteral("Server Key"));
    m_expectedServerSignature = hmac(serverKey, authMessage);
    m_stage = Stage::SentFinal;
    return send(finalWithoutProof + ",p=" + proof.toBase64());
}

SaslMechanismClient::Step ScramClient::onServerFinal(const QByteArray &message)
{
    m_stage = Stage::Finished;
    const QByteArray error = attribute(message, 'e');
    if (!error.isEmpty())
        return failed(tr("The cluster refused the SCRAM login: %1").arg(QString::fromUtf8(error)));
    if (QByteArray::fromBase64(attribute(message, 'v')) != m_expectedServerSignature)
        return failed(tr("The cluster's SCRAM signature is wrong; it may not be the server it "
                         "claims to be."));
    return done();
}

} // namespace kastle::core
