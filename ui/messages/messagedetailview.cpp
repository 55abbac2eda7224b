// Message detail pane.
#include "messagedetailview.h"
#include "jsonhighlighter.h"
#include "models/messagemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableWidget>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kastle::ui {

using core::PayloadFormat;

namespace {

// Big documents stay responsive: the tree stops adding items past this many.
constexpr int MaxTreeItems = 20000;

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object:
        return MessageDetailView::tr("object");
    case QJsonValue::Array:
        return MessageDetailView::tr("array");
    case QJsonValue::String:
        return MessageDetailView::tr("string");
    case QJsonValue::Double:
        return MessageDetailView::tr("number");
    case QJsonValue::Bool:
        return MessageDetailView::tr("boolean");
    default:
        return MessageDetailView::tr("null");
    }
}

QString scalarText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object:
        return MessageDetailView::tr("{%n member(s)}", nullptr,
                                     static_cast<int>(v.toObject().size()));
    case QJsonValue::Array:
        return MessageDetailView::tr("[%n item(s)]", nullptr, static_cast<int>(v.toArray().size()));
    case QJsonValue::String:
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return QStringLiteral("null");
    }
}

void addNode(QTreeWidgetItem *parent, QTreeWidget *tree, const QString &name, const QJsonValue &v,
             int &budget)
{
    if (--budget < 0)
        return;
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
    item->setText(0, name);
    item->setForeground(0, JsonHighlighter::nameColor());
    item->setText(1, scalarText(v));
    item->setText(2, typeName(v));
    const QColor color = JsonHighlighter::colorFor(v.type());
    if (color.isValid())
        item->setForeground(1, color);
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd() && budget > 0; ++it)
            addNode(item, tree, it.key(), it.value(), budget);
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size() && budget > 0; ++i)
            addNode(item, tree, QStringLiteral("[%1]").arg(i), a.at(i), budget);
    }
}

} // namespace

MessageDetailView::MessageDetailView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("messageDetail"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("messageSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    m_parts = new QTabBar(this);
    m_parts->setObjectName(QStringLiteral("messageParts"));
    m_parts->addTab(tr("Value"));
    m_parts->addTab(tr("Key"));
    m_parts->addTab(tr("Headers"));
    m_parts->setDrawBase(false);
    m_parts->setExpanding(false);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("payloadFormat"));
    m_format->addItem(tr("Automatic"));
    m_format->addItem(tr("UTF-8 text"));
    m_format->addItem(tr("JSON tree"));
    m_format->addItem(tr("JSON text"));
    m_format->addItem(tr("Hex"));
    m_format->addItem(tr("Base64"));
    m_format->setToolTip(tr("How to show the bytes"));

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("payloadText"));
    m_text->setReadOnly(true);
    m_text->setFont(mono);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_highlighter = new JsonHighlighter(m_text->document());

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("jsonTree"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Name"), tr("Value"), tr("Type")});
    m_tree->setFont(mono);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);

    m_headers = new QTableWidget(this);
    m_headers->setObjectName(QStringLiteral("headersTable"));
    m_headers->setColumnCount(2);
    m_headers->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_empty = new QLabel(tr("Select a message to see its key, value and headers."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_headers);

    m_copy = new QPushButton(tr("Copy value"), this);
    m_copy->setObjectName(QStringLiteral("copyValue"));
    m_copyKcat = new QPushButton(tr("Copy kcat command"), this);
    m_copyKcat->setObjectName(QStringLiteral("copyKcat"));
    m_copyKcat->setToolTip(tr("A kcat command line that prints exactly this message"));
    m_save = new QPushButton(tr("Save payload…"), this);
    m_save->setObjectName(QStringLiteral("savePayload"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_parts);
    top->addStretch();
    top->addWidget(m_format);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_copyKcat);
    buttons->addWidget(m_save);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);

    connect(m_parts, &QTabBar::currentChanged, this, [this] { refresh(); });
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_copy, &QPushButton::clicked, this, &MessageDetailView::copyValue);
    connect(m_copyKcat, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(kcatCommand()); });
    connect(m_save, &QPushButton::clicked, this, &MessageDetailView::savePayload);
    clearMessage();
}

