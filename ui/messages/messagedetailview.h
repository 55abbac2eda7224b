// The detail pane of the message browser: one message's value, key and headers, each shown as
// the detected format, UTF-8 text, JSON (collapsible tree with type colours, or highlighted
// pretty text), hex dump or base64. Copies the value, a kcat command for this exact message,
// and saves the payload to a file.
#pragma once

#include "browser/messagestore.h"
#include "browser/payloadformat.h"
#include "profiles/connectionprofile.h"

#include <QWidget>

class QComboBox;
class QEvent;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabBar;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace kastle::ui {

class JsonHighlighter;

class MessageDetailView : public QWidget
{
    Q_OBJECT
public:
    enum class Part { Value, Key, Headers };
    // Formats offered in the combo, in this order.
    enum class Format { Auto, Text, JsonTree, JsonText, Hex, Base64 };

    explicit MessageDetailView(QWidget *parent = nullptr);

    void setMessage(const core::ConnectionProfile &profile, const QString &topic,
                    const core::RawMessage &message);
    void clearMessage();

    void setPart(Part part);
    void setFormat(Format format);
    Format format() const;
    // The format Auto resolved to for the current part (for tests and the status line).
    Format effectiveFormat() const { return m_effective; }
    QString kcatCommand() const;
    // What is shown right now as text (empty for the tree and the headers table).
    QString shownText() const;
    QTreeWidget *jsonTree() const { return m_tree; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    QByteArray currentBytes(bool *isNull) const;
    void fillTree(const QByteArray &bytes);
    void copyValue();
    void savePayload();

    core::ConnectionProfile m_profile;
    QString m_topic;
    core::RawMessage m_message;
    bool m_hasMessage = false;
    Format m_effective = Format::Auto;

    JsonHighlighter *m_highlighter = nullptr;
    QLabel *m_summary;
    QTabBar *m_parts;
    QComboBox *m_format;
    QStackedWidget *m_stack;
    QPlainTextEdit *m_text;
    QTreeWidget *m_tree;
    QTableWidget *m_headers;
    QLabel *m_empty;
    QPushButton *m_copy;
    QPushButton *m_copyKcat;
    QPushButton *m_save;
};

} // namespace kastle::ui
