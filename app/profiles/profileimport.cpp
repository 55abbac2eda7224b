// Profile import from Java client.properties and librdkafka property files.
//
// Both formats are read into (line, key, value) entries first; the mapping onto a profile is
// shared. Java specifics: `\` escapes and continuation lines, `:` or whitespace as separators,
// sasl.jaas.config (PlainLoginModule / ScramLoginModule / Krb5LoginModule options), and trust
// stores, of which only PEM can be used by librdkafka.
#include "profileimport.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace kastle::core {

namespace {

struct Entry
{
    int line = 0;
    QString key;
    QString value;
};

struct Problem
{
    int line = 0;
    QString message;
};

// Java's Properties.load() rules for one logical line that starts at `line`.
QString unescapeJava(const QString &in, bool *ok)
{
    QString out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QChar c = in.at(i);
        if (c != QLatin1Char('\\') || i + 1 >= in.size()) {
            out.append(c);
            continue;
        }
        const QChar n = in.at(++i);
        switch (n.unicode()) {
        case 't':
            out.append(QLatin1Char('\t'));
            break;
        case 'n':
            out.append(QLatin1Char('\n'));
            break;
        case 'r':
            out.append(QLatin1Char('\r'));
            break;
        case 'f':
            out.append(QLatin1Char('\f'));
            break;
        case 'u': {
            bool hexOk = false;
            const QString hex = in.mid(i + 1, 4);
            const uint code = hex.toUInt(&hexOk, 16);
            if (!hexOk || hex.size() != 4) {
                *ok = false;
                return {};
            }
            out.append(QChar(static_cast<char16_t>(code)));
            i += 4;
            break;
        }
        default:
            out.append(n);
        }
    }
    return out;
}

bool endsWithContinuation(const QString &line)
{
    qsizetype backslashes = 0;
    for (qsizetype i = line.size() - 1; i >= 0 && line.at(i) == QLatin1Char('\\'); --i)
        ++backslashes;
    return backslashes % 2 == 1;
}

QList<Entry> readJava(const QString &text, QList<Problem> &problems)
{
    QList<Entry> entries;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int startLine = static_cast<int>(i + 1);
        QString logical = lines.at(i);
        logical.remove(QLatin1Char('\r'));
        const QString trimmed = logical.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')) ||
            trimmed.startsWith(QLatin1Char('!')))
            continue;
        logical = logical.trimmed();
        while (endsWithContinuation(logical) && i + 1 < lines.size()) {
            logical.chop(1);
            QString next = lines.at(++i);
            next.remove(QLatin1Char('\r'));
            logical += next.trimmed();
        }
        // The key ends at the first unescaped '=', ':' or whitespace.
        qsizetype k = 0;
        for (; k < logical.size(); ++k) {
            const QChar c = logical.at(k);
            if (c == QLatin1Char('\\')) {
                ++k;
                continue;
            }
            if (c == QLatin1Char('=') || c == QLatin1Char(':') || c.isSpace())
                break;
        }
        QString rawKey = logical.left(k);
        qsizetype v = k;
        while (v < logical.size() && logical.at(v).isSpace())
            ++v;
        if (v < logical.size() &&
            (logical.at(v) == QLatin1Char('=') || logical.at(v) == QLatin1Char(':')))
            ++v;
        while (v < logical.size() && logical.at(v).isSpace())
            ++v;
        bool ok = true;
        const QString key = unescapeJava(rawKey, &ok);
        const QString value = ok ? unescapeJava(logical.mid(v), &ok) : QString();
        if (!ok) {
            problems.append({startLine, ProfileImport::tr("malformed \\u escape.")});
            continue;
        }
        if (key.isEmpty()) {
            problems.append({startLine, ProfileImport::tr("the line has a value but no key.")});
            continue;
        }
        entries.append({startLine, key, value});
    }
    return entries;
}

QList<Entry> readLibrdkafka(const QString &text, QList<Problem> &problems)
{
    QList<Entry> entries;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int line = static_cast<int>(i + 1);
        const QString trimmed = lines.at(i).trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = trimmed.indexOf(QLatin1Char('='));
        if (eq < 0) {
            problems.append(
                {line,
                 ProfileImport::tr("expected key=value, found \"%1\".").arg(trimmed.left(60))});
            continue;
        }
        const QString key = trimmed.left(eq).trimmed();
        if (key.isEmpty()) {
            problems.append({line, ProfileImport::tr("the line has a value but no key.")});
            continue;
        }
        entries.append({line, key, trimmed.mid(eq + 1).trimmed()});
    }
    return entries;
}

