// A connection profile: everything Kastle needs to reach one Kafka cluster, minus the secrets.
// Secrets (passwords, tokens, key passphrases) travel separately in ProfileSecrets and are only
// ever stored in the system keychain (see SecretStore), never in the profile database.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace kastle::core {

enum class SecurityProtocol { Plaintext, Ssl, SaslPlaintext, SaslSsl };
enum class SaslMechanism { Plain, ScramSha256, ScramSha512, Gssapi, OAuthBearer };
enum class Environment { Development, Staging, Production };

using PropertyList = QList<std::pair<QString, QString>>;

struct ConnectionProfile
{
    QString id; // stable UUID (without braces); empty until first saved
    QString name;
    QString bootstrapServers; // "host:port[,host:port...]"
    SecurityProtocol securityProtocol = SecurityProtocol::Plaintext;
    SaslMechanism saslMechanism = SaslMechanism::Plain;
    // SASL user name; the Kerberos principal for GSSAPI; the principal name for OAUTHBEARER.
    QString username;
    QString caFile;
    QString certificateFile;
    QString keyFile;
    bool verifyHostname = true;
    PropertyList extraProperties; // passed to librdkafka verbatim, after the managed keys
    Environment environment = Environment::Development;

    bool usesSasl() const;
    bool usesTls() const;
    // Which secrets this profile needs with its current protocol and mechanism.
    bool needsPassword() const;
    bool needsToken() const;
    bool mayHaveKeyPassword() const;

    bool operator==(const ConnectionProfile &) const = default;
};

struct ProfileSecrets
{
    QString password;
    QString oauthToken;
    QString keyPassword;

    bool isEmpty() const
    {
        return password.isEmpty() && oauthToken.isEmpty() && keyPassword.isEmpty();
    }
    bool operator==(const ProfileSecrets &) const = default;
};

// The fields a validation message can point at, so the dialog shows it beside the right input.
enum class ProfileField {
    Name,
    BootstrapServers,
    SaslMechanism,
    Username,
    Password,
    Token,
    CaFile,
    CertificateFile,
    KeyFile,
    KeyPassword,
    VerifyHostname,
    ExtraProperties
};

struct FieldIssue
{
    ProfileField field;
    QString message;
    bool warning = false; // warnings do not block saving
};

// Which secrets are available for validation: typed into the dialog or already in the keychain.
struct SecretPresence
{
    bool password = false;
    bool token = false;
};

class ProfileRules
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::ProfileRules)
public:
    // All problems of the profile, errors first. Empty means it can be saved.
    static QList<FieldIssue> validate(const ConnectionProfile &profile, SecretPresence secrets);
    static bool hasErrors(const QList<FieldIssue> &issues);
    // Checks "host:port[,host:port]"; returns an explanation when it is malformed.
    static std::optional<QString> checkBootstrap(const QString &bootstrap);

    static QString protocolName(SecurityProtocol p);      // Kafka spelling, e.g. "SASL_SSL"
    static QString mechanismName(SaslMechanism m);        // Kafka spelling, e.g. "SCRAM-SHA-256"
    static QString environmentKey(Environment e);         // storage key, e.g. "production"
    static QString environmentDisplayName(Environment e); // translated
    static std::optional<SecurityProtocol> parseProtocol(const QString &text);
    static std::optional<SaslMechanism> parseMechanism(const QString &text);
    static std::optional<Environment> parseEnvironment(const QString &text);
};

} // namespace kastle::core
