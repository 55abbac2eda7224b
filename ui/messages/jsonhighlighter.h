// Colours for JSON shown as text in the message detail pane (member names, strings, numbers,
// true/false/null), in tones that read on the light and the dark theme. The same colours are
// used by the JSON tree so both views agree.
#pragma once

#include <QJsonValue>
#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace kastle::ui {

class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);

    static QColor nameColor();
    static QColor colorFor(QJsonValue::Type type);

protected:
    void highlightBlock(const QString &text) override;

private:
    QRegularExpression m_token;
};

} // namespace kastle::ui