// The options of the first module in a JAAS configuration line:
//   com.example.LoginModule required key="value" key2=value2;
struct JaasModule
{
    QString className;
    QHash<QString, QString> options;
};

std::optional<JaasModule> parseJaas(const QString &text)
{
    static const QRegularExpression head(
        QStringLiteral(R"(^\s*([A-Za-z_$][\w.$]*)\s+(required|requisite|sufficient|optional)\b)"));
    const QRegularExpressionMatch m = head.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    JaasModule module;
    module.className = m.captured(1);
    qsizetype i = m.capturedEnd(0);
    const auto skipSpace = [&] {
        while (i < text.size() && text.at(i).isSpace())
            ++i;
    };
    while (true) {
        skipSpace();
        if (i >= text.size())
            return std::nullopt; // a JAAS entry must end with ';'
        if (text.at(i) == QLatin1Char(';'))
            return module;
        const qsizetype keyStart = i;
        while (i < text.size() && text.at(i) != QLatin1Char('=') && !text.at(i).isSpace())
            ++i;
        const QString key = text.mid(keyStart, i - keyStart);
        skipSpace();
        if (key.isEmpty() || i >= text.size() || text.at(i) != QLatin1Char('='))
            return std::nullopt;
        ++i;
        skipSpace();
        QString value;
        if (i < text.size() && text.at(i) == QLatin1Char('"')) {
            ++i;
            bool closed = false;
            while (i < text.size()) {
                const QChar c = text.at(i++);
                if (c == QLatin1Char('\\') && i < text.size()) {
                    value.append(text.at(i++));
                } else if (c == QLatin1Char('"')) {
                    closed = true;
                    break;
                } else {
                    value.append(c);
                }
            }
            if (!closed)
                return std::nullopt;
        } else {
            while (i < text.size() && !text.at(i).isSpace() && text.at(i) != QLatin1Char(';'))
                value.append(text.at(i++));
        }
        module.options.insert(key, value);
    }
}

bool looksLikePem(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(4096).contains("-----BEGIN ");
}

// Keys that mean the same to the Java client and to librdkafka; a Java import keeps them.
const QSet<QString> &sharedKeys()
{
    static const QSet<QString> keys{
        QStringLiteral("client.id"),
        QStringLiteral("socket.connection.setup.timeout.ms"),
        QStringLiteral("socket.connection.setup.timeout.max.ms"),
        QStringLiteral("metadata.max.age.ms"),
        QStringLiteral("reconnect.backoff.ms"),
        QStringLiteral("reconnect.backoff.max.ms"),
        QStringLiteral("retry.backoff.ms"),
        QStringLiteral("request.timeout.ms"),
        QStringLiteral("sasl.kerberos.service.name"),
        QStringLiteral("client.dns.lookup"),
    };
    return keys;
}

// Java-only keys that carry no meaning once the stores are PEM files; ignored with a warning.
bool isJavaStoreDetail(const QString &key)
{
    return key == QLatin1String("ssl.truststore.password") ||
           key == QLatin1String("ssl.truststore.type") ||
           key == QLatin1String("ssl.keystore.type") || key == QLatin1String("ssl.protocol") ||
           key == QLatin1String("ssl.enabled.protocols");
}

class Mapper
{
public:
    Mapper(PropertyFormat format, const QString &name)
        : m_format(format)
    {
        m_out.profile.name = name;
    }

    void map(const QList<Entry> &entries);
    QList<Problem> problems;
    ImportedProfile m_out;

private:
    void mapJaas(const Entry &e);
    void mapTruststore(const Entry &e, const QString &type);
    void warn(int line, const QString &text)
    {
        m_out.warnings.append(ProfileImport::tr("line %1: %2").arg(line).arg(text));
    }

    PropertyFormat m_format;
    std::optional<Entry> m_jaas;
    QString m_mechanismSeen;
};