void MessageDetailView::setMessage(const core::ConnectionProfile &profile, const QString &topic,
                                   const core::RawMessage &message)
{
    m_profile = profile;
    m_topic = topic;
    m_message = message;
    m_hasMessage = true;
    m_summary->setText(
        tr("Partition %1 · offset %2 · %3 · %4 · %n header(s)", nullptr,
           static_cast<int>(message.headers.size()))
            .arg(message.partition)
            .arg(message.offset)
            .arg(core::MessageModel::timestampText(message.timestamp, message.timestampType),
                 QLocale().formattedDataSize(message.size(), 1,
                                             QLocale::DataSizeTraditionalFormat)));
    m_parts->setTabText(2, tr("Headers (%1)").arg(message.headers.size()));
    refresh();
}

void MessageDetailView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The JSON colours follow the theme: redraw in the new one.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        if (m_highlighter)
            m_highlighter->rehighlight();
        refresh();
    }
}

void MessageDetailView::clearMessage()
{
    m_hasMessage = false;
    m_message = {};
    m_summary->setText(tr("No message selected."));
    refresh();
}

void MessageDetailView::setPart(Part part)
{
    m_parts->setCurrentIndex(static_cast<int>(part));
}

void MessageDetailView::setFormat(Format format)
{
    m_format->setCurrentIndex(static_cast<int>(format));
}

MessageDetailView::Format MessageDetailView::format() const
{
    return static_cast<Format>(m_format->currentIndex());
}

QByteArray MessageDetailView::currentBytes(bool *isNull) const
{
    const auto &bytes =
        m_parts->currentIndex() == static_cast<int>(Part::Key) ? m_message.key : m_message.value;
    *isNull = !bytes.has_value();
    return bytes.value_or(QByteArray());
}

QString MessageDetailView::kcatCommand() const
{
    if (!m_hasMessage)
        return {};
    return PayloadFormat::kcatCommand(m_profile, m_topic, m_message.partition, m_message.offset);
}

QString MessageDetailView::shownText() const
{
    return m_stack->currentWidget() == m_text ? m_text->toPlainText() : QString();
}

void MessageDetailView::fillTree(const QByteArray &bytes)
{
    m_tree->clear();
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    int budget = MaxTreeItems;
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        for (auto it = o.constBegin(); it != o.constEnd() && budget > 0; ++it)
            addNode(nullptr, m_tree, it.key(), it.value(), budget);
    } else {
        const QJsonArray a = doc.array();
        for (qsizetype i = 0; i < a.size() && budget > 0; ++i)
            addNode(nullptr, m_tree, QStringLiteral("[%1]").arg(i), a.at(i), budget);
    }
    if (budget <= 0) {
        auto *more = new QTreeWidgetItem(m_tree);
        more->setText(0, tr("… (large document: the rest is in JSON text)"));
    }
    m_tree->expandToDepth(1);
}

