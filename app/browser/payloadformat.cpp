// Payload renderings for the detail pane.
#include "payloadformat.h"
#include "browser/messageexport.h"

#include <QJsonDocument>

namespace kastle::core {

namespace {

QString shellQuote(const QString &s)
{
    static const QString safe =
        QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:,/=@+");
    if (!s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return safe.contains(c); }))
        return s;
    QString out = s;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

bool hasControlBytes(const QByteArray &bytes)
{
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
            return true;
    }
    return false;
}

} // namespace

PayloadFormat::Kind PayloadFormat::detect(const QByteArray &bytes)
{
    const QByteArray trimmed = bytes.trimmed();
    if (!trimmed.isEmpty() && (trimmed.front() == '{' || trimmed.front() == '[')) {
        QJsonParseError error;
        QJsonDocument::fromJson(trimmed, &error);
        if (error.error == QJsonParseError::NoError)
            return Kind::Json;
    }
    if (MessageExport::isUtf8(bytes) && !hasControlBytes(bytes))
        return Kind::Text;
    return Kind::Hex;
}

QString PayloadFormat::prettyJson(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return {};
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

QString PayloadFormat::hexDump(const QByteArray &bytes, qsizetype maxBytes)
{
    QString out;
    const qsizetype n = std::min(bytes.size(), maxBytes);
    out.reserve(n * 4 + 16);
    for (qsizetype line = 0; line < n; line += 16) {
        out += QStringLiteral("%1  ").arg(line, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = 0; i < 16; ++i) {
            if (line + i < n) {
                const auto c = static_cast<unsigned char>(bytes[line + i]);
                out += QStringLiteral("%1 ").arg(c, 2, 16, QLatin1Char('0'));
                ascii += (c >= 0x20 && c < 0x7f) ? QLatin1Char(static_cast<char>(c)) : QLatin1Char('.');
            } else {
                out += QStringLiteral("   ");
            }
            if (i == 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1Char(' ') + ascii + QLatin1Char('\n');
    }
    if (n < bytes.size())
        out += tr("… %n more byte(s) not shown", nullptr, static_cast<int>(bytes.size() - n));
    return out;
}

QString PayloadFormat::render(const QByteArray &bytes, Kind kind)
{
    if (kind == Kind::Auto)
        kind = detect(bytes);
    switch (kind) {
    case Kind::Auto:
    case Kind::Text:
        return QString::fromUtf8(bytes);
    case Kind::Json: {
        const QString pretty = prettyJson(bytes);
        return pretty.isEmpty() ? QString::fromUtf8(bytes) : pretty;
    }
    case Kind::Hex:
        return hexDump(bytes);
    case Kind::Base64:
        return QString::fromLatin1(bytes.toBase64());
    }
    return {};
}

QString PayloadFormat::kcatCommand(const ConnectionProfile &profile, const QString &topic,
                                   int32_t partition, int64_t offset)
{
    QStringList args = {QStringLiteral("kcat"), QStringLiteral("-C"), QStringLiteral("-b"),
                        shellQuote(profile.bootstrapServers)};
    if (profile.securityProtocol != SecurityProtocol::Plaintext) {
        const QString protocol = profile.usesSasl()
                                     ? (profile.usesTls() ? QStringLiteral("SASL_SSL")
                                                          : QStringLiteral("SASL_PLAINTEXT"))
                                     : QStringLiteral("SSL");
        args << QStringLiteral("-X") << QStringLiteral("security.protocol=") + protocol;
    }
    args << QStringLiteral("-t") << shellQuote(topic) << QStringLiteral("-p")
         << QString::number(partition) << QStringLiteral("-o") << QString::number(offset)
         << QStringLiteral("-c") << QStringLiteral("1") << QStringLiteral("-e")
         << QStringLiteral("-J");
    return args.join(QLatin1Char(' '));
}

} // namespace kastle::core