void Mapper::map(const QList<Entry> &entries)
{
    QString truststoreType;
    QHash<QString, int> seen;
    std::optional<Entry> truststore;
    bool haveBootstrap = false;
    for (const Entry &e : entries) {
        if (const auto it = seen.constFind(e.key); it != seen.constEnd())
            warn(e.line, ProfileImport::tr("%1 is set again (first on line %2); the last value "
                                           "counts.")
                             .arg(e.key)
                             .arg(*it));
        seen.insert(e.key, e.line);
        if (e.key == QLatin1String("ssl.truststore.type"))
            truststoreType = e.value.trimmed();
    }

    ConnectionProfile &p = m_out.profile;
    for (const Entry &e : entries) {
        const QString &k = e.key;
        const QString v = e.value.trimmed();
        if (k == QLatin1String("bootstrap.servers") || k == QLatin1String("metadata.broker.list")) {
            if (const auto bad = ProfileRules::checkBootstrap(v))
                problems.append({e.line, *bad});
            p.bootstrapServers = v;
            haveBootstrap = true;
        } else if (k == QLatin1String("security.protocol")) {
            if (const auto proto = ProfileRules::parseProtocol(v))
                p.securityProtocol = *proto;
            else
                problems.append({e.line, ProfileImport::tr("unknown security.protocol \"%1\"; "
                                                           "expected PLAINTEXT, SSL, "
                                                           "SASL_PLAINTEXT or SASL_SSL.")
                                             .arg(v)});
        } else if (k == QLatin1String("sasl.mechanism") || k == QLatin1String("sasl.mechanisms")) {
            if (const auto mech = ProfileRules::parseMechanism(v)) {
                p.saslMechanism = *mech;
                m_mechanismSeen = v;
            } else {
                problems.append({e.line, ProfileImport::tr("unsupported SASL mechanism \"%1\"; "
                                                           "Kastle supports PLAIN, "
                                                           "SCRAM-SHA-256, SCRAM-SHA-512, "
                                                           "GSSAPI and OAUTHBEARER.")
                                             .arg(v)});
            }
        } else if (k == QLatin1String("sasl.jaas.config")) {
            m_jaas = e;
        } else if (k == QLatin1String("sasl.username")) {
            p.username = v;
        } else if (k == QLatin1String("sasl.password")) {
            m_out.secrets.password = e.value;
        } else if (k == QLatin1String("sasl.kerberos.principal")) {
            p.username = v;
        } else if (k == QLatin1String("ssl.ca.location")) {
            p.caFile = v;
        } else if (k == QLatin1String("ssl.truststore.location")) {
            truststore = e;
        } else if (k == QLatin1String("ssl.certificate.location")) {
            p.certificateFile = v;
        } else if (k == QLatin1String("ssl.key.location")) {
            p.keyFile = v;
        } else if (k == QLatin1String("ssl.key.password")) {
            m_out.secrets.keyPassword = e.value;
        } else if (k == QLatin1String("ssl.endpoint.identification.algorithm")) {
            if (v.isEmpty() || v.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
                p.verifyHostname = false;
            else if (v.compare(QLatin1String("https"), Qt::CaseInsensitive) == 0)
                p.verifyHostname = true;
            else
                problems.append({e.line, ProfileImport::tr("unknown endpoint identification "
                                                           "algorithm \"%1\"; expected https or "
                                                           "an empty value.")
                                             .arg(v)});
        } else if (k == QLatin1String("ssl.keystore.location") ||
                   k == QLatin1String("ssl.keystore.password") ||
                   k == QLatin1String("ssl.key.password.file")) {
            if (k == QLatin1String("ssl.keystore.location"))
                problems.append(
                    {e.line, ProfileImport::tr("Java key stores are not supported. Export the "
                                               "client certificate and key as PEM files (for "
                                               "example: openssl pkcs12 -in keystore.p12 "
                                               "-nokeys -out client.pem and -nocerts -out "
                                               "client.key) and use ssl.certificate.location and "
                                               "ssl.key.location.")});
        } else if (isJavaStoreDetail(k)) {
            if (m_format == PropertyFormat::JavaClient && k != QLatin1String("ssl.truststore.type"))
                warn(e.line, ProfileImport::tr("%1 is not needed with PEM files and was "
                                               "ignored.")
                                 .arg(k));
        } else if (m_format == PropertyFormat::Librdkafka || sharedKeys().contains(k)) {
            p.extraProperties.append({k, e.value});
        } else {
            warn(e.line, ProfileImport::tr("%1 is a Java client setting that Kastle does not "
                                           "use; it was ignored.")
                             .arg(k));
        }
    }
    if (truststore)
        mapTruststore(*truststore, truststoreType);
    if (m_jaas)
        mapJaas(*m_jaas);
    if (!haveBootstrap)
        problems.append({0, ProfileImport::tr("the file sets no bootstrap.servers.")});
}

void Mapper::mapTruststore(const Entry &e, const QString &type)
{
    const QString path = e.value.trimmed();
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool pem = false;
    if (!type.isEmpty())
        pem = type.compare(QLatin1String("PEM"), Qt::CaseInsensitive) == 0;
    else if (QFileInfo::exists(path))
        pem = looksLikePem(path);
    else
        pem = suffix == QLatin1String("pem") || suffix == QLatin1String("crt") ||
              suffix == QLatin1String("cer");
    if (!pem) {
        problems.append(
            {e.line, ProfileImport::tr("ssl.truststore.location \"%1\" is not a PEM file. JKS "
                                       "and PKCS12 trust stores are not supported; convert it "
                                       "with: keytool -exportcert -rfc -keystore %1 -alias "
                                       "<alias> -file ca.pem (or openssl pkcs12 -in %1 -nokeys "
                                       "-out ca.pem) and point ssl.truststore.location or "
                                       "ssl.ca.location at ca.pem.")
                         .arg(path)});
        return;
    }
    m_out.profile.caFile = path;
}

void Mapper::mapJaas(const Entry &e)
{
    const auto module = parseJaas(e.value);
    if (!module) {
        problems.append({e.line, ProfileImport::tr("sasl.jaas.config could not be read; "
                                                   "expected: LoginModule required "
                                                   "username=\"...\" password=\"...\";")});
        return;
    }
    ConnectionProfile &p = m_out.profile;
    const QString cls = module->className.section(QLatin1Char('.'), -1);
    const auto option = [&](const char *name) {
        return module->options.value(QLatin1String(name));
    };
    if (cls == QLatin1String("PlainLoginModule") || cls == QLatin1String("ScramLoginModule")) {
        const bool scram = cls == QLatin1String("ScramLoginModule");
        const bool mechanismScram = p.saslMechanism == SaslMechanism::ScramSha256 ||
                                    p.saslMechanism == SaslMechanism::ScramSha512;
        if (!m_mechanismSeen.isEmpty() && scram != mechanismScram) {
            problems.append({e.line, ProfileImport::tr("%1 does not fit sasl.mechanism %2.")
                                         .arg(cls, ProfileRules::mechanismName(p.saslMechanism))});
            return;
        }
        if (m_mechanismSeen.isEmpty())
            p.saslMechanism = scram ? SaslMechanism::ScramSha512 : SaslMechanism::Plain;
        if (option("username").isEmpty() || !module->options.contains(QStringLiteral("password"))) {
            problems.append({e.line, ProfileImport::tr("sasl.jaas.config has no username or no "
                                                       "password.")});
            return;
        }
        p.username = option("username");
        m_out.secrets.password = option("password");
    } else if (cls == QLatin1String("Krb5LoginModule")) {
        p.username = option("principal");
        if (!option("keyTab").isEmpty())
            p.extraProperties.append({QStringLiteral("sasl.kerberos.keytab"), option("keyTab")});
    } else if (cls == QLatin1String("OAuthBearerLoginModule")) {
        warn(e.line, ProfileImport::tr("OAuthBearerLoginModule options were ignored; enter the "
                                       "static token in the connection dialog."));
    } else {
        problems.append(
            {e.line, ProfileImport::tr("unsupported login module %1.").arg(module->className)});
    }
}

} // namespace

