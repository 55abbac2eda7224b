// Profile -> WireSecurity: TLS material read from the profile's files, SASL settings, and the
// few extra librdkafka properties the wire client honours.
#include "wiresecurity.h"

#include <QFile>
#include <QSsl>

namespace kastle::core {

namespace {

bool isFalse(const QString &v)
{
    const QString s = v.trimmed().toLower();
    return s == QLatin1String("false") || s == QLatin1String("0") || s == QLatin1String("no");
}

} // namespace

QSslConfiguration WireSecurity::sslConfiguration() const
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    if (!caCertificates.isEmpty())
        c.setCaCertificates(caCertificates);
    if (!clientChain.isEmpty()) {
        c.setLocalCertificateChain(clientChain);
        c.setPrivateKey(clientKey);
    }
    c.setPeerVerifyMode(verifyCertificate ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
    c.setProtocol(QSsl::TlsV1_2OrLater);
    return c;
}

Result<WireSecurity> WireSecurityBuilder::make(const ConnectionProfile &p, const ProfileSecrets &s)
{
    WireSecurity w;
    w.tls = p.usesTls();
    w.sasl = p.usesSasl();
    w.mechanism = p.saslMechanism;
    w.username = p.username;
    w.password = s.password;
    w.oauthToken = s.oauthToken;
    w.verifyHostname = p.verifyHostname;

    if (w.sasl && p.saslMechanism == SaslMechanism::Gssapi)
        return Error{tr("Kastle's own client cannot authenticate with GSSAPI (Kerberos); "
                        "live figures need PLAIN, SCRAM or OAUTHBEARER."),
                     -169};

    for (const auto &[key, value] : p.extraProperties) {
        if (key == QLatin1String("client.id") && !value.isEmpty())
            w.clientId = value;
        else if (key == QLatin1String("enable.ssl.certificate.verification"))
            w.verifyCertificate = !isFalse(value);
        else if (key == QLatin1String("ssl.endpoint.identification.algorithm"))
            w.verifyHostname = value.trimmed().toLower() == QLatin1String("https");
        else if (key == QLatin1String("socket.timeout.ms") && value.toInt() > 0)
            w.requestTimeout = std::chrono::milliseconds(value.toInt());
        else if (key == QLatin1String("socket.connection.setup.timeout.ms") && value.toInt() > 0)
            w.connectTimeout = std::chrono::milliseconds(value.toInt());
    }
    if (!w.tls)
        return w;

    const auto readFile = [](const QString &path, QByteArray *out) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        *out = f.readAll();
        return true;
    };
    if (!p.caFile.isEmpty()) {
        QByteArray pem;
        if (!readFile(p.caFile, &pem))
            return Error{tr("The CA file %1 cannot be read.").arg(p.caFile)};
        w.caCertificates = QSslCertificate::fromData(pem, QSsl::Pem);
        if (w.caCertificates.isEmpty())
            w.caCertificates = QSslCertificate::fromData(pem, QSsl::Der);
        if (w.caCertificates.isEmpty())
            return Error{tr("The CA file %1 holds no certificate.").arg(p.caFile)};
    }
    if (!p.certificateFile.isEmpty()) {
        QByteArray pem;
        if (!readFile(p.certificateFile, &pem))
            return Error{tr("The certificate file %1 cannot be read.").arg(p.certificateFile)};
        w.clientChain = QSslCertificate::fromData(pem, QSsl::Pem);
        if (w.clientChain.isEmpty())
            return Error{
                tr("The certificate file %1 holds no certificate.").arg(p.certificateFile)};
        // librdkafka accepts the key inside the certificate file too.
        const QString keyPath = p.keyFile.isEmpty() ? p.certificateFile : p.keyFile;
        QByteArray keyPem;
        if (!readFile(keyPath, &keyPem))
            return Error{tr("The key file %1 cannot be read.").arg(keyPath)};
        const QByteArray pass = s.keyPassword.toUtf8();
        for (QSsl::KeyAlgorithm alg : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
            QSslKey key(keyPem, alg, QSsl::Pem, QSsl::PrivateKey, pass);
            if (!key.isNull()) {
                w.clientKey = key;
                break;
            }
        }
        if (w.clientKey.isNull())
            return Error{
                tr("The key in %1 cannot be read; is the key password right?").arg(keyPath)};
    }
    return w;
}

} // namespace kastle::core
