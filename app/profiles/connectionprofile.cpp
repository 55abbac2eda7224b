// Connection profile rules: which fields apply, validation, and the Kafka spellings of enums.
#include "connectionprofile.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace kastle::core {

bool ConnectionProfile::usesSasl() const
{
    return securityProtocol == SecurityProtocol::SaslPlaintext ||
           securityProtocol == SecurityProtocol::SaslSsl;
}

bool ConnectionProfile::usesTls() const
{
    return securityProtocol == SecurityProtocol::Ssl ||
           securityProtocol == SecurityProtocol::SaslSsl;
}

bool ConnectionProfile::needsPassword() const
{
    return usesSasl() &&
           (saslMechanism == SaslMechanism::Plain || saslMechanism == SaslMechanism::ScramSha256 ||
            saslMechanism == SaslMechanism::ScramSha512);
}

bool ConnectionProfile::needsToken() const
{
    return usesSasl() && saslMechanism == SaslMechanism::OAuthBearer;
}

bool ConnectionProfile::mayHaveKeyPassword() const
{
    return usesTls() && !keyFile.isEmpty();
}

std::optional<QString> ProfileRules::checkBootstrap(const QString &bootstrap)
{
    if (bootstrap.trimmed().isEmpty())
        return tr("Enter at least one bootstrap server as host:port.");
    // A host name or IPv4 address, or an IPv6 address in brackets, then a port.
    static const QRegularExpression entry(QStringLiteral(
        R"(^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?):(\d{1,5})$)"));
    const QStringList parts = bootstrap.split(QLatin1Char(','));
    for (const QString &raw : parts) {
        const QString part = raw.trimmed();
        if (part.isEmpty())
            return tr("The server list has an empty entry; separate servers with single commas.");
        const QRegularExpressionMatch m = entry.match(part);
        if (!m.hasMatch())
            return tr("\"%1\" is not of the form host:port.").arg(part);
        const int port = m.captured(1).toInt();
        if (port < 1 || port > 65535)
            return tr("The port in \"%1\" must be between 1 and 65535.").arg(part);
    }
    return std::nullopt;
}

QList<FieldIssue> ProfileRules::validate(const ConnectionProfile &p, SecretPresence secrets)
{
    QList<FieldIssue> errors;
    QList<FieldIssue> warnings;
    if (p.name.trimmed().isEmpty())
        errors.append({ProfileField::Name, tr("Give the connection a name.")});
    if (const auto problem = checkBootstrap(p.bootstrapServers))
        errors.append({ProfileField::BootstrapServers, *problem});

    if (p.usesSasl()) {
        if (p.needsPassword()) {
            if (p.username.trimmed().isEmpty())
                errors.append({ProfileField::Username,
                               tr("%1 needs a user name.").arg(mechanismName(p.saslMechanism))});
            if (!secrets.password)
                errors.append({ProfileField::Password,
                               tr("%1 needs a password.").arg(mechanismName(p.saslMechanism))});
        }
        if (p.needsToken() && !secrets.token)
            errors.append({ProfileField::Token, tr("OAUTHBEARER needs a token.")});
    }

    if (p.usesTls()) {
        const auto checkFile = [&](ProfileField field, const QString &path, const QString &what) {
            if (path.isEmpty())
                return;
            const QFileInfo info(path);
            if (!info.exists())
                errors.append({field, tr("The %1 \"%2\" does not exist.").arg(what, path)});
            else if (!info.isFile() || !info.isReadable())
                errors.append({field, tr("The %1 \"%2\" is not a readable file.").arg(what, path)});
        };
        checkFile(ProfileField::CaFile, p.caFile, tr("CA file"));
        checkFile(ProfileField::CertificateFile, p.certificateFile, tr("certificate file"));
        checkFile(ProfileField::KeyFile, p.keyFile, tr("key file"));
        if (p.certificateFile.isEmpty() != p.keyFile.isEmpty()) {
            const ProfileField missing =
                p.keyFile.isEmpty() ? ProfileField::KeyFile : ProfileField::CertificateFile;
            errors.append({missing, tr("A client certificate needs both the certificate file "
                                       "and its key file.")});
        }
        if (!p.verifyHostname)
            warnings.append({ProfileField::VerifyHostname,
                             tr("Host name verification is off: Kastle will accept any "
                                "certificate signed by the CA, even one for another server."),
                             true});
    }

    static const QRegularExpression key(QStringLiteral(R"(^[A-Za-z0-9][A-Za-z0-9._-]*$)"));
    for (const auto &[k, v] : p.extraProperties) {
        if (!key.match(k).hasMatch()) {
            errors.append({ProfileField::ExtraProperties,
                           tr("\"%1\" is not a valid librdkafka property name.").arg(k)});
            break;
        }
    }
    return errors + warnings;
}