void MessageDetailView::refresh()
{
    const bool headersPart = m_parts->currentIndex() == static_cast<int>(Part::Headers);
    m_format->setEnabled(m_hasMessage && !headersPart);
    m_copy->setEnabled(m_hasMessage);
    m_copyKcat->setEnabled(m_hasMessage);
    m_save->setEnabled(m_hasMessage && !headersPart);
    if (!m_hasMessage) {
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    if (headersPart) {
        m_headers->setRowCount(static_cast<int>(m_message.headers.size()));
        for (int r = 0; r < m_message.headers.size(); ++r) {
            const core::RawHeader &h = m_message.headers[r];
            m_headers->setItem(r, 0, new QTableWidgetItem(QString::fromUtf8(h.name)));
            QString value = tr("(null)");
            if (h.value)
                value = PayloadFormat::detect(*h.value) == PayloadFormat::Kind::Hex
                            ? QStringLiteral("0x") + QString::fromLatin1(h.value->toHex())
                            : QString::fromUtf8(*h.value);
            m_headers->setItem(r, 1, new QTableWidgetItem(value));
        }
        m_stack->setCurrentWidget(m_headers);
        return;
    }
    bool isNull = false;
    const QByteArray bytes = currentBytes(&isNull);
    if (isNull) {
        m_highlighter->setDocument(nullptr);
        m_text->setPlainText(tr("(null)"));
        m_stack->setCurrentWidget(m_text);
        m_effective = Format::Text;
        return;
    }
    Format f = format();
    if (f == Format::Auto) {
        switch (PayloadFormat::detect(bytes)) {
        case PayloadFormat::Kind::Json:
            f = Format::JsonTree;
            break;
        case PayloadFormat::Kind::Hex:
            f = Format::Hex;
            break;
        default:
            f = Format::Text;
        }
    }
    m_effective = f;
    // Only JSON text is highlighted; hex digits and plain text are not JSON tokens.
    QTextDocument *highlighted = f == Format::JsonText ? m_text->document() : nullptr;
    if (m_highlighter->document() != highlighted)
        m_highlighter->setDocument(highlighted);
    if ((f == Format::JsonTree || f == Format::JsonText) &&
        PayloadFormat::prettyJson(bytes).isEmpty()) {
        m_text->setPlainText(tr("These bytes are not a JSON object or array.") +
                             QStringLiteral("\n\n") +
                             PayloadFormat::render(bytes, PayloadFormat::Kind::Auto));
        m_stack->setCurrentWidget(m_text);
        return;
    }
    switch (f) {
    case Format::JsonTree:
        fillTree(bytes);
        m_stack->setCurrentWidget(m_tree);
        return;
    case Format::JsonText:
        m_text->setPlainText(PayloadFormat::prettyJson(bytes));
        break;
    case Format::Hex:
        m_text->setPlainText(PayloadFormat::hexDump(bytes));
        break;
    case Format::Base64:
        m_text->setPlainText(PayloadFormat::render(bytes, PayloadFormat::Kind::Base64));
        break;
    default:
        m_text->setPlainText(QString::fromUtf8(bytes));
    }
    m_stack->setCurrentWidget(m_text);
}

void MessageDetailView::copyValue()
{
    if (m_parts->currentIndex() == static_cast<int>(Part::Headers)) {
        QStringList lines;
        for (const core::RawHeader &h : std::as_const(m_message.headers))
            lines.append(QString::fromUtf8(h.name) + QStringLiteral(": ") +
                         (h.value ? QString::fromUtf8(*h.value) : tr("(null)")));
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
        return;
    }
    bool isNull = false;
    const QByteArray bytes = currentBytes(&isNull);
    // Text as it is; bytes that are not text go to the clipboard in the chosen rendering.
    const Format f = m_effective;
    if (f == Format::Hex || f == Format::Base64)
        QApplication::clipboard()->setText(f == Format::Hex
                                               ? QString::fromLatin1(bytes.toHex())
                                               : QString::fromLatin1(bytes.toBase64()));
    else
        QApplication::clipboard()->setText(QString::fromUtf8(bytes));
}

void MessageDetailView::savePayload()
{
    bool isNull = false;
    const QByteArray bytes = currentBytes(&isNull);
    const QString suggested =
        QStringLiteral("%1-%2-%3.bin").arg(m_topic).arg(m_message.partition).arg(m_message.offset);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save payload"), suggested);
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        QMessageBox::warning(this, tr("Payload not saved"),
                             tr("Could not write %1: %2. Choose another folder or free some "
                                "space, then try again.")
                                 .arg(path, file.errorString()));
}

} // namespace kastle::ui
