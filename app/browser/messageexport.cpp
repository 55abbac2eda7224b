// kcat-compatible JSON lines and CSV, both ways for JSON (format in the header).
#include "messageexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

namespace kastle::core {

namespace {

void appendJsonString(QByteArray &out, const QByteArray &utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (c < 0x20) {
                out.append("\\u00");
                out.append(hex[c >> 4]);
                out.append(hex[c & 15]);
            } else {
                out.append(ch);
            }
        }
    }
    out.append('"');
}

// Appends `"name":value` where value is a JSON string, base64 string or null; returns whether
// base64 was used.
bool appendBytes(QByteArray &out, const char *name, const std::optional<QByteArray> &bytes)
{
    out.append(",\"").append(name).append("\":");
    if (!bytes) {
        out.append("null");
        return false;
    }
    if (MessageExport::isUtf8(*bytes)) {
        appendJsonString(out, *bytes);
        return false;
    }
    appendJsonString(out, bytes->toBase64());
    return true;
}

QByteArray headersArray(const RawMessage &m, bool base64)
{
    QByteArray out = "[";
    bool first = true;
    auto add = [&](const std::optional<QByteArray> &b) {
        if (!first)
            out.append(',');
        first = false;
        if (!b)
            out.append("null");
        else
            appendJsonString(out, base64 ? b->toBase64() : *b);
    };
    for (const RawHeader &h : m.headers) {
        add(h.name);
        add(h.value);
    }
    out.append(']');
    return out;
}

bool headersNeedBase64(const RawMessage &m)
{
    for (const RawHeader &h : m.headers)
        if (!MessageExport::isUtf8(h.name) || (h.value && !MessageExport::isUtf8(*h.value)))
            return true;
    return false;
}

QByteArray csvField(const QByteArray &text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n') && !text.contains('\r'))
        return text;
    QByteArray quoted = text;
    quoted.replace("\"", "\"\"");
    return '"' + quoted + '"';
}

QByteArray csvBytes(const std::optional<QByteArray> &b)
{
    if (!b)
        return {};
    if (MessageExport::isUtf8(*b))
        return csvField(*b);
    return csvField("base64:" + b->toBase64());
}

Result<std::optional<QByteArray>> bytesFrom(const QJsonValue &v, bool base64, const char *what)
{
    if (v.isNull() || v.isUndefined())
        return std::optional<QByteArray>();
    if (!v.isString())
        return Error{MessageExport::tr("The field \"%1\" is not a string or null.")
                         .arg(QLatin1String(what))};
    const QByteArray utf8 = v.toString().toUtf8();
    if (!base64)
        return std::optional<QByteArray>(utf8);
    const auto decoded = QByteArray::fromBase64Encoding(utf8);
    if (!decoded)
        return Error{
            MessageExport::tr("The field \"%1\" is not valid base64.").arg(QLatin1String(what))};
    return std::optional<QByteArray>(*decoded);
}

} // namespace

bool MessageExport::isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString s = decoder.decode(bytes);
    return !decoder.hasError();
}

QByteArray MessageExport::jsonLine(const QString &topic, const RawMessage &m)
{
    QByteArray out;
    out.reserve(64 + m.size() * 2);
    out.append("{\"topic\":");
    appendJsonString(out, topic.toUtf8());
    out.append(",\"partition\":").append(QByteArray::number(m.partition));
    out.append(",\"offset\":").append(QByteArray::number(m.offset));
    if (m.timestampType != TimestampType::NotAvailable) {
        out.append(",\"tstype\":")
            .append(m.timestampType == TimestampType::CreateTime ? "\"create\"" : "\"logappend\"");
        out.append(",\"ts\":").append(QByteArray::number(m.timestamp));
    }
    bool headersBase64 = false;
    if (!m.headers.isEmpty()) {
        headersBase64 = headersNeedBase64(m);
        out.append(",\"headers\":").append(headersArray(m, headersBase64));
    }
    const bool keyBase64 = appendBytes(out, "key", m.key);
    const bool valueBase64 = appendBytes(out, "payload", m.value);
    if (keyBase64)
        out.append(",\"key_encoding\":\"base64\"");
    if (valueBase64)
        out.append(",\"payload_encoding\":\"base64\"");
    if (headersBase64)
        out.append(",\"headers_encoding\":\"base64\"");
    out.append('}');
    return out;
}

QByteArray MessageExport::csvHeader()
{
    return "topic,partition,offset,timestamp,timestamp_type,key,value,headers\n";
}