Result<ImportedProfile> ProfileImport::fromFile(const QString &path, PropertyFormat format)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Could not read %1: %2").arg(path, file.errorString())};
    const QByteArray bytes = file.readAll();
    // Java property files are ISO 8859-1 unless they use \u escapes; UTF-8 is what people write.
    QString text = QString::fromUtf8(bytes);
    if (text.contains(QChar::ReplacementCharacter))
        text = QString::fromLatin1(bytes);
    return fromText(text, format, QFileInfo(path).completeBaseName());
}

Result<ImportedProfile> ProfileImport::fromText(const QString &text, PropertyFormat format,
                                                const QString &name)
{
    QList<Problem> problems;
    const QList<Entry> entries = format == PropertyFormat::JavaClient
                                     ? readJava(text, problems)
                                     : readLibrdkafka(text, problems);
    Mapper mapper(format, name.isEmpty() ? tr("Imported connection") : name);
    mapper.map(entries);
    problems += mapper.problems;
    if (!problems.isEmpty()) {
        std::stable_sort(problems.begin(), problems.end(),
                         [](const Problem &a, const Problem &b) { return a.line < b.line; });
        QStringList lines;
        for (const Problem &pr : problems) {
            lines.append(pr.line > 0 ? tr("line %1: %2").arg(pr.line).arg(pr.message)
                                     : pr.message.left(1).toUpper() + pr.message.mid(1));
        }
        return Error{tr("Nothing was imported because the file has problems:\n%1")
                         .arg(lines.join(QLatin1Char('\n')))};
    }
    return mapper.m_out;
}

} // namespace kastle::core