bool ProfileRules::hasErrors(const QList<FieldIssue> &issues)
{
    for (const FieldIssue &i : issues) {
        if (!i.warning)
            return true;
    }
    return false;
}

QString ProfileRules::protocolName(SecurityProtocol p)
{
    switch (p) {
    case SecurityProtocol::Plaintext:
        return QStringLiteral("PLAINTEXT");
    case SecurityProtocol::Ssl:
        return QStringLiteral("SSL");
    case SecurityProtocol::SaslPlaintext:
        return QStringLiteral("SASL_PLAINTEXT");
    case SecurityProtocol::SaslSsl:
        return QStringLiteral("SASL_SSL");
    }
    return {};
}

QString ProfileRules::mechanismName(SaslMechanism m)
{
    switch (m) {
    case SaslMechanism::Plain:
        return QStringLiteral("PLAIN");
    case SaslMechanism::ScramSha256:
        return QStringLiteral("SCRAM-SHA-256");
    case SaslMechanism::ScramSha512:
        return QStringLiteral("SCRAM-SHA-512");
    case SaslMechanism::Gssapi:
        return QStringLiteral("GSSAPI");
    case SaslMechanism::OAuthBearer:
        return QStringLiteral("OAUTHBEARER");
    }
    return {};
}

QString ProfileRules::environmentKey(Environment e)
{
    switch (e) {
    case Environment::Development:
        return QStringLiteral("development");
    case Environment::Staging:
        return QStringLiteral("staging");
    case Environment::Production:
        return QStringLiteral("production");
    }
    return {};
}

QString ProfileRules::environmentDisplayName(Environment e)
{
    switch (e) {
    case Environment::Development:
        return tr("Development");
    case Environment::Staging:
        return tr("Staging");
    case Environment::Production:
        return tr("Production");
    }
    return {};
}

std::optional<SecurityProtocol> ProfileRules::parseProtocol(const QString &text)
{
    for (auto p : {SecurityProtocol::Plaintext, SecurityProtocol::Ssl,
                   SecurityProtocol::SaslPlaintext, SecurityProtocol::SaslSsl}) {
        if (text.trimmed().compare(protocolName(p), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

std::optional<SaslMechanism> ProfileRules::parseMechanism(const QString &text)
{
    for (auto m : {SaslMechanism::Plain, SaslMechanism::ScramSha256, SaslMechanism::ScramSha512,
                   SaslMechanism::Gssapi, SaslMechanism::OAuthBearer}) {
        if (text.trimmed().compare(mechanismName(m), Qt::CaseInsensitive) == 0)
            return m;
    }
    return std::nullopt;
}

std::optional<Environment> ProfileRules::parseEnvironment(const QString &text)
{
    for (auto e : {Environment::Development, Environment::Staging, Environment::Production}) {
        if (text.trimmed().compare(environmentKey(e), Qt::CaseInsensitive) == 0)
            return e;
    }
    return std::nullopt;
}

} // namespace kastle::core
