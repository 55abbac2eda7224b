// How Kastle's own wire client secures its connections, derived from the same connection
// profile fields librdkafka gets (see kafka/rdkafkaconfig.cpp): TLS with a CA file or the
// system CAs, an optional client certificate and key (with key password), host name
// verification on or off, and SASL PLAIN, SCRAM-SHA-256/512 or a static OAUTHBEARER token.
//
// Extra librdkafka properties that the wire client honours as well, so both clients behave
// alike: client.id, enable.ssl.certificate.verification, ssl.endpoint.identification.algorithm,
// socket.timeout.ms (request timeout) and socket.connection.setup.timeout.ms.
#pragma once

#include "profiles/connectionprofile.h"
#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

#include <chrono>

namespace kastle::core {

struct WireSecurity
{
    bool tls = false;
    bool sasl = false;
    SaslMechanism mechanism = SaslMechanism::Plain;
    QString username;
    QString password;
    QString oauthToken;
    // TLS: the CA certificates to trust (empty: the system's), the client's certificate chain
    // (leaf first) and key, and the verification switches.
    QList<QSslCertificate> caCertificates;
    QList<QSslCertificate> clientChain;
    QSslKey clientKey;
    bool verifyCertificate = true;
    bool verifyHostname = true;

    QString clientId = QStringLiteral("kastle");
    std::chrono::milliseconds requestTimeout{30000};
    std::chrono::milliseconds connectTimeout{10000};

    // The QSslConfiguration for a connection (only meaningful with tls).
    QSslConfiguration sslConfiguration() const;
};

class WireSecurityBuilder
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::WireSecurityBuilder)
public:
    // Reads the profile's TLS files; fails with a sentence naming the file that cannot be used
    // or the SASL mechanism the wire client does not offer (GSSAPI).
    static Result<WireSecurity> make(const ConnectionProfile &profile,
                                     const ProfileSecrets &secrets);
};

} // namespace kastle::core
