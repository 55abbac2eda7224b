// How a key, value or header is shown in the detail pane: detection of the format (JSON, UTF-8
// text or binary) and the renderings that need no widgets (UTF-8 text, pretty JSON, hex dump,
// base64), plus the kcat command that fetches one exact message.
#pragma once

#include "browser/messagestore.h"
#include "profiles/connectionprofile.h"

#include <QCoreApplication>
#include <QString>

namespace kastle::core {

class PayloadFormat
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::PayloadFormat)
public:
    enum class Kind { Auto, Text, Json, Hex, Base64 };

    // What Auto means for these bytes: Json if they parse as a JSON object or array, Text if
    // they are valid UTF-8 without control characters (other than tab, CR, LF), else Hex.
    static Kind detect(const QByteArray &bytes);
    static QString render(const QByteArray &bytes, Kind kind); // Auto resolves via detect()
    // Classic 16 bytes per line: offset, hex in two groups of 8, printable ASCII.
    static QString hexDump(const QByteArray &bytes, qsizetype maxBytes = 1 << 20);
    // Indented JSON, or an empty string when the bytes are not JSON.
    static QString prettyJson(const QByteArray &bytes);

    // A shell command line for kcat that prints exactly this message as JSON.
    static QString kcatCommand(const ConnectionProfile &profile, const QString &topic,
                               int32_t partition, int64_t offset);
};

} // namespace kastle::core
