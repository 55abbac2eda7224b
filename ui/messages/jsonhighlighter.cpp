// JSON text highlighting.
#include "jsonhighlighter.h"
#include "theme.h"

namespace kastle::ui {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    // A string (maybe followed by a colon, which makes it a member name), a number, or a word.
    , m_token(QStringLiteral(
          R"(("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b)"))
{}

QColor JsonHighlighter::nameColor()
{
    return Theme::isDark() ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x04, 0x51, 0xa5);
}

QColor JsonHighlighter::colorFor(QJsonValue::Type type)
{
    const bool dark = Theme::isDark();
    switch (type) {
    case QJsonValue::String:
        return dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15);
    case QJsonValue::Double:
        return dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58);
    case QJsonValue::Bool:
    case QJsonValue::Null:
        return dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x00, 0xff);
    default:
        return {};
    }
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    QRegularExpressionMatchIterator it = m_token.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength(1) > 0) {
            const bool name = m.capturedLength(2) > 0;
            setFormat(static_cast<int>(m.capturedStart(1)), static_cast<int>(m.capturedLength(1)),
                      name ? nameColor() : colorFor(QJsonValue::String));
        } else if (m.capturedLength(3) > 0) {
            setFormat(static_cast<int>(m.capturedStart(3)), static_cast<int>(m.capturedLength(3)),
                      colorFor(QJsonValue::Double));
        } else if (m.capturedLength(4) > 0) {
            setFormat(static_cast<int>(m.capturedStart(4)), static_cast<int>(m.capturedLength(4)),
                      colorFor(QJsonValue::Bool));
        }
    }
}

} // namespace kastle::ui
