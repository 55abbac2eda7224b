// Message export and import formats.
//
// JSON lines, one object per message, compatible with `kcat -J`:
//   {"topic":"t","partition":0,"offset":7,"tstype":"create","ts":1700000000000,
//    "headers":["name","value",...],"key":"k","payload":"v"}
// Field order follows kcat. `key`/`payload` are null for null bytes; header values may be
// null. "tstype"/"ts" are left out when the broker gave no timestamp, "headers" when there are
// none (as kcat does). kcat's "broker" field is not written (the browser does not track which
// broker served a record) and is ignored on import. Bytes that are not valid UTF-8 cannot be a
// JSON string as they are; they are written base64-encoded and flagged by an extra member
// "key_encoding"/"payload_encoding"/"headers_encoding" = "base64", which kcat-style readers
// ignore and Kastle's import honours, so an export -> import round trip is byte-exact.
//
// CSV (RFC 4180, UTF-8, header row):
//   topic,partition,offset,timestamp,timestamp_type,key,value,headers
// timestamp is milliseconds since the epoch; key/value are text, or "base64:" followed by the
// base64 of bytes that are not UTF-8; headers is the JSON array described above.
#pragma once

#include "browser/messagestore.h"
#include "result.h"

#include <QCoreApplication>
#include <QFile>

namespace kastle::core {

enum class ExportFormat { JsonLines, Csv };

class MessageExport
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::MessageExport)
public:
    static QByteArray jsonLine(const QString &topic, const RawMessage &m); // no newline
    static QByteArray csvHeader();                                         // with newline
    static QByteArray csvLine(const QString &topic, const RawMessage &m);  // with newline
    // Parses one JSON line (as written above, or by kcat -J). `topic` gets the line's topic.
    static Result<RawMessage> parseJsonLine(const QByteArray &line, QString *topic = nullptr);

    static bool isUtf8(const QByteArray &bytes);
};

// Writes messages to a file in one format; errors are sentences.
class ExportWriter
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::ExportWriter)
public:
    ExportWriter(QString path, ExportFormat format);
    Status open();
    Status write(const QString &topic, const RawMessage &m);
    Status close();
    qint64 written() const { return m_count; }

private:
    QFile m_file;
    ExportFormat m_format;
    qint64 m_count = 0;
};

} // namespace kastle::core