QByteArray MessageExport::csvLine(const QString &topic, const RawMessage &m)
{
    QByteArray out = csvField(topic.toUtf8());
    out.append(',').append(QByteArray::number(m.partition));
    out.append(',').append(QByteArray::number(m.offset));
    out.append(',');
    if (m.timestampType != TimestampType::NotAvailable)
        out.append(QByteArray::number(m.timestamp));
    out.append(',');
    if (m.timestampType == TimestampType::CreateTime)
        out.append("create");
    else if (m.timestampType == TimestampType::LogAppendTime)
        out.append("logappend");
    out.append(',').append(csvBytes(m.key));
    out.append(',').append(csvBytes(m.value));
    out.append(',');
    if (!m.headers.isEmpty()) {
        const bool b64 = headersNeedBase64(m);
        out.append(csvField((b64 ? QByteArray("base64:") : QByteArray()) + headersArray(m, b64)));
    }
    out.append('\n');
    return out;
}

Result<RawMessage> MessageExport::parseJsonLine(const QByteArray &line, QString *topic)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error{tr("Not a JSON object: %1.").arg(error.errorString())};
    const QJsonObject o = doc.object();
    RawMessage m;
    if (topic)
        *topic = o.value(QLatin1String("topic")).toString();
    m.partition = o.value(QLatin1String("partition")).toInt(-1);
    m.offset = o.value(QLatin1String("offset")).toInteger(-1);
    const QString tstype = o.value(QLatin1String("tstype")).toString();
    if (o.contains(QLatin1String("ts"))) {
        m.timestamp = o.value(QLatin1String("ts")).toInteger(-1);
        m.timestampType = tstype == QLatin1String("logappend") ? TimestampType::LogAppendTime
                                                               : TimestampType::CreateTime;
    }
    auto base64 = [&](const char *field) {
        return o.value(QLatin1String(field)).toString() == QLatin1String("base64");
    };
    Result<std::optional<QByteArray>> key =
        bytesFrom(o.value(QLatin1String("key")), base64("key_encoding"), "key");
    if (!key)
        return key.error();
    m.key = *key;
    Result<std::optional<QByteArray>> value =
        bytesFrom(o.value(QLatin1String("payload")), base64("payload_encoding"), "payload");
    if (!value)
        return value.error();
    m.value = *value;
    const QJsonValue headers = o.value(QLatin1String("headers"));
    if (!headers.isUndefined() && !headers.isNull()) {
        if (!headers.isArray() || headers.toArray().size() % 2 != 0)
            return Error{tr("\"headers\" must be an array of name, value pairs.")};
        const QJsonArray a = headers.toArray();
        const bool b64 = base64("headers_encoding");
        for (qsizetype i = 0; i < a.size(); i += 2) {
            Result<std::optional<QByteArray>> name = bytesFrom(a.at(i), b64, "headers");
            Result<std::optional<QByteArray>> hv = bytesFrom(a.at(i + 1), b64, "headers");
            if (!name)
                return name.error();
            if (!hv)
                return hv.error();
            m.headers.append({name->value_or(QByteArray()), *hv});
        }
    }
    return m;
}

ExportWriter::ExportWriter(QString path, ExportFormat format)
    : m_file(std::move(path))
    , m_format(format)
{}

Status ExportWriter::open()
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{tr("Could not write %1: %2").arg(m_file.fileName(), m_file.errorString())};
    if (m_format == ExportFormat::Csv && m_file.write(MessageExport::csvHeader()) < 0)
        return Error{tr("Could not write %1: %2").arg(m_file.fileName(), m_file.errorString())};
    return Done{};
}

Status ExportWriter::write(const QString &topic, const RawMessage &m)
{
    const QByteArray line = m_format == ExportFormat::Csv
                                ? MessageExport::csvLine(topic, m)
                                : MessageExport::jsonLine(topic, m) + '\n';
    if (m_file.write(line) != line.size())
        return Error{tr("Could not write %1: %2").arg(m_file.fileName(), m_file.errorString())};
    ++m_count;
    return Done{};
}

Status ExportWriter::close()
{
    if (!m_file.isOpen())
        return Done{};
    const bool flushed = m_file.flush();
    m_file.close();
    if (!flushed || m_file.error() != QFileDevice::NoError)
        return Error{tr("Could not finish %1: %2").arg(m_file.fileName(), m_file.errorString())};
    return Done{};
}

} // namespace kastle::core
